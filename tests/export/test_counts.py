"""Every count a reader sees comes from one function, and they agree across formats."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from desktop.cli import main
from desktop.core.model import Comparison, Support, Verdict
from desktop.core.summary import count_comparison, totals_line
from desktop.export import write_export
from desktop.export.groups import finding_groups
from desktop.export.text import reference_claims, support_of
from desktop.paths import sample_files


def test_totals_are_the_matrix_cells(comparison: Comparison) -> None:
    totals = count_comparison(comparison)
    cells = [support_of(c, r.id) for c in reference_claims(comparison) for r in comparison.reports]
    assert totals.conflicts == cells.count(Support.CONFLICT) == 2
    assert totals.partials == cells.count(Support.PARTIAL)
    assert totals.conflicts == sum(c.conflict for c in totals.per_report.values())
    assert totals.between_reports == 1


@pytest.fixture(scope="module")
def sample() -> Comparison:
    from desktop.core.compare import compare_documents
    from desktop.core.loaders import load_document

    reference, *reports = [load_document(p) for p in sample_files()]
    return compare_documents(reference, reports)


def test_reports_json_and_cli_say_the_same_counts(
    sample: Comparison, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    totals = count_comparison(sample)
    line = totals_line(totals)
    for suffix in (".docx", ".html", ".json"):
        write_export(sample, tmp_path / f"r{suffix}")
    body = "\n".join(p.text for p in docx.Document(str(tmp_path / "r.docx")).paragraphs)
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert line in body and line in html
    lead = f"{totals.conflicts} conflicts and {totals.partials} partial agreements"
    assert lead in body and lead in html  # the findings section counts the same things
    summary = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["summary"]
    assert (summary["conflicts"], summary["partials"]) == (totals.conflicts, totals.partials)
    files = [str(p) for p in sample_files()]
    assert main(["compare", *files]) == 0
    assert line in capsys.readouterr().out
    listed = sum(len(g.entries) for g in finding_groups(sample, Verdict.CONFLICT))
    assert listed == totals.conflicts  # one entry per report and claim under Conflicts


def test_the_status_bar_says_the_same_counts(qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.mainwindow import MainWindow
    from desktop.workers.runner import SyncRunner

    window = MainWindow(runner=SyncRunner())
    qtbot.addWidget(window)
    window.open_sample()
    comparison = window.workspace.comparison
    assert comparison is not None
    assert totals_line(count_comparison(comparison)) in window.status_label.text()
    assert "links" not in window.status_label.text()
