"""The document list model: roles, counts and states."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.core.summary import ReportCounts
from desktop.ui.documentmodel import (
    FIRST_COUNT,
    LAST_COUNT,
    OUTLET,
    STATE,
    STATEMENTS,
    DocumentListModel,
)
from desktop.workers.workspace import DocEntry, DocState
from tests.workers.fakes import REFERENCE, REPORT_A, make_document


def _entries():
    ref = make_document(REFERENCE, path="/x/ref.txt", title="Drone deal")
    rep = make_document(REPORT_A, path="/x/a.txt")
    return (
        DocEntry("/x/ref.txt", DocState.READY, ref),
        DocEntry("/x/a.txt", DocState.READY, rep),
        DocEntry("/x/b.pdf", DocState.FAILED, error="the PDF has no text layer"),
        DocEntry("/x/c.txt", DocState.LOADING),
    ), rep


def test_modeltester(qtmodeltester):
    entries, rep = _entries()
    model = DocumentListModel()
    model.set_entries(entries, "/x/ref.txt", {rep.id: ReportCounts(1, 1, 1, 1, 1)})
    qtmodeltester.check(model)


def test_rows_show_role_counts_and_state(qapp):
    entries, rep = _entries()
    model = DocumentListModel()
    model.set_entries(entries, "/x/ref.txt", {rep.id: ReportCounts(2, 1, 1, 0, 1)})
    assert model.index(0, 0).data() == "◆"
    assert model.index(0, 1).data() == "Drone deal"
    assert model.index(1, OUTLET).data() == "Fake Wire"
    assert [model.index(1, c).data() for c in range(FIRST_COUNT, LAST_COUNT + 1)] == [2, 1, 1, 0]
    assert model.index(1, STATEMENTS).data() == 4
    assert model.index(2, STATE).data() == "Failed"
    assert "no text layer" in model.index(2, STATE).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(2, STATE).data(Qt.ItemDataRole.DecorationRole) is not None
    assert model.index(3, STATE).data() == "Loading…"


def test_title_carries_state_icon_and_failure_reason(qapp):
    entries, rep = _entries()
    model = DocumentListModel()
    model.set_entries(entries, "/x/ref.txt", {rep.id: ReportCounts(2, 1, 1, 0, 1)})
    failed, loading, ready = model.index(2, 1), model.index(3, 1), model.index(1, 1)
    assert failed.data() == "b.pdf: the PDF has no text layer"
    assert failed.data(Qt.ItemDataRole.DecorationRole) is not None
    assert failed.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert loading.data(Qt.ItemDataRole.DecorationRole) is not None
    assert ready.data(Qt.ItemDataRole.DecorationRole) is None
    assert "Fake Wire" in ready.data(Qt.ItemDataRole.ToolTipRole)
    conflicts = model.index(1, FIRST_COUNT + 2)
    assert conflicts.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert "Conflicts" in model.headerData(
        FIRST_COUNT + 2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
