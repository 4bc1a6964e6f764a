"""Help ▸ Show log: the latest lines of the app's log, following it while open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.logfile import TAIL, LogTail

REFRESH_MS = 500


class LogDialog(QDialog):
    """A non-modal window over the in-memory tail, with the log file's place."""

    def __init__(
        self, path: Path | None, parent: QWidget | None = None, *, tail: LogTail = TAIL
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Log")
        self.resize(900, 500)
        self._tail, self._path, self._seen = tail, path, -1
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setAccessibleName("Log lines")
        where = f"Saved in {path}" if path else "The log is not saved to a file in this run."
        self.where = QLabel(where, self)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        self.copy_button = QPushButton("Copy all", self)
        self.copy_button.clicked.connect(self.copy_all)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.folder_button = QPushButton("Open log folder", self)
        self.folder_button.setEnabled(path is not None)
        self.folder_button.clicked.connect(self.open_folder)
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.where)
        layout.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def refresh(self) -> None:
        """Show new lines, staying at the bottom when the reader was there."""
        count, lines = self._tail.snapshot()
        if count == self._seen:
            return
        self._seen = count
        bar = self.text.verticalScrollBar()
        at_bottom = bar.value() >= bar.maximum() - 2
        self.text.setPlainText("\n".join(lines) if lines else "Nothing has been logged yet.")
        if at_bottom:
            bar.setValue(bar.maximum())

    def copy_all(self) -> None:
        """The shown lines to the clipboard (to paste into a bug report)."""
        QGuiApplication.clipboard().setText(self.text.toPlainText())

    def open_folder(self) -> None:
        """The folder that holds the log file, in the file manager."""
        if self._path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._path.parent)))
