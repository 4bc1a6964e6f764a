"""Comparisons whose JSON must never change when the engine is only made faster.

``python -m tests.core.golden`` writes ``tests/core/data/golden.json`` from the current code;
``tests/core/test_golden.py`` checks that the engine still gives exactly that output.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.gen import generate_reports
from desktop.core.compare import compare_documents
from desktop.core.loaders import load_document
from desktop.core.model import CompareOptions, Comparison
from desktop.export.jsonfile import comparison_to_dict
from desktop.paths import sample_files

DATA = Path(__file__).resolve().parent / "data"
GOLDEN = DATA / "golden.json"
SAMPLE_JSON = DATA / "golden-sample.json"


def canonical(comparison: Comparison) -> str:
    """The comparison's JSON with file paths cut to their names (the checkout may move)."""
    data: dict[str, Any] = comparison_to_dict(comparison)
    for doc in data["documents"]:
        doc["path"] = Path(doc["path"]).name
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _sample(options: CompareOptions) -> Callable[[], Comparison]:
    def run() -> Comparison:
        reference, *reports = [load_document(p) for p in sample_files()]
        return compare_documents(reference, reports, options=options)

    return run


def _generated(count: int, options: CompareOptions) -> Callable[[], Comparison]:
    def run() -> Comparison:
        reference, *_ = [load_document(p) for p in sample_files()]
        return compare_documents(reference, generate_reports(count), options=options)

    return run


CASES: dict[str, Callable[[], Comparison]] = {
    "sample": _sample(CompareOptions()),
    "sample-35": _sample(CompareOptions(threshold=35)),
    "sample-70": _sample(CompareOptions(threshold=70)),
    "sample-all-pairs": _sample(CompareOptions(compare_reports=True)),
    "generated-50": _generated(50, CompareOptions()),
    "generated-50-35": _generated(50, CompareOptions(threshold=35)),
}


def main() -> None:
    DATA.mkdir(exist_ok=True)
    digests = {}
    for name, run in CASES.items():
        text = canonical(run())
        digests[name] = digest(text)
        if name == "sample":
            SAMPLE_JSON.write_text(text + "\n", encoding="utf-8")
        print(name, digests[name], len(text))
    GOLDEN.write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
