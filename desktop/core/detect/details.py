"""Clauses and qualifiers present on one side only, after the typed detectors have spoken."""

from __future__ import annotations

from desktop.core.detect.context import DETAIL, PairContext, one_sided, quoted
from desktop.core.detect.prepared import Prepared
from desktop.core.model import Finding, Span

MIN_RUN = 2  # unmatched content words in a row before a clause counts as added or dropped
_BREAKS = frozenset({",", ";", ":", "(", ")", '"', "."})


def detect_details(ctx: PairContext, covered_a: list[Span], covered_b: list[Span]) -> list[Finding]:
    """Runs of content words one side has and the other lacks."""
    out: list[Finding] = []
    for first, last in _runs(ctx.a, ctx.match_a, covered_a):
        out.append(
            one_sided(
                DETAIL,
                True,
                f"the report leaves out {quoted(ctx.a.quote(first, last))}",
                "",
                ctx.a.span(first, last),
            )
        )
    for first, last in _runs(ctx.b, ctx.match_b, covered_b):
        out.append(
            one_sided(
                DETAIL,
                False,
                "",
                f"the report adds {quoted(ctx.b.quote(first, last))}",
                ctx.b.span(first, last),
            )
        )
    return out


def _runs(side: Prepared, matched: tuple[bool, ...], covered: list[Span]) -> list[tuple[int, int]]:
    """Token ranges holding at least MIN_RUN unmatched, uncovered content words."""
    out: list[tuple[int, int]] = []
    first, last, count = -1, -1, 0
    for i, tok in enumerate(side.tokens):
        key = side.keys[i]
        free = key and not matched[i] and not _inside(tok.start, tok.end, covered)
        if free:
            if count == 0:
                first = i
            last, count = i, count + 1
        elif (key or tok.norm in _BREAKS) and count:
            if count >= MIN_RUN:
                out.append((first, last))
            count = 0
    if count >= MIN_RUN:
        out.append((first, last))
    return out


def _inside(start: int, end: int, covered: list[Span]) -> bool:
    return any(s < end and start < e for s, e in covered)
