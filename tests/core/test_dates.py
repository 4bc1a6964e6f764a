"""detect/dates.py: date mentions and the same event placed at another time."""

from __future__ import annotations

import pytest

from desktop.core.detect.dates import date_mentions, detect_dates
from desktop.core.detect.prepared import prepare
from tests.core.detecthelp import found


def test_mentions_of_weekday_month_and_year() -> None:
    mentions = date_mentions(prepare("On Monday, 20 November 2023, talks began."))
    assert [(m.cls, m.value, m.day) for m in mentions] == [
        ("weekday", "monday", ""),
        ("month", "november", "20"),
        ("year", "2023", ""),
    ]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # another weekday
        (
            "The deal was agreed on Monday.",
            "The deal was agreed on Tuesday.",
            [("date", "dates differ: on Monday vs on Tuesday")],
        ),
        # another month, with its preposition
        (
            "Drones deployed since August.",
            "Drones deployed since September.",
            [("date", "dates differ: since August vs since September")],
        ),
        # another year
        (
            "The deal was agreed in 2021.",
            "The deal was agreed in 2022.",
            [("date", "dates differ: in 2021 vs in 2022")],
        ),
        # the same day
        ("The deal was agreed on Monday.", "The deal was agreed on Monday.", []),
    ],
)
def test_detect_dates(a: str, b: str, expected: list[tuple[str, str]]) -> None:
    assert found(detect_dates, a, b) == expected
