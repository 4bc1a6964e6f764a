"""Near-verbatim wire copies between documents.

Rule: two documents are copies when at least ``options.copy_threshold`` percent of the
statements of the shorter one (which needs ``MIN_STATEMENTS``) have a near-identical partner
(``NEAR_IDENTICAL`` plain ratio on the normalised text) in the longer one. The reference is
always the original; between two reports the one with more statements is the original, and
on a tie the earlier in the list.

Cost stays near-linear in the number of statements: distinct normalised sentences are put in
blocks by their first and by their last ``BLOCK_CHARS`` characters (a small edit leaves one of
the two intact), compared only within a block, and joined into sentence families; documents
are then compared by the families they share, in one matrix product.
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
BLOCK_CHARS = 32

__all__ = ["NEAR_IDENTICAL", "copy_groups", "find_copies", "sentence_families"]


def find_copies(
    documents: Sequence[Document], *, options: CompareOptions, index: TextIndex
) -> tuple[tuple[str, str], ...]:
    """(copy id, original id) pairs among ``documents`` (the reference first)."""
    texts = [[index.normalised(s) for s in d.statements if is_claim(s)] for d in documents]
    family = sentence_families(sorted({t for doc in texts for t in doc}))
    counts = np.zeros((len(documents), max(family.values(), default=0) + 1), dtype=np.float32)
    for row, doc in enumerate(texts):
        for text in doc:
            counts[row, family[text]] += 1
    shared = counts @ (counts > 0).astype(np.float32).T  # [a, b]: a's statements found in b
    sizes = np.array([len(t) for t in texts], dtype=np.float32)
    found: list[tuple[int, int]] = []
    for a, b in zip(*np.nonzero(np.triu(shared, k=1)), strict=True):
        short = a if sizes[a] <= sizes[b] else b
        if sizes[short] < MIN_STATEMENTS:
            continue
        share = shared[short, b if short == a else a] / sizes[short]
        if share * 100 >= options.copy_threshold:
            found.append(_copy_and_original(int(a), int(b), sizes))
    found.sort()
    return tuple((documents[c].id, documents[o].id) for c, o in found)


def sentence_families(texts: Sequence[str]) -> dict[str, int]:
    """Family number of each distinct text: chains of near-identical texts share one."""
    parent = list(range(len(texts)))
    for block in _blocks(texts):
        if len(block) < 2:
            continue
        members = [texts[i] for i in block]
        scores = process.cdist(
            members,
            members,
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=NEAR_IDENTICAL,
            dtype=np.uint8,
            workers=1,
        )
        for x, y in zip(*np.nonzero(np.triu(scores, k=1)), strict=True):
            _union(parent, block[x], block[y])
    return {t: _find(parent, i) for i, t in enumerate(texts)}


def copy_groups(documents: Sequence[Document], copies: Sequence[tuple[str, str]]) -> dict[str, str]:
    """Document id -> id of its group (the earliest document of its chain of copies)."""
    order = {d.id: n for n, d in enumerate(documents)}
    parent = list(range(len(documents)))
    for copy, original in copies:
        if copy in order and original in order:
            _union(parent, order[copy], order[original])
    return {d.id: documents[_find(parent, n)].id for n, d in enumerate(documents)}


def _blocks(texts: Sequence[str]) -> list[list[int]]:
    keyed: dict[tuple[bool, str], list[int]] = {}
    for i, text in enumerate(texts):
        keyed.setdefault((True, text[:BLOCK_CHARS]), []).append(i)
        keyed.setdefault((False, text[-BLOCK_CHARS:]), []).append(i)
    return list(keyed.values())


def _copy_and_original(a: int, b: int, sizes: NDArray[np.float32]) -> tuple[int, int]:
    """Index ``a`` comes first in the list; index 0 is the reference."""
    if a == 0 or sizes[a] >= sizes[b]:
        return b, a
    return a, b


def _find(parent: list[int], x: int) -> int:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def _union(parent: list[int], x: int, y: int) -> None:
    """Join two sets; the smaller index becomes the root (determinism)."""
    rx, ry = _find(parent, x), _find(parent, y)
    if rx != ry:
        parent[max(rx, ry)] = min(rx, ry)
