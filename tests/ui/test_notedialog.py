"""The note editor: wrapped lines, Ctrl+Enter saves, Esc cancels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from desktop.ui.notedialog import NoteDialog

LONG = " ".join(["The agency's own wire copy gives the earlier figure."] * 6)


def _open(qtbot, note=""):
    dialog = NoteDialog(note)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.editor.setFocus()
    return dialog


def test_long_lines_wrap(qtbot):
    dialog = _open(qtbot, LONG)
    block = dialog.editor.document().firstBlock()
    assert block.layout().lineCount() > 1  # one paragraph shown on several lines
    assert dialog.editor.horizontalScrollBar().maximum() == 0


def test_ctrl_enter_saves(qtbot):
    dialog = _open(qtbot, "first")
    QTest.keyClicks(dialog.editor, " and checked")
    QTest.keyClick(dialog.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.note() == "first and checked"


def test_plain_enter_makes_a_new_line(qtbot):
    dialog = _open(qtbot)
    QTest.keyClicks(dialog.editor, "one")
    QTest.keyClick(dialog.editor, Qt.Key.Key_Return)
    QTest.keyClicks(dialog.editor, "two")
    assert dialog.isVisible()
    assert dialog.note() == "one\ntwo"


def test_esc_cancels(qtbot):
    dialog = _open(qtbot, "kept")
    QTest.keyClicks(dialog.editor, " typed")
    QTest.keyClick(dialog.editor, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
