"""Help ▸ Show log: the tail in a window that follows new lines."""

from __future__ import annotations

import logging

from PySide6.QtGui import QGuiApplication

from desktop.logfile import LogTail
from desktop.ui.logview import LogDialog


def _tail() -> tuple[LogTail, logging.Logger]:
    tail = LogTail()
    tail.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    logger = logging.getLogger("tests.logview")
    logger.propagate = False
    logger.handlers[:] = [tail]
    logger.setLevel(logging.DEBUG)
    return tail, logger


def test_dialog_shows_and_follows_the_tail(qtbot, tmp_path):
    tail, logger = _tail()
    logger.info("first line")
    dialog = LogDialog(tmp_path / "crosscheck.log", tail=tail)
    qtbot.addWidget(dialog)
    assert dialog.text.toPlainText() == "INFO first line"
    assert str(tmp_path) in dialog.where.text() and dialog.folder_button.isEnabled()
    logger.debug("from a worker")
    qtbot.waitUntil(lambda: "DEBUG from a worker" in dialog.text.toPlainText(), timeout=3000)
    dialog.copy_all()
    assert QGuiApplication.clipboard().text().endswith("DEBUG from a worker")


def test_without_a_file_the_dialog_says_so(qtbot):
    tail, _ = _tail()
    dialog = LogDialog(None, tail=tail)
    qtbot.addWidget(dialog)
    assert dialog.text.toPlainText() == "Nothing has been logged yet."
    assert "not saved" in dialog.where.text() and not dialog.folder_button.isEnabled()


def test_help_menu_opens_the_log(window):
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert window.actions_.show_log in help_menu.actions()
    window.actions_.show_log.trigger()
    first = window.log_dialog
    assert first is not None and first.isVisible() and not first.isModal()
    window.actions_.show_log.trigger()
    assert window.log_dialog is first  # one window, raised again
