"""The main window as a user meets it: drop, read, navigate, review, cancel, remember."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest

from desktop.core.model import Action, Verdict, document_of
from desktop.ui.documentmodel import STATE
from desktop.ui.mainwindow import MainWindow
from desktop.ui.marks import Mark
from desktop.workers.runner import TaskRunner
from tests.workers.fakes import fake_engine, write_sample


def _mime(paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def test_empty_window_invites_a_drop(window):
    assert window.stack.currentWidget() is window.drop_area
    area = window.drop_area
    assert area.add_button.isEnabled() and area.sample_button.isEnabled()
    assert area.session_button.isEnabled() and area.session_button.toolTip()
    assert not window.actions_.export.isEnabled()
    assert not window.actions_.next_conflict.isEnabled()  # no dead buttons
    assert not window.find_field.isEnabled()


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # the QPoint constructor is the only one
def test_dropping_files_loads_and_compares(window, tmp_path):
    paths = write_sample(tmp_path)
    mime = _mime(paths)
    enter = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(drop)
    assert window.stack.currentWidget() is window.tabs
    assert window.workspace.reference_key == str(paths[0])
    assert window.documents.model.rowCount() == 3
    assert window.side_by_side.report_combo.count() == 2
    assert window.actions_.export.isEnabled()
    assert "reference" in window.windowTitle()


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_drag_without_files_is_refused(window):
    mime = QMimeData()
    mime.setText("just words")
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(enter)
    assert not enter.isAccepted()


def test_click_on_statement_selects_claim_everywhere(loaded, qtbot):
    view = loaded.side_by_side
    pane = view.right
    target = pane.statement_ids()[1]  # "Officials met in Tehran last week."
    top, bottom = pane.vertical_span(target)
    start = pane._ranges[target][0]
    cursor = pane.textCursor()
    cursor.setPosition(start + 3)
    point = pane.cursorRect(cursor).center()
    QTest.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=point)
    sel = loaded.selection
    assert sel.statement == target
    claim = loaded.index.claim_of(target)
    assert sel.claim == claim.id
    assert view.left_pick == claim.anchor and view.right_pick == target
    current = loaded.matrix.table.currentIndex()
    assert loaded.matrix.proxy.mapToSource(current).row() == loaded.matrix.model.row_of(claim.id)
    assert "Officials met in Tehran" in loaded.details.toPlainText()
    assert top < bottom


def test_keyboard_walks_conflicts_and_differences(loaded, qtbot):
    loaded.selection.clear()
    QTest.keyClick(loaded, Qt.Key.Key_F8)
    link = loaded.side_by_side.current_link()
    assert link is not None and link.verdict is Verdict.CONFLICT
    assert "numbers differ" in loaded.details.toPlainText()
    marks = []
    for _ in range(3):
        QTest.keyClick(loaded, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        sid = loaded.selection.statement
        left, right = loaded.index.pair_marks(loaded.side_by_side.report_id)
        marks.append(left.get(sid) or right.get(sid))
    assert all(m.is_difference for m in marks)
    assert Mark.ADDED in marks and Mark.PARTIAL in marks
    QTest.keyClick(loaded, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert loaded.side_by_side.current_link().verdict is Verdict.CONFLICT


def test_no_conflict_is_said_in_the_message_bar(loaded):
    loaded.side_by_side.show_report(loaded.workspace.comparison.reports[1].id)
    loaded.go(conflicts=True)
    assert loaded.messages.history[-1].text.startswith("No conflicts")


def test_review_changes_verdict_and_matrix_follows(loaded):
    loaded.go(conflicts=True)
    link = loaded.side_by_side.current_link()
    report = document_of(link.other)
    claim = loaded.index.claim_of(link.reference)
    loaded.review.set_verdict[Verdict.AGREE].trigger()
    assert loaded.workspace.decisions[0].action is Action.SET_VERDICT
    model = loaded.matrix.model
    column = 2 + [d.id for d in model.comparison.documents].index(report)
    assert model.cell_mark(model.row_of(claim.id), column) is Mark.AGREE
    relinked = loaded.side_by_side.current_link()
    assert relinked.reviewed and relinked.verdict is Verdict.AGREE
    assert "★" in loaded.side_by_side.left.toPlainText()
    assert loaded.review.reset.isEnabled()


def test_unlink_then_restore(loaded):
    loaded.go(conflicts=True)
    loaded.review.unlink.trigger()
    assert loaded.side_by_side.current_link() is None
    assert loaded.review.reset.isEnabled()
    loaded.review.reset.trigger()
    assert loaded.side_by_side.current_link() is not None
    assert not loaded.workspace.decisions


def test_link_two_statements_by_hand(loaded):
    view = loaded.side_by_side
    left, right = loaded.index.pair_marks(view.report_id)
    omitted = next(s for s, m in left.items() if m is Mark.OMITTED)
    added = next(s for s, m in right.items() if m is Mark.ADDED)
    view._on_left_clicked(omitted)
    view._on_right_clicked(added)
    assert (view.left_pick, view.right_pick) == (omitted, added)
    assert loaded.review.link.isEnabled()
    loaded.review.link.trigger()
    link = loaded.index.link(omitted, added)
    assert link is not None and link.reviewed


def test_note_is_kept(loaded):
    loaded.review.ask_note = lambda parent, note: "checked with the wire copy"
    loaded.go(conflicts=True)
    loaded.review.note.trigger()
    assert loaded.workspace.decisions[0].note == "checked with the wire copy"
    assert "checked with the wire copy" in loaded.details.toPlainText()


def test_sensitivity_recomputes_once_after_debounce(loaded, qtbot):
    calls = []
    original = loaded.workspace.set_threshold
    loaded.workspace.set_threshold = lambda t: (calls.append(t), original(t))
    for value in (60, 65, 75):
        loaded.sensitivity.setValue(value)
    assert calls == []
    qtbot.waitUntil(lambda: bool(calls))
    assert calls == [75.0]
    assert loaded.workspace.comparison.options.threshold == 75.0


def test_find_selects_matching_statement(loaded):
    loaded.find_field.setText("air defence")
    loaded.find_text()
    st = loaded.index.statement(loaded.selection.statement)
    assert "air defence" in st.text
    loaded.find_field.setText("zebra")
    loaded.find_text()
    assert "neither" in loaded.messages.history[-1].text


def test_cancel_a_long_comparison_from_the_status_bar(qtbot, tmp_path):
    gate = threading.Event()
    runner = TaskRunner()
    win = MainWindow(runner=runner, engine=fake_engine(gate=gate))
    qtbot.addWidget(win)
    win.show()
    win.add_paths(write_sample(tmp_path))
    qtbot.waitUntil(lambda: win.workspace.comparing, timeout=5000)
    assert win.cancel_button.isVisible()
    win.cancel_button.click()
    assert not win.workspace.busy and not win.cancel_button.isVisible()
    assert win.messages.history[-1].text == "Cancelled."
    gate.set()
    runner.wait(5000)
    win.close()


def test_the_views_look_ups_are_built_on_the_worker(qtbot, tmp_path):
    from desktop.core.lookup import ComparisonLookup

    built_on: list[object] = []
    real = ComparisonLookup.__init__

    def spy(self, comparison, *, built=None):
        if built is None:  # tables walked here; sharing a worker's tables walks nothing
            built_on.append(threading.current_thread())
        real(self, comparison, built=built)

    runner = TaskRunner()
    win = MainWindow(runner=runner, engine=fake_engine())
    qtbot.addWidget(win)
    win.show()
    ComparisonLookup.__init__ = spy
    try:
        win.add_paths(write_sample(tmp_path))
        qtbot.waitUntil(lambda: win.index is not None and not win.workspace.busy, timeout=10000)
    finally:
        ComparisonLookup.__init__ = real
        runner.wait(5000)
    assert built_on and threading.main_thread() not in built_on
    lookup = win.workspace.lookup
    assert lookup is not None and lookup.comparison is win.workspace.comparison
    assert win.index.comparison is lookup.comparison
    assert win.index.pair_links(win.side_by_side.report_id)  # the adopted tables answer
    win.close()


def test_layout_is_remembered(qtbot, tmp_path):
    from desktop.workers.runner import SyncRunner

    first = MainWindow(runner=SyncRunner(), engine=fake_engine())
    qtbot.addWidget(first)
    first.show()
    first.resize(701, 503)
    first.sensitivity.setValue(42)
    first.details_dock.hide()
    first.close()
    second = MainWindow(runner=SyncRunner(), engine=fake_engine())
    qtbot.addWidget(second)
    second.show()
    assert second.size().width() == 701
    assert second.sensitivity.value() == 42
    assert second.details_dock.isHidden()


def test_failed_file_is_marked_and_rest_goes_on(window, tmp_path):
    paths = write_sample(tmp_path)
    bad = tmp_path / "bad.txt"
    bad.write_text("BROKEN.")
    window.add_paths([*paths, bad])
    model = window.documents.model
    row = model.row_of(str(bad))
    assert model.index(row, STATE).data() == "Failed"
    assert "damaged" in model.index(row, STATE).data(Qt.ItemDataRole.ToolTipRole)
    assert len(window.workspace.comparison.reports) == 2


def test_about_box_names_licences(window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    QTest.keyClick(window, Qt.Key.Key_F1)
    assert shown and "LGPL" in shown[0] and "rapidfuzz" in shown[0]


def test_view_state_round_trip(loaded):
    from desktop.ui.matrixmodel import ClaimFilter

    loaded.go(conflicts=True)
    loaded.side_by_side.show_report(loaded.workspace.comparison.reports[1].id)
    loaded.matrix.set_mode(ClaimFilter.OMISSIONS)
    state = loaded.view_state()
    loaded.tabs.setCurrentIndex(1)
    loaded.matrix.set_mode(ClaimFilter.ALL)
    loaded.selection.clear()
    loaded.restore_view_state({**state, "tab": 0})
    assert loaded.side_by_side.report_id == state["report"]
    assert loaded.matrix.filter_combo.currentData() is ClaimFilter.OMISSIONS
    assert loaded.selection.statement == state["statement"]
    loaded.restore_view_state({"report": 42, "statement": "nope", "matrix_filter": "bad"})


def test_tab_saved_by_name_and_old_indexes_still_load(loaded):
    from desktop.ui.viewstate import Tab

    loaded.show_tab(Tab.MATRIX)
    assert loaded.view_state()["tab"] == "MATRIX"
    loaded.restore_view_state({"tab": "PAIR"})
    assert loaded.tabs.currentWidget() is loaded.side_by_side
    loaded.restore_view_state({"tab": 1})  # a session written when tabs were saved as indexes
    assert loaded.tabs.currentWidget() is loaded.matrix
    for junk in ("nope", 7, True, None, [1]):  # anything else shows the pair
        loaded.show_tab(Tab.MATRIX)
        loaded.restore_view_state({"tab": junk})
        assert loaded.tabs.currentWidget() is loaded.side_by_side, junk


def test_dark_palette_redraws_tints(loaded, qtbot):
    from PySide6.QtGui import QColor, QPalette

    before = loaded.side_by_side.left.document().toHtml()
    palette = loaded.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#e6e6e6"))
    loaded.setPalette(palette)
    # Tints blended from the new base colour.
    qtbot.waitUntil(lambda: loaded.side_by_side.left.document().toHtml() != before)


def test_missing_sample_is_a_message(window, monkeypatch):
    from desktop import paths

    def missing():
        raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr(paths, "sample_files", missing)
    window.open_sample()
    assert window.messages.history[-1].level == "error"
    assert window.workspace.is_empty()


def test_double_click_in_matrix_opens_the_pair(loaded):
    model, proxy = loaded.matrix.model, loaded.matrix.proxy
    comparison = model.comparison
    report = comparison.reports[1]
    row = next(
        r
        for r in range(model.rowCount())
        if any(s.startswith(report.id) for s in model.claim(r).statements)
        and model.claim(r).in_reference
    )
    index = proxy.mapFromSource(model.index(row, 2 + 2))  # the second report's column
    loaded.tabs.setCurrentIndex(1)
    loaded.matrix.table.doubleClicked.emit(index)
    assert loaded.tabs.currentIndex() == 0
    assert loaded.side_by_side.report_id == report.id
    assert loaded.selection.claim == model.claim(row).id
    assert loaded.side_by_side.right_pick.startswith(report.id)


def test_adopted_index_shares_the_workers_tables(loaded):
    from desktop.ui.index import ComparisonIndex

    lookup = loaded.workspace.lookup
    assert lookup is not None
    index = ComparisonIndex.adopt(lookup)
    assert index.comparison is lookup.comparison and index.claims is lookup.claims
    report = lookup.comparison.reports[0].id
    assert index.pair_links(report) == lookup.pair_links(report)
    left, right = index.pair_marks(report)  # the index's own table starts empty and fills
    assert left and right
