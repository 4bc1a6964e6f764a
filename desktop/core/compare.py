"""The whole comparison: align every report with the reference, group claims, find copies."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import numpy as np
from numpy.typing import NDArray

from desktop.core.align import (
    CUTOFF_SHARE,
    Pair,
    PairJudge,
    TextIndex,
    align,
    build_index,
    candidate_scores,
    is_claim,
    score_pair,
    select_links,
)
from desktop.core.claims import build_claims
from desktop.core.copies import find_copies
from desktop.core.errors import Cancelled
from desktop.core.model import (
    CompareOptions,
    Comparison,
    Decision,
    Document,
    Link,
    Skipped,
    Statement,
    document_of,
)
from desktop.core.settle import settle_dates

POOL_SCORED = 3  # best candidates scored by the judge per report-only statement
CHUNK = 64  # rows of the pool overlap matrix computed at once (memory stays flat)

__all__ = ["compare_documents"]


def compare_documents(
    reference: Document,
    reports: Sequence[Document],
    *,
    options: CompareOptions | None = None,
    progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
    skipped: Iterable[Skipped] = (),
    decisions: Sequence[Decision] = (),
    judge: PairJudge | None = None,
) -> Comparison:
    """Compare ``reference`` with ``reports``; ``progress(done, total)`` after each report."""
    options = options or CompareOptions()
    reports = _distinct(reference, reports)

    def check() -> None:
        if should_cancel is not None and should_cancel():
            raise Cancelled()

    check()
    index = build_index(
        (reference, *reports), options=options, judge=judge, reuse=True, check=check
    )
    links: list[Link] = []
    for done, report in enumerate(reports, 1):
        check()
        links.extend(align(reference, report, options=options, index=index))
        if progress is not None:
            progress(done, len(reports))
    check()
    links.extend(_between_reports(reports, links, options=options, index=index, check=check))
    links = settle_dates(links, (reference, *reports), prepared=index.prepared, options=options)
    check()
    copies = find_copies((reference, *reports), options=options, index=index)
    claims = build_claims(reference, reports, links, copies)
    comparison = Comparison(
        reference, tuple(reports), tuple(links), claims, options, tuple(skipped), copies
    )
    if decisions:
        from desktop.core.review import apply_decisions

        comparison = apply_decisions(comparison, decisions)
    return comparison


def _distinct(reference: Document, reports: Sequence[Document]) -> tuple[Document, ...]:
    """Drop reports that repeat the reference or an earlier report (same id)."""
    seen = {reference.id}
    kept = []
    for doc in reports:
        if doc.id not in seen:
            seen.add(doc.id)
            kept.append(doc)
    return tuple(kept)


def _between_reports(
    reports: Sequence[Document],
    links: Sequence[Link],
    *,
    options: CompareOptions,
    index: TextIndex,
    check: Callable[[], None],
) -> list[Link]:
    """Every pair of reports when asked; otherwise only what the reference lacks."""
    if options.compare_reports:
        found: list[Link] = []
        for a, first in enumerate(reports):
            for second in reports[a + 1 :]:
                check()
                found.extend(
                    align(first, second, options=options, index=index, between_reports=True)
                )
        return found
    linked = {k.other for k in links}
    pool = [s for d in reports for s in d.statements if is_claim(s) and s.id not in linked]
    return align_pool(pool, options=options, index=index, check=check)


def align_pool(
    statements: Sequence[Statement],
    *,
    options: CompareOptions,
    index: TextIndex,
    check: Callable[[], None] = lambda: None,
) -> list[Link]:
    """Link statements of different reports with each other (report-only claims)."""
    doc_of = np.array([document_of(s.id) for s in statements])
    if len(set(doc_of.tolist())) < 2:
        return []
    # wire copies repeat sentences: candidates are estimated once per distinct text
    distinct, text_of = _by_text(statements)
    holders: list[list[int]] = [[] for _ in distinct]
    for i, t in enumerate(text_of.tolist()):
        holders[t].append(i)
    cutoff = options.threshold * CUTOFF_SHARE
    scored: dict[tuple[int, int], Pair] = {}
    for start in range(0, len(distinct), CHUNK):
        check()
        rows = distinct[start : start + CHUNK]
        cand = candidate_scores(rows, distinct, index=index)[:, text_of]
        todo: list[tuple[int, int]] = []
        queued: set[tuple[int, int]] = set()
        for r in range(len(rows)):
            for i in holders[start + r]:
                row = cand[r].copy()
                row[doc_of == doc_of[i]] = -1.0  # never pair a report with itself
                for j in np.argsort(-row, kind="stable")[:POOL_SCORED].tolist():
                    key = (min(i, j), max(i, j))
                    if row[j] >= cutoff and key not in scored and key not in queued:
                        todo.append(key)
                        queued.add(key)
        index.prime([(statements[i], statements[j]) for i, j in todo])
        for i, j in todo:
            scored[(i, j)] = score_pair(statements[i], statements[j], i, j, index=index)
    return _select_per_document_pair(scored.values(), statements, doc_of, options.threshold, index)


def _by_text(statements: Sequence[Statement]) -> tuple[list[Statement], NDArray[np.int64]]:
    """The first statement of each distinct text, and each statement's text number."""
    first: dict[str, int] = {}
    distinct: list[Statement] = []
    numbers = []
    for s in statements:
        n = first.setdefault(s.text, len(distinct))
        if n == len(distinct):
            distinct.append(s)
        numbers.append(n)
    return distinct, np.array(numbers, dtype=np.int64)


def _select_per_document_pair(
    pairs: Iterable[Pair],
    statements: Sequence[Statement],
    doc_of: np.ndarray,
    threshold: float,
    index: TextIndex,
) -> list[Link]:
    by_docs: dict[tuple[str, str], list[Pair]] = {}
    for p in sorted(pairs, key=lambda q: (q.left, q.right)):
        by_docs.setdefault((str(doc_of[p.left]), str(doc_of[p.right])), []).append(p)
    links: list[Link] = []
    for key in by_docs:
        chosen = select_links(by_docs[key], threshold=threshold)
        links.extend(index.links(statements, statements, chosen, between_reports=True))
    return links
