"""detect/details.py: a clause one side has and the other leaves out."""

from __future__ import annotations

import pytest

from desktop.core.detect.context import PairContext
from desktop.core.detect.details import MIN_RUN, detect_details, runs
from desktop.core.detect.prepared import prepare


def _details(a: str, b: str, covered_a=(), covered_b=()) -> list[tuple[str, str]]:
    ctx = PairContext(prepare(a), prepare(b))
    return [
        (f.kind.value, f.message) for f in detect_details(ctx, list(covered_a), list(covered_b))
    ]


LONG = "Moscow and Tehran denied the deal at a meeting held in the capital on Monday evening."


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # a long clause the report leaves out
        (
            LONG,
            "Moscow denied the deal.",
            [
                (
                    "dropped-detail",
                    "the report leaves out 'meeting held in the capital on Monday evening'",
                )
            ],
        ),
        # and the same clause added by the report
        (
            "Moscow denied the deal.",
            LONG,
            [("added-detail", "the report adds 'meeting held in the capital on Monday evening'")],
        ),
        # fewer than MIN_RUN unmatched content words are no clause
        ("Moscow denied the deal.", "Moscow denied the deal on Monday.", []),
    ],
)
def test_detect_details(a: str, b: str, expected: list[tuple[str, str]]) -> None:
    assert _details(a, b) == expected


def test_words_another_finding_already_covers_are_not_a_clause_again() -> None:
    start = LONG.index("meeting")
    covered = [(start, len(LONG) - 1)]
    assert _details(LONG, "Moscow denied the deal.", covered_a=covered) == []


def test_runs_are_the_unmatched_stretches_and_only_long_ones_count() -> None:
    ctx = PairContext(prepare(LONG), prepare("Moscow denied the deal."))
    found = runs(ctx.a, ctx.match_a, [])
    # 'and Tehran' (one content word) and the meeting clause (five)
    assert [(r.count, r.before) for r in found] == [(1, "moscow"), (5, "deal")]
    assert [r.count >= MIN_RUN for r in found] == [False, True]  # only the clause is reported
