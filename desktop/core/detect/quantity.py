"""Vague quantities against figures or other vague quantities: 'a small number' vs 'hundreds'."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.detect.context import DETAIL, PairContext, one_sided, quoted
from desktop.core.detect.numbers import Figure, figures
from desktop.core.detect.prepared import Prepared, memoised
from desktop.core.detect.token import phrase_at, phrase_index
from desktop.core.model import Finding, FindingKind

# Phrase -> the range of counts it plausibly covers; longest phrases first.
VAGUE: tuple[tuple[tuple[str, ...], tuple[float, float]], ...] = (
    (("hundreds", "of", "thousands"), (2e5, 1e6)),
    (("tens", "of", "thousands"), (2e4, 1e5)),
    (("a", "small", "number"), (1, 20)),
    (("a", "large", "number"), (20, 1e9)),
    (("small", "number"), (1, 20)),
    (("a", "handful"), (2, 10)),
    (("a", "couple"), (2, 3)),
    (("scores", "of"), (40, 200)),
    (("a", "few"), (2, 9)),
    (("handful",), (2, 10)),
    (("several",), (3, 15)),
    (("few",), (1, 9)),
    (("dozens",), (24, 199)),
    (("hundreds",), (200, 1999)),
    (("thousands",), (2000, 999999)),
    (("millions",), (2e6, 1e9)),
    (("billions",), (2e9, 1e12)),
)

_VAGUE_INDEX = phrase_index(VAGUE)


@dataclass(frozen=True)
class Vague:
    """A vague quantity, its plausible range and what it counts."""

    phrase: tuple[str, ...]
    low: float
    high: float
    first: int
    last: int
    units: frozenset[str]


@memoised
def vague_quantities(side: Prepared) -> tuple[Vague, ...]:
    """The vague quantities of a statement, longest phrase at each place."""
    norms = [t.norm for t in side.tokens]
    out: list[Vague] = []
    i = 0
    while i < len(norms):
        hit = phrase_at(norms, i, _VAGUE_INDEX)
        if hit is not None:
            phrase, (low, high) = hit
            n = len(phrase)
            out.append(Vague(phrase, low, high, i, i + n - 1, _units_of(side, i + n)))
            i += n - 1
        i += 1
    return tuple(out)


def _units_of(side: Prepared, j: int) -> frozenset[str]:
    """Content keys of the words counted after the phrase ('of drones', 'drones')."""
    keys: list[str] = []
    for k in range(j, min(j + 5, len(side.tokens))):
        if side.keys[k]:
            keys.append(side.keys[k])
        elif side.tokens[k].norm not in ("of", "the", "-") or len(keys) >= 3:
            break
    return frozenset(keys)


def detect_quantities(ctx: PairContext) -> list[Finding]:
    """Vague quantities that contradict, or that one side replaces with a figure."""
    va, vb = vague_quantities(ctx.a), vague_quantities(ctx.b)
    if not va and not vb:
        return []
    out = _vague_pairs(ctx, va, vb)
    # What both sides state ("several drones ... 40 drones" in a copy) is matched, not a clash.
    shared = {x.phrase for x in va} & {y.phrase for y in vb}
    fa, fb = figures(ctx.a), figures(ctx.b)
    only_a = tuple(f for f in fa if f.value not in {g.value for g in fb})
    only_b = tuple(f for f in fb if f.value not in {g.value for g in fa})
    lone_va = tuple(x for x in va if x.phrase not in shared)
    lone_vb = tuple(y for y in vb if y.phrase not in shared)
    out += _against_figures(ctx, lone_va, only_b, reference_vague=True)
    out += _against_figures(ctx, lone_vb, only_a, reference_vague=False)
    return out


def _as_facts(ctx: PairContext, first_a: int, first_b: int) -> bool:
    """Two quantities with named measures: compared as facts (detect/factdiff.py), or not at
    all when the measures differ ('dozens' dead, '1,000' injured)."""
    from desktop.core.detect.facts import both_measured  # facts reads quantities: import late

    return both_measured(ctx.a, first_a, ctx.b, first_b)


def _vague_pairs(ctx: PairContext, va: tuple[Vague, ...], vb: tuple[Vague, ...]) -> list[Finding]:
    out: list[Finding] = []
    for x in va:
        for y in vb:
            if x.phrase == y.phrase or _as_facts(ctx, x.first, y.first):
                continue
            if not x.units & y.units:
                continue
            if x.high < y.low or y.high < x.low:
                sa, sb = ctx.a.span(x.first, x.last), ctx.b.span(y.first, y.last)
                out.append(
                    Finding(
                        FindingKind.QUANTITY,
                        "quantities differ: "
                        f"{quoted(ctx.a.quote(x.first, x.last))} vs "
                        f"{quoted(ctx.b.quote(y.first, y.last))}",
                        sa,
                        sb,
                    )
                )
    return out


def _against_figures(
    ctx: PairContext, vague: tuple[Vague, ...], figs: tuple[Figure, ...], *, reference_vague: bool
) -> list[Finding]:
    vside, fside = (ctx.a, ctx.b) if reference_vague else (ctx.b, ctx.a)
    out: list[Finding] = []
    for v in vague:
        for f in figs:
            if not (v.units & f.units):
                continue
            if _as_facts(ctx, *((v.first, f.first) if reference_vague else (f.first, v.first))):
                continue
            vspan, fspan = vside.span(v.first, v.last), fside.span(f.first, f.index)
            vq, fq = quoted(vside.quote(v.first, v.last)), quoted(fside.quote(f.first, f.index))
            if v.low <= f.value <= v.high:
                out.append(
                    one_sided(
                        DETAIL,
                        not reference_vague,
                        f"the reference gives a figure ({fq}) where the report says {vq}",
                        f"the report gives a figure ({fq}) where the reference says {vq}",
                        fspan,
                    )
                )
                continue
            aq, bq = (vq, fq) if reference_vague else (fq, vq)
            sa, sb = (vspan, fspan) if reference_vague else (fspan, vspan)
            out.append(Finding(FindingKind.QUANTITY, f"quantities differ: {aq} vs {bq}", sa, sb))
    return out
