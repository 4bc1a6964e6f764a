"""Words that cannot both hold for the same matter, and answers that give none.

'40 km north' against '40 km south', 'reopened' against 'remained closed', 'rose' against
'fell': each pair of word groups below names two states or directions that exclude each other.
Words are compared by content key, so inflections and the synonym groups of
``desktop/core/aliases.json`` meet ('soared' is 'rise'). 'Did not say whether' against a
denial is neither agreement nor contradiction: the report leaves the matter open.
"""

from __future__ import annotations

from desktop.core.detect.context import PairContext
from desktop.core.detect.prepared import Prepared
from desktop.core.detect.token import phrase_at, phrase_index
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
