"""Export speed: a comparison with about 1,000 claims written as DOCX, HTML, CSV and JSON.

Run from the checkout:  .venv/bin/python -m bench.export_speed [--claims 1000] [--reports 6]

The reference is made of ``--claims`` distinct sentences (seed sentences with their figures
changed), the reports are generated from it by ``bench/gen.py`` (reworded, reordered, figures
changed, near copies), so the comparison holds at least that many claims with every verdict.
Each format is timed (best of 3) next to a baseline measured in the same run: python-docx
writing a bare document with the same number of quote paragraphs and matrix cells, no styles,
shading or highlighting (the floor any DOCX report built with python-docx sits on).
Target: the DOCX report of a 1,000-claim comparison in under 5 s.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from bench.gen import generate_reports, load_seeds
from desktop.core.compare import compare_documents
from desktop.core.loaders import build_document
from desktop.core.model import Comparison, Document
from desktop.export import write_export

TARGET_S = 5.0


def best_time(fn: Callable[[], Any], repeat: int = 3) -> float:
    """The fastest of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def long_reference(claims: int, *, seed: int = 1) -> Document:
    """A reference of ``claims`` distinct sentences built from the seeds' statements."""
    reference, reports = load_seeds()
    pool = [s.text for d in (reference, *reports) for s in d.statements if len(s.text) > 60]
    rng = random.Random(seed)
    sentences = []
    for n in range(claims):
        base = rng.choice(pool).rstrip(".")
        sentences.append(f"{base}, item {n + 1} of the file, with {rng.randint(2, 999)} units.")
    text = "\n\n".join(sentences) + "\n"
    digest = hashlib.sha256(text.encode()).hexdigest()
    return build_document(
        text,
        path="generated/long-reference.txt",
        fmt="txt",
        sha256=digest,
        title=f"Generated reference of {claims} statements",
    )


def baseline_docx(comparison: Comparison, path: Path) -> None:
    """python-docx alone: one paragraph per link quote and a claims × documents table."""
    import docx

    document = docx.Document()
    for link in comparison.links:
        document.add_paragraph(comparison.statement(link.reference).text)
        document.add_paragraph(comparison.statement(link.other).text)
    columns = 1 + len(comparison.documents)
    table = document.add_table(rows=len(comparison.claims), cols=columns)
    for row, claim in zip(table.rows, comparison.claims, strict=True):
        row.cells[0].text = comparison.statement(claim.anchor).text[:80]
        for cell in row.cells[1:]:
            cell.text = "✓"
    document.save(str(path))


def main(argv: Sequence[str] | None = None) -> int:
    """Build the comparison, time every export and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1000)
    parser.add_argument("--reports", type=int, default=6)
    args = parser.parse_args(argv)
    reference = long_reference(args.claims)
    reports = generate_reports(args.reports, sources=[reference], statements=args.claims // 2)
    comparison = compare_documents(reference, reports)
    print(
        f"{len(comparison.claims)} claims, {len(comparison.links)} links, "
        f"{len(comparison.documents)} documents"
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        floor = best_time(lambda: baseline_docx(comparison, folder / "floor.docx"))
        print("| output | seconds | × python-docx floor | size KiB |")
        print("|---|---:|---:|---:|")
        print(
            f"| python-docx floor (bare DOCX) | {floor:.2f} | 1.0 | "
            f"{(folder / 'floor.docx').stat().st_size // 1024} |"
        )
        for suffix in (".docx", ".html", ".csv", ".json"):
            path = folder / f"report{suffix}"
            seconds = best_time(partial(write_export, comparison, path))
            print(
                f"| {suffix[1:].upper()} report | {seconds:.2f} | {seconds / floor:.1f} | "
                f"{path.stat().st_size // 1024} |"
            )
            if suffix == ".docx":
                verdict = "met" if seconds < TARGET_S else "NOT met"
                docx_line = f"DOCX target < {TARGET_S:.0f} s: {verdict} ({seconds:.2f} s)"
    print(docx_line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
