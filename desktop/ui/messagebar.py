"""The one funnel for transient messages: a bar above the views, with optional buttons."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

log = logging.getLogger(__name__)

Action = tuple[str, Callable[[], None]]


@dataclass(frozen=True)
class Message:
    """A message as shown, kept for tests and the log."""

    text: str
    level: str
    actions: tuple[str, ...]


def headless() -> bool:
    """Whether no person is watching: tests and smoke runs never open a blocking dialog."""
    return (
        os.environ.get("CROSSCHECK_HEADLESS") == "1"
        or os.environ.get("QT_QPA_PLATFORM") == "offscreen"
    )


class MessageBar(QFrame):
    """Shows one message at a time; plain ones fade after a while, ones with buttons stay."""

    TIMEOUT_MS = 8000

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Messages")
        self.history: list[Message] = []
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        self._buttons: list[QPushButton] = []
        self._close = QToolButton(self)
        self._close.setText("×")
        self._close.setToolTip("Dismiss the message")
        self._close.setAccessibleName("Dismiss the message")
        self._close.clicked.connect(self.hide)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(8, 4, 4, 4)
        self._layout.addWidget(self._label, 1)
        self._layout.addWidget(self._close)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_message(
        self, text: str, *, level: str = "info", actions: Sequence[Action] = ()
    ) -> None:
        """Show ``text``; ``actions`` are (label, callback) buttons."""
        self.history.append(Message(text, level, tuple(label for label, _ in actions)))
        getattr(log, "warning" if level == "error" else "info")("message: %s", text)
        for button in self._buttons:  # gone at once, not only when deferred deletes run
            button.hide()
            self._layout.removeWidget(button)
            button.deleteLater()
        self._buttons = []
        for label, callback in actions:
            button = QPushButton(label, self)
            button.clicked.connect(lambda _checked=False, cb=callback: cb())
            self._layout.insertWidget(self._layout.count() - 1, button)
            self._buttons.append(button)
        icon = {"error": "⚠ ", "success": "✓ "}.get(level, "")
        self._label.setText(icon + text)
        self.setProperty("level", level)
        self.show()
        if actions:
            self._timer.stop()
        else:
            self._timer.start(self.TIMEOUT_MS)

    def buttons(self) -> list[QPushButton]:
        """The buttons of the message shown (tests click them)."""
        return list(self._buttons)

    @property
    def text(self) -> str:
        """The text shown."""
        return self._label.text()
