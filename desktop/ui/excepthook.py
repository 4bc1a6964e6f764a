"""Unexpected errors are logged and offered with their details instead of vanishing."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.ui.messagebar import MessageBar, headless

log = logging.getLogger("crosscheck")


class ExceptionHook:
    """Installed as ``sys.excepthook``; restores the previous hook on ``uninstall``."""

    def __init__(self, bar: MessageBar, parent: QWidget | None = None) -> None:
        self._bar, self._parent = bar, parent
        self._previous = sys.excepthook
        self.last_details = ""

    def install(self) -> None:
        """Start catching."""
        sys.excepthook = self

    def uninstall(self) -> None:
        """Give the previous hook back."""
        if sys.excepthook is self:
            sys.excepthook = self._previous

    def __call__(
        self, kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous(kind, value, tb)
            return
        self.last_details = "".join(traceback.format_exception(kind, value, tb))
        log.error("unexpected error\n%s", self.last_details)
        self._bar.show_message(
            f"Something went wrong ({kind.__name__}: {value}). Your documents are still open.",
            level="error",
            actions=[("Details…", self.show_details)],
        )

    def show_details(self) -> None:
        """The traceback in a non-blocking dialog (never in headless runs)."""
        if headless():
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Unexpected error",
            "Crosscheck met an error it did not expect. The details below help to report it.",
            QMessageBox.StandardButton.Close,
            self._parent,
        )
        box.setDetailedText(self.last_details)
        box.open()
