"""Named actors and places: Moscow vs Tehran, Peskov vs Lavrov, 'Moscow and Tehran' vs 'Moscow'."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from desktop.core.aliases import place_of
from desktop.core.detect.context import DETAIL, PairContext, one_sided, quoted
from desktop.core.detect.dates import WEEKDAYS
from desktop.core.detect.numwords import MONTH_NAMES
from desktop.core.detect.prepared import (
    Prepared,
    key_in,
    memoised,
    name_link,
)
from desktop.core.detect.sources import sources
from desktop.core.model import Finding, FindingKind

SPELLING = 85  # rapidfuzz ratio above which two names are one name spelled two ways
_LINKS = frozenset({"and", "of", "the", "for", "&"})
_NOT_NAMES = frozenset(MONTH_NAMES) | WEEKDAYS


@dataclass(frozen=True)
class Entity:
    """A run of capitalised words, or a place from the gazetteer."""

    first: int
    last: int
    keys: tuple[str, ...]
    place: str | None


@memoised
def entities(side: Prepared) -> tuple[Entity, ...]:
    """Names and places in a statement, outside the phrases that name its sources."""
    in_source = {j for s in sources(side) for j in range(s.first, s.last + 1)}
    out: list[Entity] = []
    run: list[int] = []
    for i, tok in enumerate(side.tokens):
        name = (
            side.keys[i]
            and tok.norm not in _NOT_NAMES
            and i not in in_source
            and (tok.cap or place_of(tok.norm) is not None)
        )
        if name and run and place_of(side.tokens[run[-1]].norm) is not None:
            out.append(_entity(side, run))
            run = []
        if name:
            run.append(i)
        elif run and tok.norm != "-" and not name_link(side, i):
            out.append(_entity(side, run))
            run = []
    if run:
        out.append(_entity(side, run))
    return tuple(out)


def _entity(side: Prepared, run: list[int]) -> Entity:
    if run[0] > 0 and _initial_capital(side, run[0] - 1):
        run = [run[0] - 1, *run]  # 'Merrill Lynch did ...': the first word is part of the name
    keys = tuple(side.keys[i] for i in run if side.keys[i])
    places = [p for i in run if (p := place_of(side.tokens[i].norm))]
    return Entity(run[0], run[-1], keys, places[0] if len(run) == 1 and places else None)


def _initial_capital(side: Prepared, j: int) -> bool:
    """A capitalised content word that opens the sentence (so it was not marked as a name)."""
    tok = side.tokens[j]
    opens = j == side.body or (
        j > 0 and not side.tokens[j - 1].is_word and side.tokens[j - 1].norm in ".!?\"'"
    )
    return (
        opens
        and bool(side.keys[j])
        and tok.norm not in _NOT_NAMES
        and side.text[tok.start : tok.start + 1].isupper()
    )


def _anchors(side: Prepared, e: Entity) -> set[str]:
    """Content words just before and after the entity: where it sits in the claim."""
    out: set[str] = set()
    for rng in (
        range(e.first - 1, max(-1, e.first - 4), -1),
        range(e.last + 1, min(len(side.keys), e.last + 4)),
    ):
        for j in rng:
            if side.keys[j]:
                out.add(side.keys[j])
                break
    return out


def detect_entities(ctx: PairContext) -> list[Finding]:
    """Different names or places in the same role, or names present on one side only."""
    ea, eb = entities(ctx.a), entities(ctx.b)
    lone_a = [e for e in ea if not _known(ctx.a, e, ctx.b, eb)]
    lone_b = [e for e in eb if not _known(ctx.b, e, ctx.a, ea)]
    out: list[Finding] = _modifier_clashes(ctx, ea, eb)
    clashed = {f.reference_span for f in out}
    lone_a = [e for e in lone_a if ctx.a.span(e.first, e.last) not in clashed]
    paired_b: set[int] = set()
    for x in lone_a:
        y = _rival(ctx, x, [e for e in lone_b if e.first not in paired_b])
        if y is None and not _notable(ctx.a, x):
            continue
        if y is None:
            out.append(
                one_sided(
                    DETAIL,
                    True,
                    f"the report leaves out {quoted(ctx.a.quote(x.first, x.last))}",
                    "",
                    ctx.a.span(x.first, x.last),
                )
            )
            continue
        paired_b.add(y.first)
        qa, qb = ctx.a.quote(x.first, x.last), ctx.b.quote(y.first, y.last)
        what = "places" if x.place else "names"
        out.append(
            Finding(
                FindingKind.ENTITY,
                f"different {what}: {qa} vs {qb}",
                ctx.a.span(x.first, x.last),
                ctx.b.span(y.first, y.last),
            )
        )
    for y in lone_b:
        if y.first not in paired_b and _notable(ctx.b, y):
            out.append(
                one_sided(
                    DETAIL,
                    False,
                    "",
                    f"the report adds {quoted(ctx.b.quote(y.first, y.last))}",
                    ctx.b.span(y.first, y.last),
                )
            )
    return out


def _rival(ctx: PairContext, x: Entity, candidates: list[Entity]) -> Entity | None:
    """The entity on the other side that takes the same place in the claim as ``x``."""
    anchors = _anchors(ctx.a, x)
    for y in candidates:
        if (x.place is None) == (y.place is None) and anchors & _anchors(ctx.b, y):
            return y
    return None


def _modifier_clashes(
    ctx: PairContext, ea: tuple[Entity, ...], eb: tuple[Entity, ...]
) -> list[Finding]:
    """Names sharing a head but not its modifier: 'Defense Ministry' vs 'Foreign Ministry'."""
    out: list[Finding] = []
    names_a, names_b = {x.keys for x in ea}, {y.keys for y in eb}
    by_head: dict[str, list[Entity]] = {}
    for y in eb:
        if len(y.keys) >= 2:
            by_head.setdefault(y.keys[-1], []).append(y)
    for x in ea:
        if len(out) >= 8:  # a reader checks a handful; hostile text must stay fast
            break
        for y in by_head.get(x.keys[-1], []) if len(x.keys) >= 2 else []:
            if x.keys in names_b or y.keys in names_a:  # both sides name it: "A Group and B Group"
                continue
            if set(x.keys) - set(y.keys) and set(y.keys) - set(x.keys):
                qa, qb = ctx.a.quote(x.first, x.last), ctx.b.quote(y.first, y.last)
                out.append(
                    Finding(
                        FindingKind.ENTITY,
                        f"different names: {qa} vs {qb}",
                        ctx.a.span(x.first, x.last),
                        ctx.b.span(y.first, y.last),
                    )
                )
    return out


def _known(side: Prepared, e: Entity, other: Prepared, other_entities: tuple[Entity, ...]) -> bool:
    """Whether the other statement names ``e`` too: same word, spelling variant or acronym."""
    if any(key_in(k, other) for k in e.keys):
        return True
    for k in e.keys:
        if len(k) >= 5 and any(len(o) >= 5 and fuzz.ratio(k, o) >= SPELLING for o in other.key_set):
            return True
    return any(_acronym(side, e, other, o) or _acronym(other, o, side, e) for o in other_entities)


def _acronym(side: Prepared, short: Entity, other: Prepared, long: Entity) -> bool:
    """'SEC' for 'Securities and Exchange Commission', 'JI' for 'Jemaah Islamiah'."""
    if short.first != short.last:
        return False
    tok = side.tokens[short.first]
    raw = side.text[tok.start : tok.end]
    if not (raw.isupper() and 2 <= len(raw) <= 6):
        return False
    words = [t.norm for t in other.tokens[max(0, long.first - 2) : long.last + 1]]
    initials = "".join(w[0] for w in words if w not in _LINKS and w[:1].isalpha())
    return raw.lower() in initials


def _notable(side: Prepared, e: Entity) -> bool:
    """Worth a finding on its own: a place or a name, not a lone acronym like 'UAVs'."""
    if e.place is not None or e.first != e.last:
        return True
    tok = side.tokens[e.first]
    return not side.text[tok.start : tok.end].rstrip("s").isupper()
