"""The aligner: order-free, one-to-many for splits and merges, never fooled by containment."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence

import pytest
from rapidfuzz import fuzz

from desktop.core.align import SURE_SCORE, Pair, align, build_index, fact_pairs, select_links
from desktop.core.judge import judge_pair, lexical_score, prepare
from desktop.core.model import (
    CompareOptions,
    Document,
    FindingKind,
    Link,
    Statement,
    Verdict,
)
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
    return Document(
        doc_id, " ".join(sentences), tuple(statements), name, f"{name}.txt", digest, "txt"
    )


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
    # every pair at the sure level is linked too, not only each side's best
    keep.update(key for key, v in judged.items() if v[0] >= max(options.threshold, SURE_SCORE))
    return {
        (reference.statements[i].id, report.statements[j].id, judged[(i, j)][4]) for i, j in keep
    }


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
    texts = {(a.reference, report.statement(a.other).text, a.verdict) for a in align(ref, report)}
    texts_shuffled = {
        (a.reference, shuffled.statement(a.other).text, a.verdict) for a in align(ref, shuffled)
    }
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
    ref = make_doc(
        "ref",
        [
            "Russia has deployed 400 Iranian drones since August, and Iranian leaders believe "
            "they can avoid further sanctions because the drones are assembled in Russia.",
        ],
    )
    report = make_doc(
        "report",
        [
            "Russia has deployed 400 Iranian drones since August.",
            "Iranian leaders believe they can avoid further sanctions because the drones are "
            "assembled in Russia.",
        ],
    )
    assert {k.other for k in align(ref, report)} == {s.id for s in report.statements}


def test_merge_links_two_reference_statements_to_one() -> None:
    ref = make_doc(
        "ref",
        [
            "Russia has deployed 400 Iranian drones since August.",
            "Iranian leaders believe they can avoid further sanctions because the drones are "
            "assembled in Russia.",
        ],
    )
    report = make_doc(
        "report",
        [
            "Russia has deployed 400 Iranian drones since August, and Iranian leaders believe "
            "they can avoid further sanctions because the drones are assembled in Russia.",
        ],
    )
    assert {k.reference for k in align(ref, report)} == {s.id for s in ref.statements}


def test_deterministic_and_index_gives_same_result() -> None:
    ref = make_doc("ref", REFERENCE)
    report = make_doc("report", variant(3))
    first = align(ref, report)
    assert first == align(ref, report)
    index = build_index((ref, make_doc("other", REPORT), report))
    assert as_set(align(ref, report, index=index)) == as_set(first)


def test_threshold_100_links_only_identical_statements() -> None:
    links = align(
        make_doc("ref", REFERENCE),
        make_doc("report", REPORT),
        options=CompareOptions(threshold=100),
    )
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


TOLL = "The death toll from the flood rose to 162, the governor said."
SCHOOLS = "Schools in the district will stay shut until March."


def _links_by_text(reference: Document, report: Document) -> dict[tuple[str, str], Link]:
    text = {s.id: s.text for s in (*reference.statements, *report.statements)}
    return {(text[k.reference], text[k.other]): k for k in align(reference, report)}


def test_a_death_toll_in_other_words_is_linked_with_a_number_conflict() -> None:
    died = "Officials said 62 people had died when the river burst its banks."
    ref, rep = make_doc("ref", [TOLL, SCHOOLS]), make_doc("report", [died, SCHOOLS])
    # the words alone are far below the threshold; the shared death toll makes the pair
    assert lexical_score(prepare(TOLL), prepare(died)) < CompareOptions().threshold
    index = build_index((ref, rep))
    assert (0, 0) in fact_pairs(ref.statements, rep.statements, index=index)
    link = _links_by_text(ref, rep)[(TOLL, died)]
    assert link.verdict is Verdict.CONFLICT
    (finding,) = link.findings
    assert (finding.kind, finding.message) == (
        FindingKind.NUMBER,
        "death toll differs: '162' vs '62'",
    )


def test_bodies_recovered_are_no_rival_toll() -> None:
    # bodies found so far are some of the dead: 62 bodies against a toll of 162 is no conflict
    bodies = "Rescuers have recovered 62 bodies from the river, the agency said."
    ref, rep = make_doc("ref", [TOLL, SCHOOLS]), make_doc("report", [bodies, SCHOOLS])
    link = _links_by_text(ref, rep).get((TOLL, bodies))
    assert link is None or link.verdict is not Verdict.CONFLICT


def test_one_report_sentence_is_linked_to_two_reference_sentences_giving_the_toll() -> None:
    killed = "Floods killed 162 people in the valley, the governor said."
    risen = "The death toll from the floods has risen to 162, the agency said."
    died = "Officials said 62 people had died when the river burst its banks."
    restated = "The death toll from the floods has risen to 162, the agency said on Monday."
    ref = make_doc("ref", [killed, risen, SCHOOLS])
    rep = make_doc("report", [died, restated, SCHOOLS])
    links = _links_by_text(ref, rep)
    # each reference sentence has a better partner ('restated') and the report sentence can
    # have only one best: both links stand because a shared toll makes a sure pair
    assert links[(killed, died)].verdict is Verdict.CONFLICT
    assert links[(risen, died)].verdict is Verdict.CONFLICT
    assert links[(killed, died)].score >= SURE_SCORE
    assert links[(risen, died)].score >= SURE_SCORE
    assert links[(risen, restated)].score > links[(risen, died)].score


# (scored pairs as (left, right, score), threshold, the (left, right) pairs chosen)
SELECT_CASES = [
    # each side's best partner only, below the sure score
    ([(0, 0, 55.0), (0, 1, 52.0), (1, 1, 58.0)], 50.0, [(0, 0), (1, 1)]),
    # a pair at the sure score is chosen although neither side's best
    ([(0, 0, 90.0), (0, 1, SURE_SCORE), (1, 1, 95.0)], 50.0, [(0, 0), (0, 1), (1, 1)]),
    # just below the sure score it is not
    ([(0, 0, 90.0), (0, 1, SURE_SCORE - 1), (1, 1, 95.0)], 50.0, [(0, 0), (1, 1)]),
    # a threshold above the sure score rules: a pair under it is dropped however sure
    ([(0, 0, 90.0), (0, 1, 70.0), (1, 1, 95.0)], 80.0, [(0, 0), (1, 1)]),
    # a pair under the threshold is never chosen, even as a side's only partner
    ([(0, 0, 40.0)], 50.0, []),
]


@pytest.mark.parametrize(("scored", "threshold", "chosen"), SELECT_CASES)
def test_select_links_keeps_best_partners_and_sure_pairs(
    scored: list[tuple[int, int, float]], threshold: float, chosen: list[tuple[int, int]]
) -> None:
    pairs = [Pair(i, j, score, 0.0) for i, j, score in scored]
    assert [(p.left, p.right) for p in select_links(pairs, threshold=threshold)] == chosen
