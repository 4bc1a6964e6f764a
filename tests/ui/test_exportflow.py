"""Export report…: dialog, writing on the runner, Open / Show in folder, failures named."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.ui import exportflow
from desktop.ui.exportflow import with_suffix


def test_suffix_follows_the_filter():
    assert with_suffix("/t/report", "Web page (*.html)").name == "report.html"
    assert with_suffix("/t/report.json", "Word report (*.docx)").name == "report.json"
    assert with_suffix("/t/report.v2", "Nope").name == "report.v2.docx"
    assert with_suffix("/t/page.HTM", "Word report (*.docx)").name == "page.HTM"


def test_dialog_filters_follow_the_export_registry():
    from desktop.export import FORMATS

    assert [label for label, _ in exportflow.FILTERS] == [f.file_filter for f in FORMATS]


def test_export_writes_and_offers_open(loaded, tmp_path, monkeypatch):
    target = tmp_path / "out" / "report"
    target.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "JSON data (*.json)")
    )
    opened = []
    monkeypatch.setattr(
        exportflow.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile())
    )
    loaded.actions_.export.trigger()
    written = target.with_name("report.json")
    data = json.loads(written.read_text(encoding="utf-8"))
    assert data  # the JSON export of the comparison
    bar = loaded.messages
    assert bar.history[-1].level == "success"
    assert bar.history[-1].actions == ("Open", "Show in folder")
    buttons = {b.text(): b for b in bar.buttons()}
    buttons["Show in folder"].click()
    buttons["Open"].click()
    assert opened == [str(written.parent), str(written)]


def test_cancelled_dialog_writes_nothing(loaded, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    before = len(loaded.messages.history)
    loaded.export_report()
    assert len(loaded.messages.history) == before


def test_failure_names_path_and_cause(loaded, tmp_path, monkeypatch):
    target = tmp_path / "missing-folder" / "report.docx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "Word report (*.docx)")
    )
    shown = []
    monkeypatch.setattr(exportflow, "headless", lambda: False)
    monkeypatch.setattr(
        QMessageBox, "critical", lambda parent, title, text: shown.append((title, text))
    )
    loaded.export_report()
    assert shown, "a failed export must be shown in a dialog"
    title, text = shown[0]
    assert title == "Export failed" and str(target) in text and "Cause:" in text
    assert loaded.messages.history[-1].level == "error"
