"""Figures attached to the same thing: 400 vs 450 drones, '400' vs 'more than 400'."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.detect.clock import clocks
from desktop.core.detect.context import DETAIL, PairContext, one_sided, quoted
from desktop.core.detect.numwords import MONTH_NAMES
from desktop.core.detect.prepared import Prepared, memoised
from desktop.core.model import Finding, FindingKind

QUALIFIERS = (
    ("more", "than"),
    ("less", "than"),
    ("fewer", "than"),
    ("at", "least"),
    ("at", "most"),
    ("up", "to"),
    ("as", "many", "as"),
    ("as", "much", "as"),
    ("an", "estimated"),
    ("about",),
    ("around",),
    ("nearly",),
    ("almost",),
    ("over",),
    ("some",),
    ("roughly",),
    ("approximately",),
    ("under",),
    ("only",),
    ("just",),
    ("above",),
    ("past",),
    ("below",),
    ("about",),
    ("estimated",),
    ("up", "to"),
)
_LONGEST = max(len(q) for q in QUALIFIERS)
MAX_FINDINGS = 8  # per kind of finding: enough for a reader, bounded for hostile text
_UNIT_SKIP = frozenset({"of", "the", "-"})
_CURRENCY = frozenset({"usd", "gbp", "eur", "yen"})
_MERIDIEM = frozenset({"am", "pm"})  # '1.21pm' is a clock time (detect/clock.py), no count


@dataclass(frozen=True)
class Figure:
    """A number in a statement with what it counts and how it is qualified."""

    value: float
    index: int  # token index of the number
    first: int  # first token index, qualifier included
    units: frozenset[str]  # content keys of the words it counts (and a currency before it)
    head: str  # the counted word as written ("drones"), for messages
    qualifier: str  # the qualifier words as written, or ''


@memoised
def figures(side: Prepared) -> tuple[Figure, ...]:
    """The counts and measures in a statement (not years, days of the month or clock times)."""
    out: list[Figure] = []
    toks = side.tokens
    for i, tok in enumerate(toks):
        if not tok.is_number or tok.value is None or _is_date_or_time(side, i):
            continue
        units, head = _units_after(side, i)
        if i > 0 and toks[i - 1].norm in _CURRENCY:
            units = units | {toks[i - 1].norm}
        first = i - 1 if i > 0 and toks[i - 1].norm in _CURRENCY else i
        q = _qualifier_before(side, first)
        qualifier = side.quote(first - q, first - 1) if q else ""
        out.append(Figure(tok.value, i, first - q, units, head, qualifier))
    return tuple(out)


def _is_date_or_time(side: Prepared, i: int) -> bool:
    toks, tok = side.tokens, side.tokens[i]
    value = tok.value or 0.0
    raw = side.text[tok.start : tok.end]
    if 1900 <= value <= 2100 and value == int(value) and "," not in raw:
        return True
    prev = toks[i - 1].norm if i > 0 else ""
    nxt = toks[i + 1].norm if i + 1 < len(toks) else ""
    before_dot = toks[i - 2].norm if i > 1 and prev == "." else ""
    meridiem = nxt in _MERIDIEM or (
        nxt in ("a", "p") and i + 2 < len(toks) and toks[i + 2].norm == "."
    )
    return (
        prev in MONTH_NAMES
        or before_dot in MONTH_NAMES
        or ":" in (prev, nxt)
        or meridiem
        or any(c.exact and c.first == i for c in clocks(side))  # '13.40 local time'
    )


def _units_after(side: Prepared, i: int) -> tuple[frozenset[str], str]:
    """Content keys of up to four words after the number, and the last of them as written."""
    keys: list[str] = []
    head = ""
    for j in range(i + 1, min(i + 6, len(side.tokens))):
        tok = side.tokens[j]
        if side.keys[j] and not tok.is_number:
            keys.append(side.keys[j])
            head = side.text[tok.start : tok.end]
            if len(keys) == 4:
                break
        elif tok.norm not in _UNIT_SKIP:
            break
    return frozenset(keys), head


def _qualifier_before(side: Prepared, first: int) -> int:
    """How many tokens before ``first`` form a qualifier like 'more than' (0 when none)."""
    before = tuple(t.norm for t in side.tokens[max(0, first - _LONGEST) : first])
    for phrase in QUALIFIERS:
        n = len(phrase)
        if n <= len(before) and before[len(before) - n :] == phrase:
            return n
    return 0


def detect_numbers(ctx: PairContext) -> list[Finding]:
    """Numbers that differ, figures present on one side only, qualifiers added or dropped."""
    fa, fb = figures(ctx.a), figures(ctx.b)
    if not fa and not fb:
        return []
    values_a, values_b = {f.value for f in fa}, {f.value for f in fb}
    lone_a = [f for f in fa if f.value not in values_b]
    lone_b = [f for f in fb if f.value not in values_a]
    # a figure with a named measure (a death toll, the injured) is compared as a fact
    # (desktop/core/detect/factdiff.py) when the other side gives that measure too
    lone_a = [f for f in lone_a if not _compared_as_fact(ctx.a, f, ctx.b)]
    lone_b = [f for f in lone_b if not _compared_as_fact(ctx.b, f, ctx.a)]
    out = _differing(ctx, lone_a, lone_b)
    out += _qualified(ctx, fa, fb)
    return out


def _measure(side: Prepared, fig: Figure) -> str:
    """The named measure of a figure ('deaths'), or '' for a count of things."""
    from desktop.core.detect.facts import COUNT, fact_at  # facts reads figures: import late

    found = fact_at(side, fig.first)
    return found.measure if found is not None and not found.measure.startswith(COUNT) else ""


def _compared_as_fact(side: Prepared, fig: Figure, other: Prepared) -> bool:
    """Whether the other side gives the same measure of the same thing, so that the facts
    compare the two (desktop/core/detect/factdiff.py) and this detector stays out."""
    from desktop.core.detect.facts import COUNT, fact_at, facts  # facts reads figures

    mine = fact_at(side, fig.first)
    if mine is None or mine.measure.startswith(COUNT):
        return False
    return any(mine.same_measure(theirs) for theirs in facts(other))


def _differing(ctx: PairContext, lone_a: list[Figure], lone_b: list[Figure]) -> list[Finding]:
    out: list[Finding] = []
    used: set[int] = set()
    for fa in lone_a:
        measure = _measure(ctx.a, fa)
        partner = _partner(
            fa,
            [f for f in lone_b if f.index not in used and not (measure and _measure(ctx.b, f))],
            len(lone_a),
        )
        if partner is None:
            span = ctx.a.span(fa.first, fa.index)
            out.append(
                one_sided(
                    DETAIL,
                    True,
                    f"the report leaves out a figure: {quoted(_figure_text(ctx.a, fa))}",
                    "",
                    span,
                )
            )
            continue
        used.add(partner.index)
        if _approximately(fa, partner):
            out.append(_rounded(ctx, fa, partner))
            continue
        unit = f" {partner.head or fa.head}" if (partner.head or fa.head) else ""
        message = (
            f"numbers differ: {_number_text(ctx.a, fa)} vs {_number_text(ctx.b, partner)}{unit}"
        )
        out.append(
            Finding(
                FindingKind.NUMBER,
                message,
                ctx.a.span(fa.first, fa.index),
                ctx.b.span(partner.first, partner.index),
            )
        )
    for fb in lone_b:
        if fb.index not in used:
            out.append(
                one_sided(
                    DETAIL,
                    False,
                    "",
                    f"the report adds a figure: {quoted(_figure_text(ctx.b, fb))}",
                    ctx.b.span(fb.first, fb.index),
                )
            )
    return out


def _partner(fig: Figure, candidates: list[Figure], lone_count: int) -> Figure | None:
    """The figure on the other side that counts the same thing."""
    for other in candidates:
        if fig.units & other.units:
            return other

    if lone_count == 1 and len(candidates) == 1:
        other = candidates[0]
        if not (fig.units and other.units) or _same_currency(fig, other):
            return other
    return None


def _same_currency(a: Figure, b: Figure) -> bool:
    return bool(a.units & b.units & _CURRENCY)


def _qualified(ctx: PairContext, fa: tuple[Figure, ...], fb: tuple[Figure, ...]) -> list[Finding]:
    out: list[Finding] = []
    by_value: dict[float, list[Figure]] = {}
    for y in fb:
        by_value.setdefault(y.value, []).append(y)
    for x in fa:
        if len(out) >= MAX_FINDINGS:
            break
        same = by_value.get(x.value, [])
        if any(_sense(x.qualifier) == _sense(y.qualifier) for y in same):
            continue  # the other side states this figure the same way too
        for y in same:
            sa, sb = ctx.a.span(x.first, x.index), ctx.b.span(y.first, y.index)
            wa, wb = quoted(ctx.a.text[sa[0] : sa[1]]), quoted(ctx.b.text[sb[0] : sb[1]])
            kind = FindingKind.DROPPED_DETAIL if x.qualifier else FindingKind.ADDED_DETAIL
            out.append(Finding(kind, f"the figure is qualified differently: {wa} vs {wb}", sa, sb))
            break
    return out


# Qualifiers that say the same thing of a figure: 'about 40' and 'roughly forty' agree.
_SENSES = {
    "about": "approximately",
    "around": "approximately",
    "roughly": "approximately",
    "some": "approximately",
    "an estimated": "approximately",
    "estimated": "approximately",
    "more than": "above",
    "over": "above",
    "above": "above",
    "past": "above",
    "less than": "below",
    "fewer than": "below",
    "under": "below",
    "below": "below",
    "nearly": "almost",
    "almost": "almost",
    "at most": "up to",
    "as many as": "up to",
}


def _sense(qualifier: str) -> str:
    """What a qualifier says of its figure, so that synonyms compare equal."""
    words = " ".join(qualifier.lower().split())
    return _SENSES.get(words, words)


def _number_text(side: Prepared, fig: Figure) -> str:
    start, end = side.span(fig.first, fig.index)
    return " ".join(side.text[start:end].split())


def _figure_text(side: Prepared, fig: Figure) -> str:
    last = fig.index
    for j in range(fig.index + 1, min(fig.index + 6, len(side.tokens))):
        if side.text[side.tokens[j].start : side.tokens[j].end] == fig.head:
            last = j
            break
    return side.quote(fig.first, last)


_APPROX = frozenset(
    {
        "about",
        "around",
        "nearly",
        "almost",
        "some",
        "roughly",
        "approximately",
        "an estimated",
        "estimated",
        "more than",
        "over",
        "at least",
        "up to",
    }
)


def _approximately(x: Figure, y: Figure) -> bool:
    """An approximate figure within a tenth of the other ('nearly 400' vs '390')."""
    if not (x.qualifier.lower() in _APPROX or y.qualifier.lower() in _APPROX):
        return False
    return abs(x.value - y.value) <= 0.1 * max(abs(x.value), abs(y.value))


def _rounded(ctx: PairContext, x: Figure, y: Figure) -> Finding:
    sa, sb = ctx.a.span(x.first, x.index), ctx.b.span(y.first, y.index)
    wa, wb = quoted(ctx.a.text[sa[0] : sa[1]]), quoted(ctx.b.text[sb[0] : sb[1]])
    kind = FindingKind.DROPPED_DETAIL if x.qualifier else FindingKind.ADDED_DETAIL
    return Finding(kind, f"the figures are close but not the same: {wa} vs {wb}", sa, sb)
