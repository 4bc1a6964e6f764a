"""Near-verbatim wire copies between documents.

Rule: two documents are copies when at least ``options.copy_threshold`` percent of the
statements of the shorter one (which needs ``MIN_STATEMENTS``) have a near-identical partner
(``NEAR_IDENTICAL`` plain ratio on the normalised text) in the longer one. The reference is
always the original; between two reports the one with more statements is the original, and
on a tie the earlier in the list.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz, process

from desktop.core.align import TextIndex, is_claim
from desktop.core.model import CompareOptions, Document

NEAR_IDENTICAL = 92.0  # plain ratio of normalised statements that counts as the same sentence
MIN_STATEMENTS = 3  # a two-line brief is too short to call a copy
PREFILTER_DICE = 0.5  # documents sharing less of their rare vocabulary are never compared

__all__ = ["NEAR_IDENTICAL", "copy_groups", "find_copies", "near_identical_share"]


def find_copies(
    documents: Sequence[Document], *, options: CompareOptions, index: TextIndex
) -> tuple[tuple[str, str], ...]:
    """(copy id, original id) pairs among ``documents`` (the reference first)."""
    texts = [[index.normalised(s) for s in d.statements if is_claim(s)] for d in documents]
    dice = _document_dice(documents, index)
    found: list[tuple[int, int]] = []
    for a in range(len(documents)):
        for b in range(a + 1, len(documents)):
            if dice[a, b] < PREFILTER_DICE or min(len(texts[a]), len(texts[b])) < MIN_STATEMENTS:
                continue
            if near_identical_share(texts[a], texts[b]) * 100 >= options.copy_threshold:
                found.append(_copy_and_original(a, b, texts))
    found.sort()
    return tuple((documents[c].id, documents[o].id) for c, o in found)


def near_identical_share(a: Sequence[str], b: Sequence[str]) -> float:
    """Share (0-1) of the shorter list's texts that have a near-identical text in the other."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    scores = process.cdist(short, long_, scorer=fuzz.ratio, processor=None,
                           score_cutoff=NEAR_IDENTICAL, dtype=np.uint8, workers=1)
    return float((scores.max(axis=1) >= NEAR_IDENTICAL).sum()) / len(short)


def copy_groups(documents: Sequence[Document],
                copies: Sequence[tuple[str, str]]) -> dict[str, str]:
    """Document id -> id of its group (the earliest document of its chain of copies)."""
    order = {d.id: n for n, d in enumerate(documents)}
    parent = {d.id: d.id for d in documents}

    def root(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for copy, original in copies:
        if copy not in parent or original not in parent:
            continue
        ra, rb = root(copy), root(original)
        if ra != rb:
            keep, drop = (ra, rb) if order[ra] < order[rb] else (rb, ra)
            parent[drop] = keep
    return {d.id: root(d.id) for d in documents}


def _copy_and_original(a: int, b: int, texts: Sequence[Sequence[str]]) -> tuple[int, int]:
    """Index ``a`` comes first in the list; index 0 is the reference."""
    if a == 0 or len(texts[a]) >= len(texts[b]):
        return b, a
    return a, b


def _document_dice(documents: Sequence[Document], index: TextIndex) -> NDArray[np.float32]:
    """IDF-weighted Dice overlap of the vocabularies of every pair of documents."""
    weights = np.zeros((len(documents), len(index.idf)), dtype=np.float32)
    for row, doc in enumerate(documents):
        for st in doc.statements:
            ids = index.words_of(st)
            weights[row, ids] = index.idf[ids]
    shared = weights @ (weights > 0).astype(np.float32).T
    mass = weights.sum(axis=1)
    total = mass[:, None] + mass[None, :]
    result: NDArray[np.float32] = np.divide(2 * shared, total, out=np.zeros_like(shared),
                                            where=total > 0)
    return result
