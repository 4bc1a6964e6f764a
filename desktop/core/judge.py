"""The pair judge: how similar two statements are, and the typed differences between them.

The score finds candidates; it never decides ``agree`` on its own: a pair agrees only when no
detector finds a difference (STYLE.md, on ``token_set_ratio``).
"""

from __future__ import annotations

from desktop.core.detect.context import PairContext
from desktop.core.detect.facts import shares_measure
from desktop.core.detect.features import BIAS, SHIFT, WEIGHTS, features, logistic
from desktop.core.detect.prepared import Prepared, prepare
from desktop.core.findings import find_differences
from desktop.core.model import CompareOptions, Finding, Judgement, Verdict
from desktop.core.normalise import content_words

__all__ = [
    "PairContext",
    "Prepared",
    "find_differences",
    "judge_context",
    "judge_pair",
    "judge_prepared",
    "judgement_of",
    "lexical_score",
    "prepare",
    "score_context",
    "score_prepared",
]

_DEFAULT = CompareOptions()
# Containment: coverage of the shorter statement, and rapidfuzz partial_ratio; chosen a priori
# and checked on seeds/labels.json (labelled pairs against omitted claims) and MRPC train.
W_INSIDE, W_PARTIAL, MIN_INSIDE = 0.7, 0.2, 4
# Words every news story has: sharing them says little about sharing a claim.
GENERIC = frozenset(
    content_words(
        "report reported reports told official officials government people year month week day "
        "time new news statement comment monday tuesday wednesday thursday friday saturday sunday "
        "today yesterday last first percent according country state world number part including "
        "make take use used get go know think called added"
    )
)
GENERIC_WEIGHT = 0.25
# Two statements giving a value for the same measure (a death toll, the injured) speak of one
# fact however few words they share; chosen on the coverage development stories.
FACT_SCORE = 0.6


def judge_pair(a: str, b: str, *, options: CompareOptions | None = None) -> Judgement:
    """Judge statement ``b`` against reference statement ``a``."""
    opts = options or _DEFAULT
    return judge_prepared(
        prepare(a, aliases=opts.aliases), prepare(b, aliases=opts.aliases), options=opts
    )


def score_prepared(pa: Prepared, pb: Prepared) -> float:
    """Similarity 0-100 of two prepared statements' claims."""
    return _score(PairContext(pa, pb))


def score_context(ctx: PairContext) -> float:
    """Similarity 0-100 of a pair; keep ``ctx`` to judge the pair later without redoing work."""
    return _score(ctx)


def judge_prepared(
    pa: Prepared, pb: Prepared, *, options: CompareOptions | None = None, score: float | None = None
) -> Judgement:
    """Judge two prepared statements; pass ``score`` when it is already known."""
    return judge_context(PairContext(pa, pb), options=options, score=score)


def judge_context(
    ctx: PairContext, *, options: CompareOptions | None = None, score: float | None = None
) -> Judgement:
    """Judge a pair whose context was already scored (shared words are not matched again)."""
    opts = options or _DEFAULT
    value = _score(ctx) if score is None else score
    if value < opts.threshold:
        return Judgement(value, Verdict.UNRELATED)
    return judgement_of(value, tuple(find_differences(ctx)), options=opts)


def judgement_of(
    value: float, findings: tuple[Finding, ...], *, options: CompareOptions | None = None
) -> Judgement:
    """The judgement of a pair scored ``value`` whose findings of every kind are known."""
    opts = options or _DEFAULT
    if value < opts.threshold:
        return Judgement(value, Verdict.UNRELATED)
    kept = tuple(f for f in findings if f.kind in opts.finding_kinds)
    return Judgement(value, verdict_of(kept), kept)


def verdict_of(findings: tuple[Finding, ...]) -> Verdict:
    """CONFLICT when a finding contradicts, PARTIAL when some differ, AGREE when none."""
    if any(f.is_conflict for f in findings):
        return Verdict.CONFLICT
    return Verdict.PARTIAL if findings else Verdict.AGREE


def lexical_score(pa: Prepared, pb: Prepared) -> float:
    """The score from words alone, without the floor a shared fact gives."""
    return _score(PairContext(pa, pb), facts=False)


def _score(ctx: PairContext, *, facts: bool = True) -> float:
    """The larger of the fitted same-claim score, the containment of the shorter statement
    and, when both give a value for the same measure, ``FACT_SCORE``."""
    if not ctx.a.norm or not ctx.b.norm:
        return 0.0
    if ctx.a.norm == ctx.b.norm:
        return 100.0  # the fitted score approaches 100 but never reaches it
    same = logistic(features(ctx), WEIGHTS, BIAS + SHIFT)
    fact = FACT_SCORE if facts and shares_measure(ctx.a, ctx.b) else 0.0
    return round(100 * max(same, _inside(ctx), fact), 2)


def _inside(ctx: PairContext) -> float:
    """A short statement found inside a long one (a headline in a body sentence, a claim with
    a clause added) is the same claim even though the long one has much more."""
    total_a, total_b = _content_count(ctx.a.keys), _content_count(ctx.b.keys)
    short, matched = (ctx.a, ctx.match_a) if total_a <= total_b else (ctx.b, ctx.match_b)
    weight = found = 0.0
    for key, hit in zip(short.keys, matched, strict=True):
        if key:
            w = GENERIC_WEIGHT if key in GENERIC else 1.0
            weight += w
            found += w if hit else 0.0
    if not weight:
        return 0.0
    partial = ctx.fuzzy.partial / 100
    return (W_INSIDE * found / weight + W_PARTIAL * partial) * min(1.0, weight / MIN_INSIDE)


def _content_count(keys: tuple[str, ...]) -> int:
    return sum(1 for k in keys if k)
