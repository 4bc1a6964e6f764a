"""Shared report wording and facts: spans, short text, ordering, plain summary."""

from __future__ import annotations

from desktop.core.model import Comparison, Verdict
from desktop.export.text import (
    missing_everywhere,
    ordered_findings,
    plural,
    short_text,
    split_spans,
    statement_number,
)


def test_spans_cut_text_and_conflict_wins_overlaps() -> None:
    pieces = split_spans(
        "400 drones since August",
        [((0, 10), "partial"), ((0, 3), "conflict"), ((17, 23), "conflict")],
    )
    assert pieces == [
        ("400", "conflict"),
        (" drones", "partial"),
        (" since ", None),
        ("August", "conflict"),
    ]


def test_spans_out_of_range_or_empty_never_raise() -> None:
    assert split_spans("abc", [((-4, 99), "partial")]) == [("abc", "partial")]
    assert split_spans("abc", [((2, 1), "conflict"), (None, "conflict")]) == [("abc", None)]
    assert split_spans("", [((0, 3), "conflict")]) == []


def test_short_text_cuts_at_a_word() -> None:
    assert short_text("one  two\nthree", 40) == "one two three"
    assert short_text("Russian forces have already deployed 400 drones", 30) == (
        "Russian forces have already…"
    )


def test_plural_and_statement_numbers() -> None:
    assert (plural(1, "report"), plural(3, "report")) == ("1 report", "3 reports")
    assert statement_number("abc123:s0") == 1 and statement_number("weird") == 0


def test_findings_order_conflicts_then_most_disputed(comparison: Comparison) -> None:
    links = ordered_findings(comparison)
    verdicts = [lk.verdict for lk in links]
    assert verdicts == sorted(verdicts, key=[Verdict.CONFLICT, Verdict.PARTIAL].index)
    partial_refs = [statement_number(lk.reference) for lk in links if lk.verdict is Verdict.PARTIAL]
    assert partial_refs[:3] == [2, 2, 2]  # three reports qualify statement 2
    assert all(
        lk.verdict is Verdict.CONFLICT
        for lk in ordered_findings(comparison, include_partials=False)
    )


def test_claims_no_report_makes(comparison: Comparison) -> None:
    assert [statement_number(c.anchor) for c in missing_everywhere(comparison)] == [1]
