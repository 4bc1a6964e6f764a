"""Clauses and qualifiers present on one side only, after the typed detectors have spoken."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from desktop.core.detect.context import DETAIL, PairContext, one_sided, quoted
from desktop.core.detect.prepared import Prepared
from desktop.core.model import Finding, Span

MIN_RUN = 5  # unmatched content words in a row before a clause counts as added or dropped
_BREAKS = frozenset({",", ";", ":", "(", ")", "."})  # not quote marks: quotes sit inside clauses


@dataclass(frozen=True)
class Run:
    """Unmatched content words in a row, and the shared words on either side of them."""

    first: int
    last: int
    count: int
    before: str  # content key of the nearest shared word before the run, '' at the start
    after: str  # same after the run, '' at the end


def detect_details(ctx: PairContext, covered_a: list[Span], covered_b: list[Span]) -> list[Finding]:
    """Runs of content words one side has and the other lacks (rewordings excepted)."""
    runs_a = runs(ctx.a, ctx.match_a, covered_a)
    runs_b = runs(ctx.b, ctx.match_b, covered_b)
    out: list[Finding] = []
    for r in runs_a:
        if r.count >= MIN_RUN and not _reworded(r, runs_b):
            text = quoted(ctx.a.quote(r.first, r.last))
            span = ctx.a.span(r.first, r.last)
            out.append(one_sided(DETAIL, True, f"the report leaves out {text}", "", span))
    for r in runs_b:
        if r.count >= MIN_RUN and not _reworded(r, runs_a):
            text = quoted(ctx.b.quote(r.first, r.last))
            span = ctx.b.span(r.first, r.last)
            out.append(one_sided(DETAIL, False, "", f"the report adds {text}", span))
    return out


def _reworded(run: Run, others: list[Run]) -> bool:
    """Whether the other side has words of its own between the same shared words."""
    for o in others:
        same_place = (run.before and run.before == o.before) or (run.after and run.after == o.after)
        if same_place and o.count * 2 >= run.count:
            return True
    return False


def runs(side: Prepared, matched: tuple[bool, ...], covered: list[Span]) -> list[Run]:
    """Every run of unmatched content words outside the spans already reported."""
    out: list[Run] = []
    first, last, count, before = -1, -1, 0, ""
    hidden = _covered_tokens(side, covered)
    for i, tok in enumerate(side.tokens):
        key = side.keys[i]
        if key and not matched[i] and i in hidden:
            continue  # already reported (a hedge, a name): neither part of the run nor its end
        free = key and not matched[i]
        if free:
            if count == 0:
                first = i
            last, count = i, count + 1
            continue
        if (key or tok.norm in _BREAKS) and count:
            out.append(Run(first, last, count, before, key if matched[i] else ""))
            count = 0
        if key and matched[i]:
            before = key
    if count:
        out.append(Run(first, last, count, before, ""))
    return out


def _covered_tokens(side: Prepared, covered: list[Span]) -> set[int]:
    """Indices of the tokens inside any of the spans (spans sorted, tokens looked up by start)."""
    if not covered:
        return set()
    starts = [t.start for t in side.tokens]
    order = sorted(range(len(starts)), key=starts.__getitem__)
    sorted_starts = [starts[k] for k in order]
    out: set[int] = set()
    for s, e in covered:
        k = bisect.bisect_left(sorted_starts, s)
        while k < len(order) and sorted_starts[k] < e:
            out.add(order[k])
            k += 1
    return out
