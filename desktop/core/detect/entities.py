"""Named actors and places: Moscow vs Tehran, Peskov vs Lavrov, 'Moscow and Tehran' vs 'Moscow'."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.aliases import place_of
from desktop.core.detect.context import DETAIL, PairContext, one_sided, quoted
from desktop.core.detect.dates import WEEKDAYS
from desktop.core.detect.numwords import MONTH_NAMES
from desktop.core.detect.prepared import Prepared, key_in
from desktop.core.detect.sources import sources
from desktop.core.model import Finding, FindingKind

_NOT_NAMES = frozenset(MONTH_NAMES) | WEEKDAYS


@dataclass(frozen=True)
class Entity:
    """A run of capitalised words, or a place from the gazetteer."""

    first: int
    last: int
    keys: tuple[str, ...]
    place: str | None


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
        elif run and tok.norm != "-":
            out.append(_entity(side, run))
            run = []
    if run:
        out.append(_entity(side, run))
    return tuple(out)


def _entity(side: Prepared, run: list[int]) -> Entity:
    keys = tuple(side.keys[i] for i in run if side.keys[i])
    places = [p for i in run if (p := place_of(side.tokens[i].norm))]
    return Entity(run[0], run[-1], keys, places[0] if len(run) == 1 and places else None)


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
    lone_a = [e for e in entities(ctx.a) if not any(key_in(k, ctx.b) for k in e.keys)]
    lone_b = [e for e in entities(ctx.b) if not any(key_in(k, ctx.a) for k in e.keys)]
    out: list[Finding] = []
    paired_b: set[int] = set()
    for x in lone_a:
        y = _rival(ctx, x, [e for e in lone_b if e.first not in paired_b])
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
        if y.first not in paired_b:
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
