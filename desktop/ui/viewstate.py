"""What the window shows, as plain data a session can store, and back."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any

from desktop.ui.matrixmodel import ClaimFilter

if TYPE_CHECKING:
    from desktop.ui.mainwindow import MainWindow


class Tab(enum.Enum):
    """The window's views; the value is the page's index in its tab widget."""

    PAIR = 0  # side by side
    MATRIX = 1  # claim matrix

    @classmethod
    def from_saved(cls, saved: object) -> Tab:
        """The tab a session stored: a name, or an index (files written before names)."""
        if isinstance(saved, str) and saved in cls.__members__:
            return cls[saved]
        if isinstance(saved, int) and not isinstance(saved, bool):
            return next((t for t in cls if t.value == saved), cls.PAIR)
        return cls.PAIR


def capture_view(w: MainWindow) -> dict[str, Any]:
    """Tab, report on the right, selected statement, matrix filter and search."""
    return {
        "tab": Tab(w.tabs.currentIndex()).name,
        "report": w.side_by_side.report_id,
        "statement": w.selection.statement,
        "matrix_filter": w.matrix.filter_combo.currentData().name,
        "matrix_search": w.matrix.search.text(),
    }


def apply_view(w: MainWindow, state: dict[str, Any]) -> None:
    """Show what ``capture_view`` described; unknown or stale entries are ignored."""
    w.tabs.setCurrentIndex(Tab.from_saved(state.get("tab")).value)
    if isinstance(state.get("report"), str):
        w.side_by_side.show_report(state["report"])
    filters = {mode.name: mode for mode in ClaimFilter}
    if state.get("matrix_filter") in filters:
        w.matrix.set_mode(filters[state["matrix_filter"]])
    w.matrix.search.setText(str(state.get("matrix_search") or ""))
    sid = state.get("statement")
    if isinstance(sid, str) and w.index is not None and w.index.statement(sid):
        claim = w.index.claim_of(sid)
        w.selection.select(sid, claim.id if claim else None)
