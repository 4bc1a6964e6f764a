"""All finding detectors run on one pair, typed findings first, details that repeat none."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from desktop.core.detect.clock import detect_clocks
from desktop.core.detect.context import SAME_MATTER, PairContext
from desktop.core.detect.dates import detect_dates
from desktop.core.detect.details import detect_details
from desktop.core.detect.entities import detect_entities
from desktop.core.detect.factdiff import detect_facts
from desktop.core.detect.numbers import detect_numbers
from desktop.core.detect.opposites import detect_noncommittal, detect_opposites
from desktop.core.detect.polarity import detect_hedge, detect_negation
from desktop.core.detect.quantity import detect_quantities
from desktop.core.detect.sources import detect_attribution
from desktop.core.model import Finding, FindingKind, Span

DETECTORS: tuple[Callable[[PairContext], list[Finding]], ...] = (
    detect_quantities,
    detect_numbers,
    detect_dates,
    detect_clocks,
    detect_negation,
    detect_opposites,
    detect_hedge,
    detect_noncommittal,
    detect_attribution,
    detect_entities,
)
MAX_PER_DETECTOR = 8  # a reader checks a handful of differences per pair, not hundreds
_DETAIL_KINDS = frozenset({FindingKind.ADDED_DETAIL, FindingKind.DROPPED_DETAIL})


def find_differences(ctx: PairContext) -> list[Finding]:
    """Every finding for the pair, typed ones first, without a detail that repeats one of them."""
    typed: list[Finding] = []
    details: list[Finding] = []
    for detector in DETECTORS:
        for finding in detector(ctx)[:MAX_PER_DETECTOR]:
            (details if finding.kind in _DETAIL_KINDS else typed).append(finding)
    # facts compare a measure both statements give: their conflicts need no more evidence
    facts = detect_facts(ctx)[:MAX_PER_DETECTOR]
    typed = [f for f in facts if f.kind not in _DETAIL_KINDS] + _weigh(ctx, typed)
    details = [f for f in facts if f.kind in _DETAIL_KINDS] + details
    covered_a = [f.reference_span for f in typed if f.reference_span]
    covered_b = [f.other_span for f in typed if f.other_span]
    kept: list[Finding] = []
    for f in details:
        if _overlaps(f.reference_span, covered_a) or _overlaps(f.other_span, covered_b):
            continue
        kept.append(f)
        if f.reference_span:
            covered_a.append(f.reference_span)
        if f.other_span:
            covered_b.append(f.other_span)
    return typed + kept + detect_details(ctx, covered_a, covered_b)


def _weigh(ctx: PairContext, typed: list[Finding]) -> list[Finding]:
    """A conflict needs two statements about the same matter: a measure both give (facts,
    compared above) or most of the words of one found in the other. Otherwise a date, a
    denial or a name that differs is a detail one side has, not a contradiction."""
    if ctx.overlap >= SAME_MATTER:
        return typed
    return [_as_detail(f) if f.is_conflict else f for f in typed]


def _as_detail(f: Finding) -> Finding:
    kind = FindingKind.ADDED_DETAIL if f.other_span else FindingKind.DROPPED_DETAIL
    return replace(f, kind=kind)


def _overlaps(span: Span | None, covered: list[Span]) -> bool:
    return span is not None and any(s < span[1] and span[0] < e for s, e in covered)
