"""Scale: one reference against 10, 50, 200 and 1,000 generated reports, and how time grows.

Run from the checkout:  .venv/bin/python -m bench.scale [--sizes 10,50,200,1000] [--repeat 1]
                        [--profile 200] [--memory-max 1000]

For each size it prints the wall time of ``compare_documents``, its peak traced memory, one raw
``rapidfuzz.process.cdist`` over the same reference × report statement pairs (overhead =
engine / cdist) and a plain-Python difflib peer run on a few reports and extrapolated
(speed-up = difflib / engine), all measured in this run. Then the growth exponent k of
time ≈ c·nᵏ (least squares on log time against log reports, and between neighbouring sizes),
the time per stage, and with ``--profile N`` the functions that dominate at N reports.
"""

from __future__ import annotations

import argparse
import cProfile
import difflib
import io
import itertools
import math
import pstats
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from bench.gen import generate_reports, load_seeds
from bench.speed import best_time, cold, peak_memory, raw_cdist_time, statement_texts
from desktop.core.model import Document

DIFFLIB_REPORTS = 3  # reports the difflib peer really runs on; the rest is extrapolated
# Stages of compare_documents, by function name, for the profile summary.
STAGES = {
    "build_index": "prepare",
    "align": "align",
    "links": "judge links",
    "align_pool": "report-only",
    "find_copies": "copies",
    "build_claims": "claims",
}


def difflib_time(reference: Document, reports: Sequence[Document]) -> float:
    """A plain-Python peer: SequenceMatcher on every pair, timed on a few reports and
    extrapolated to all of them (pairs cost the same on average)."""
    refs = statement_texts([reference])
    pairs = [(a, b) for a in refs for b in statement_texts(reports[:DIFFLIB_REPORTS])]
    start = time.perf_counter()
    for a, b in pairs:
        difflib.SequenceMatcher(None, a, b).ratio()
    per_pair = (time.perf_counter() - start) / max(1, len(pairs))
    return per_pair * len(refs) * len(statement_texts(reports))


@dataclass(frozen=True)
class Row:
    """One size's measurements."""

    reports: int
    statements: int
    engine: float
    memory: float | None
    cdist: float
    difflib: float


def fit_exponent(sizes: Sequence[int], times: Sequence[float]) -> float:
    """Slope of log(time) against log(size): time grows about as size to this power."""
    xs = [math.log(n) for n in sizes]
    ys = [math.log(max(t, 1e-9)) for t in times]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    num = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    den = sum((x - mx) ** 2 for x in xs)
    return num / den if den else float("nan")


def measure(reference: Document, reports: list[Document], *, repeat: int, memory: bool) -> Row:
    """Every figure of one row, measured now."""
    # From scratch each time: the engine reuses an earlier comparison's work on the same texts.
    engine = best_time(partial(cold, reference, reports), repeat)
    peak = peak_memory(partial(cold, reference, reports)) if memory else None
    return Row(
        len(reports),
        len(statement_texts(reports)),
        engine,
        peak,
        raw_cdist_time(reference, reports, repeat),
        difflib_time(reference, reports),
    )


def print_rows(rows: Sequence[Row]) -> None:
    print(
        "| reports | statements | engine s | ms / report | peak MiB | raw cdist s "
        "| overhead × | difflib s (est.) | speed-up × |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        memory = f"{r.memory:.1f}" if r.memory is not None else "—"
        per_report = 1000 * r.engine / r.reports
        print(
            f"| {r.reports} | {r.statements} | {r.engine:.2f} | {per_report:.0f} | {memory} "
            f"| {r.cdist:.3f} | {r.engine / r.cdist:.0f} | {r.difflib:.0f} "
            f"| {r.difflib / r.engine:.1f} |"
        )


def print_growth(rows: Sequence[Row]) -> None:
    sizes, times = [r.reports for r in rows], [r.engine for r in rows]
    print(f"\ngrowth exponent (least squares, all sizes): {fit_exponent(sizes, times):.2f}")
    for a, b in itertools.pairwise(rows):
        local = fit_exponent([a.reports, b.reports], [a.engine, b.engine])
        print(f"  {a.reports} → {b.reports} reports: exponent {local:.2f}")


def print_profile(reference: Document, reports: list[Document], *, top: int = 18) -> None:
    """cProfile of one comparison: time per stage, then the functions that dominate."""
    profile = cProfile.Profile()
    profile.enable()
    cold(reference, reports)  # profile a comparison from scratch
    profile.disable()
    stats = pstats.Stats(profile)
    total = max(ct for (_, _, _, ct, _) in stats.stats.values())  # type: ignore[attr-defined]
    spent: dict[str, float] = {}
    for (_, _, name), (_, _, _, ct, _) in stats.stats.items():  # type: ignore[attr-defined]
        if name in STAGES:
            spent[STAGES[name]] = spent.get(STAGES[name], 0.0) + ct
    print(
        f"\nstages at {len(reports)} reports, under the profiler ({total:.1f} s in all; "
        "'judge links' runs inside 'align'):"
    )
    for label, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {label:12} {seconds:6.2f} s  {100 * seconds / total:4.0f} %")
    for key in ("tottime", "cumulative"):
        out = io.StringIO()
        pstats.Stats(profile, stream=out).strip_dirs().sort_stats(key).print_stats(top)
        lines = [line for line in out.getvalue().splitlines() if line.strip()]
        start = next(i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls"))
        print(f"\ntop {top} by {key}:")
        print("\n".join(lines[start:]))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,50,200,1000")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--profile", type=int, default=0, help="profile at this many reports")
    parser.add_argument(
        "--memory-max",
        type=int,
        default=1000,
        help="trace memory only up to this many reports (tracing is slow)",
    )
    args = parser.parse_args(argv)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    reference, _ = load_seeds()
    generated = generate_reports(max([*sizes, args.profile]))
    rows = []
    for n in sizes:
        rows.append(
            measure(reference, generated[:n], repeat=args.repeat, memory=n <= args.memory_max)
        )
        print(f"  measured {n} reports", flush=True)
    print_rows(rows)
    if len(rows) > 1:
        print_growth(rows)
    if args.profile:
        print_profile(reference, generated[: args.profile])


if __name__ == "__main__":
    main()
