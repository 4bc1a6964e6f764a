"""Findings from facts keyed by measure: '162' vs '62' dead is a conflict, 'more than 160'
vs 'at least 162' a difference of precision, '162' vs 'not 162' a rejected figure."""

from __future__ import annotations

from desktop.core.detect.context import SAME_MATTER, PairContext, quoted
from desktop.core.detect.facts import COUNT, Fact, facts, rejection_start
from desktop.core.detect.origins import origin_pairs
from desktop.core.model import Finding, FindingKind

LABELS = {
    "deaths": "death toll",
    "bodies": "number of bodies found",
    "injured": "number of injured",
    "missing": "number missing",
    "trapped": "number trapped",
    "displaced": "number displaced",
    "rescued": "number rescued",
    "arrested": "number arrested",
    "damaged": "damage count",
    "magnitude": "magnitude",
    "distance": "distance",
    "duration": "duration",
}


NAMES = {
    "deaths": "dead",
    "bodies": "bodies found",
    "injured": "injured",
    "missing": "missing",
    "trapped": "trapped",
    "displaced": "displaced",
    "rescued": "rescued",
    "arrested": "arrested",
    "damaged": "damaged",
}


def detect_facts(ctx: PairContext) -> list[Finding]:
    """Each measure both statements give a value for, compared by the values' ranges."""
    out: list[Finding] = []
    others = [y for y in facts(ctx.b) if not y.measure.startswith(COUNT)]
    seen: set[int] = set()
    for x in facts(ctx.a):
        if x.negated:
            continue
        same = [y for y in others if x.same_measure(y)]
        given = [y for y in same if not y.negated]
        if any(x.same_value(y) for y in given):
            continue
        fitting = [y for y in given if x.compatible(y)]
        # a figure named to be rejected ('not 162') contradicts a reference that gives that
        # figure; a vague word ('dozens') gives none
        rejected = [y for y in same if y.negated and x.compatible(y) and not _vague(x)]
        clashing = [y for y in given if not x.compatible(y)] + rejected
        if fitting:
            y, conflict = fitting[0], False
        elif clashing:
            y, conflict = clashing[0], True
        else:
            continue
        if y.first in seen:
            continue
        seen.add(y.first)
        out.append(_finding(ctx, x, y, conflict=conflict))
    return out + _origins(ctx) + _recounted(ctx, others)


# Counts of people in states that exclude each other: one person is not both dead and injured.
# Homes destroyed and families displaced count other things, which can share a figure.
EXCLUSIVE = frozenset({"deaths", "injured", "missing", "arrested"})
_PART_OF = frozenset({"bodies", "deaths"})  # bodies found are some of the dead


def _recounted(ctx: PairContext, others: list[Fact]) -> list[Finding]:
    """The same figure for another measure in otherwise the same statement: '62 killed' vs
    '62 injured' cannot both be the report of one count (a conflict); '120 homes destroyed'
    vs '120 families displaced' can, but says another thing (a partial agreement)."""
    if ctx.overlap < SAME_MATTER:
        return []
    mine = [x for x in facts(ctx.a) if not x.measure.startswith(COUNT)]
    for x in mine:
        for y in others:
            if (
                x.exact
                and y.exact
                and x.low == y.low
                and x.measure != y.measure
                and {x.measure, y.measure} != _PART_OF
                and not any(y.same_measure(z) for z in mine)
                and not any(x.same_measure(z) for z in others)
            ):
                sa, sb = ctx.a.span(x.first, x.last), ctx.b.span(y.first, y.last)
                exclusive = x.measure in EXCLUSIVE and y.measure in EXCLUSIVE
                return [
                    Finding(
                        FindingKind.NUMBER if exclusive else FindingKind.ADDED_DETAIL,
                        "the same figure counts another thing: "
                        f"{quoted(ctx.a.quote(x.first, x.last))} {_name(x)} vs "
                        f"{quoted(ctx.b.quote(y.first, y.last))} {_name(y)}",
                        sa,
                        sb,
                    )
                ]
    return []


def _vague(fact: Fact) -> bool:
    """A vague word's range ('dozens'), not a figure with or without a qualifier."""
    return fact.high > 1.3 * fact.low


def _name(fact: Fact) -> str:
    return NAMES.get(fact.measure, fact.measure)


def _origins(ctx: PairContext) -> list[Finding]:
    """The same thing from another country: 'a Russian missile' vs 'Ukrainian missiles'."""
    pairs = origin_pairs(ctx.a, ctx.b)
    same = [(x, y) for x, y in pairs if x.country == y.country]
    if any(x.denied == y.denied for x, y in same):
        return []  # the report also names the reference's country for it
    out = []
    for x, y in (same or pairs)[:1]:
        qa, qb = quoted(ctx.a.quote(x.first, x.last)), quoted(ctx.b.quote(y.first, y.last))
        what = "who made it" if x.made else "whose it is"
        # 'a Russian missile' against 'unlikely to have been fired from Russia'
        how = "doubted by one side" if same else "differs"
        out.append(
            Finding(
                FindingKind.ENTITY,
                f"{what} {how}: {qa} vs {qb}",
                ctx.a.span(x.first, x.last),
                ctx.b.span(y.first, y.last),
            )
        )
    return out


def _finding(ctx: PairContext, x: Fact, y: Fact, *, conflict: bool) -> Finding:
    sa, sb = ctx.a.span(x.first, x.last), ctx.b.span(y.first, y.last)
    qa, qb = quoted(ctx.a.quote(x.first, x.last)), quoted(ctx.b.quote(y.first, y.last))
    label = LABELS.get(x.measure, "figure")
    if y.negated:
        return Finding(
            FindingKind.NUMBER,
            f"the report rejects the {label} {qa}: "
            f"{quoted(ctx.b.quote(rejection_start(ctx.b, y.first), y.last))}",
            sa,
            sb,
        )
    if conflict:
        kind = FindingKind.NUMBER if x.exact and y.exact else FindingKind.QUANTITY
        return Finding(kind, f"{label} differs: {qa} vs {qb}", sa, sb)
    if x.scope != y.scope:  # one side counts one country only: a part of the other's whole
        kind = FindingKind.ADDED_DETAIL if y.scope else FindingKind.DROPPED_DETAIL
        scope = (y if y.scope else x).scope
        part = scope.upper() if len(scope) <= 3 else scope.title()
        return Finding(kind, f"{label} for {part} only on one side: {qa} vs {qb}", sa, sb)
    # a figure for a vague word adds a detail ('dozens' -> '62'); so does a qualifier the
    # reference lacks ('62' -> 'at least 62'), as in desktop/core/detect/numbers.py
    added = _vague(x) if _vague(x) != _vague(y) else x.exact
    kind = FindingKind.ADDED_DETAIL if added else FindingKind.DROPPED_DETAIL
    return Finding(kind, f"{label} given with another precision: {qa} vs {qb}", sa, sb)
