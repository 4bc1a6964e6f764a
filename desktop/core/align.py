"""Order-free alignment of a reference with a report.

Candidates come from an estimate of the judge's score built from two ``rapidfuzz`` cdists over
normalised statements (C++, no GIL) and from shared content words, rare ones weighted by IDF;
only the few best candidates of each statement are scored by the pair judge. Links keep, for
every report statement, its best reference partner and, for every reference statement, its
best report partner, so splits and merges give one-to-many links. Only the chosen links are
judged for findings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from rapidfuzz import fuzz, process

from desktop.core.anaphora import disputing_links
from desktop.core.detect.facts import COUNT, fact_keys, measures, shared_facts
from desktop.core.detect.fuzzy import fuzzy_pairs
from desktop.core.detect.origins import origins
from desktop.core.judge import (
    FACT_SCORE,
    PairContext,
    Prepared,
    find_differences,
    judgement_of,
    lexical_score,
    prepare,
    score_context,
)
from desktop.core.memo import Memo, take_over
from desktop.core.model import (
    CompareOptions,
    Document,
    Judgement,
    Link,
    Statement,
    StatementRole,
    Verdict,
)

TOP_K = 2  # candidates scored per statement in each direction
SURE_SCORE = 100 * FACT_SCORE  # pairs this similar are linked even when not the best partner
# A fact more than this many (and this share of) reference statements give is common there.
COMMON_FACT_MIN, COMMON_FACT_SHARE = 3, 0.2
CUTOFF_SHARE = 0.6  # candidates must reach this share of the threshold
PREFIX = 6  # content words sharing this many first letters count as one feature
CHECK_EVERY = 8  # statements prepared between two calls of the caller's check
# The candidate estimate keeps the shape of the judge's former hand-weighted score (now
# old_score in bench/fit_scorer.py, which calibrates the fitted score's SHIFT against it):
# 40 x the lower coverage + 20 x the higher + 0.2 x token-sort ratio + 0.2 x plain ratio, or
# 70 x the coverage of the shorter statement (inside the longer) + 0.2 x the best ratio.
# The judge itself now scores with fitted features (desktop/core/detect/features.py).
W_COVER_MIN, W_COVER_MAX, W_INSIDE, W_FUZZY = 40.0, 20.0, 70.0, 0.2

__all__ = [
    "Overlap",
    "Pair",
    "PairJudge",
    "TextIndex",
    "align",
    "build_index",
    "is_claim",
    "select_links",
]

PairJudge = Callable[[Statement, Statement], Judgement]


@dataclass(frozen=True)
class Pair:
    """A scored candidate: indices into the two statement lists and its ranking key."""

    left: int
    right: int
    score: float
    tiebreak: float  # plain ratio of the normalised texts: a containing sentence ranks lower


def align(
    reference: Document,
    report: Document,
    *,
    options: CompareOptions | None = None,
    index: TextIndex | None = None,
    between_reports: bool = False,
) -> list[Link]:
    """Link the statements of ``report`` to those of ``reference``, sorted by position."""
    options = options or CompareOptions()
    index = index or build_index((reference, report), options=options)
    refs = [s for s in reference.statements if is_claim(s)]
    others = [s for s in report.statements if is_claim(s)]
    if not refs or not others:
        return []
    cand = candidate_scores(refs, others, index=index)
    cutoff = options.threshold * CUTOFF_SHARE
    found = sorted(set(candidate_pairs(cand, cutoff)) | set(fact_pairs(refs, others, index=index)))
    index.prime([(refs[i], others[j]) for i, j in found])
    pairs = [score_pair(refs[i], others[j], i, j, index=index) for i, j in found]
    pairs = _discount_common_facts(pairs, refs, others, index=index)
    chosen = select_links(pairs, threshold=options.threshold)
    links = index.links(refs, others, chosen, between_reports=between_reports)
    if between_reports:
        return links
    disputes = disputing_links(others, links, prepared=index.prepared)
    if not disputes:
        return links
    where = {s.id: n for n, s in enumerate((*refs, *others))}
    return sorted((*links, *disputes), key=lambda k: (where[k.reference], where[k.other]))


def candidate_scores(
    refs: Sequence[Statement], others: Sequence[Statement], *, index: TextIndex
) -> NDArray[np.float32]:
    """An estimate of the judge's score for every pair, from two cdists and shared words.

    It mirrors the parts of the judge's former score (coverage both ways, token-sorted and
    plain ratio, a short statement inside a long one) on cheap features, and takes the
    IDF-weighted overlap when that is higher: shared rare words (numbers, names, dates) are
    evidence on their own.
    """
    ratio, sort = index.fuzzy_scores(refs, others)
    parts = index.overlap_parts(refs, others)
    cover_r, cover_o = parts.coverage()
    fuzzy = W_FUZZY * (ratio.astype(np.float32) + sort.astype(np.float32))
    whole = W_COVER_MIN * np.minimum(cover_r, cover_o) + W_COVER_MAX * np.maximum(cover_r, cover_o)
    inside = W_INSIDE * parts.inside() + W_FUZZY * np.maximum(ratio, sort).astype(np.float32)
    result: NDArray[np.float32] = np.maximum(np.maximum(whole + fuzzy, inside), parts.dice() * 100)
    return result


def candidate_pairs(cand: NDArray[np.float32], cutoff: float) -> list[tuple[int, int]]:
    """The top-k partners of each row and of each column that reach ``cutoff``, sorted."""
    found: set[tuple[int, int]] = set()
    # stable sort on the negated scores: ties go to the earlier statement (determinism)
    for matrix, flip in ((cand, False), (cand.T, True)):
        best = np.argsort(-matrix, axis=1, kind="stable")[:, :TOP_K]
        picked = np.take_along_axis(matrix, best, axis=1)
        keep = picked >= cutoff
        for row, col in zip(*np.nonzero(keep), strict=True):
            i, j = int(row), int(best[row, col])
            found.add((j, i) if flip else (i, j))
    return sorted(found)


def _discount_common_facts(
    pairs: list[Pair], refs: Sequence[Statement], others: Sequence[Statement], *, index: TextIndex
) -> list[Pair]:
    """A fact the reference gives in many statements ('Iranian-made drones' throughout a
    story about them) does not tell which claim a sentence makes: pairs that share only such
    facts keep the score of their words."""
    counts: dict[str, int] = {}
    for s in refs:
        for key in fact_keys(index.prepared(s)):
            counts[key] = counts.get(key, 0) + 1
    most = max(COMMON_FACT_MIN, COMMON_FACT_SHARE * len(refs))
    common = {key for key, n in counts.items() if n > most}
    if not common:
        return pairs
    out = []
    for p in pairs:
        a, b = index.prepared(refs[p.left]), index.prepared(others[p.right])
        shared = shared_facts(a, b)
        if shared and shared <= common:
            p = Pair(p.left, p.right, lexical_score(a, b), p.tiebreak)
        out.append(p)
    return out


def fact_pairs(
    refs: Sequence[Statement], others: Sequence[Statement], *, index: TextIndex
) -> list[tuple[int, int]]:
    """Pairs that give a value for the same measure, however few words they share."""
    by_measure: dict[tuple[str, frozenset[str]], list[int]] = {}
    for j, s in enumerate(others):
        for m in measures(index.prepared(s)):
            by_measure.setdefault(m, []).append(j)
    by_thing: dict[tuple[bool, str], set[int]] = {}
    for j, s in enumerate(others):
        for o in origins(index.prepared(s)):
            for thing in o.things or ("",):
                by_thing.setdefault((o.made, thing), set()).add(j)
    found: set[tuple[int, int]] = set()
    for i, s in enumerate(refs):
        a = index.prepared(s)
        for m in measures(a):
            if not m[0].startswith(COUNT):
                found.update((i, j) for j in by_measure.get(m, ()))
        # the same thing named with a country on both sides ('a Russian missile' / 'Ukrainian
        # missiles'): the judge scores these as sharing a fact, so they are candidates too
        near: set[int] = set()
        for o in origins(a):
            for thing in o.things or ("",):
                near.update(by_thing.get((o.made, thing), ()))
        found.update(
            (i, j)
            for j in near
            if (i, j) not in found and shared_facts(a, index.prepared(others[j]))
        )
    return sorted(found)


def score_pair(a: Statement, b: Statement, i: int, j: int, *, index: TextIndex) -> Pair:
    """Score one candidate pair and attach its tie-break."""
    tiebreak = fuzz.ratio(index.normalised(a), index.normalised(b))
    return Pair(i, j, index.score(a, b), tiebreak)


def select_links(pairs: Iterable[Pair], *, threshold: float) -> list[Pair]:
    """Per right statement its best left partner, per left statement its best right one, and
    every pair that scores at least ``SURE_SCORE``."""
    best_left: dict[int, Pair] = {}
    best_right: dict[int, Pair] = {}
    pairs_list = list(pairs)
    for p in pairs_list:
        if p.score < threshold:
            continue
        if p.right not in best_left or _better(p, best_left[p.right]):
            best_left[p.right] = p
        if p.left not in best_right or _better(p, best_right[p.left]):
            best_right[p.left] = p
    chosen = {(p.left, p.right): p for p in (*best_left.values(), *best_right.values())}
    # a claim often stands in several sentences of a report (one restates it, one disputes
    # it): every sure pair is linked, not only the best of each side
    sure = max(threshold, SURE_SCORE)
    chosen.update(((p.left, p.right), p) for p in pairs_list if p.score >= sure)
    return [chosen[key] for key in sorted(chosen)]


def _better(p: Pair, q: Pair) -> bool:
    """Higher score wins, then the closer wording; equal keys keep the earlier statement."""
    return (p.score, p.tiebreak, -p.left, -p.right) > (q.score, q.tiebreak, -q.left, -q.right)


_NOT_CLAIMS = frozenset({StatementRole.DATELINE, StatementRole.HEADING})


def is_claim(statement: Statement) -> bool:
    """Whether a statement can carry a claim (a dateline, byline or section heading cannot)."""
    return statement.role not in _NOT_CLAIMS


def build_index(
    documents: Iterable[Document],
    *,
    options: CompareOptions | None = None,
    judge: PairJudge | None = None,
    reuse: bool = False,
    check: Callable[[], None] | None = None,
) -> TextIndex:
    """Prepare every statement of ``documents`` once, for all the alignments that follow.

    With ``reuse`` what the previous such index worked out for the same texts is taken over
    (``desktop/core/memo.py``): a recomputation after a change of options is much cheaper.
    """
    return TextIndex(
        tuple(documents), options=options or CompareOptions(), judge=judge, reuse=reuse, check=check
    )


def raw_cdist(queries: Sequence[str], choices: Sequence[str]) -> NDArray[np.uint8]:
    """Plain ``fuzz.ratio`` for every pair, in C++ on all cores (also the benchmark's yardstick)."""
    return process.cdist(
        queries, choices, scorer=fuzz.ratio, processor=None, dtype=np.uint8, workers=-1
    )


@dataclass(frozen=True)
class Overlap:
    """Shared content-word features of every pair, counted and IDF-weighted."""

    shared: NDArray[np.float32]  # features both statements have
    shared_idf: NDArray[np.float32]
    count_r: NDArray[np.float32]  # features of each left statement
    count_o: NDArray[np.float32]
    mass_r: NDArray[np.float32]  # their summed IDF weight
    mass_o: NDArray[np.float32]

    def coverage(self) -> tuple[NDArray[np.float32], NDArray[np.float32]]:
        """Share of each side's features that the other side has."""
        return (
            _ratio(self.shared, self.count_r[:, None]),
            _ratio(self.shared, self.count_o[None, :]),
        )

    def inside(self) -> NDArray[np.float32]:
        """IDF-weighted coverage of the shorter statement, damped for very short ones."""
        shorter = self.count_r[:, None] <= self.count_o[None, :]
        mass = np.where(shorter, self.mass_r[:, None], self.mass_o[None, :])
        count = np.where(shorter, self.count_r[:, None], self.count_o[None, :])
        return _ratio(self.shared_idf, mass) * np.minimum(1.0, count / 4).astype(np.float32)

    def dice(self) -> NDArray[np.float32]:
        """IDF-weighted Dice overlap, 0-1."""
        return _ratio(2 * self.shared_idf, self.mass_r[:, None] + self.mass_o[None, :])


def _ratio(num: NDArray[np.float32], den: NDArray[np.float32]) -> NDArray[np.float32]:
    num, den = np.broadcast_arrays(num, den)
    out: NDArray[np.float32] = np.divide(
        num, den, out=np.zeros(num.shape, dtype=np.float32), where=den > 0
    )
    return out


class TextIndex:
    """Prepared text, content-word features and IDF weights of every statement.

    Document frequency counts statements, not documents: with a reference and one report a
    word in both documents still separates "400" (two statements) from "drones" (twenty).
    A custom ``judge`` (tests, experiments) replaces the pair judge for scores and verdicts.
    """

    def __init__(
        self,
        documents: tuple[Document, ...],
        *,
        options: CompareOptions,
        judge: PairJudge | None = None,
        reuse: bool = False,
        check: Callable[[], None] | None = None,
    ) -> None:
        self.options = options
        self._custom = judge
        self._judged: dict[tuple[str, str], Judgement] = {}  # custom judge, by statement ids
        statements = [s for d in documents for s in d.statements if is_claim(s)]
        self._position = {s.id: n for n, s in enumerate(statements)}
        texts = {s.text for s in statements}
        memo = (
            take_over(options.aliases, texts) if reuse and judge is None else Memo(options.aliases)
        )
        self._scores = memo.scores  # pair judge, by texts
        self._findings = memo.findings  # every kind: options filter them per comparison
        # a scored pair's context (its shared words, fuzzy ratios) is reused to judge it
        self._contexts: dict[tuple[str, str], PairContext] = {}
        # wire copies repeat sentences word for word: prepare and judge each text pair once
        by_text = memo.prepared
        self._prepared = []
        for n, s in enumerate(statements):
            if check is not None and n % CHECK_EVERY == 0:
                check()  # preparing hundreds of reports takes a while: cancel, give way
            found = by_text.get(s.text)
            if found is None:
                found = by_text[s.text] = prepare(s.text, aliases=options.aliases)
            self._prepared.append(found)
        self._norm = [p.norm for p in self._prepared]
        self._sorted = [_sorted(n) for n in self._norm]
        vocab: dict[str, int] = {}
        self._words = [_word_ids(_features(p), vocab) for p in self._prepared]
        df = np.zeros(len(vocab), dtype=np.float32)
        for ids in self._words:
            df[ids] += 1
        self.idf = np.log1p(len(statements) / np.maximum(df, 1)).astype(np.float32)
        self._fuzzy: dict[tuple[str, ...], tuple[NDArray[np.uint8], NDArray[np.uint8]]] = {}
        self._others: tuple[tuple[str, ...], list[str], list[str]] = ((), [], [])

    def prepared(self, statement: Statement) -> Prepared:
        """The judge's prepared form of a statement (prepared now when not indexed)."""
        pos = self._position.get(statement.id)
        if pos is None:
            return prepare(statement.text, aliases=self.options.aliases)
        return self._prepared[pos]

    def normalised(self, statement: Statement) -> str:
        """The matching form of a statement's text."""
        return self.prepared(statement).norm

    def score(self, a: Statement, b: Statement) -> float:
        """The judge's similarity score of a pair, 0-100."""
        if self._custom is not None:
            judgement = self._custom(a, b)
            self._judged[(a.id, b.id)] = judgement
            return float(judgement.score)
        key = (a.text, b.text)
        value = self._scores.get(key)
        if value is None:
            ctx = self._contexts.get(key) or PairContext(self.prepared(a), self.prepared(b))
            self._contexts[key] = ctx
            value = self._scores[key] = score_context(ctx)
        return value

    def prime(self, pairs: Iterable[tuple[Statement, Statement]]) -> None:
        """Work out the fuzzy ratios of pairs about to be scored in bulk (C++, every core)."""
        if self._custom is not None:
            return
        todo: dict[tuple[str, str], tuple[Prepared, Prepared]] = {}
        for a, b in pairs:
            key = (a.text, b.text)
            if key not in self._scores and key not in self._contexts:
                todo[key] = (self.prepared(a), self.prepared(b))
        known = fuzzy_pairs([(pa.norm, pb.norm) for pa, pb in todo.values()])
        for (key, (pa, pb)), fuzzy in zip(todo.items(), known, strict=True):
            self._contexts[key] = PairContext(pa, pb, fuzzy)

    def judge(self, a: Statement, b: Statement, *, score: float | None = None) -> Judgement:
        """The judge's verdict and findings for a pair (score reused when known)."""
        if self._custom is not None:
            return self._judged.get((a.id, b.id)) or self._custom(a, b)
        key = (a.text, b.text)
        ctx = self._contexts.pop(key, None)
        if score is None:
            score = self.score(a, b)
            ctx = self._contexts.pop(key, ctx)
        if score < self.options.threshold:
            return judgement_of(score, (), options=self.options)
        findings = self._findings.get(key)
        if findings is None:
            ctx = ctx or PairContext(self.prepared(a), self.prepared(b))
            findings = self._findings[key] = tuple(find_differences(ctx))
        return judgement_of(score, findings, options=self.options)

    def links(
        self,
        lefts: Sequence[Statement],
        rights: Sequence[Statement],
        chosen: Iterable[Pair],
        *,
        between_reports: bool,
    ) -> list[Link]:
        """Judge the chosen pairs for verdicts and findings and make them links."""
        made = []
        for p in chosen:
            a, b = lefts[p.left], rights[p.right]
            j = self.judge(a, b, score=p.score)
            if j.verdict is not Verdict.UNRELATED:
                made.append(
                    Link(
                        a.id,
                        b.id,
                        round(float(j.score), 2),
                        j.verdict,
                        j.findings,
                        machine_verdict=j.verdict,
                        between_reports=between_reports,
                    )
                )
        return made

    def fuzzy_scores(
        self, refs: Sequence[Statement], others: Sequence[Statement]
    ) -> tuple[NDArray[np.uint8], NDArray[np.uint8]]:
        """Plain and token-sorted ratio of every pair; cached per reference for all statements.

        Token-sorted ratio is the plain ratio of texts whose words were sorted once here, so
        both are the fast C++ ``ratio`` (four times cheaper than cdist's token scorers).
        """
        cols = self._columns(others)
        if cols is None:
            norms, sorts = self._texts(others)
            return (
                raw_cdist([self.normalised(s) for s in refs], norms),
                raw_cdist([_sorted(self.normalised(s)) for s in refs], sorts),
            )
        key = tuple(s.id for s in refs)
        pair = self._fuzzy.get(key)
        if pair is None:
            pair = (
                raw_cdist([self.normalised(s) for s in refs], self._norm),
                raw_cdist([_sorted(self.normalised(s)) for s in refs], self._sorted),
            )
            self._fuzzy = {key: pair}  # one reference at a time keeps memory flat
        return pair[0][:, cols[0] : cols[1]], pair[1][:, cols[0] : cols[1]]

    def _texts(self, others: Sequence[Statement]) -> tuple[list[str], list[str]]:
        """Normalised and word-sorted texts of ``others``, kept for the next chunk of rows."""
        key = tuple(s.id for s in others)
        if self._others[0] != key:
            norms = [self.normalised(s) for s in others]
            self._others = (key, norms, [_sorted(n) for n in norms])
        return self._others[1], self._others[2]

    def word_overlap(
        self, refs: Sequence[Statement], others: Sequence[Statement]
    ) -> NDArray[np.float32]:
        """IDF-weighted Dice overlap of the content words of every pair, 0-1."""
        return self.overlap_parts(refs, others).dice()

    def overlap_parts(self, refs: Sequence[Statement], others: Sequence[Statement]) -> Overlap:
        """Shared features of every pair, counted and IDF-weighted, in one pass."""
        ref_words = [self.words_of(s) for s in refs]
        other_words = [self.words_of(s) for s in others]
        shared = np.zeros((2 * len(refs), len(others)), dtype=np.float32)
        filled = [n for n, ids in enumerate(other_words) if len(ids)]
        if filled:
            flat = np.concatenate([other_words[n] for n in filled])
            # only the words the other side uses: memory stays small for a huge vocabulary
            local, inverse = np.unique(flat, return_inverse=True)
            dense = np.zeros((2 * len(refs), len(local)), dtype=np.float32)
            for row, ids in enumerate(ref_words):
                pos = np.searchsorted(local, ids)
                hit = pos < len(local)
                hit[hit] = local[pos[hit]] == ids[hit]
                dense[row, pos[hit]] = 1.0
                dense[len(refs) + row, pos[hit]] = self.idf[ids[hit]]
            starts = np.cumsum([0] + [len(other_words[n]) for n in filled[:-1]])
            shared[:, filled] = np.add.reduceat(dense[:, inverse], starts, axis=1)
        return Overlap(
            shared[: len(refs)],
            shared[len(refs) :],
            np.array([len(ids) for ids in ref_words], dtype=np.float32),
            np.array([len(ids) for ids in other_words], dtype=np.float32),
            np.array([self.idf[ids].sum() for ids in ref_words], dtype=np.float32),
            np.array([self.idf[ids].sum() for ids in other_words], dtype=np.float32),
        )

    def words_of(self, statement: Statement) -> NDArray[np.int64]:
        """Vocabulary ids of the statement's content-word features (empty when not indexed)."""
        pos = self._position.get(statement.id)
        return self._words[pos] if pos is not None else np.zeros(0, dtype=np.int64)

    def _columns(self, others: Sequence[Statement]) -> tuple[int, int] | None:
        """The slice of the indexed statements that ``others`` occupies, if contiguous."""
        first = self._position.get(others[0].id)
        last = self._position.get(others[-1].id)
        if first is None or last is None or last - first != len(others) - 1:
            return None
        return first, last + 1


def _features(p: Prepared) -> set[str]:
    """Content words cut to their first letters (so inflections meet) and the places named."""
    return {k[:PREFIX] for k in p.key_set} | {f"place:{x}" for x in p.places}


def _word_ids(words: Iterable[str], vocab: dict[str, int]) -> NDArray[np.int64]:
    """Sorted distinct vocabulary ids of ``words``, growing ``vocab`` as needed."""
    return np.array(
        sorted({vocab.setdefault(w, len(vocab)) for w in sorted(words)}), dtype=np.int64
    )


def _sorted(text: str) -> str:
    """The words of ``text`` in sorted order (token-sort ratio = ratio of these)."""
    return " ".join(sorted(text.split()))
