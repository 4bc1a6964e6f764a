"""detect/numwords.py: number words and digit-plus-scale runs become one number token."""

from __future__ import annotations

import pytest

from desktop.core.detect.numwords import format_number
from desktop.core.normalise import tokenize


def _numbers(text: str) -> list[tuple[str, float | None]]:
    return [(t.norm, t.value) for t in tokenize(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("four hundred drones", [("400", 400.0), ("drones", None)]),  # words to digits
        ("twenty-five people", [("25", 25.0), ("people", None)]),  # hyphenated tens
        ("1.5 million people", [("1500000", 1500000.0), ("people", None)]),  # digits and scale
        ("3 millions", [("3000000", 3000000.0)]),  # a plural scale after digits
        ("a dozen eggs", [("12", 12.0), ("eggs", None)]),  # 'a dozen'
        ("two thousand and five", [("2005", 2005.0)]),  # 'and' inside a number
        ("one fifth", [("one", None), ("fifth", None)]),  # a share, not a count
        ("20 Nov", [("november", None), ("20", 20.0)]),  # month before day
        ("May 20", [("may", None), ("20", 20.0)]),  # already month first
        ("20 may", [("20", 20.0), ("may", None)]),  # 'may' in lower case is no month
    ],
)
def test_numbers_are_merged(text: str, expected: list[tuple[str, float | None]]) -> None:
    assert _numbers(text) == expected


@pytest.mark.parametrize(
    ("value", "text"),
    [(400.0, "400"), (2.5, "2.5"), (0.125, "0.125"), (1e6, "1000000"), (1 / 3, "0.333333")],
)
def test_format_number_without_trailing_zeros(value: float, text: str) -> None:
    assert format_number(value) == text
