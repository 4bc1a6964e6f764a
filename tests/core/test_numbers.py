"""detect/numbers.py: figures, what they count, and figures that differ or stand alone."""

from __future__ import annotations

import pytest

from desktop.core.detect.numbers import detect_numbers, figures
from desktop.core.detect.prepared import prepare
from tests.core.detecthelp import found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the qualifier and the counted word come with the figure
        ("At least 400 drones were deployed.", [(400.0, "drones", "At least")]),
        # a year is not a count; the count after it is
        ("In 2022, 12 people died.", [(12.0, "died", "")]),
        # a clock time is not a count
        ("At 1.21pm 3 trains left.", [(3.0, "left", "")]),
        # a day of the month is not a count
        ("On 20 November 40 homes burned.", [(40.0, "burned", "")]),
        # money: the currency is its unit
        ("He paid $5 million.", [(5_000_000.0, "", "")]),
    ],
)
def test_figures(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert [(f.value, f.head, f.qualifier) for f in figures(prepare(text))] == expected


def test_a_currency_is_a_unit() -> None:
    assert figures(prepare("He paid $5 million."))[0].units == {"usd"}


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # the same measure with another value
        (
            "Prices rose 5 percent.",
            "Prices rose 7 percent.",
            [("number", "numbers differ: 5 vs 7 percent")],
        ),
        # the same figure, qualified on one side only
        (
            "The storm killed 12 people.",
            "The storm killed at least 12 people.",
            [("added-detail", "the figure is qualified differently: '12' vs 'at least 12'")],
        ),
        # a depth against a distance: each side gives a figure the other lacks
        (
            "The quake was 40 km deep.",
            "The quake was 50 km from the capital.",
            [
                ("dropped-detail", "the report leaves out a figure: '40 km deep'"),
                ("added-detail", "the report adds a figure: '50 km'"),
            ],
        ),
        # the same figure: nothing to say
        ("Prices rose 5 percent.", "Prices rose 5 percent.", []),
    ],
)
def test_detect_numbers(a: str, b: str, expected: list[tuple[str, str]]) -> None:
    assert found(detect_numbers, a, b) == expected
