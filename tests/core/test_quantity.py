"""detect/quantity.py: vague amounts ('a few', 'hundreds') that cannot both hold."""

from __future__ import annotations

import pytest

from desktop.core.detect.prepared import prepare
from desktop.core.detect.quantity import detect_quantities, vague_quantities
from tests.core.detecthelp import found


def test_vague_amounts_have_a_range_and_what_they_count() -> None:
    found_ = vague_quantities(prepare("A small number of drones and hundreds of shells"))
    assert [(v.phrase, v.low, v.high) for v in found_] == [
        (("a", "small", "number"), 1, 20),
        (("hundreds",), 200, 1999),
    ]
    assert [sorted(v.units) for v in found_] == [["dron"], ["shell"]]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # a handful against hundreds
        (
            "A small number of drones were sent.",
            "Hundreds of drones were sent.",
            [("quantity", "quantities differ: 'A small number' vs 'Hundreds'")],
        ),
        # a few against thousands
        (
            "A few people came.",
            "Thousands of people came.",
            [("quantity", "quantities differ: 'A few' vs 'Thousands'")],
        ),
        # ranges that do not meet
        (
            "Hundreds of people came.",
            "Thousands of people came.",
            [("quantity", "quantities differ: 'Hundreds' vs 'Thousands'")],
        ),
        # the same amount
        ("Dozens of people came.", "Dozens of people came.", []),
    ],
)
def test_detect_quantities(a: str, b: str, expected: list[tuple[str, str]]) -> None:
    assert found(detect_quantities, a, b) == expected
