"""Relative dates read against the day a document was published: agree, conflict or unknown."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop.core.compare import compare_documents
from desktop.core.model import CompareOptions, FindingKind, Verdict
from tests.core.test_claims import make_doc

# (reference sentence, its date, report sentence, its date, verdict, words in the finding)
CASES = [
    (
        "The deal was agreed this month in Iran.",
        "2022-11-20",
        "The agreement was reached at a meeting in Iran in early November.",
        None,
        Verdict.AGREE,
        "",
    ),  # PRODUCT.md's own example of `agree`
    (
        "The deal was agreed this month in Iran.",
        "2022-11-20",
        "The agreement was reached at a meeting in Iran in early October.",
        None,
        Verdict.CONFLICT,
        "this month (November 2022) vs early October",
    ),
    (
        "The deal was agreed last month in Iran.",
        "2022-11-20",
        "The deal was agreed in October in Iran.",
        "2022-11-21",
        Verdict.AGREE,
        "",
    ),
    (
        "The deal will be signed next month in Tehran.",
        "2022-12-30",
        "The deal will be signed in January in Tehran.",
        None,
        Verdict.AGREE,
        "",
    ),
    (
        "Drones struck the power plant in Kyiv yesterday, officials said.",
        "2022-11-20",
        "Drones struck the power plant in Kyiv on Saturday, officials said.",
        None,
        Verdict.AGREE,
        "",
    ),
    (
        "Drones struck the power plant in Kyiv yesterday, officials said.",
        "2022-11-20",
        "Drones struck the power plant in Kyiv on Friday, officials said.",
        None,
        Verdict.CONFLICT,
        "yesterday (Saturday 19 November 2022) vs on Friday",
    ),
    (
        "Drones struck the power plant in Kyiv on November 19, officials said.",
        None,
        "Drones struck the power plant in Kyiv yesterday, officials said.",
        "2022-11-20",
        Verdict.AGREE,
        "",
    ),  # the relative date is the report's: its own date counts
    (
        "Drones struck the power plant in Kyiv on November 18, officials said.",
        "2022-11-25",
        "Drones struck the power plant in Kyiv yesterday, officials said.",
        "2022-11-20",
        Verdict.CONFLICT,
        "yesterday (Saturday 19 November 2022)",
    ),
    (
        "The deal was agreed this month in Iran.",
        None,  # no date: it cannot be told
        "The agreement was reached at a meeting in Iran in early October.",
        None,
        Verdict.PARTIAL,
        "the date is given differently",
    ),
    (
        "The deal was agreed this week in Iran.",
        "2022-11-20",  # a week names no month or day
        "The deal was agreed on Monday in Iran.",
        None,
        Verdict.PARTIAL,
        "the date is given differently",
    ),
]


@pytest.mark.parametrize(
    ("ref_text", "ref_date", "rep_text", "rep_date", "verdict", "words"), CASES
)
def test_relative_dates_against_publication_dates(
    ref_text, ref_date, rep_text, rep_date, verdict, words
) -> None:
    ref = replace(make_doc("ref" + ref_text, [ref_text]), published=ref_date)
    rep = replace(make_doc("rep" + rep_text, [rep_text]), published=rep_date)
    links = compare_documents(ref, [rep]).links
    assert len(links) == 1
    link = links[0]
    assert link.verdict is verdict and link.machine_verdict is verdict
    messages = " / ".join(f.message for f in link.findings)
    assert words in messages
    if verdict is Verdict.AGREE:
        assert link.findings == ()
    if verdict is Verdict.CONFLICT:
        assert [f.kind for f in link.findings] == [FindingKind.DATE]
        assert link.findings[0].reference_span and link.findings[0].other_span


def test_a_settled_conflict_respects_the_kinds_asked_for() -> None:
    ref = replace(
        make_doc("r", ["The deal was agreed this month in Iran."]), published="2022-11-20"
    )
    rep = make_doc("o", ["The agreement was reached at a meeting in Iran in early October."])
    kinds = frozenset(FindingKind) - {FindingKind.DATE}
    link = compare_documents(ref, [rep], options=CompareOptions(finding_kinds=kinds)).links[0]
    assert link.verdict is Verdict.AGREE and link.findings == ()


def test_a_pair_linked_by_hand_is_read_against_the_dates_too() -> None:
    from desktop.core.model import Action, Decision
    from desktop.core.review import apply_decisions

    ref = replace(
        make_doc(
            "hand-r",
            ["The deal was agreed this month in Iran.", "Sirens sounded across Kyiv overnight."],
        ),
        published="2022-11-20",
    )
    rep = make_doc(
        "hand-o",
        [
            "Officials in Tehran spoke of an agreement made in early October.",
            "Air raid sirens sounded across Kyiv overnight.",
        ],
    )
    comparison = compare_documents(ref, [rep], options=CompareOptions(threshold=90))
    a, b = ref.statements[0].id, rep.statements[0].id
    assert not any((k.reference, k.other) == (a, b) for k in comparison.links)
    linked = apply_decisions(comparison, [Decision(a, b, Action.LINK)])
    link = next(k for k in linked.links if (k.reference, k.other) == (a, b))
    assert link.verdict is Verdict.CONFLICT
    assert any("this month (November 2022)" in f.message for f in link.findings)
