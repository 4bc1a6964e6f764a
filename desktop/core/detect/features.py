"""Lexical features of a pair for the same-claim score (weights fitted by bench/fit_scorer.py)."""

from __future__ import annotations

import math

from rapidfuzz import fuzz

from desktop.core.detect.context import PairContext
from desktop.core.detect.prepared import Prepared, memoised

FUZZY_MAX_CHARS = 4000  # a runaway "statement" is compared on its beginning
PARTIAL_MAX_CHARS = 400  # partial_ratio's cost grows with both lengths
LCS_MAX_WORDS = 60
EXTRA_SCALE = 10  # unmatched content words beyond this many say no more
# Fitted on MRPC train by bench/fit_scorer.py (logistic regression; same order as NAMES).
WEIGHTS = (1.268, 0.447, 1.865, 2.787, -2.153, 0.389, 1.968, -0.314, 0.350, -0.170, 0.378,
           -0.389, -1.037)
BIAS = -3.044
# Moves the 50 mark to where the old score put it: as many MRPC train pairs reach 50 as before
# (bench/fit_scorer.py), so the link threshold keeps its meaning; MRPC's own cut is SHIFT lower.
SHIFT = 0.859
NAMES = (
    "cover_min", "cover_max", "sort", "ratio", "partial", "set", "trigram", "lcs",
    "numbers", "names", "length", "extra_min", "extra_max",
)


@memoised
def trigrams(side: Prepared) -> frozenset[str]:
    """Character trigrams of the normalised text (catches shared stems and spellings)."""
    text = f" {side.norm[:FUZZY_MAX_CHARS]} "
    return frozenset(text[i : i + 3] for i in range(len(text) - 2))


@memoised
def content(side: Prepared) -> tuple[str, ...]:
    """Content keys in order."""
    return tuple(k for k in side.keys if k)


@memoised
def numbers(side: Prepared) -> frozenset[float]:
    """Values of the counts and measures the statement gives."""
    return frozenset(t.value for t in side.tokens if t.is_number and t.value is not None)


@memoised
def names(side: Prepared) -> frozenset[str]:
    """Capitalised content words (names), after the first word of the sentence."""
    return frozenset(k for t, k in zip(side.tokens, side.keys, strict=True) if k and t.cap)


def features(ctx: PairContext) -> tuple[float, ...]:
    """The pair's features in the order of :data:`NAMES`, each in 0..1."""
    a, b = ctx.a, ctx.b
    total_a, total_b = len(content(a)), len(content(b))
    cover_a = sum(ctx.match_a) / total_a if total_a else 0.0
    cover_b = sum(ctx.match_b) / total_b if total_b else 0.0
    extra_a, extra_b = total_a - sum(ctx.match_a), total_b - sum(ctx.match_b)
    na, nb = a.norm[:FUZZY_MAX_CHARS], b.norm[:FUZZY_MAX_CHARS]
    partial = (fuzz.ratio(na, nb) if min(len(na), len(nb)) > PARTIAL_MAX_CHARS
               else fuzz.partial_ratio(na, nb))
    ta, tb = trigrams(a), trigrams(b)
    tri = len(ta & tb) / max(1, len(ta | tb))
    return (
        min(cover_a, cover_b),
        max(cover_a, cover_b),
        fuzz.token_sort_ratio(na, nb) / 100,
        fuzz.ratio(na, nb) / 100,
        partial / 100,
        fuzz.token_set_ratio(na, nb) / 100,
        tri,
        _lcs(content(a), content(b), ctx) / max(1, min(total_a, total_b)),
        _agree(numbers(a), numbers(b)),
        _agree(names(a), names(b)),
        min(total_a, total_b) / max(1, total_a, total_b),
        min(1.0, min(extra_a, extra_b) / EXTRA_SCALE),
        min(1.0, max(extra_a, extra_b) / EXTRA_SCALE),
    )


def _agree(x: frozenset[object], y: frozenset[object]) -> float:
    """1 when both sides give the same set (or none), less the more they differ."""
    if not x and not y:
        return 1.0
    return len(x & y) / len(x | y)


def _lcs(x: tuple[str, ...], y: tuple[str, ...], ctx: PairContext) -> int:
    """Longest common subsequence of content keys (word order kept)."""
    x, y = x[:LCS_MAX_WORDS], y[:LCS_MAX_WORDS]
    if not x or not y:
        return 0
    prev = [0] * (len(y) + 1)
    for wx in x:
        cur = [0]
        for j, wy in enumerate(y):
            cur.append(prev[j] + 1 if wx == wy else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def logistic(values: tuple[float, ...], weights: tuple[float, ...], bias: float) -> float:
    """Probability 0..1 from features and fitted weights."""
    z = bias + sum(v * w for v, w in zip(values, weights, strict=True))
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))
