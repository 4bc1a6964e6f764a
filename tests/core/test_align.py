"""The aligner: order-free, one-to-many for splits and merges, never fooled by containment."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence

from rapidfuzz import fuzz

from desktop.core.align import align, build_index
from desktop.core.judge import judge_pair
from desktop.core.model import CompareOptions, Document, Link, Statement, Verdict
from desktop.core.normalise import normalise_text

REFERENCE = [
    "Russian forces have already deployed 400 Iranian-made attack drones since August.",
    "The deal was reportedly agreed earlier this month at a meeting in Iran.",
    "Moscow and Tehran have repeatedly denied that any arms deliveries have taken place.",
    "Kiev insists that the drones, known as Geran-2, are actually Iranian-made Shahed-136 UAVs.",
    "Kremlin spokesman Dmitry Peskov said in October that all weapons used by Russian troops "
    "are from domestic stockpiles.",
    "The agreement will let Moscow rapidly expand its arsenal of inexpensive Iranian drones.",
]

REPORT = [
    "Kremlin spokesman Dmitry Peskov said in October that every weapon used by Russian troops "
    "came from domestic stocks.",
    "Russia has deployed 450 Iranian-made attack drones since August.",
    "A new bakery opened on the high street of a small town in Wales.",
    "The agreement was reached at a meeting in Iran in early November.",
    "Kiev says the Geran-2 drones are in fact Iranian Shahed-136 UAVs.",
    "Moscow and Tehran have repeatedly denied that any arms deliveries have taken place.",
]


def make_doc(name: str, sentences: Sequence[str]) -> Document:
    """A document whose statements are exactly ``sentences``, separated by one space."""
    digest = hashlib.sha256(name.encode()).hexdigest()
    doc_id = digest[:12]
    statements, pos = [], 0
    for n, text in enumerate(sentences):
        statements.append(Statement(f"{doc_id}:s{n}", text, pos, pos + len(text)))
        pos += len(text) + 1
    return Document(doc_id, " ".join(sentences), tuple(statements), name, f"{name}.txt",
                    digest, "txt")


def brute_force(reference: Document, report: Document, options: CompareOptions) -> set[tuple]:
    """The pure-Python twin: judge every pair, keep each side's best partner."""
    judged = {}
    for i, a in enumerate(reference.statements):
        for j, b in enumerate(report.statements):
            jd = judge_pair(a.text, b.text, options=options)
            if jd.verdict is not Verdict.UNRELATED and jd.score >= options.threshold:
                tie = fuzz.ratio(normalise_text(a.text), normalise_text(b.text))
                judged[(i, j)] = (jd.score, tie, -i, -j, jd.verdict)
    keep = set()
    for j in range(len(report.statements)):
        row = [(v, key) for key, v in judged.items() if key[1] == j]
        if row:
            keep.add(max(row)[1])
    for i in range(len(reference.statements)):
        col = [(v, key) for key, v in judged.items() if key[0] == i]
        if col:
            keep.add(max(col)[1])
    return {(reference.statements[i].id, report.statements[j].id, judged[(i, j)][4])
            for i, j in keep}


def as_set(links: Sequence[Link]) -> set[tuple]:
    return {(k.reference, k.other, k.verdict) for k in links}


def variant(seed: int) -> list[str]:
    """A shuffled report with some sentences dropped and some numbers changed."""
    rng = random.Random(seed)
    sentences = [s.replace("400", str(rng.choice((400, 450, 300)))) for s in REFERENCE + REPORT]
    rng.shuffle(sentences)
    return sentences[: rng.randint(3, len(sentences))]


def test_same_links_as_brute_force_twin() -> None:
    options = CompareOptions()
    ref = make_doc("ref", REFERENCE)
    for seed in range(8):
        report = make_doc(f"report-{seed}", variant(seed))
        assert as_set(align(ref, report, options=options)) == brute_force(ref, report, options)


def test_links_are_order_free() -> None:
    ref = make_doc("ref", REFERENCE)
    report = make_doc("report", REPORT)
    shuffled_text = list(reversed(REPORT))
    shuffled = make_doc("report", shuffled_text)
    texts = {(a.reference, report.statement(a.other).text, a.verdict)
             for a in align(ref, report)}
    texts_shuffled = {(a.reference, shuffled.statement(a.other).text, a.verdict)
                      for a in align(ref, shuffled)}
    assert texts == texts_shuffled
    linked = {report.statement(k.other).text for k in align(ref, report)}
    assert REPORT[2] not in linked  # the bakery has nothing to do with the story


def test_number_change_is_a_conflict() -> None:
    links = align(make_doc("ref", REFERENCE), make_doc("report", REPORT))
    by_other = {k.other.rsplit(":s", 1)[1]: k for k in links}
    assert by_other["1"].verdict is Verdict.CONFLICT
    assert by_other["5"].verdict is Verdict.AGREE


def test_containment_trap() -> None:
    plain = "Russia has used 400 Iranian drones against Ukrainian cities."
    ref = make_doc("ref", [plain])
    longer = plain[:-1] + ", but Moscow and Tehran have denied that any drones were delivered."
    report = make_doc("report", [longer, plain])
    links = align(ref, report)
    best = max(links, key=lambda k: k.score)
    assert best.other.endswith(":s1"), "the exact sentence must be the best partner"
    contained = [k for k in links if k.other.endswith(":s0")]
    assert all(k.verdict is not Verdict.AGREE for k in contained)


def test_split_links_one_reference_statement_to_two() -> None:
    ref = make_doc("ref", [
        "Russia has deployed 400 Iranian drones since August, and Iranian leaders believe "
        "they can avoid further sanctions because the drones are assembled in Russia.",
    ])
    report = make_doc("report", [
        "Russia has deployed 400 Iranian drones since August.",
        "Iranian leaders believe they can avoid further sanctions because the drones are "
        "assembled in Russia.",
    ])
    assert {k.other for k in align(ref, report)} == {s.id for s in report.statements}


def test_merge_links_two_reference_statements_to_one() -> None:
    ref = make_doc("ref", [
        "Russia has deployed 400 Iranian drones since August.",
        "Iranian leaders believe they can avoid further sanctions because the drones are "
        "assembled in Russia.",
    ])
    report = make_doc("report", [
        "Russia has deployed 400 Iranian drones since August, and Iranian leaders believe "
        "they can avoid further sanctions because the drones are assembled in Russia.",
    ])
    assert {k.reference for k in align(ref, report)} == {s.id for s in ref.statements}


def test_deterministic_and_index_gives_same_result() -> None:
    ref = make_doc("ref", REFERENCE)
    report = make_doc("report", variant(3))
    first = align(ref, report)
    assert first == align(ref, report)
    index = build_index((ref, make_doc("other", REPORT), report))
    assert as_set(align(ref, report, index=index)) == as_set(first)


def test_threshold_100_links_only_identical_statements() -> None:
    links = align(make_doc("ref", REFERENCE), make_doc("report", REPORT),
                  options=CompareOptions(threshold=100))
    assert [k.other.rsplit(":", 1)[1] for k in links] == ["s5"]


def test_empty_documents_give_no_links() -> None:
    assert align(make_doc("ref", []), make_doc("report", REPORT)) == []
    assert align(make_doc("ref", REFERENCE), make_doc("report", [])) == []


def test_word_overlap_matches_a_plain_python_dice() -> None:
    ref, report = make_doc("ref", REFERENCE), make_doc("report", [*REPORT, ""])
    index = build_index((ref, report))
    got = index.word_overlap(ref.statements, report.statements)
    for i, a in enumerate(ref.statements):
        for j, b in enumerate(report.statements):
            wa, wb = set(index.words_of(a).tolist()), set(index.words_of(b).tolist())
            total = sum(index.idf[w] for w in wa) + sum(index.idf[w] for w in wb)
            expected = 2 * sum(index.idf[w] for w in wa & wb) / total if total else 0.0
            assert abs(got[i, j] - expected) < 1e-5
    assert got[3, 4] > got[3, 2]  # Geran-2 and Shahed-136 are rare words both sides share
