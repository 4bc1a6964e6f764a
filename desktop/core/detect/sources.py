"""Who a claim is attributed to: 'the Post said' vs 'the New York Times said'."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.aliases import place_of
from desktop.core.detect.context import PairContext, one_sided, quoted
from desktop.core.detect.prepared import (
    Prepared,
    is_acronym_of,
    key_in,
    memoised,
    name_link,
)
from desktop.core.detect.token import words
from desktop.core.model import Finding, FindingKind
from desktop.core.normalise import content_key

SPEECH = words(
    """
said says say told tells reported reports announced stated wrote insisted quoted cited
insists claims claimed maintains maintained
"""
)
_LEAD_IN = (("according", "to"), ("citing",), ("cited", "by"), ("quoted", "by"))
_LEAD_BY_FIRST = {w: tuple(p for p in _LEAD_IN if p[0] == w) for w, *_ in _LEAD_IN}
_AUX = words(
    """
have has had was were is are also later previously recently earlier has had reportedly
allegedly
"""
)
_KEEP = frozenset({"the", "of"})
# Words that describe a source without naming it, even when they start the sentence.
_GENERIC = frozenset(
    content_key(w)
    for w in (
        "officials",
        "sources",
        "police",
        "authorities",
        "report",
        "reports",
        "newspaper",
        "agency",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "government",
        "ministry",
        "experts",
        "analysts",
        "witnesses",
        "people",
        "residents",
        "he",
        "she",
        "they",
        "it",
        "statement",
        "media",
    )
)
# Words that point back at a source named elsewhere ('the report', 'he'): never a rival source.
_REFERS = frozenset(
    content_key(w)
    for w in (
        "report",
        "reports",
        "newspaper",
        "paper",
        "agency",
        "media",
        "statement",
        "he",
        "she",
        "they",
        "it",
        "story",
        "article",
    )
) - {""}
_BREAK_AFTER = frozenset({".", ",", ";", ":", "!", "?", '"', ")"})
_STOP_AFTER = frozenset(
    {
        "who",
        "that",
        "which",
        "as",
        "on",
        "in",
        "at",
        "to",
        "and",
        "but",
        "when",
        "while",
        "after",
        "last",
        "this",
    }
)


@dataclass(frozen=True)
class Source:
    """A named or described source of a claim."""

    first: int
    last: int
    keys: frozenset[str]
    specific: bool  # names someone (a capitalised name, a country), not just 'officials'


@memoised
def sources(side: Prepared) -> tuple[Source, ...]:
    """The sources a statement attributes its claim to."""
    norms = [t.norm for t in side.tokens]
    out: list[Source] = []
    for i, norm in enumerate(norms):
        for phrase in _LEAD_BY_FIRST.get(norm, ()):
            if tuple(norms[i : i + len(phrase)]) == phrase:
                _add(out, side, _after(side, i + len(phrase)))
        if norm in SPEECH:
            _add(out, side, _before(side, i))
            if i + 1 < len(norms) and (norms[i + 1] == "the" or side.tokens[i + 1].cap):
                _add(out, side, _inverted(side, i))
    _add(out, side, _tagged(side), named=True)
    return tuple(out)


def _tagged(side: Prepared) -> tuple[int, int] | None:
    """A headline's trailing credit: '... deal with Iran – WaPo', '... drones - Reuters'."""
    toks = side.tokens
    end = len(toks) - 1
    while end >= 0 and not toks[end].is_word:
        end -= 1
    dash = end
    # after a dash a word is never marked as a name (it may open a clause): read its letter
    while dash > 0 and end - dash < 3 and side.text[toks[dash].start].isupper():
        dash -= 1
    if dash == end or toks[dash].norm != "-" or dash == 0:
        return None
    gap = side.text[toks[dash - 1].end : toks[dash + 1].start]
    return (dash + 1, end) if gap.startswith(" ") and gap.endswith(" ") else None


def _add(
    out: list[Source], side: Prepared, rng: tuple[int, int] | None, *, named: bool = False
) -> None:
    if rng is None:
        return
    first, last = rng
    keys: set[str] = set()
    specific = named
    for tok in side.tokens[first : last + 1]:
        for word in tok.norm.split():
            if key := content_key(word):
                keys.add(place_of(key) or key)
        specific = specific or tok.cap or place_of(tok.norm) is not None
    if keys and all(s.first != first for s in out):
        out.append(Source(first, last, frozenset(keys), specific))


def _before(side: Prepared, verb: int) -> tuple[int, int] | None:
    j = verb - 1
    while j >= 0 and (side.tokens[j].norm in _AUX or _adverb(side, j)):
        j -= 1
    last, first = j, j + 1
    while j >= 0 and verb - j <= 7:
        tok = side.tokens[j]
        if not (side.keys[j] or tok.norm in _KEEP or _joins(side, j)) or tok.is_number:
            break
        first, j = j, j - 1
    while first <= last and not side.keys[first]:
        first += 1
    return (first, last) if first <= last else None


def _adverb(side: Prepared, j: int) -> bool:
    """'Disney has repeatedly said': the adverb is not part of the source."""
    tok = side.tokens[j]
    return not tok.cap and tok.norm.endswith("ly") and len(tok.norm) > 4


def _inverted(side: Prepared, verb: int) -> tuple[int, int] | None:
    """'..., said the Post.' and 'told the Post': a source after the verb."""
    rng = _after(side, verb + 1)
    if rng is None or side.tokens[verb].norm in ("told", "tells"):
        return rng
    nxt = side.tokens[rng[1] + 1].norm if rng[1] + 1 < len(side.tokens) else "."
    return rng if nxt in _BREAK_AFTER else None


def _after(side: Prepared, start: int) -> tuple[int, int] | None:
    j, last = start, -1
    while j < len(side.tokens) and j - start < 6:
        tok = side.tokens[j]
        if tok.norm in _STOP_AFTER or not (side.keys[j] or tok.norm in _KEEP or _joins(side, j)):
            break
        if side.keys[j]:
            last = j
        j += 1
    first = start
    while first <= last and not side.keys[first]:
        first += 1
    return (first, last) if last >= first else None


def _joins(side: Prepared, j: int) -> bool:
    """A hyphen, or a dot between capitalised words ('U.S. Attorney'), inside a name."""
    norm = side.tokens[j].norm
    nxt = side.tokens[j + 1] if j + 1 < len(side.tokens) else None
    return norm == "-" or (norm == "." and nxt is not None and nxt.cap) or name_link(side, j)


# A source on one side only is a detail the other leaves out, not a disagreement about who
# said it (PRODUCT.md: only two different sources make an attribution conflict).
SOURCE = (FindingKind.DROPPED_DETAIL, FindingKind.ADDED_DETAIL)


def _named(x: Source, side: Prepared, others: tuple[Source, ...], other: Prepared) -> bool:
    """Whether the other statement gives the same source, as a source or in passing."""
    if any(_same(x, y) for y in others):
        return True
    if x.first == x.last and is_acronym_of(side, x.first, other):
        return True
    return all(key_in(k, other) for k in x.keys)


def _same(x: Source, y: Source) -> bool:
    """One source named twice: one name inside the other, or a shared specific word
    ('homeland security officials' and 'the Department of Homeland Security')."""
    return x.keys <= y.keys or y.keys <= x.keys or bool((x.keys & y.keys) - _GENERIC)


def _rival(src: Source) -> bool:
    """A source that can oppose a named one: a name, or a description of its own ('three
    unidentified people'); one common noun ('the company', 'his mom') points back at a name."""
    return src.specific or len(src.keys) >= 2


def detect_attribution(ctx: PairContext) -> list[Finding]:
    """Different named sources (a conflict), or a source only one side names (a detail)."""
    sa, sb = sources(ctx.a), sources(ctx.b)
    if not sa and not sb:
        return []
    other_a = [
        x for x in sa if not _named(x, ctx.a, sb, ctx.b) and _rival(x) and not x.keys <= _REFERS
    ]
    other_b = [
        y for y in sb if not _named(y, ctx.b, sa, ctx.a) and _rival(y) and not y.keys <= _REFERS
    ]
    lone_a = [x for x in other_a if x.specific]
    lone_b = [y for y in other_b if y.specific]
    if (lone_a and other_b) or (lone_b and other_a):
        # 'citing three unidentified people' vs 'according to US officials': one named source
        # against another source is enough; 'officials' vs 'sources' is too vague to oppose
        x, y = (lone_a or other_a)[0], (lone_b or other_b)[0]
        qa, qb = quoted(ctx.a.quote(x.first, x.last)), quoted(ctx.b.quote(y.first, y.last))
        if _person(ctx.a, x) and _person(ctx.b, y):
            return [
                Finding(
                    FindingKind.ATTRIBUTION,
                    f"different people said it: {qa} vs {qb}",
                    ctx.a.span(x.first, x.last),
                    ctx.b.span(y.first, y.last),
                )
            ]
        return [
            Finding(
                FindingKind.ATTRIBUTION,
                f"sources differ: {qa} vs {qb}",
                ctx.a.span(x.first, x.last),
                ctx.b.span(y.first, y.last),
            )
        ]
    if lone_a and not sb:
        x = lone_a[0]
        return [
            one_sided(
                SOURCE,
                True,
                f"the report does not name the source {quoted(ctx.a.quote(x.first, x.last))}",
                "",
                ctx.a.span(x.first, x.last),
            )
        ]
    if lone_b and not sa:
        y = lone_b[0]
        return [
            one_sided(
                SOURCE,
                False,
                "",
                "the report names a source the reference does not: "
                f"{quoted(ctx.b.quote(y.first, y.last))}",
                ctx.b.span(y.first, y.last),
            )
        ]
    return []


def _person(side: Prepared, src: Source) -> bool:
    """A source named like a person ('Kremlin spokesman Dmitry Peskov'), not 'the Post'."""
    first = side.tokens[src.first - 1].norm if src.first > 0 else ""
    last = side.tokens[src.last]
    return first != "the" and last.cap and place_of(last.norm) is None and " " not in last.norm
