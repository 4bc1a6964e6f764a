"""Per-report counts and the printed summary."""

from __future__ import annotations

from desktop.core.compare import compare_documents
from desktop.core.model import Action, Decision, Skipped, Verdict
from desktop.core.review import apply_decisions
from desktop.core.summary import ReportCounts, format_summary, report_counts
from tests.core.test_claims import fake_judge, make_doc
from tests.core.test_compare import COPY, OTHER, REF, WIRE


def test_counts_per_report_add_up_to_the_reference_claims() -> None:
    c = compare_documents(REF, [WIRE, OTHER], judge=fake_judge)
    counts = report_counts(c)
    assert list(counts) == [WIRE.id, OTHER.id]
    assert counts[WIRE.id] == ReportCounts(agree=1, partial=1, conflict=1, omitted=0, added=1)
    assert counts[OTHER.id] == ReportCounts(agree=1, partial=0, conflict=0, omitted=2, added=2)


def test_summary_shows_each_conflict_with_both_quotes_and_findings() -> None:
    c = compare_documents(
        REF,
        [WIRE, OTHER],
        judge=fake_judge,
        skipped=[Skipped("broken.pdf", "the PDF has no text layer")],
    )
    text = format_summary(c)
    assert "agree 1, partial 1, conflict 1, omitted 0, added 1" in text
    assert "reference: “Russian forces have deployed 400 Iranian drones since August.”" in text
    assert "report:    “Russian forces have deployed 450 Iranian drones since August.”" in text
    assert "numbers differ" in text
    assert "broken.pdf: the PDF has no text layer" in text
    assert text.index("wire.txt") < text.index("450 Iranian") < text.index("other.txt")


def test_summary_names_copies_and_reviewed_conflicts() -> None:
    c = compare_documents(REF, [WIRE, COPY], judge=fake_judge)
    conflict = next(k for k in c.links if k.verdict is Verdict.CONFLICT)
    c = apply_decisions(
        c,
        [
            Decision(
                conflict.reference, conflict.other, Action.CONFIRM, note="checked with the agency"
            )
        ],
    )
    text = format_summary(c)
    assert "CONFLICT (reviewed)" in text and "note: checked with the agency" in text
    assert "near-verbatim copy of wire (wire.txt)" in text


def test_summary_of_a_report_with_nothing_in_common() -> None:
    unrelated = make_doc("bakery", ["A new bakery opened on the high street."])
    c = compare_documents(REF, [unrelated], judge=fake_judge)
    assert report_counts(c)[unrelated.id] == ReportCounts(omitted=3, added=1)
    assert "CONFLICT" not in format_summary(c)
