"""How much of a short statement (a headline) a few sentences of another document cover.

A headline is short and telegraphic while the body spreads its claim over long sentences; the
pair score compares one sentence at a time, so a headline told across two sentences scores low
against each. Coverage asks instead which share of the headline's content words, weighted by
how rare they are among the documents being compared, the best few sentences hold together.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from desktop.core.detect.prepared import Prepared, key_in

BEST_SENTENCES = 3  # a claim is rarely spread over more sentences than this


def idf_table(documents: Iterable[Iterable[str]]) -> dict[str, float]:
    """Inverse document frequency of each content key over ``documents`` (keys per document)."""
    df: Counter[str] = Counter()
    n = 0
    for keys in documents:
        df.update(set(keys))
        n += 1
    return {key: idf(count, n) for key, count in df.items()} | {"": idf(0, n)}


def idf(count: int, documents: int) -> float:
    """Smoothed inverse document frequency of a word found in ``count`` of ``documents``."""
    return math.log((documents + 1) / (count + 1)) + 1.0


def coverage(
    short: Prepared, sentences: Sequence[Prepared], *, idf_of: Mapping[str, float]
) -> float:
    """Rarity-weighted share (0..1) of ``short``'s content words found in any of ``sentences``.

    ``idf_of[""]`` is the weight of a word the table has never seen (the rarest).
    """
    unseen = idf_of.get("", 1.0)
    total = found = 0.0
    for key in dict.fromkeys(k for k in short.keys if k):
        weight = idf_of.get(key, unseen)
        total += weight
        if any(key_in(key, s) for s in sentences):
            found += weight
    return found / total if total else 0.0
