"""The normalised token shared by normalisation and the finding detectors."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Token:
    """One normalised word or number and the original characters it came from."""

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
