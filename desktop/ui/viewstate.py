"""What the window shows, as plain data a session can store, and back."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.ui.matrixmodel import ClaimFilter

if TYPE_CHECKING:
    from desktop.ui.mainwindow import MainWindow


def capture_view(w: MainWindow) -> dict[str, Any]:
    """Tab, report on the right, selected statement, matrix filter and search."""
    return {
        "tab": w.tabs.currentIndex(),
        "report": w.side_by_side.report_id,
        "statement": w.selection.statement,
        "matrix_filter": w.matrix.filter_combo.currentData().name,
        "matrix_search": w.matrix.search.text(),
    }


def apply_view(w: MainWindow, state: dict[str, Any]) -> None:
    """Show what ``capture_view`` described; unknown or stale entries are ignored."""
    tab = state.get("tab", 0)
    w.tabs.setCurrentIndex(tab if isinstance(tab, int) else 0)
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
