"""Accuracy on real news coverage: ``../shared/benchdata/coverage``, scored by its ``score.py``.

Run: ``.venv/bin/python -m bench.coverage [--threshold N] [--errors] [--write]``. Compares each
story's ``reference.txt`` with its ``reports/*.txt`` as ``crosscheck-cli compare`` does, writes
the comparison as the project's JSON export and prints ``score.py``'s figures per story and
overall as a table. ``--errors`` also lists wrong links, missed pairs and wrong verdicts (for
development); ``--write`` puts the table into ``docs/accuracy.md``. Skips with a message when
the folder is absent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import sys
import tempfile
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desktop.core.compare import compare_documents  # noqa: E402
from desktop.core.loaders import load_document  # noqa: E402
from desktop.core.model import CompareOptions  # noqa: E402
from desktop.export.jsonfile import write_json  # noqa: E402

COVERAGE = ROOT.parent / "shared" / "benchdata" / "coverage"
DOC = ROOT / "docs" / "accuracy.md"
TARGETS = {
    "link_f1": 0.65,
    "verdict_accuracy": 0.70,
    "conflict_precision": 0.6,
    "conflict_recall": 0.5,
}
COLUMNS = (
    ("story", "story"),
    ("links_scored", "links"),
    ("gold_pairs", "gold"),
    ("link_precision", "link P"),
    ("link_recall", "link R"),
    ("link_f1", "link F1"),
    ("verdict_accuracy", "verdicts"),
    ("conflicts_predicted", "conflicts"),
    ("gold_conflicts", "gold conflicts"),
    ("conflict_precision", "conflict P"),
    ("conflict_recall", "conflict R"),
)


def load_scorer(folder: Path = COVERAGE) -> ModuleType:
    """The data set's own ``score.py``, imported from where it lies."""
    spec = importlib.util.spec_from_file_location("coverage_score", folder / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def stories(folder: Path = COVERAGE) -> list[Path]:
    """Every story folder (one with a gold.json)."""
    return sorted(p.parent for p in folder.glob("*/gold.json"))


def compare_story(story: Path, options: CompareOptions, out: Path) -> Path:
    """Compare the story's reference with its reports and write the JSON export to ``out``."""
    reference = load_document(story / "reference.txt")
    reports = [load_document(p) for p in sorted((story / "reports").glob("*.txt"))]
    write_json(compare_documents(reference, reports, options=options), out)
    return out


def score_all(options: CompareOptions, *, errors: bool = False) -> list[dict[str, Any]]:
    """One row of figures per story, then the overall row (micro-averaged, as score.py does)."""
    scorer = load_scorer()
    rows, total = [], {}
    with tempfile.TemporaryDirectory() as tmp:
        for story in stories():
            result = compare_story(story, options, Path(tmp) / f"{story.name}.json")
            c = scorer.counts(str(story), str(result))
            rows.append(scorer.metrics(story.name, c))
            for key, value in c.items():
                total[key] = total.get(key, 0) + value
            if errors:
                from bench.coverage_errors import print_errors

                print_errors(story, result, scorer)
    rows.append(scorer.metrics("all", total))
    return rows


def table(rows: list[dict[str, Any]]) -> str:
    """A Markdown table of the rows."""
    head = "| " + " | ".join(label for _, label in COLUMNS) + " |"
    rule = "|" + "|".join("---" if k == "story" else "---:" for k, _ in COLUMNS) + "|"
    body = ["| " + " | ".join(_cell(row, k) for k, _ in COLUMNS) + " |" for row in rows]
    target = (
        "| target | | | | | "
        + " | ".join(f"≥ {TARGETS[k]:.2f}" if k in TARGETS else "" for k, _ in COLUMNS[5:])
        + " |"
    )
    return "\n".join([head, rule, *body, target])


def _cell(row: dict[str, Any], key: str) -> str:
    value = row[key]
    if row["story"] == "all" and key == "story":
        return "**overall**"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def write_doc(text: str) -> None:
    """Replace the coverage table in docs/accuracy.md (between its markers)."""
    start, end = "<!-- coverage:start -->", "<!-- coverage:end -->"
    doc = DOC.read_text(encoding="utf-8")
    if start not in doc:
        raise SystemExit(f"{DOC} has no {start} marker")
    head, rest = doc.split(start, 1)
    tail = rest.split(end, 1)[1]
    DOC.write_text(f"{head}{start}\n{text}\n{end}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, help="link threshold (default: the app's)")
    parser.add_argument("--errors", action="store_true", help="list what went wrong, per story")
    parser.add_argument("--write", action="store_true", help="update docs/accuracy.md")
    args = parser.parse_args(argv)
    if not (COVERAGE / "score.py").is_file() or not stories():
        print(f"skipped: no labelled coverage at {COVERAGE}")
        return 0
    options = CompareOptions()
    if args.threshold is not None:
        options = replace(options, threshold=args.threshold)
    rows = score_all(options, errors=args.errors)
    when = dt.date.today().isoformat()
    text = (
        f"Measured {when} with `.venv/bin/python -m bench.coverage` (threshold "
        f"{options.threshold:g}).\n\n{table(rows)}"
    )
    print(text)
    if args.write:
        write_doc(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
