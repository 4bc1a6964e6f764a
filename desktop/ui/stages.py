"""Spread a long GUI update over several event-loop turns so the window keeps breathing."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer


class Stages(QObject):
    """Runs steps one per turn; a newer run drops what is left of an older one."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: list[Callable[[], object]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next)

    def run(self, steps: Sequence[Callable[[], object]], *, staged: bool = True) -> None:
        """Run ``steps``: the first at once, the others on later turns (or all now)."""
        self._timer.stop()
        self._pending = list(steps)
        if not staged:
            self.flush()
            return
        self._next()

    def _next(self) -> None:
        if self._pending:
            self._pending.pop(0)()
        if self._pending:
            self._timer.start()

    def flush(self) -> None:
        """Run what is left now."""
        self._timer.stop()
        while self._pending:
            self._pending.pop(0)()

    @property
    def busy(self) -> bool:
        """Steps are still waiting."""
        return bool(self._pending)
