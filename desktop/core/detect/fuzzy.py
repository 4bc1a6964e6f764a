"""The rapidfuzz ratios of a pair, one pair at a time or many at once (C++, on every core)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

FUZZY_MAX_CHARS = 4000  # a runaway "statement" is compared on its beginning
PARTIAL_MAX_CHARS = 400  # partial_ratio's cost grows with both lengths


@dataclass(frozen=True)
class Fuzzy:
    """Plain, token-sorted and partial ratio (plain for long texts) of two normalised texts."""

    ratio: float
    sort: float
    partial: float


def fuzzy_pair(a: str, b: str) -> Fuzzy:
    """The ratios of one pair of normalised texts."""
    na, nb = a[:FUZZY_MAX_CHARS], b[:FUZZY_MAX_CHARS]
    ratio = fuzz.ratio(na, nb)
    long = min(len(na), len(nb)) > PARTIAL_MAX_CHARS
    partial = ratio if long else fuzz.partial_ratio(na, nb)
    return Fuzzy(ratio, fuzz.token_sort_ratio(na, nb), partial)


def fuzzy_pairs(pairs: Sequence[tuple[str, str]]) -> list[Fuzzy]:
    """The ratios of many pairs in three ``process.cpdist`` calls (same values as one by one)."""
    if not pairs:
        return []
    left = [a[:FUZZY_MAX_CHARS] for a, _ in pairs]
    right = [b[:FUZZY_MAX_CHARS] for _, b in pairs]
    ratio = _cpdist(left, right, fuzz.ratio)
    sort = _cpdist(left, right, fuzz.token_sort_ratio)
    short = [
        n
        for n, (a, b) in enumerate(zip(left, right, strict=True))
        if min(len(a), len(b)) <= PARTIAL_MAX_CHARS
    ]
    partial = list(ratio)
    found = _cpdist([left[n] for n in short], [right[n] for n in short], fuzz.partial_ratio)
    for n, value in zip(short, found, strict=True):
        partial[n] = value
    return [Fuzzy(*parts) for parts in zip(ratio, sort, partial, strict=True)]


Scorer = Callable[..., float]


def _cpdist(left: list[str], right: list[str], scorer: Scorer) -> list[float]:
    if not left:
        return []
    values: list[float] = process.cpdist(
        left, right, scorer=scorer, processor=None, dtype=np.float64, workers=1
    ).tolist()
    return values
