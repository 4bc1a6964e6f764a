"""Moving around: the Documents dock, Ctrl+PgDown / Ctrl+PgUp, Up / Down / Enter in a pane."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.ui.documentmodel import TITLE
from desktop.ui.viewstate import Tab
from tests.workers.fakes import make_document

CTRL = Qt.KeyboardModifier.ControlModifier


def _click_row(window, row):
    table = window.documents.table
    rect = table.visualRect(window.documents.model.index(row, TITLE))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_clicking_a_report_in_the_dock_shows_it(loaded):
    reports = loaded.workspace.comparison.reports
    view = loaded.side_by_side
    assert view.report_id == reports[0].id
    loaded.show_tab(Tab.MATRIX)
    _click_row(loaded, 2)  # the second report
    assert view.report_id == reports[1].id
    assert loaded.tabs.currentIndex() == 0  # beside the reference
    _click_row(loaded, 0)  # the reference itself: nothing to show beside it
    assert view.report_id == reports[1].id


def test_ctrl_page_down_and_up_step_through_reports(loaded):
    reports = [d.id for d in loaded.workspace.comparison.reports]
    view = loaded.side_by_side
    view.left.setFocus()  # the keys work from a text pane too
    QTest.keyClick(view.left, Qt.Key.Key_PageDown, CTRL)
    assert view.report_id == reports[1]
    QTest.keyClick(view.left, Qt.Key.Key_PageDown, CTRL)
    assert view.report_id == reports[0]  # wraps round
    QTest.keyClick(loaded, Qt.Key.Key_PageUp, CTRL)
    assert view.report_id == reports[1]
    dock = loaded.documents
    assert dock.model.entry(dock.table.currentIndex().row()).document.id == reports[1]
    assert dock.current_key() == dock.model.entry(2).key  # the dock shows which report it is
    go = next(a.menu() for a in loaded.menuBar().actions() if a.text() == "&Go")
    assert loaded.moves.next_report in go.actions()


def test_report_keys_are_off_without_a_comparison(window):
    assert not window.moves.next_report.isEnabled()
    assert not window.moves.previous_report.isEnabled()


def test_up_and_down_move_the_pick_through_every_statement(loaded):
    view = loaded.side_by_side
    ids = view.right.statement_ids()
    view.left_pick = view.right_pick = None  # nothing picked yet: Down picks the first
    view.right.setFocus()
    QTest.keyClick(view.right, Qt.Key.Key_Down)
    assert view.right_pick == ids[0] and loaded.selection.statement == ids[0]
    seen = [view.right_pick]
    for _ in range(len(ids)):
        QTest.keyClick(view.right, Qt.Key.Key_Down)
        seen.append(view.right_pick)
    assert seen[: len(ids)] == ids and seen[-1] == ids[-1]  # agreeing ones too; stops at the end
    marks = view.right.marks()
    assert {marks[s].word for s in ids} >= {"agrees", "conflicts"}
    QTest.keyClick(view.right, Qt.Key.Key_Up)
    assert view.right_pick == ids[-2]
    claim = loaded.index.claim_of(ids[-2])
    assert loaded.selection.claim == (claim.id if claim else None)
    partner = loaded.index.link(view.left_pick, ids[-2]) if view.left_pick else None
    assert partner is not None  # the linked statement on the left follows


def test_up_and_down_in_the_reference_pane(loaded):
    view = loaded.side_by_side
    ids = view.left.statement_ids()
    view._on_left_clicked(ids[1])
    QTest.keyClick(view.left, Qt.Key.Key_Down)
    assert view.left_pick == ids[2] and loaded.selection.statement == ids[2]


def test_enter_shows_the_details(loaded):
    view = loaded.side_by_side
    loaded.details_dock.hide()
    view._on_left_clicked(view.left.statement_ids()[0])
    QTest.keyClick(view.left, Qt.Key.Key_Return)
    assert loaded.details_dock.isVisible()
    assert "Russia has deployed 400 drones" in loaded.details.toPlainText()


def test_report_titles_that_start_alike_are_told_apart(window, tmp_path):
    title = "Russia and Iran agree a drone deal, officials say"
    docs = [
        replace(make_document(text, path=str(tmp_path / name), title=title), outlet=outlet)
        for text, name, outlet in (
            ("Drones were sold. Talks went on.", "ref.txt", "RT"),
            ("Drones were sold. Talks ended.", "a.txt", "Reuters"),
            ("Drones were bought. Talks went on.", "b.txt", "AP"),
        )
    ]
    window.workspace.add_documents(docs, reference_id=docs[0].id)
    combo = window.side_by_side.report_combo
    labels = [combo.itemText(n) for n in range(combo.count())]
    assert labels == [f"Reuters: {title}", f"AP: {title}"]
    model = window.documents.model
    shown = [model.data(model.index(n, TITLE)) for n in range(model.rowCount())]
    assert len(set(shown)) == 3 and shown[1] == f"Reuters: {title}"
    assert "a.txt" in combo.itemData(0, Qt.ItemDataRole.ToolTipRole)


def test_enter_on_a_report_row_in_the_dock_shows_it(loaded):
    reports = loaded.workspace.comparison.reports
    table = loaded.documents.table
    table.setFocus()
    table.setCurrentIndex(loaded.documents.model.index(2, TITLE))
    QTest.keyClick(table, Qt.Key.Key_Return)
    assert loaded.side_by_side.report_id == reports[1].id
