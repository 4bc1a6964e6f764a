"""Words that cannot both hold for the same matter, and answers that give none.

'40 km north' against '40 km south', 'reopened' against 'remained closed', 'rose' against
'fell': each pair of word groups below names two states or directions that exclude each other.
Words are compared by content key, so inflections and the synonym groups of
``desktop/core/aliases.json`` meet ('soared' is 'rise'). 'Did not say whether' against a
denial is neither agreement nor contradiction: the report leaves the matter open.
"""

from __future__ import annotations

from desktop.core.detect.context import SAME_MATTER, PairContext
from desktop.core.detect.prepared import Prepared
from desktop.core.detect.token import phrase_at, phrase_index, words
from desktop.core.model import Finding, FindingKind
from desktop.core.normalise import content_key

# (what differs, one side's words, the other side's words)
OPPOSITES: tuple[tuple[str, str, str], ...] = (
    ("directions", "north northern northward", "south southern southward"),
    ("directions", "east eastern eastward", "west western westward"),
    ("directions", "northeast north-east northeastern", "southwest south-west southwestern"),
    ("directions", "northwest north-west northwestern", "southeast south-east southeastern"),
    (
        "states",
        "open opened opens reopen reopened reopens reopening",
        "closed close closes shut shuttered",
    ),
    ("states", "rise", "fall"),
    ("states", "accept accepted accepts approve approved approves", "reject"),
    ("states", "win won wins", "lose lost loses"),
    ("states", "alive survived survive survives", "kill"),
    ("states", "guilty convicted", "innocent acquitted"),
    ("states", "lift lifted lifts", "impose imposed imposes"),
    ("states", "allow allowed allows permitted", "ban banned bans forbid forbidden prohibited"),
    ("states", "higher", "lower"),
)
# A report that leaves the matter open: neither a denial nor an assertion.
NONCOMMITTAL = (
    ("did", "not", "say", "whether"),
    ("would", "not", "say", "whether"),
    ("did", "not", "say", "if"),
    ("would", "not", "confirm"),
    ("did", "not", "confirm"),
    ("declined", "to", "comment"),
    ("refused", "to", "comment"),
    ("no", "comment"),
    ("would", "neither", "confirm", "nor", "deny"),
    ("neither", "confirmed", "nor", "denied"),
    ("declined", "to", "confirm"),
    ("could", "not", "confirm"),
    ("could", "not", "be", "confirmed"),
    ("did", "not", "comment"),
    ("has", "not", "commented"),
    ("yet", "to", "comment"),
)
_GROUPS = tuple(
    (
        what,
        frozenset(content_key(w) for w in a.split()) - {""},
        frozenset(content_key(w) for w in b.split()) - {""},
    )
    for what, a, b in OPPOSITES
)
_NONCOMMITTAL = phrase_index((p, True) for p in NONCOMMITTAL)


def detect_opposites(ctx: PairContext) -> list[Finding]:
    """A direction or state on one side whose opposite stands on the other."""
    out: list[Finding] = []
    for what, one, two in _GROUPS:
        for first, second in ((one, two), (two, one)):
            x, y = _first_key(ctx.a, first), _first_key(ctx.b, second)
            if x is None or y is None:
                continue
            if _first_key(ctx.a, second) is not None or _first_key(ctx.b, first) is not None:
                continue  # both sides name both: no clash to report
            qa, qb = ctx.a.quote(x, x), ctx.b.quote(y, y)
            kind = FindingKind.ENTITY if what == "directions" else FindingKind.NEGATION
            # below the same-matter share every clash is weighed as a detail anyway (findings)
            if (
                what == "states"
                and ctx.overlap >= SAME_MATTER
                and _other_things(ctx.a, x, ctx.b, y)
            ):
                kind = FindingKind.ADDED_DETAIL  # 'bread prices rose' / 'exports fell'
            label = "directions differ" if what == "directions" else "opposite states"
            out.append(
                Finding(kind, f"{label}: '{qa}' vs '{qb}'", ctx.a.span(x, x), ctx.b.span(y, y))
            )
    return out


def detect_noncommittal(ctx: PairContext) -> list[Finding]:
    """One side leaves open ('did not say whether') what the other asserts or denies."""
    na, nb = noncommittal(ctx.a), noncommittal(ctx.b)
    if na is not None and nb is None:
        first, last = na
        return [
            Finding(
                FindingKind.HEDGE,
                f"the reference leaves open what the report settles ('{ctx.a.quote(first, last)}')",
                reference_span=ctx.a.span(first, last),
            )
        ]
    if nb is not None and na is None:
        first, last = nb
        return [
            Finding(
                FindingKind.HEDGE,
                f"the report leaves open what the reference settles ('{ctx.b.quote(first, last)}')",
                other_span=ctx.b.span(first, last),
            )
        ]
    return []


SUBJECT_SPAN = 3  # tokens before a state word read as what is in that state


def _subject(side: Prepared, i: int) -> frozenset[str]:
    """Content keys of the words just before a state word ('bread prices' of 'bread prices
    rose'), or nothing when a pronoun or a clause boundary comes first."""
    keys: set[str] = set()
    for k in range(i - 1, max(-1, i - 1 - SUBJECT_SPAN), -1):
        if side.tokens[k].norm in (",", ";", ":", ".", "and", "but"):
            break
        if side.keys[k]:
            keys.add(side.keys[k])
    return frozenset(keys)


def _object(side: Prepared, i: int) -> frozenset[str]:
    """Content keys of the words just after a state word ('the curfew' of 'lifted the
    curfew')."""
    keys = []
    for k in range(i + 1, min(len(side.keys), i + 1 + SUBJECT_SPAN)):
        norm = side.tokens[k].norm
        if norm in _OBJECT_STOPS:
            break  # 'rose in March', 'fell on Monday': when, not what
        if side.keys[k] and not norm.endswith("ly"):  # 'rose sharply'
            keys.append(side.keys[k])
    return frozenset(keys)


_OBJECT_STOPS = words("in on at by after before during for to from since until , ; : . and but")


def _other_things(a: Prepared, x: int, b: Prepared, y: int) -> bool:
    """Whether the two state words are said of different things: the words before them
    differ and neither statement names the other's, and they share no word after them
    ('the government lifted the curfew' / 'authorities imposed the curfew' is one curfew)."""
    sa, sb = _subject(a, x), _subject(b, y)
    if not sa or not sb or sa & sb or _object(a, x) & _object(b, y):
        return False
    return not (sa & set(b.keys)) and not (sb & set(a.keys))


def _first_key(side: Prepared, keys: frozenset[str]) -> int | None:
    """The first token whose content key is in ``keys``."""
    return next((i for i, k in enumerate(side.keys) if k and k in keys), None)


def noncommittal(side: Prepared) -> tuple[int, int] | None:
    """The token range of words that leave the matter open ('did not say whether'), if any."""
    norms = [t.norm for t in side.tokens]
    for i in range(len(norms)):
        hit = phrase_at(norms, i, _NONCOMMITTAL)
        if hit is not None:
            return i, i + len(hit[0]) - 1
    return None
