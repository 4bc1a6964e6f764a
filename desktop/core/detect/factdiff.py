"""Findings from facts keyed by measure: '162' vs '62' dead is a conflict, 'more than 160'
vs 'at least 162' a difference of precision, '162' vs 'not 162' a rejected figure."""

from __future__ import annotations

from desktop.core.detect.context import PairContext, quoted
from desktop.core.detect.facts import COUNT, Fact, facts, origin_pairs
from desktop.core.model import Finding, FindingKind

LABELS = {"deaths": "death toll", "injured": "number of injured", "missing": "number missing",
          "trapped": "number trapped", "displaced": "number displaced",
          "rescued": "number rescued", "arrested": "number arrested",
          "damaged": "damage count", "magnitude": "magnitude", "distance": "distance",
          "duration": "duration"}


def detect_facts(ctx: PairContext) -> list[Finding]:
    """Each measure both statements give a value for, compared by the values' ranges."""
    out: list[Finding] = []
    others = [y for y in facts(ctx.b) if not y.measure.startswith(COUNT)]
    seen: set[int] = set()
    for x in facts(ctx.a):
        same = [y for y in others if x.same_measure(y)]
        if not same or x.negated or any(x.same_value(y) and not y.negated for y in same):
            continue
        fitting = [y for y in same if x.compatible(y) and not y.negated]
        y = fitting[0] if fitting else same[0]
        if y.first in seen:
            continue
        seen.add(y.first)
        out.append(_finding(ctx, x, y, conflict=not fitting))
    return out + _origins(ctx)


def _origins(ctx: PairContext) -> list[Finding]:
    """The same thing from another country: 'a Russian missile' vs 'Ukrainian missiles'."""
    pairs = origin_pairs(ctx.a, ctx.b)
    if any(x.country == y.country for x, y in pairs):
        return []  # the report also names the reference's country for it
    out = []
    for x, y in pairs[:1]:
        qa, qb = quoted(ctx.a.quote(x.first, x.last)), quoted(ctx.b.quote(y.first, y.last))
        what = "who made it" if x.made else "whose it is"
        out.append(Finding(FindingKind.ENTITY, f"{what} differs: {qa} vs {qb}",
                           ctx.a.span(x.first, x.last), ctx.b.span(y.first, y.last)))
    return out


def _finding(ctx: PairContext, x: Fact, y: Fact, *, conflict: bool) -> Finding:
    sa, sb = ctx.a.span(x.first, x.last), ctx.b.span(y.first, y.last)
    qa, qb = quoted(ctx.a.quote(x.first, x.last)), quoted(ctx.b.quote(y.first, y.last))
    label = LABELS.get(x.measure, "figure")
    if y.negated:
        return Finding(FindingKind.NUMBER, f"the report rejects the {label} {qa}: "
                       f"{quoted(ctx.b.quote(y.first - 1, y.last))}", sa, sb)
    if conflict:
        kind = FindingKind.NUMBER if x.exact and y.exact else FindingKind.QUANTITY
        return Finding(kind, f"{label} differs: {qa} vs {qb}", sa, sb)
    kind = FindingKind.DROPPED_DETAIL if y.exact or not x.exact else FindingKind.ADDED_DETAIL
    return Finding(kind, f"{label} given with another precision: {qa} vs {qb}", sa, sb)
