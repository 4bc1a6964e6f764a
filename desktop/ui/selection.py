"""The selected statement and claim, shared by every view of the window."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Selection(QObject):
    """Views call ``select``; all of them follow ``changed``."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.statement: str | None = None
        self.claim: str | None = None
        self.origin: object | None = None  # the view that made the selection

    def select(
        self, statement: str | None, claim: str | None, *, origin: object | None = None
    ) -> None:
        """Select a statement (and the claim it belongs to)."""
        self.statement, self.claim, self.origin = statement, claim, origin
        self.changed.emit()

    def clear(self) -> None:
        """Nothing selected."""
        self.select(None, None)
