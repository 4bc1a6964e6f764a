"""A light suffix stripper shared by normalisation and the gazetteer."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light suffix stripper: plural, tense and a few derivational endings."""
    if len(word) <= 3 or " " in word:
        return word
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) + len(repl) >= 3:
            word = word[: len(word) - len(suffix)] + repl
            break
    if len(word) > 3 and word[-1] in "ey":
        word = word[:-1]
    return word


_SUFFIXES = (
    ("ments", ""),
    ("ment", ""),
    ("ations", "ate"),
    ("ation", "ate"),
    ("ings", ""),
    ("ing", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("sses", "ss"),
    ("ness", ""),
    ("edly", ""),
    ("ed", ""),
    ("ly", ""),
    ("es", "e"),
    ("ss", "ss"),
    ("us", "us"),
    ("is", "is"),
    ("s", ""),
)
