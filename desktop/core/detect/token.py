"""The normalised token shared by normalisation and the finding detectors."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple, TypeVar

V = TypeVar("V")


class Token(NamedTuple):
    """One normalised word or number and the original characters it came from.

    A NamedTuple rather than a frozen dataclass: tokens are made by the hundred per
    statement and a tuple is several times cheaper to build.
    """

    norm: str
    start: int
    end: int
    cap: bool = False  # written with a capital letter in the original, not sentence-initial
    value: float | None = None  # numeric value of a number token
    ident: bool = False  # a number glued to a word by a hyphen ("Shahed-136"): a name, not a count

    @property
    def is_word(self) -> bool:
        """Whether the token is a word or a number rather than punctuation."""
        return self.norm[:1].isalnum()

    @property
    def is_number(self) -> bool:
        """Whether the token is a count or measure (not a name like 'Shahed-136')."""
        return self.value is not None and not self.ident


def words(text: str) -> frozenset[str]:
    """A word list written as one string (lexicons stay compact and easy to extend)."""
    return frozenset(text.split())


def phrase_index(
    phrases: Iterable[tuple[tuple[str, ...], V]],
) -> dict[str, tuple[tuple[tuple[str, ...], V], ...]]:
    """Phrases grouped by their first word, longest first, for matching at each token."""
    table: dict[str, list[tuple[tuple[str, ...], V]]] = {}
    for phrase, value in phrases:
        table.setdefault(phrase[0], []).append((phrase, value))
    return {w: tuple(sorted(v, key=lambda p: -len(p[0]))) for w, v in table.items()}


def phrase_at(
    norms: Sequence[str], i: int, index: dict[str, tuple[tuple[tuple[str, ...], V], ...]]
) -> tuple[tuple[str, ...], V] | None:
    """The longest indexed phrase starting at ``norms[i]``, with its value."""
    for phrase, value in index.get(norms[i], ()):
        if tuple(norms[i : i + len(phrase)]) == phrase:
            return phrase, value
    return None
