"""Engine speed: a reference against 10, 50 and 200 generated reports.

Run from the checkout:  .venv/bin/python -m bench.speed  [--sizes 10,50,200] [--repeat 3]

For each size it prints the wall time of ``compare_documents`` (best of ``--repeat``), its peak
traced memory, the time of one raw ``rapidfuzz.process.cdist`` over every reference × report
statement pair (the C++ yardstick; overhead = engine / cdist), and a plain-Python difflib
all-pairs peer measured on a few reports and extrapolated (speed-up = difflib / engine).
Every engine run starts from scratch (``memo.forget()``); "again s" is the recomputation the
sensitivity slider triggers: threshold 60 right after a comparison at 50 of the same files.
"""

from __future__ import annotations

import argparse
import difflib
import time
import tracemalloc
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

import desktop.core.judge  # noqa: F401  (imports the engine in its usual order)
from bench.gen import generate_reports, load_seeds
from desktop.core import align as align_module
from desktop.core import compare as compare_module
from desktop.core.align import raw_cdist
from desktop.core.compare import compare_documents
from desktop.core.memo import forget
from desktop.core.model import CompareOptions, Document
from desktop.core.normalise import normalise_text

DIFFLIB_REPORTS = 4  # reports the difflib peer really runs on; the rest is extrapolated
STAGES = (
    (compare_module, "build_index", "prepare"),
    (compare_module, "align", "align"),
    (align_module.TextIndex, "score", "scoring"),
    (align_module.TextIndex, "links", "findings"),
    (compare_module, "align_pool", "report-only"),
    (compare_module, "find_copies", "copies"),
    (compare_module, "build_claims", "claims"),
)


def best_time(fn: Callable[[], Any], repeat: int) -> float:
    """The fastest of ``repeat`` runs, in seconds (the least disturbed by other work)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def cold(reference: Document, reports: Sequence[Document]) -> None:
    """One comparison from scratch: nothing from an earlier one is reused."""
    forget()
    compare_documents(reference, reports)


def again_time(reference: Document, reports: Sequence[Document], repeat: int) -> float:
    """Seconds to recompute at threshold 60 right after a comparison at 50 (best of runs)."""
    times = []
    for _ in range(repeat):
        cold(reference, reports)
        start = time.perf_counter()
        compare_documents(reference, reports, options=CompareOptions(threshold=60))
        times.append(time.perf_counter() - start)
    return min(times)


def peak_memory(fn: Callable[[], Any]) -> float:
    """Peak traced Python memory of one run, in MiB."""
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def statement_texts(docs: Sequence[Document]) -> list[str]:
    return [s.text for d in docs for s in d.statements]


def raw_cdist_time(reference: Document, reports: Sequence[Document], repeat: int) -> float:
    """One cdist over all reference × report statements, on texts normalised beforehand."""
    refs = [normalise_text(t) for t in statement_texts([reference])]
    others = [normalise_text(t) for t in statement_texts(reports)]
    return best_time(lambda: raw_cdist(refs, others), repeat)


def difflib_estimate(reference: Document, reports: Sequence[Document], repeat: int) -> float:
    """Seconds a plain-Python all-pairs SequenceMatcher would need for every report."""
    refs = statement_texts([reference])
    pairs = [(a, b) for a in refs for b in statement_texts(reports[:DIFFLIB_REPORTS])]

    def run() -> None:
        for a, b in pairs:
            difflib.SequenceMatcher(None, a, b).ratio()

    per_pair = best_time(run, repeat) / max(len(pairs), 1)
    return per_pair * len(refs) * len(statement_texts(reports))


def stage_times(reference: Document, reports: Sequence[Document]) -> dict[str, float]:
    """Seconds spent in each stage of one comparison (stages nest: scoring in align)."""
    spent: dict[str, float] = {}
    originals = [(owner, name, getattr(owner, name)) for owner, name, _ in STAGES]

    def timed(fn: Callable[..., Any], label: str) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[label] = spent.get(label, 0.0) + time.perf_counter() - start

        return run

    try:
        for (owner, name, label), (_, _, fn) in zip(STAGES, originals, strict=True):
            setattr(owner, name, timed(fn, label))
        forget()
        start = time.perf_counter()
        compare_documents(reference, reports)
        spent["total"] = time.perf_counter() - start
    finally:
        for owner, name, fn in originals:
            setattr(owner, name, fn)
    return spent


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,50,200")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--stages", action="store_true", help="also time each stage")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    reference, _ = load_seeds()
    generated = generate_reports(max(sizes))
    print(
        "| reports | statements | engine s | again s | peak MiB | raw cdist s | overhead × "
        "| difflib s (est.) | speed-up × | distinct texts |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        reports = generated[:n]
        texts = statement_texts(reports)
        engine = best_time(partial(cold, reference, reports), args.repeat)
        again = again_time(reference, reports, args.repeat)
        memory = peak_memory(partial(cold, reference, reports))
        cdist = raw_cdist_time(reference, reports, args.repeat)
        peer = difflib_estimate(reference, reports, args.repeat)
        print(
            f"| {n} | {len(texts)} | {engine:.3f} | {again:.3f} | {memory:.1f} | {cdist:.4f} "
            f"| {engine / cdist:.1f} | {peer:.1f} | {peer / engine:.0f} "
            f"| {len(set(texts)) / len(texts):.0%} |"
        )
    if args.stages:
        for n in sizes:
            spent = stage_times(reference, generated[:n])
            shown = ", ".join(f"{k} {v:.3f}" for k, v in spent.items())
            judge = spent.get("prepare", 0) + spent.get("scoring", 0) + spent.get("findings", 0)
            print(
                f"stages for {n} reports (s): {shown}; pair judge (prepare + scoring + "
                f"findings) {judge / spent['total']:.0%} of the total"
            )


if __name__ == "__main__":
    main()
