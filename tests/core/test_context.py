"""detect/context.py: what every detector gets about a pair of statements."""

from __future__ import annotations

import pytest

from desktop.core.detect.context import DETAIL, PairContext, one_sided, quoted
from desktop.core.detect.fuzzy import Fuzzy
from desktop.core.detect.prepared import prepare
from desktop.core.model import FindingKind


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        ("The storm killed 12 people.", "The storm killed 12 people.", 1.0),  # the same
        ("Storm kills 12.", "The storm killed 12 people in the north on Monday.", 1.0),  # inside
        ("The storm killed 12 people.", "Schools stay closed.", 0.0),  # nothing shared
        ("The and of.", "Schools stay closed.", 0.0),  # one side has no content words
    ],
)
def test_overlap_is_the_share_of_the_shorter_side(a: str, b: str, overlap: float) -> None:
    assert PairContext(prepare(a), prepare(b)).overlap == overlap


def test_masks_mark_the_shared_content_words_per_token() -> None:
    ctx = PairContext(prepare("The storm hit Kenya."), prepare("Kenya was hit by floods."))
    shared_a = [t.norm for t, m in zip(ctx.a.tokens, ctx.match_a, strict=True) if m]
    shared_b = [t.norm for t, m in zip(ctx.b.tokens, ctx.match_b, strict=True) if m]
    assert shared_a == ["hit", "kenya"] and shared_b == ["kenya", "hit"]


def test_ratios_worked_out_in_bulk_are_used_as_given() -> None:
    known = Fuzzy(1.0, 2.0, 3.0)
    assert PairContext(prepare("a storm"), prepare("a flood"), known).fuzzy is known
    assert PairContext(prepare("a storm"), prepare("a storm")).fuzzy.ratio == 100


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a  b\n c", "'a b c'"),  # spaces folded
        ("x" * 60, "'" + "x" * 60 + "'"),  # up to 60 characters kept
        ("x" * 61, "'" + "x" * 57 + "...'"),  # longer ones shortened
    ],
)
def test_quoted(text: str, shown: str) -> None:
    assert quoted(text) == shown


def test_one_sided_detail_is_dropped_in_the_reference_and_added_in_the_report() -> None:
    dropped = one_sided(DETAIL, True, "the report leaves out X", "the report adds X", (3, 5))
    added = one_sided(DETAIL, False, "the report leaves out X", "the report adds X", (3, 5))
    assert (dropped.kind, dropped.message, dropped.reference_span, dropped.other_span) == (
        FindingKind.DROPPED_DETAIL,
        "the report leaves out X",
        (3, 5),
        None,
    )
    assert (added.kind, added.message, added.reference_span, added.other_span) == (
        FindingKind.ADDED_DETAIL,
        "the report adds X",
        None,
        (3, 5),
    )
