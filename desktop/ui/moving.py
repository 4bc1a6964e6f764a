"""Moving around the comparison: report to report, the file list, a statement's details."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from desktop.ui.statementmenu import StatementMenu
from desktop.ui.undo import menu_named
from desktop.ui.viewstate import Tab

if TYPE_CHECKING:
    from desktop.ui.mainwindow import MainWindow


class MoveActions(QObject):
    """Go ▸ Next / Previous report (Ctrl+PgDown / Ctrl+PgUp) and the wiring that shows a report
    chosen in the Documents dock, or a statement's details on Enter."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._w = window
        self.next_report = self._action(
            "Next &report", "Ctrl+PgDown", 1, "Show the next report beside the reference"
        )
        self.previous_report = self._action(
            "Previous re&port", "Ctrl+PgUp", -1, "Show the previous report beside the reference"
        )
        go = menu_named(window, "&Go")
        if go is not None:
            go.addSeparator()
            go.addActions([self.next_report, self.previous_report])
        self.statement_menu = StatementMenu(window.review, window.side_by_side, window)
        window.documents.report_requested.connect(self.show_report)
        window.side_by_side.report_combo.currentIndexChanged.connect(self._on_report_shown)
        window.side_by_side.details_requested.connect(self.show_details)
        window.workspace.comparison_changed.connect(lambda _c: self._update_enabled())
        self._update_enabled()

    def _action(self, text: str, key: str, delta: int, tip: str) -> QAction:
        action = QAction(text, self._w)
        action.setShortcut(QKeySequence(key))
        action.setToolTip(f"{tip} ({key.replace('Pg', 'Page ')})")
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: self.step_report(delta))
        self._w.addAction(action)  # the keys work even when the menu bar is hidden
        return action

    def _update_enabled(self) -> None:
        has = self._w.workspace.comparison is not None
        self.next_report.setEnabled(has)
        self.previous_report.setEnabled(has)

    def step_report(self, delta: int) -> None:
        """Show the next (1) or previous (-1) report beside the reference."""
        view = self._w.side_by_side
        if view.report_combo.count() < 2:
            self._w.messages.show_message("There is no other report to show.")
            return
        view.step_report(delta)
        self._w.show_tab(Tab.PAIR)

    def show_report(self, document_id: str) -> None:
        """Show that report beside the reference (a click on it in the Documents dock)."""
        view = self._w.side_by_side
        if view.report_combo.findData(document_id) >= 0:
            view.show_report(document_id)
            self._w.show_tab(Tab.PAIR)

    def _on_report_shown(self, _row: int) -> None:
        """The Documents dock selects the report shown beside the reference."""
        shown = self._w.side_by_side.report_id
        key = next(
            (e.key for e in self._w.workspace.entries if e.document and e.document.id == shown),
            None,
        )
        if key is not None and key != self._w.documents.current_key():
            self._w.documents.select(key)

    def show_details(self) -> None:
        """Bring the Details dock forward, open if it was closed."""
        dock = self._w.details_dock
        dock.show()
        dock.raise_()
