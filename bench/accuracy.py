"""Accuracy of the pair judge on public labelled data and on the project's labelled samples.

Run: ``.venv/bin/python bench/accuracy.py [--write]``. Reads ``../shared/benchdata`` (MRPC,
FNC-1) relative to the repository and ``seeds/labels.json``; prints one table and, with
``--write``, puts it into ``docs/accuracy.md``. Thresholds are chosen on the training splits
(MRPC train, FNC-1 train); the test splits are measured once with those choices.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import difflib
import multiprocessing as mp
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rapidfuzz import fuzz  # noqa: E402

from desktop.core.detect.coverage import BEST_SENTENCES, coverage, idf_table  # noqa: E402
from desktop.core.detect.polarity import debunk_cues  # noqa: E402
from desktop.core.judge import Prepared, judge_prepared, prepare, score_prepared  # noqa: E402
from desktop.core.model import CompareOptions, FindingKind, Judgement, Verdict  # noqa: E402

BENCHDATA = ROOT.parent / "shared" / "benchdata"
SEEDS = ROOT / "seeds"
DOC = ROOT / "docs" / "accuracy.md"
Pair = tuple[int, str, str]


@dataclass(frozen=True)
class Row:
    """One line of the results table."""

    data: str
    measure: str
    value: str
    target: str = ""
    note: str = ""


# ---------------------------------------------------------------- MRPC


def read_mrpc(name: str) -> list[Pair]:
    """(label, sentence 1, sentence 2) rows of one MRPC file."""
    with open(BENCHDATA / "mrpc" / name, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        return [(int(r[0]), r[3], r[4]) for r in reader if len(r) >= 5]


def judge_all(pairs: Sequence[Pair], options: CompareOptions) -> list[Judgement]:
    """The judge's verdict on every pair, with no threshold (scores kept for tuning)."""
    loose = replace(options, threshold=0.0)
    return [judge_prepared(prepare(a), prepare(b), options=loose) for _, a, b in pairs]


def agree_at(judgements: Sequence[Judgement], threshold: float) -> list[bool]:
    """What judge_pair says with ``threshold``: AGREE needs the score and no finding."""
    return [j.score >= threshold and j.verdict is Verdict.AGREE for j in judgements]


def accuracy_f1(pred: Sequence[bool], gold: Sequence[bool]) -> tuple[float, float]:
    """Accuracy and F1 of the positive class."""
    tp = sum(p and g for p, g in zip(pred, gold, strict=True))
    fp = sum(p and not g for p, g in zip(pred, gold, strict=True))
    fn = sum(g and not p for p, g in zip(pred, gold, strict=True))
    acc = sum(p == g for p, g in zip(pred, gold, strict=True)) / max(1, len(gold))
    f1 = 2 * tp / max(1, 2 * tp + fp + fn)
    return acc, f1


def best_threshold(
    scores: Sequence[float], gold: Sequence[bool], extra: Sequence[bool] | None = None
) -> float:
    """The threshold (0-100, step 1) with the best accuracy; ``extra`` must also hold."""
    ok = extra if extra is not None else [True] * len(scores)
    best, best_t = -1.0, 0.0
    for t in range(0, 101):
        pred = [s >= t and e for s, e in zip(scores, ok, strict=True)]
        acc = accuracy_f1(pred, gold)[0]
        if acc > best:
            best, best_t = acc, float(t)
    return best_t


def mrpc_rows(options: CompareOptions) -> tuple[list[Row], float]:
    """Judge and plain baselines on MRPC test, thresholds tuned on train."""
    train, test = read_mrpc("msr_paraphrase_train.txt"), read_mrpc("msr_paraphrase_test.txt")
    gold_tr, gold_te = [y == 1 for y, _, _ in train], [y == 1 for y, _, _ in test]
    rows: list[Row] = []
    j_tr = judge_all(train, options)
    agree_tr = [j.verdict is Verdict.AGREE for j in j_tr]
    t = best_threshold([j.score for j in j_tr], gold_tr, agree_tr)
    start = time.perf_counter()
    j_te = judge_all(test, options)
    rate = len(test) / (time.perf_counter() - start)
    acc, f1 = accuracy_f1(agree_at(j_te, t), gold_te)
    rows.append(
        Row(
            "MRPC test",
            "judge_pair AGREE ⇔ paraphrase: accuracy / F1",
            f"{acc:.3f} / {f1:.3f}",
            "≥ 0.77 accuracy",
            f"threshold {t:.0f} (train); {rate:,.0f} pairs/s",
        )
    )
    kinds, t3 = tune_kinds(j_tr, gold_tr)
    acc3, f13 = accuracy_f1(agree_at([_only(j, kinds) for j in j_te], t3), gold_te)
    names = ", ".join(sorted(k.value for k in kinds)) or "none"
    rows.append(
        Row(
            "MRPC test",
            "judge_pair AGREE, finding kinds chosen on train: accuracy / F1",
            f"{acc3:.3f} / {f13:.3f}",
            "≥ 0.77 accuracy",
            f"threshold {t3:.0f}, kinds: {names}",
        )
    )
    default = options.threshold
    acc0, f10 = accuracy_f1([j.score >= default for j in j_te], gold_te)
    rows.append(
        Row(
            "MRPC test",
            "same claim (verdict ≠ unrelated) at the default threshold: accuracy / F1",
            f"{acc0:.3f} / {f10:.3f}",
            "≥ 0.77 accuracy",
            f"threshold {default:.0f}, the app's default (chosen on real coverage)",
        )
    )
    related_tr = [j.score for j in j_tr]
    t2 = best_threshold(related_tr, gold_tr)
    acc2, f12 = accuracy_f1([j.score >= t2 for j in j_te], gold_te)
    rows.append(
        Row(
            "MRPC test",
            "same claim, threshold chosen on train: accuracy / F1",
            f"{acc2:.3f} / {f12:.3f}",
            "",
            f"threshold {t2:.0f} (train)",
        )
    )
    rows += baseline_rows(train, test, gold_tr, gold_te)
    rows.append(ceiling_row(j_tr, gold_tr))
    return rows, t


def ceiling_row(judgements: Sequence[Judgement], gold: Sequence[bool]) -> Row:
    """How far "paraphrase ⇔ agree" can go with these findings, whatever the score (train).

    A perfect same-claim score would reject every non-paraphrase and accept every paraphrase;
    a paraphrase with any finding is still not ``agree``.
    """
    found = [bool(j.findings) for j, g in zip(judgements, gold, strict=True) if g]
    ceiling = (sum(1 for g in gold if not g) + found.count(False)) / len(gold)
    return Row(
        "MRPC train",
        "paraphrases with at least one finding; AGREE accuracy with a perfect score",
        f"{found.count(True):,} of {len(found):,}; {ceiling:.3f}",
        "",
        "the ceiling of 'paraphrase ⇔ agree' while PRODUCT.md makes an added or "
        "dropped figure, source or detail 'partial'",
    )


def _only(j: Judgement, kinds: frozenset[FindingKind]) -> Judgement:
    """The judgement as judge_pair gives it with ``finding_kinds=kinds``."""
    from desktop.core.judge import verdict_of

    kept = tuple(f for f in j.findings if f.kind in kinds)
    return Judgement(j.score, verdict_of(kept), kept)


def tune_kinds(
    judgements: Sequence[Judgement], gold: Sequence[bool]
) -> tuple[frozenset[FindingKind], float]:
    """The set of finding kinds and the threshold with the best training accuracy."""
    import numpy as np

    order = list(FindingKind)
    masks = np.array([_mask(j, order) for j in judgements])
    scores = np.array([j.score for j in judgements])
    truth = np.array(gold)
    thresholds = np.arange(0, 101)[:, None]
    above = scores[None, :] >= thresholds
    best = (-1.0, 0, 0.0)
    for subset in range(1 << len(order)):
        free = (masks & subset) == 0
        acc = ((above & free[None, :]) == truth[None, :]).mean(axis=1)
        k = int(acc.argmax())
        if acc[k] > best[0]:
            best = (float(acc[k]), subset, float(k))
    kinds = frozenset(kind for n, kind in enumerate(order) if best[1] >> n & 1)
    return kinds, best[2]


def _mask(j: Judgement, order: list[FindingKind]) -> int:
    return sum(1 << order.index(kind) for kind in {f.kind for f in j.findings})


BASELINES: tuple[tuple[str, Callable[[str, str], float]], ...] = (
    ("rapidfuzz fuzz.ratio", fuzz.ratio),
    ("rapidfuzz fuzz.token_sort_ratio", fuzz.token_sort_ratio),
    ("rapidfuzz fuzz.token_set_ratio", fuzz.token_set_ratio),
    ("rapidfuzz fuzz.WRatio", fuzz.WRatio),
    (
        "difflib.SequenceMatcher (autojunk off)",
        lambda a, b: 100 * difflib.SequenceMatcher(None, a, b, autojunk=False).ratio(),
    ),
)


def baseline_rows(
    train: list[Pair], test: list[Pair], gold_tr: list[bool], gold_te: list[bool]
) -> list[Row]:
    """The plain scorers of the benchdata README, on the same split in the same run."""
    rows = [
        Row(
            "MRPC test",
            "always 'paraphrase': accuracy / F1",
            "{:.3f} / {:.3f}".format(*accuracy_f1([True] * len(gold_te), gold_te)),
        )
    ]
    for name, scorer in BASELINES:
        s_tr = [scorer(a, b) for _, a, b in train]
        t = best_threshold(s_tr, gold_tr)
        acc, f1 = accuracy_f1([scorer(a, b) >= t for _, a, b in test], gold_te)
        rows.append(
            Row(
                "MRPC test",
                f"baseline {name}: accuracy / F1",
                f"{acc:.3f} / {f1:.3f}",
                "",
                f"threshold {t:.0f} (train)",
            )
        )
    return rows


# ---------------------------------------------------------------- FNC-1

_WORKER: dict[str, object] = {}


def split_sentences(text: str) -> list[str]:
    """Body sentences, by the project's segmenter."""
    from desktop.core.segment import split_statements

    return [s.text for s in split_statements(text, doc_id="fnc")]


def _fnc_init(bodies: dict[str, str], options: CompareOptions) -> None:
    from desktop.core.normalise import content_words

    _WORKER["bodies"] = bodies
    _WORKER["options"] = options
    _WORKER["cache"] = {}
    # word rarity over the documents being compared (the bodies' text, no labels)
    _WORKER["idf"] = idf_table(content_words(text) for text in bodies.values())


def _fnc_one(item: tuple[str, str]) -> tuple[float, bool]:
    """Best headline-sentence score, and whether a best-matching sentence denies the headline."""
    headline, body_id = item
    cache: dict[str, list[Prepared]] = _WORKER["cache"]  # type: ignore[assignment]
    options: CompareOptions = _WORKER["options"]  # type: ignore[assignment]
    sentences = cache.get(body_id)
    if sentences is None:
        bodies: dict[str, str] = _WORKER["bodies"]  # type: ignore[assignment]
        sentences = [prepare(s) for s in split_sentences(bodies[body_id])]
        cache[body_id] = sentences
    ph = prepare(headline)
    scored = sorted(((score_prepared(ph, ps), n) for n, ps in enumerate(sentences)), reverse=True)
    if not scored:
        return 0.0, False
    best = scored[0][0]
    idf_of: dict[str, float] = _WORKER["idf"]  # type: ignore[assignment]
    top = [sentences[n] for _, n in scored[:BEST_SENTENCES]]
    best = max(best, 100 * coverage(ph, top, idf_of=idf_of))
    disagree = False
    headline_debunks = bool(debunk_cues(ph))
    for score, n in scored[:3]:
        if score < options.threshold:
            break
        j = judge_prepared(ph, sentences[n], options=options, score=score)
        if j.verdict is Verdict.CONFLICT and any(
            f.kind is FindingKind.NEGATION for f in j.findings
        ):
            disagree = True
        # a linked body sentence that calls the story untrue when the headline does not
        if not headline_debunks and debunk_cues(sentences[n]):
            disagree = True
    return best, disagree


def read_fnc(split: str = "competition_test") -> tuple[list[tuple[str, str, str]], dict[str, str]]:
    """(headline, body id, stance) rows and the bodies of one FNC-1 split
    (``train`` or ``competition_test``)."""
    csv.field_size_limit(10**8)
    folder = BENCHDATA / "fnc1"
    with open(folder / f"{split}_bodies.csv", encoding="utf-8", newline="") as handle:
        bodies = {r["Body ID"]: r["articleBody"] for r in csv.DictReader(handle)}
    with open(folder / f"{split}_stances.csv", encoding="utf-8", newline="") as handle:
        stances = [(r["Headline"], r["Body ID"], r["Stance"]) for r in csv.DictReader(handle)]
    return stances, bodies


def fnc_scores(
    split: str, options: CompareOptions, workers: int
) -> tuple[list[tuple[str, str, str]], dict[tuple[str, str], tuple[float, bool]], float]:
    """Every pair's relatedness score and disagree flag on one split, and the seconds taken."""
    stances, bodies = read_fnc(split)
    items = sorted({(h, b) for h, b, _ in stances}, key=lambda x: x[1])
    start = time.perf_counter()
    with mp.Pool(workers, initializer=_fnc_init, initargs=(bodies, options)) as pool:
        results = dict(zip(items, pool.map(_fnc_one, items, chunksize=200), strict=True))
    return stances, results, time.perf_counter() - start


def fnc_rows(options: CompareOptions, workers: int) -> list[Row]:
    """Related vs unrelated, and disagree detection, on FNC-1 test; the relatedness threshold
    is chosen on the training split."""
    train, train_results, _ = fnc_scores("train", options, workers)
    t = best_threshold(
        [train_results[(h, b)][0] for h, b, _ in train], [s != "unrelated" for _, _, s in train]
    )
    stances, results, seconds = fnc_scores("competition_test", options, workers)
    gold_rel = [s != "unrelated" for _, _, s in stances]
    acc = accuracy_f1([results[(h, b)][0] >= t for h, b, _ in stances], gold_rel)[0]
    rows = [
        Row(
            "FNC-1 test",
            "related vs unrelated: accuracy",
            f"{acc:.3f}",
            "≥ 0.95",
            f"best sentence score, or rarity-weighted coverage of the headline's words by "
            f"the {BEST_SENTENCES} best sentences, ≥ {t:.0f} (chosen on train); "
            f"{len(stances):,} pairs, {seconds:.0f} s on {workers} processes",
        )
    ]
    for name, rows_of, found in (("train", train, train_results), ("test", stances, results)):
        gold_dis = [s == "disagree" for _, _, s in rows_of]
        pred_dis = [found[(h, b)][1] for h, b, _ in rows_of]
        tp = sum(p and g for p, g in zip(pred_dis, gold_dis, strict=True))
        prec, rec = tp / max(1, sum(pred_dis)), tp / max(1, sum(gold_dis))
        rows.append(
            Row(
                f"FNC-1 {name}",
                "disagree: precision / recall",
                f"{prec:.3f} / {rec:.3f}",
                "≥ 0.30 each",
                f"{sum(pred_dis)} predicted, {sum(gold_dis)} labelled; among the 3 best "
                "sentences linked to the headline: CONFLICT with a negation finding, "
                "or a word calling the story untrue the headline lacks",
            )
        )
    return rows


# ---------------------------------------------------------------- seeds/labels.json


def _squash(text: str) -> str:
    return " ".join(text.split())


def statement_around(doc: object, fragment: str) -> str | None:
    """The text of the statement that holds ``fragment`` (or where it starts), else None."""
    from desktop.core.model import Document

    assert isinstance(doc, Document)
    text = _squash(doc.text)
    where = text.find(_squash(fragment))
    if where < 0:
        return None
    for st in doc.statements:
        if _squash(fragment) in _squash(st.text):
            return st.text
    # the fragment crosses a statement boundary: take the statement where it starts
    head = _squash(fragment).split()[0]
    for st in doc.statements:
        if head in st.text and _squash(st.text) in text[max(0, where - 400) :]:
            return st.text
    return None


def seed_rows(options: CompareOptions) -> list[Row]:
    """Per-verdict precision and recall of judge_pair on the labelled sample pairs."""
    import json

    from desktop.core.loaders import load_document

    labels = json.loads((SEEDS / "labels.json").read_text(encoding="utf-8"))
    reference = load_document(SEEDS / labels["reference"])
    docs: dict[str, object] = {}
    outcomes: list[tuple[str, str, set[str], set[str]]] = []
    missing = 0
    for pair in labels["pairs"]:
        report = docs.get(pair["report"]) or load_document(SEEDS / pair["report"])
        docs[pair["report"]] = report
        a = statement_around(reference, pair["reference_text"])
        b = statement_around(report, pair["report_text"])
        if a is None or b is None:
            missing += 1
            continue
        from desktop.core.judge import judge_pair

        j = judge_pair(a, b, options=options)
        found = {f.kind.value for f in j.findings}
        outcomes.append((pair["verdict"], j.verdict.value, set(pair["kinds"]), found))
    return _seed_table(outcomes, missing)


def _seed_table(outcomes: list[tuple[str, str, set[str], set[str]]], missing: int) -> list[Row]:
    rows = []
    for verdict in ("agree", "partial", "conflict"):
        tp = sum(g == verdict and p == verdict for g, p, _, _ in outcomes)
        predicted = sum(p == verdict for _, p, _, _ in outcomes)
        labelled = sum(g == verdict for g, _, _, _ in outcomes)
        rows.append(
            Row(
                "seeds",
                f"{verdict}: precision / recall",
                f"{tp / max(1, predicted):.2f} / {tp / max(1, labelled):.2f}",
                "",
                f"{predicted} predicted, {labelled} labelled",
            )
        )
    exact = sum(g == p for g, p, _, _ in outcomes)
    unrelated = sum(p == "unrelated" for _, p, _, _ in outcomes)
    rows.append(
        Row(
            "seeds",
            "verdict accuracy",
            f"{exact / max(1, len(outcomes)):.2f}",
            "",
            f"{len(outcomes)} pairs; {unrelated} judged unrelated; "
            f"{missing} labels whose text was not found",
        )
    )
    kinds = sorted({k for _, _, want, _ in outcomes for k in want})
    for kind in kinds:
        want = sum(kind in w for _, _, w, _ in outcomes)
        got = sum(kind in w and kind in f for _, _, w, f in outcomes)
        extra = sum(kind in f and kind not in w for _, _, w, f in outcomes)
        rows.append(
            Row(
                "seeds",
                f"kind '{kind}' found where labelled",
                f"{got} / {want}",
                "",
                f"also reported on {extra} pairs not labelled with it",
            )
        )
    return rows


# ---------------------------------------------------------------- table


def render(rows: Sequence[Row]) -> str:
    """The results as a Markdown table."""
    lines = ["| data | measure | value | target | note |", "|---|---|---|---|---|"]
    lines += [f"| {r.data} | {r.measure} | {r.value} | {r.target} | {r.note} |" for r in rows]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run every benchmark whose data is present and print one table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write docs/accuracy.md too")
    parser.add_argument("--workers", type=int, default=2, help="processes for FNC-1")
    args = parser.parse_args(argv)
    options = CompareOptions()
    rows: list[Row] = []
    start = time.perf_counter()
    if (SEEDS / "labels.json").is_file():
        rows += seed_rows(options)
    else:
        print("seeds/labels.json is absent: the sample-report rows are skipped")
    if (BENCHDATA / "mrpc").is_dir() and (BENCHDATA / "fnc1").is_dir():
        mrpc, _ = mrpc_rows(options)
        rows += mrpc
        rows += fnc_rows(options, args.workers)
    else:
        print(
            f"{BENCHDATA} is absent: the MRPC and FNC-1 rows are skipped "
            "(see ../shared/benchdata/README.md)"
        )
    table = render(rows)
    print(table)
    print(f"\n{time.perf_counter() - start:.0f} s in all")
    if args.write:
        write_doc(table)
    return 0


def write_doc(table: str) -> None:
    """Replace the results section of docs/accuracy.md, keeping the prose around it."""
    today = dt.date.today().isoformat()
    block = (
        f"<!-- results -->\nMeasured {today} with `.venv/bin/python bench/accuracy.py "
        f"--write` on 2 cores.\n\n{table}\n<!-- /results -->"
    )
    text = DOC.read_text(encoding="utf-8") if DOC.is_file() else "# Accuracy\n\n"
    head, sep, rest = text.partition("<!-- results -->")
    tail = rest.partition("<!-- /results -->")[2] if sep else "\n"
    DOC.write_text(head + block + tail, encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
