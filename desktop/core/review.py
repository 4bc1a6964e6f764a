"""A reviewer's decisions applied to a comparison.

Decisions are keyed by statement ids, so they survive a recomputation with another threshold:
a confirmed or re-labelled pair the engine no longer links is restored as a reviewer link,
an unlinked pair stays unlinked. Decisions apply in order; the last one on a pair wins.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from desktop.core.claims import build_claims
from desktop.core.detect.prepared import prepare
from desktop.core.model import (
    Action,
    CompareOptions,
    Comparison,
    Decision,
    Judgement,
    Link,
    LinkOrigin,
    Verdict,
    document_of,
)
from desktop.core.settle import settle_dates

__all__ = ["apply_decisions", "orphaned_decisions"]


def apply_decisions(comparison: Comparison, decisions: Iterable[Decision]) -> Comparison:
    """The comparison with ``decisions`` applied and its claims rebuilt; orphans are ignored."""
    known = _statement_ids(comparison)
    links: dict[tuple[str, str], Link] = {}
    for link in comparison.links:
        links[(link.reference, link.other)] = link
    for decision in decisions:
        if _applies(decision, known):
            _apply(links, _oriented(comparison, decision), comparison)
    kept = tuple(links.values())
    claims = build_claims(comparison.reference, comparison.reports, kept, comparison.copies)
    return replace(comparison, links=kept, claims=claims)


def orphaned_decisions(comparison: Comparison, decisions: Iterable[Decision]) -> list[Decision]:
    """Decisions naming a statement the comparison lacks, or two of one document."""
    known = _statement_ids(comparison)
    return [d for d in decisions if not _applies(d, known)]


def _applies(decision: Decision, known: set[str]) -> bool:
    return (
        decision.reference in known
        and decision.other in known
        and document_of(decision.reference) != document_of(decision.other)
    )


def _apply(links: dict[tuple[str, str], Link], decision: Decision, comparison: Comparison) -> None:
    key = (decision.reference, decision.other)
    current = links.get(key)
    if decision.action is Action.UNLINK:
        links.pop(key, None)
        return
    if current is None:
        current = _reviewer_link(comparison, decision)
    verdict = current.verdict
    if decision.action in (Action.SET_VERDICT, Action.LINK) and decision.verdict is not None:
        verdict = decision.verdict
    note = decision.note or current.note
    links[key] = replace(
        current,
        verdict=verdict,
        reviewed=True,
        note=note,
        machine_verdict=current.machine_verdict or current.verdict,
    )


def _reviewer_link(comparison: Comparison, decision: Decision) -> Link:
    """A link the engine did not make, judged for its findings."""
    a = comparison.statement(decision.reference)
    b = comparison.statement(decision.other)
    judgement = _judge_regardless(a.text, b.text, comparison.options)
    ref_id = comparison.reference.id
    between = ref_id not in (document_of(a.id), document_of(b.id))
    link = Link(
        a.id,
        b.id,
        round(float(judgement.score), 2),
        judgement.verdict,
        judgement.findings,
        machine_verdict=judgement.verdict,
        origin=LinkOrigin.REVIEWER,
        between_reports=between,
    )
    aliases = comparison.options.aliases
    return settle_dates(
        [link],
        comparison.documents,
        options=comparison.options,
        prepared=lambda s: prepare(s.text, aliases=aliases),
    )[0]


def _judge_regardless(a: str, b: str, options: CompareOptions) -> Judgement:
    """Judge with no threshold: the reviewer has already said the two are related."""
    from desktop.core.judge import judge_pair

    judgement = judge_pair(a, b, options=replace(options, threshold=0.0))
    if judgement.verdict is Verdict.UNRELATED:
        verdict = (
            Verdict.CONFLICT
            if any(f.is_conflict for f in judgement.findings)
            else (Verdict.PARTIAL)
        )
        judgement = replace(judgement, verdict=verdict)
    return judgement


def _oriented(comparison: Comparison, decision: Decision) -> Decision:
    """Put the reference statement (or the earlier report's) first, as links do."""
    order = {d.id: n for n, d in enumerate(comparison.documents)}
    first, second = document_of(decision.reference), document_of(decision.other)
    if order[first] > order[second]:
        return replace(decision, reference=decision.other, other=decision.reference)
    return decision


def _statement_ids(comparison: Comparison) -> set[str]:
    return {s.id for d in comparison.documents for s in d.statements}
