"""Layout that fits the screen: the first window, the matrix at 1280×800, zoom, the legend."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest

from desktop import paths
from desktop.ui.mainwindow import MainWindow
from desktop.ui.marks import Mark
from desktop.ui.matrixview import CLAIM_MIN_WIDTH
from desktop.ui.screenfit import FIRST_SIZE, available_area, first_size, fit_rect
from desktop.ui.viewstate import Tab
from desktop.workers.runner import SyncRunner
from tests.ui.persisthelp import make_window
from tests.workers.fakes import fake_engine

CTRL = Qt.KeyboardModifier.ControlModifier
# 1600×1000 at 150 % scaling: what the window really has, in logical pixels.
SCALED = QRect(0, 0, 1066, 666)


def test_first_window_fits_the_available_screen(qtbot):
    window = MainWindow(runner=SyncRunner(), engine=fake_engine())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    area = available_area(window)
    assert area.contains(window.frameGeometry()), (area, window.frameGeometry())
    assert window.minimumSizeHint().width() <= SCALED.width()


def test_first_size_and_fitting_on_a_small_scaled_screen():
    size = first_size(SCALED)
    assert size.width() <= SCALED.width() and size.height() <= SCALED.height() - 40
    assert first_size(QRect(0, 0, 2560, 1440)) == FIRST_SIZE
    saved = QRect(200, 150, 2100, 1350)  # what a larger screen left in the settings
    fitted = fit_rect(saved, SCALED)
    assert SCALED.contains(fitted) and fitted.size() == QSize(1066, 666)


def test_a_layout_saved_on_a_larger_screen_comes_back_inside_this_one(qtbot):
    first = MainWindow(runner=SyncRunner(), engine=fake_engine())
    qtbot.addWidget(first)
    first.show()
    area = available_area(first)
    first.resize(area.width() + 900, area.height() + 700)  # as a larger screen allowed
    first.move(area.right() - 50, area.y() + 40)
    first.close()  # saves the layout
    second = MainWindow(runner=SyncRunner(), engine=fake_engine())
    qtbot.addWidget(second)
    assert second.width() < area.width() + 900  # the saved layout was read, then fitted
    assert area.contains(second.frameGeometry())
    second.show()
    qtbot.waitExposed(second)
    assert area.contains(second.frameGeometry())


def test_at_1280x800_both_texts_read_and_the_matrix_shows_every_report(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.resize(1264, 752)
    window._size_docks()
    window.add_paths(paths.sample_files())
    qtbot.waitUntil(lambda: window.workspace.comparison is not None, timeout=30000)
    chars = window.side_by_side.left.fontMetrics().averageCharWidth()
    assert window.side_by_side.left.width() >= 40 * chars
    assert window.side_by_side.right.width() >= 40 * chars
    window.show_tab(Tab.MATRIX)
    qtbot.waitUntil(lambda: window.matrix.table.viewport().width() > 400, timeout=5000)
    table = window.matrix.table
    header = table.horizontalHeader()
    assert header.count() == 2 + 7
    assert table.horizontalScrollBar().maximum() == 0  # every column in view
    assert header.sectionSize(0) >= CLAIM_MIN_WIDTH
    labels = [window.matrix.model.headerData(c, Qt.Orientation.Horizontal) for c in range(9)]
    assert "Newswire" in labels  # a report that names its outlet is headed by it


def test_zoom_keys_resize_texts_and_matrix_and_are_remembered(loaded, qtbot):
    zoom = loaded.zoom
    keys = {a.text(): [s.toString() for s in a.shortcuts()] for a in (zoom.zoom_in, zoom.zoom_out)}
    assert "Ctrl+=" in keys["Zoom &in"] and "Ctrl+-" in keys["Zoom &out"]
    assert zoom.reset.shortcut() == QKeySequence("Ctrl+0")
    view = loaded.side_by_side
    base = view.left.font().pointSizeF()
    rows = loaded.matrix.table.verticalHeader().defaultSectionSize()
    QTest.keyClick(view.left, Qt.Key.Key_Equal, CTRL)
    QTest.keyClick(view.right, Qt.Key.Key_Equal, CTRL)
    assert view.left.font().pointSizeF() == view.right.font().pointSizeF() == base + 2
    assert view.left.document().defaultFont().pointSizeF() == base + 2  # the text, re-laid out
    assert loaded.matrix.table.font().pointSizeF() == base + 2
    assert loaded.matrix.table.verticalHeader().defaultSectionSize() > rows
    again = MainWindow(runner=SyncRunner(), engine=fake_engine())
    qtbot.addWidget(again)
    assert again.zoom.level == 2
    assert again.side_by_side.left.font().pointSizeF() == base + 2
    QTest.keyClick(view.left, Qt.Key.Key_0, CTRL)
    assert view.left.font().pointSizeF() == base
    QTest.keyClick(view.left, Qt.Key.Key_Minus, CTRL)
    assert loaded.matrix.table.font().pointSizeF() == base - 1


def test_side_by_side_explains_its_glyphs_and_colours(window):
    legend = window.side_by_side.legend
    assert legend.isVisibleTo(window.side_by_side)
    for mark in (Mark.AGREE, Mark.PARTIAL, Mark.CONFLICT, Mark.OMITTED, Mark.ADDED):
        assert mark.glyph in legend.text() and mark.word in legend.text()
        assert f"{mark.glyph} {mark.word}:" in legend.toolTip()
    assert "★" in legend.text() and "Bands between the texts" in legend.toolTip()
