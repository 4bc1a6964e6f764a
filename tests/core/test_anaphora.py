"""'That claim is false': a short sentence that points back with a pronoun and disputes the
sentence before it conflicts with every reference claim that sentence is linked to
(table-driven). The sentences are made up for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.anaphora import _dispute, disputing_links
from desktop.core.compare import compare_documents
from desktop.core.detect.prepared import prepare
from desktop.core.loaders import load_document
from desktop.core.model import (
    Comparison,
    Document,
    FindingKind,
    Link,
    Statement,
    Support,
    Verdict,
)

CLAIM = "The army said rebels shot down a cargo plane near Varna on Sunday."
OTHER_CLAIM = "Three crew members were rescued from the sea."
UNRELATED = "A new ferry line opened this week."


def _statements(*texts: str) -> list[Statement]:
    out, pos = [], 0
    for n, text in enumerate(texts):
        out.append(Statement(f"p:s{n}", text, pos, pos + len(text)))
        pos += len(text) + 1
    return out


# (the sentence after a linked one, the words quoted as disputing it)
DISPUTES = [
    # 'that claim' and 'false'
    ("That claim is false, the rebels said.", "false"),
    # 'this' after the verb, a dispute word of the anaphora module
    ("The rebels disputed this.", "disputed"),
    # 'wrong'
    ("This is wrong, the mayor said.", "wrong"),
    # 'those figures' and 'inaccurate'
    ("Those figures are inaccurate, a rebel commander said.", "inaccurate"),
    # 'it' and 'hoax'
    ("The rebels said it was a hoax.", "hoax"),
    # 'such reports' and 'baseless'
    ("Such reports are baseless, a spokesman said.", "baseless"),
    # 'contest that'
    ("The rebels contest that account.", "contest"),
    # a denial of 'it'
    ("The rebels denied it.", "denied"),
]


@pytest.mark.parametrize(("text", "word"), DISPUTES)
def test_a_short_sentence_disputing_the_one_before_conflicts(text: str, word: str) -> None:
    before, statement = _statements(CLAIM, text)
    (made,) = disputing_links([before, statement], [Link("r:s0", before.id, 88.0, Verdict.AGREE)])
    assert (made.reference, made.other, made.verdict) == ("r:s0", statement.id, Verdict.CONFLICT)
    assert made.machine_verdict is Verdict.CONFLICT
    (finding,) = made.findings
    assert finding.kind is FindingKind.NEGATION
    assert finding.message == f"the report disputes the sentence before it ('{word}'): “{CLAIM}”"
    assert finding.other_span is not None and text[slice(*finding.other_span)] == word


# sentences after a linked one that dispute nothing
NOT_DISPUTES = [
    # no pronoun pointing back: whose report is false is not said by a pointer
    "The rebels called the report false.",
    # a pronoun, but no word that disputes
    "That is what the rebels said.",
    # a debunk word, but the sentence is long: it says more than that the one before is untrue
    "The rebels, who have fought the army in the hills above the port for a decade, said "
    "that this was false.",
    # the same with the claim the rebels put in its place
    "The rebels said that this was false and that the plane had crashed in fog over the hills "
    "near the port.",
]


@pytest.mark.parametrize("text", NOT_DISPUTES)
def test_no_dispute_is_read_where_none_is_made(text: str) -> None:
    before, statement = _statements(CLAIM, text)
    assert (
        disputing_links([before, statement], [Link("r:s0", before.id, 88.0, Verdict.AGREE)]) == []
    )


def test_a_dispute_conflicts_with_every_claim_the_sentence_before_is_linked_to() -> None:
    before, statement = _statements(CLAIM, "That claim is false, the rebels said.")
    links = [
        Link("r:s0", before.id, 90.0, Verdict.AGREE),
        Link("r:s3", before.id, 70.0, Verdict.PARTIAL),
    ]
    made = disputing_links([before, statement], links)
    assert [(k.reference, k.other, k.verdict) for k in made] == [
        ("r:s0", statement.id, Verdict.CONFLICT),
        ("r:s3", statement.id, Verdict.CONFLICT),
    ]


def test_no_dispute_after_an_unlinked_sentence_or_of_a_linked_one() -> None:
    first, linked, dispute = _statements(UNRELATED, CLAIM, "That claim is false, they said.")
    # the sentence before is linked to nothing
    assert disputing_links([first, dispute], [Link("r:s0", linked.id, 90.0, Verdict.AGREE)]) == []
    # the disputing sentence has a link of its own: the aligner's verdict stands
    both = [
        Link("r:s0", linked.id, 90.0, Verdict.AGREE),
        Link("r:s1", dispute.id, 55.0, Verdict.PARTIAL),
    ]
    assert disputing_links([linked, dispute], both) == []
    # the first sentence of a report has nothing before it
    assert disputing_links([dispute], [Link("r:s0", dispute.id, 90.0, Verdict.AGREE)]) == []


def _compare(tmp_path: Path, reference: str, report: str) -> tuple[Document, Document, Comparison]:
    ref, rep = tmp_path / "reference.txt", tmp_path / "report.txt"
    ref.write_text(reference + "\n", encoding="utf-8")
    rep.write_text(report + "\n", encoding="utf-8")
    ref_doc, rep_doc = load_document(ref), load_document(rep)
    return ref_doc, rep_doc, compare_documents(ref_doc, [rep_doc])


def test_a_report_that_restates_then_disputes_a_claim_conflicts_with_it(tmp_path: Path) -> None:
    dispute = "That claim is false, the rebels said."
    reference, report, comparison = _compare(
        tmp_path, f"{CLAIM} {OTHER_CLAIM}", f"{CLAIM} {dispute} {UNRELATED}"
    )
    claim = next(s for s in reference.statements if s.text == CLAIM)
    restated = next(s for s in report.statements if s.text == CLAIM)
    disputing = next(s for s in report.statements if s.text == dispute)
    found = [k for k in comparison.links if k.other == disputing.id]
    assert [(k.reference, k.verdict) for k in found] == [(claim.id, Verdict.CONFLICT)]
    (finding,) = found[0].findings
    assert finding.kind is FindingKind.NEGATION
    assert finding.message == f"the report disputes the sentence before it ('false'): “{CLAIM}”"
    assert finding.other_span is not None
    assert disputing.text[slice(*finding.other_span)] == "false"
    # the restating sentence keeps its own agreeing link
    assert any(
        k.other == restated.id and k.reference == claim.id and k.verdict is Verdict.AGREE
        for k in comparison.links
    )
    # in the claim matrix the report stands against the claim
    (row,) = [c for c in comparison.claims if c.anchor == claim.id]
    assert row.support[report.id] is Support.CONFLICT


# (report text, the sentence of it that must not conflict)
UNLINKED = [
    # a long sentence with a debunk word
    (
        f"{CLAIM} The rebels, who have fought the army in the hills above the port for a "
        "decade, said that this was false.",
        "The rebels, who have fought the army in the hills above the port for a decade, said "
        "that this was false.",
    ),
    # no pronoun
    (
        f"{CLAIM} The rebels called the army's account false.",
        "The rebels called the army's account false.",
    ),
    # the sentence before is linked to nothing
    (f"{UNRELATED} That claim is false, the rebels said.", "That claim is false, the rebels said."),
]


@pytest.mark.parametrize(("report", "sentence"), UNLINKED)
def test_no_dispute_in_a_comparison(tmp_path: Path, report: str, sentence: str) -> None:
    _, document, comparison = _compare(tmp_path, f"{CLAIM} {OTHER_CLAIM}", report)
    statement = next(s for s in document.statements if s.text == sentence)
    assert not [
        k for k in comparison.links if k.other == statement.id and k.verdict is Verdict.CONFLICT
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The union said it rejected the offer.",  # 'it' is the union, and the offer is rejected
        "It was the wrong moment for a strike, the union said.",  # 'wrong' judges no claim
        "The drivers said this was an error by the board.",  # an error of the board's, not a claim
        "It denied that the offer was final.",  # 'that' opens a clause of its own
        "It was not a hoax, the rebels said.",  # a hoax denied upholds the claim
    ],
)
def test_pointing_and_a_dispute_word_are_not_enough(text: str) -> None:
    assert _dispute(prepare(text)) is None


def test_not_true_points_back() -> None:
    # 'that is not true': the debunking phrase after the pointer and its verb
    side = prepare("That is not true, officials said.")
    assert _dispute(side) is not None
