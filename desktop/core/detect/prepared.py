"""A statement prepared once for many comparisons: tokens, content keys and place names."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from desktop.core.aliases import place_of
from desktop.core.detect.stem import stem
from desktop.core.detect.token import Token
from desktop.core.normalise import content_key, join_tokens, tokenize

T = TypeVar("T")
PREFIX = 6  # words sharing this many first letters count as one ("deliveries", "delivered")


@dataclass(frozen=True)
class Prepared:
    """One statement normalised for matching; build it with :func:`prepare`."""

    text: str
    tokens: tuple[Token, ...]
    norm: str
    keys: tuple[str, ...]  # content key per token, '' for stopwords and punctuation
    key_set: frozenset[str]
    prefixes: frozenset[str]
    places: frozenset[str]  # countries the statement names, directly or by capital or demonym
    stems: frozenset[str] = frozenset()  # content words before synonyms are folded together
    body: int = 0  # index of the first token after a dateline ("LONDON, Nov 19 (Reuters) -")
    # what the detectors read off one statement, kept so that each is worked out once
    memo: dict[str, Any] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Character span in ``text`` from token ``first`` to token ``last`` (inclusive)."""
        if first == last:
            tok = self.tokens[first]
            return tok.start, tok.end
        # "25 August" is stored month first, so tokens are not always in text order
        run = self.tokens[first : last + 1]
        return min(t.start for t in run), max(t.end for t in run)

    def quote(self, first: int, last: int) -> str:
        """The original words from token ``first`` to token ``last``."""
        start, end = self.span(first, last)
        return " ".join(self.text[start:end].split())


def prepare(text: str, *, aliases: Iterable[tuple[str, str]] = ()) -> Prepared:
    """Normalise ``text`` once so it can be judged against many others quickly."""
    tokens = tokenize(text, aliases=aliases)
    body = _dateline_end(text, tokens)
    keys = tuple("" if i < body else content_key(t.norm) for i, t in enumerate(tokens))
    key_set = frozenset(k for k in keys if k)
    places = frozenset(p for t in tokens[body:] if (p := place_of(t.norm)))
    prefixes = frozenset(k[:PREFIX] for k in key_set if len(k) >= PREFIX)
    stems = frozenset(stem(t.norm) for t, k in zip(tokens, keys, strict=True) if k)
    return Prepared(text, tokens, join_tokens(tokens), keys, key_set, prefixes, places, stems, body)


def key_in(key: str, other: Prepared) -> bool:
    """Whether a content key of one statement is found in the other (same word, stem or place)."""
    if key in other.key_set:
        return True
    if len(key) >= PREFIX and key[:PREFIX] in other.prefixes:
        return True
    place = place_of(key)
    return place is not None and place in other.places


def matched_mask(side: Prepared, other: Prepared) -> tuple[bool, ...]:
    """Per token of ``side``: a content word that ``other`` also has (as :func:`key_in`)."""
    keys, prefixes, places = other.key_set, other.prefixes, other.places
    mask = [False] * len(side.keys)
    for i, k, p, q in key_parts(side):
        if k in keys or (p is not None and p in prefixes) or (q is not None and q in places):
            mask[i] = True
    return tuple(mask)


def _dateline_end(text: str, tokens: tuple[Token, ...]) -> int:
    """Tokens of a leading dateline: a capitalised place, then a dash within a dozen tokens."""
    if not tokens or not text[tokens[0].start : tokens[0].end].isupper() or len(tokens) < 4:
        return 0
    for i, tok in enumerate(tokens[1:13], start=1):
        if tok.norm == "-" and text[tok.start - 1 : tok.start].isspace():
            return i + 1
    return 0


def memoised(fn: Callable[[Prepared], T]) -> Callable[[Prepared], T]:
    """Work ``fn`` out once per prepared statement (statements are judged against many)."""
    name = f"{fn.__module__}.{fn.__qualname__}"

    def wrapper(side: Prepared) -> T:
        try:
            value: T = side.memo[name]
        except KeyError:
            value = side.memo[name] = fn(side)
        return value

    wrapper.__doc__ = fn.__doc__
    wrapper.__name__ = fn.__name__
    return wrapper


@memoised
def key_parts(side: Prepared) -> tuple[tuple[int, str, str | None, str | None], ...]:
    """Per content word: token index, key, the key's prefix (long keys) and the place it names.

    :func:`matched_mask` runs for every pair a statement meets; these do not depend on the pair.
    """
    return tuple(
        (i, k, k[:PREFIX] if len(k) >= PREFIX else None, place_of(k))
        for i, k in enumerate(side.keys)
        if k
    )


_LINKS = frozenset({"and", "of", "&", "for", "the"})


def name_link(side: Prepared, j: int) -> bool:
    """'and', 'of' or '&' inside a name ('Securities and Exchange Commission', 'Bank of England').

    Not between places: 'Moscow and Tehran' are two actors.
    """
    toks = side.tokens
    if toks[j].norm not in _LINKS or j == 0 or j + 1 >= len(toks):
        return False
    before, after = toks[j - 1], toks[j + 1]
    return (
        before.cap and after.cap and place_of(before.norm) is None and place_of(after.norm) is None
    )


@memoised
def name_initials(side: Prepared) -> frozenset[str]:
    """Initials of each run of capitalised words ('sec': 'Securities and Exchange Commission')."""
    out: set[str] = set()
    run = ""
    for j, tok in enumerate(side.tokens):
        if tok.cap and tok.norm[:1].isalpha():
            run += "".join(w[0] for w in tok.norm.split())
        elif not name_link(side, j):
            if len(run) >= 2:
                out.add(run)
            run = ""
    if len(run) >= 2:
        out.add(run)
    return frozenset(out)


def is_acronym_of(side: Prepared, index: int, other: Prepared) -> bool:
    """Whether token ``index`` is written in capitals and spells initials of a name in ``other``."""
    tok = side.tokens[index]
    raw = side.text[tok.start : tok.end]
    if not (raw.isupper() and raw.isalpha() and 2 <= len(raw) <= 6):
        return False
    return any(raw.lower() in initials for initials in name_initials(other))
