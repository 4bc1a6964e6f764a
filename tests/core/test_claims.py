"""Claims: anchors, support per document, corroboration counting wire copies once."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from hypothesis import given, settings, strategies
from rapidfuzz import fuzz

from desktop.core.claims import build_claims, claim_id
from desktop.core.model import (
    Document,
    Finding,
    FindingKind,
    Judgement,
    Link,
    Statement,
    StatementRole,
    Support,
    Verdict,
)


def make_doc(name: str, sentences: Sequence[str], roles: Sequence[StatementRole] = ()) -> Document:
    """A document whose statements are exactly ``sentences``, separated by one space."""
    digest = hashlib.sha256(name.encode()).hexdigest()
    doc_id = digest[:12]
    statements, pos = [], 0
    for n, text in enumerate(sentences):
        role = roles[n] if n < len(roles) else StatementRole.BODY
        statements.append(Statement(f"{doc_id}:s{n}", text, pos, pos + len(text), role))
        pos += len(text) + 1
    return Document(
        doc_id, " ".join(sentences), tuple(statements), name, f"{name}.txt", digest, "txt"
    )


def fake_judge(a: Statement, b: Statement) -> Judgement:
    """A small stand-in judge: word-order-free similarity, numbers decide conflicts."""
    score = fuzz.token_sort_ratio(a.text.lower(), b.text.lower())
    if score < 50:
        return Judgement(score, Verdict.UNRELATED)
    numbers_a, numbers_b = re.findall(r"\d+", a.text), re.findall(r"\d+", b.text)
    if numbers_a != numbers_b:
        finding = Finding(FindingKind.NUMBER, f"numbers differ: {numbers_a} vs {numbers_b}")
        return Judgement(score, Verdict.CONFLICT, (finding,))
    return Judgement(score, Verdict.AGREE if score >= 90 else Verdict.PARTIAL)


def link(a: Statement, b: Statement, verdict: Verdict, *, between: bool = False) -> Link:
    return Link(a.id, b.id, 80.0, verdict, machine_verdict=verdict, between_reports=between)


REF = make_doc("ref", ["A claim.", "B claim.", "C claim."])
R1 = make_doc("r1", ["A again.", "Extra one.", "B conflict."])
R2 = make_doc("r2", ["A too.", "Extra two."])
R3 = make_doc("r3", ["A too!", "Extra two!"])  # a wire copy of r2


def st(doc: Document, n: int) -> Statement:
    return doc.statements[n]


def test_every_reference_statement_anchors_a_claim_with_support() -> None:
    links = [
        link(st(REF, 0), st(R1, 0), Verdict.AGREE),
        link(st(REF, 1), st(R1, 2), Verdict.CONFLICT),
        link(st(REF, 0), st(R2, 0), Verdict.PARTIAL),
    ]
    claims = build_claims(REF, (R1, R2), links)
    in_ref = [c for c in claims if c.in_reference]
    assert [c.anchor for c in in_ref] == [s.id for s in REF.statements]
    first, second, third = in_ref
    assert first.id == claim_id(st(REF, 0).id)
    assert first.statements == (st(REF, 0).id, st(R1, 0).id, st(R2, 0).id)
    assert first.support == {REF.id: Support.SOURCE, R1.id: Support.AGREE, R2.id: Support.PARTIAL}
    assert first.corroboration == 2
    assert second.support[R1.id] is Support.CONFLICT and second.corroboration == 0
    assert third.support == {REF.id: Support.SOURCE, R1.id: Support.OMITTED, R2.id: Support.OMITTED}


def test_copies_count_once_in_corroboration() -> None:
    links = [link(st(REF, 0), st(d, 0), Verdict.AGREE) for d in (R1, R2, R3)]
    without = build_claims(REF, (R1, R2, R3), links)
    with_copy = build_claims(REF, (R1, R2, R3), links, copies=[(R3.id, R2.id)])
    assert without[0].corroboration == 3
    assert with_copy[0].corroboration == 2


def test_a_copy_of_the_reference_does_not_corroborate_it() -> None:
    links = [link(st(REF, 0), st(d, 0), Verdict.AGREE) for d in (R1, R2)]
    claims = build_claims(REF, (R1, R2), links, copies=[(R2.id, REF.id)])
    assert claims[0].corroboration == 1


def test_conflict_beats_agreement_within_one_report() -> None:
    links = [
        link(st(REF, 0), st(R1, 0), Verdict.AGREE),
        link(st(REF, 0), st(R1, 2), Verdict.CONFLICT),
    ]
    claims = build_claims(REF, (R1,), links)
    assert claims[0].support[R1.id] is Support.CONFLICT
    assert claims[0].corroboration == 0


def test_report_only_statements_group_across_reports() -> None:
    links = [
        link(st(REF, 0), st(R1, 0), Verdict.AGREE),
        link(st(R1, 1), st(R2, 1), Verdict.AGREE, between=True),
        link(st(R2, 1), st(R3, 1), Verdict.PARTIAL, between=True),
    ]
    claims = build_claims(REF, (R1, R2, R3), links, copies=[(R3.id, R2.id)])
    extra = [c for c in claims if not c.in_reference]
    grouped = next(c for c in extra if c.anchor == st(R1, 1).id)
    assert set(grouped.statements) == {st(R1, 1).id, st(R2, 1).id, st(R3, 1).id}
    assert grouped.support[REF.id] is Support.OMITTED
    assert grouped.support[R1.id] is Support.SOURCE
    assert grouped.support[R2.id] is Support.AGREE
    assert grouped.support[R3.id] is Support.PARTIAL
    assert grouped.corroboration == 1  # r2 and its copy r3 count once
    singles = {c.anchor for c in extra} - {grouped.anchor}
    assert singles == {st(R1, 2).id, st(R2, 0).id, st(R3, 0).id}


def test_unrelated_links_and_datelines_make_no_claims() -> None:
    ref = make_doc(
        "dated",
        ["20 Nov, 2022 07:28", "A claim."],
        roles=(StatementRole.DATELINE, StatementRole.BODY),
    )
    links = [link(st(ref, 1), st(R1, 0), Verdict.UNRELATED)]
    claims = build_claims(ref, (R1,), links)
    assert [c.anchor for c in claims if c.in_reference] == [st(ref, 1).id]
    assert claims[0].support[R1.id] is Support.OMITTED


VERDICTS = (Verdict.AGREE, Verdict.PARTIAL, Verdict.CONFLICT, Verdict.UNRELATED)
REPORTS = (R1, R2, R3)


@settings(max_examples=60, deadline=None)
@given(data=strategies.data())
def test_claim_invariants_hold_for_any_links(data: strategies.DataObject) -> None:
    """Whatever the links: one claim per reference statement, every report statement placed."""
    all_report = [s for d in REPORTS for s in d.statements]
    to_ref = data.draw(
        strategies.lists(
            strategies.tuples(
                strategies.sampled_from(REF.statements),
                strategies.sampled_from(all_report),
                strategies.sampled_from(VERDICTS),
            ),
            max_size=8,
        )
    )
    between = data.draw(
        strategies.lists(
            strategies.tuples(
                strategies.sampled_from(all_report),
                strategies.sampled_from(all_report),
                strategies.sampled_from(VERDICTS),
            ),
            max_size=6,
        )
    )
    links = [link(a, b, v) for a, b, v in to_ref]
    links += [
        link(a, b, v, between=True)
        for a, b, v in between
        if a.id.split(":")[0] < b.id.split(":")[0]
    ]
    copies = data.draw(strategies.sampled_from([(), ((R3.id, R2.id),), ((R2.id, REF.id),)]))
    claims = build_claims(REF, REPORTS, links, copies)
    anchors = [c.anchor for c in claims if c.in_reference]
    assert anchors == [s.id for s in REF.statements]
    linked = {
        k.other for k in links if not k.between_reports and k.verdict is not Verdict.UNRELATED
    }
    placed = [sid for c in claims if not c.in_reference for sid in c.statements]
    assert sorted(placed) == sorted(s.id for s in all_report if s.id not in linked)
    for c in claims:
        assert set(c.support) == {REF.id, R1.id, R2.id, R3.id}
        assert list(c.support.values()).count(Support.SOURCE) == 1
        assert (
            0
            <= c.corroboration
            <= sum(s in (Support.AGREE, Support.PARTIAL) for s in c.support.values())
        )
        assert len(set(c.statements)) == len(c.statements)
