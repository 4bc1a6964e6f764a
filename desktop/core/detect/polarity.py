"""Denials against assertions, and hedges against flat statements."""

from __future__ import annotations

from desktop.core.detect.context import PairContext
from desktop.core.detect.opposites import noncommittal
from desktop.core.detect.prepared import Prepared, memoised
from desktop.core.detect.sources import SPEECH, sources
from desktop.core.detect.stem import stem
from desktop.core.detect.token import words
from desktop.core.model import Finding, FindingKind

NEGATIONS = words(
    """
not no never none nobody nothing neither nor deny denied denies denying denial denials
reject rejected rejects rejecting dismiss dismissed dismisses refute refuted refutes false
untrue fake hoax unless debunk debunked baseless unfounded fabricated groundless bogus
unlikely improbable doubtful
"""
)
# Words that call a story untrue; with "not true", "no evidence" below (DEBUNK_PHRASES).
DEBUNK = words(
    """
hoax hoaxes fake faked false untrue debunk debunked debunks denied denies deny misleading
rumour rumours rumor rumors satire satirical fabricated baseless unfounded bogus myth
"""
)
DEBUNK_PHRASES = (("not", "true"), ("no", "evidence"), ("not", "real"))
_REFUSALS = words("declined declines declining refused refuses refusing")
# Phrases that contain a negation word but do not negate the claim.
_NOT_NEGATING = frozenset(
    {("not", "only"), ("no", "doubt"), ("nothing", "but"), ("no", "sooner"), ("not", "least")}
)
AFFIRMATIONS = words(
    """
confirm confirmed confirms confirming admit admitted admits acknowledge acknowledged
acknowledges verified true proved proven
"""
)
HEDGES = words(
    """
reportedly allegedly alleged purportedly apparently possibly probably likely perhaps maybe
might may could believe believed believes suspected unconfirmed unverified rumoured
rumored presumably seemingly appears appeared seems seemed claimed claims purported
supposedly
"""
)
HEDGE_FAMILY = 5  # 'alleg', 'repor', 'claim': hedge words that share these letters are one
_SAYING_HEDGES = words("claimed claims alleged alleges")
MODALS = words("can could may might will would shall should must")
_HEDGE_PHRASES = (("according", "to"), ("said", "to", "be"), ("is", "thought"))
_HEDGE_FIRST = frozenset(p[0] for p in _HEDGE_PHRASES)
_MONTH_MAY_AFTER = frozenset({"in", "since", "until", "early", "late", "mid", "last", "of"})


@memoised
def negation_cues(side: Prepared) -> list[int]:
    """Token indices of words that deny or negate."""
    norms = [t.norm for t in side.tokens]
    open_ = noncommittal(side)  # 'did not say whether': the matter is left open, not denied
    out = []
    for i, norm in enumerate(norms):
        if open_ is not None and open_[0] <= i <= open_[1]:
            continue
        if norm in NEGATIONS and tuple(norms[i : i + 2]) not in _NOT_NEGATING:
            if norm == "not" and i + 1 < len(norms) and side.tokens[i + 1].is_number:
                continue  # "30 people, not 130": a figure set right (facts), not a denial
            out.append(i)
        elif norm in _REFUSALS and i + 1 < len(norms) and norms[i + 1] == "to":
            out.append(i)  # "declined to comment" says no, "prices declined" does not
    return out


@memoised
def debunk_cues(side: Prepared) -> list[int]:
    """Token indices of words that call a story untrue ('hoax', 'not true', 'no evidence')."""
    norms = [t.norm for t in side.tokens]
    out = [i for i, n in enumerate(norms) if n in DEBUNK]
    out += [i for i in range(len(norms) - 1) if (norms[i], norms[i + 1]) in DEBUNK_PHRASES]
    return sorted(out)


@memoised
def hedge_cues(side: Prepared) -> list[tuple[int, int]]:
    """Token ranges (first, last) of hedging words and phrases."""
    norms = [t.norm for t in side.tokens]
    out: list[tuple[int, int]] = []
    for i, norm in enumerate(norms):
        if norm in HEDGES and not _is_month_may(side, i):
            out.append((i, i))
        elif norm in _HEDGE_FIRST:
            for phrase in _HEDGE_PHRASES:
                if tuple(norms[i : i + len(phrase)]) == phrase:
                    out.append((i, i + len(phrase) - 1))
    return out


def _is_month_may(side: Prepared, i: int) -> bool:
    tok = side.tokens[i]
    if tok.norm != "may":
        return False
    prev = side.tokens[i - 1].norm if i > 0 else ""
    nxt = side.tokens[i + 1] if i + 1 < len(side.tokens) else None
    return tok.cap or prev in _MONTH_MAY_AFTER or (nxt is not None and nxt.is_number)


def detect_negation(ctx: PairContext) -> list[Finding]:
    """One side denies or negates what the other asserts."""
    if noncommittal(ctx.a) is not None or noncommittal(ctx.b) is not None:
        return []  # one side leaves it open: a hedge (detect/opposites.py), not a denial
    trailing = _trailing_denials(ctx)
    if trailing:
        return trailing
    na = _live(negation_cues(ctx.a), ctx.a, ctx.b)
    nb = _live(negation_cues(ctx.b), ctx.b, ctx.a)
    if bool(na) == bool(nb):
        return []
    neg, pos = (ctx.a, ctx.b) if na else (ctx.b, ctx.a)
    cue = (na or nb)[0]
    neg_word = neg.quote(cue, cue)
    neg_span = neg.span(cue, cue)
    affirm = [i for i, t in enumerate(pos.tokens) if t.norm in AFFIRMATIONS]
    pos_span = pos.span(affirm[0], affirm[0]) if affirm else None
    if affirm:
        pos_word = pos.quote(affirm[0], affirm[0])
        words = (neg_word, pos_word) if na else (pos_word, neg_word)
        message = f"one side denies what the other asserts: '{words[0]}' vs '{words[1]}'"
    elif na:
        message = f"the reference negates ('{neg_word}') what the report asserts"
    else:
        message = f"the report negates ('{neg_word}') what the reference asserts"
    if na:
        return [Finding(FindingKind.NEGATION, message, neg_span, pos_span)]
    return [Finding(FindingKind.NEGATION, message, pos_span, neg_span)]


def detect_hedge(ctx: PairContext) -> list[Finding]:
    """A claim hedged on one side and stated flatly on the other."""
    ha, hb = _real_hedges(ctx.a, ctx.b), _real_hedges(ctx.b, ctx.a)
    if bool(ha) == bool(hb):
        return []
    if ha:
        first, last = _with_holder(ctx.a, *ha[0])
        word = ctx.a.quote(first, last)
        return [
            Finding(
                FindingKind.HEDGE,
                f"the report states flatly what the reference hedges ('{word}')",
                reference_span=ctx.a.span(first, last),
            )
        ]
    first, last = _with_holder(ctx.b, *hb[0])
    word = ctx.b.quote(first, last)
    return [
        Finding(
            FindingKind.HEDGE,
            f"the report hedges ('{word}') what the reference states flatly",
            other_span=ctx.b.span(first, last),
        )
    ]


_BELIEFS = words("believe believed believes suspect suspected suspects")


def _with_holder(side: Prepared, first: int, last: int) -> tuple[int, int]:
    """'Western officials believe': who believes is part of the hedge, not a detail of its own."""
    if side.tokens[first].norm not in _BELIEFS:
        return first, last
    j = first
    while j > 0 and first - j < 3 and side.keys[j - 1] and not side.tokens[j - 1].is_number:
        j -= 1
    return j, last


def _real_hedges(side: Prepared, other: Prepared) -> list[tuple[int, int]]:
    """Hedges of ``side`` that bear on words ``other`` shares.

    'according to X' is a source, not a hedge, when X is named ('according to US officials':
    a detail when one side only has it) or when ``other`` names a source of its own; it stays a
    hedge for 'according to reports'. A hedge inside a clause the other statement does not have
    ('..., which could allow production to begin') is part of that missing clause, not a hedge
    on the shared claim.
    """
    cues = [(f, last) for f, last in hedge_cues(side) if _tied(side, last, other)]
    if any(t.norm in MODALS for t in other.tokens):  # 'could be addressed' vs 'can be addressed'
        cues = [(f, last) for f, last in cues if side.tokens[f].norm not in MODALS]
    # 'claims' against 'claim', 'reportedly' against 'was reported as saying': one hedge
    theirs = {t.norm[:HEDGE_FAMILY] for t in other.tokens}
    cues = [
        (f, last)
        for f, last in cues
        if f != last or side.tokens[f].norm[:HEDGE_FAMILY] not in theirs
    ]
    # 'the FTC alleged' against 'the FTC said': a verb of saying, the source speaks either way
    if any(t.norm in SPEECH for t in other.tokens):
        cues = [(f, last) for f, last in cues if side.tokens[f].norm not in _SAYING_HEDGES]
    if any(side.tokens[f].norm == "according" for f, _ in cues):
        named = {s.first for s in sources(side) if s.specific}
        cues = [
            (f, last)
            for f, last in cues
            if side.tokens[f].norm != "according"
            or not (sources(other) or any(last < n <= last + 3 for n in named))
        ]
    return cues


def _live(cues: list[int], side: Prepared, other: Prepared) -> list[int]:
    """Cues that bear on shared words: a 'not' inside a clause only one side has says nothing.

    The words after the cue must appear as such on the other side: a synonym or a shared
    country is too loose a tie to call a contradiction.
    """
    return [i for i in cues if _tied(side, i, other)]


def _tied(side: Prepared, cue: int, other: Prepared) -> bool:
    for j in range(cue + 1, min(cue + 7, len(side.tokens))):
        if side.keys[j] and stem(side.tokens[j].norm) in other.stems:
            return True
    return False


DENIALS = words(
    "deny denied denies denying reject rejected rejects rejecting dismiss dismissed "
    "dismisses refute refuted refutes dispute disputed disputes"
)
_CLAUSE = frozenset({",", ";", ":", "-", "(", "."})


@memoised
def _trailing_denial(side: Prepared) -> tuple[int, int] | None:
    """'..., a charge Tehran rejects' / '..., officials later denied it': the clause's tokens."""
    toks = side.tokens
    content_after = False
    for i in range(len(toks) - 1, -1, -1):  # walk back, knowing if the clause goes on after
        if toks[i].norm in _CLAUSE:
            content_after = False
        elif toks[i].norm in DENIALS and not content_after:
            break
        content_after = content_after or bool(side.keys[i])
    else:
        return None
    end = next((j for j in range(i + 1, len(toks)) if toks[j].norm in _CLAUSE), len(toks))
    start = next((j + 1 for j in range(i - 1, -1, -1) if toks[j].norm in _CLAUSE), 0)
    if start == 0:
        return None  # the denial is the statement itself, not a clause added to it
    return start, max(j for j in range(start, end) if toks[j].is_word)


def _trailing_denials(ctx: PairContext) -> list[Finding]:
    """A denial clause one side appends to the shared claim: a detail the reader must see."""
    ta, tb = _trailing_denial(ctx.a), _trailing_denial(ctx.b)
    if (ta is None) == (tb is None):
        return []
    if ta is not None:
        text = ctx.a.quote(*ta)
        return [
            Finding(
                FindingKind.DROPPED_DETAIL,
                f"the report leaves out a denial: '{text}'",
                reference_span=ctx.a.span(*ta),
            )
        ]
    assert tb is not None
    text = ctx.b.quote(*tb)
    return [
        Finding(
            FindingKind.ADDED_DETAIL,
            f"the report adds a denial: '{text}'",
            other_span=ctx.b.span(*tb),
        )
    ]
