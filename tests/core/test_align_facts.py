"""Alignment through facts: a shared measure links sentences with few words in common, a
sure pair is linked even when it is not either side's best, a fact the whole reference repeats
links nothing by itself, and a sentence that disputes the one before it conflicts.
The sentences are made up for these tests."""

from __future__ import annotations

from desktop.core.align import align
from desktop.core.model import Document, FindingKind, Verdict
from tests.core.test_align import make_doc


def _links(reference: Document, report: Document) -> dict[tuple[str, str], Verdict]:
    text = {s.id: s.text for s in (*reference.statements, *report.statements)}
    return {(text[k.reference], text[k.other]): k.verdict for k in align(reference, report)}


def test_a_shared_measure_links_sentences_that_share_few_words() -> None:
    ref = make_doc(
        "r",
        [
            "The death toll from the flood rose to 162, the governor said.",
            "Schools in the district will stay shut until March.",
        ],
    )
    rep = make_doc(
        "p",
        [
            "Rescuers say 62 people have been killed by the water.",
            "Schools in the district will stay shut until March.",
        ],
    )
    links = _links(ref, rep)
    assert links[(ref.statements[0].text, rep.statements[0].text)] is Verdict.CONFLICT


def test_one_report_sentence_links_to_every_reference_sentence_giving_its_measure() -> None:
    ref = make_doc(
        "r",
        [
            "Floods kill more than 160 in the valley.",
            "The governor said the death toll had risen to 162.",
            "Bridges on the main road were washed away.",
        ],
    )
    rep = make_doc(
        "p",
        [
            "The agency said 62 people died in the floods.",
            "Bridges on the main road were washed away.",
        ],
    )
    links = _links(ref, rep)
    report_sentence = rep.statements[0].text
    assert links[(ref.statements[0].text, report_sentence)] is Verdict.CONFLICT
    assert links[(ref.statements[1].text, report_sentence)] is Verdict.CONFLICT


def test_a_fact_the_whole_reference_repeats_links_nothing_by_itself() -> None:
    # four of six reference sentences name Russian missiles: sharing that says nothing
    ref = make_doc(
        "r",
        [
            "Russian missiles hit a power plant near Lviv overnight.",
            "Russian missiles also struck two schools in Odesa.",
            "Air defences downed three cruise missiles near the western border.",
            "Engineers restored power to most homes by noon.",
            "Russian missiles damaged a dam on the Dnipro river.",
            "Russian missiles hit a grain terminal in the port.",
        ],
    )
    # a candidate by its words (score 40 from them), lifted to 60 only by the shared fact
    sentence = "Residents of the capital said Russian missiles flew overhead during the night."
    assert _links(ref, make_doc("p", [sentence])) == {}
    # the same sentence against a reference that names Russian missiles once is linked
    once = make_doc(
        "o",
        [
            "Russian missiles hit a power plant near Lviv overnight.",
            "Engineers restored power to most homes by noon.",
        ],
    )
    assert (once.statements[0].text, sentence) in _links(once, make_doc("p", [sentence]))


def test_a_sentence_disputing_the_one_before_conflicts_with_its_claim() -> None:
    ref = make_doc(
        "r",
        [
            "The army said rebels attacked a supply convoy near Karsa on Monday.",
            "Five soldiers were wounded in the attack.",
        ],
    )
    rep = make_doc(
        "p",
        [
            "The army said rebels attacked a supply convoy near Karsa on Monday.",
            "The rebels said that claim was false.",
            "A new market opened in the capital this week.",
        ],
    )
    reference, report = ref, rep
    found = [k for k in align(reference, report) if k.other == report.statements[1].id]
    assert [k.reference for k in found] == [reference.statements[0].id]
    assert found[0].verdict is Verdict.CONFLICT
    (finding,) = found[0].findings
    assert finding.kind is FindingKind.NEGATION
    assert "the sentence before it ('false')" in finding.message
    assert report.statements[0].text in finding.message


def test_no_dispute_without_a_pronoun_or_a_linked_sentence_before() -> None:
    ref = make_doc("r", ["The army said rebels attacked a supply convoy near Karsa on Monday."])
    # no pronoun pointing back: not read as a dispute of the sentence before
    rep = make_doc(
        "p",
        [
            "The army said rebels attacked a supply convoy near Karsa on Monday.",
            "Rebels called the report false.",
        ],
    )
    assert all(k.other != rep.statements[1].id for k in align(ref, rep))
    # the sentence before is linked to nothing
    rep2 = make_doc(
        "q", ["A new market opened in the capital this week.", "That claim is false, traders said."]
    )
    assert align(ref, rep2) == []
