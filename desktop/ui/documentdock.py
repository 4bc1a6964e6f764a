"""The documents dock: the file list and what can be done to a file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.core.fetch import is_address
from desktop.core.summary import report_counts
from desktop.ui.documentmodel import (
    FIRST_COUNT,
    LAST_COUNT,
    OUTLET,
    ROLE,
    STATE,
    STATEMENTS,
    TITLE,
    DocumentListModel,
)
from desktop.workers.workspace import DocState, Workspace

REFRESH_MS = 150
COUNT_WIDTH = 30
OPTIONAL_COLUMNS = {STATE: "State", OUTLET: "Outlet / date", STATEMENTS: "Statements"}


class DocumentPanel(QWidget):
    """File list with Set as reference, Move up/down, Remove and Show in folder."""

    report_requested = Signal(str)  # a report's document id: a click or Enter on its row

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.model = DocumentListModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Documents in the comparison")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self._build_header()
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.set_reference_action = self._action(
            "Set as reference", self._on_set_reference, "Compare every other document with this one"
        )
        self.up_action = self._action(
            "Move up",
            lambda: self._on_move(-1),
            "Move up the list",
            QStyle.StandardPixmap.SP_ArrowUp,
        )
        self.down_action = self._action(
            "Move down",
            lambda: self._on_move(1),
            "Move down the list",
            QStyle.StandardPixmap.SP_ArrowDown,
        )
        self.remove_action = self._action(
            "Remove",
            self._on_remove,
            "Take the document out of the comparison",
            QStyle.StandardPixmap.SP_DialogDiscardButton,
        )
        self.reveal_action = self._action(
            "Show in folder",
            self._on_reveal,
            "Open the folder that holds the file",
            QStyle.StandardPixmap.SP_DirOpenIcon,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.table)
        # Files finish loading one by one: refresh the list at most every REFRESH_MS.
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        workspace.entries_changed.connect(self._schedule_refresh)
        workspace.comparison_changed.connect(lambda _c: self.refresh())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.table.clicked.connect(self._on_table_activated)
        self.table.activated.connect(self._on_table_activated)
        self.refresh()

    def _build_header(self) -> None:
        header = self.table.horizontalHeader()
        # Fixed widths: sizing to contents on every change costs O(rows) per loaded file.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(20)
        header.setStretchLastSection(False)
        for column, width in enumerate((22, 150, *[COUNT_WIDTH] * 4, 82, 110, 48)):
            header.resizeSection(column, width)
        for column in (ROLE, *range(FIRST_COUNT, LAST_COUNT + 1)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # The title, its state icon and the four counts fit the default dock width; the rest
        # is a right click on the header away.
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for column, name in OPTIONAL_COLUMNS.items():
            self.table.setColumnHidden(column, True)
            action = QAction(f"Show {name.lower()}", header)
            action.setCheckable(True)
            action.toggled.connect(lambda on, c=column: self.table.setColumnHidden(c, not on))
            header.addAction(action)

    def _action(
        self,
        text: str,
        slot: Callable[[], None],
        tip: str,
        icon: QStyle.StandardPixmap | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if icon is not None:  # an icon in the toolbar, the words in its tooltip
            action.setIcon(self.style().standardIcon(icon))
        action.setToolTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.toolbar.addAction(action)
        return action

    def _on_table_activated(self, index: QModelIndex) -> None:
        entry = self.model.entry(index.row()) if index.isValid() else None
        if (
            entry is not None
            and entry.document is not None
            and entry.state is DocState.READY
            and entry.key != self._workspace.reference_key
        ):
            self.report_requested.emit(entry.document.id)

    def _schedule_refresh(self) -> None:
        if self._workspace.busy:
            if not self._refresh_timer.isActive():
                self._refresh_timer.start()
        else:
            self.refresh()

    def refresh(self) -> None:
        """Rebuild the list from the workspace, keeping the selected file."""
        key = self.current_key()
        counts: dict[str, Any] = {}
        comparison = self._workspace.comparison
        if comparison is not None:
            counts = dict(report_counts(comparison))
        ws = self._workspace
        self.model.set_entries(ws.entries, ws.reference_key, counts)
        self._span_failures()
        if key is not None and self.model.row_of(key) >= 0:
            self.table.selectRow(self.model.row_of(key))
        self._update_actions()

    def _span_failures(self) -> None:
        # A failed file has no counts: its reason gets the width of the count columns too.
        self.table.clearSpans()
        for row, entry in enumerate(self._workspace.entries):
            if entry.state is DocState.FAILED:
                self.table.setSpan(row, TITLE, 1, LAST_COUNT - TITLE + 1)

    def current_key(self) -> str | None:
        """The key of the selected file."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.entry(rows[0].row()).key if rows else None

    def select(self, key: str) -> None:
        """Select a file's row."""
        row = self.model.row_of(key)
        if row >= 0:
            self.table.selectRow(row)

    def _update_actions(self) -> None:
        key = self.current_key()
        entry = self._workspace.entry(key) if key else None
        self.set_reference_action.setEnabled(
            bool(entry and entry.state is DocState.READY and key != self._workspace.reference_key)
        )
        row = self.model.row_of(key) if key else -1
        self.up_action.setEnabled(row > 0)
        self.down_action.setEnabled(0 <= row < self.model.rowCount() - 1)
        self.remove_action.setEnabled(entry is not None)
        web = entry is not None and is_address(entry.key)
        self.reveal_action.setEnabled(entry is not None and (web or Path(entry.key).exists()))
        self.reveal_action.setToolTip(
            "Open the page in the web browser" if web else "Open the folder that holds the file"
        )

    def _on_set_reference(self) -> None:
        key = self.current_key()
        if key:
            self._workspace.set_reference(key)

    def _on_move(self, delta: int) -> None:
        key = self.current_key()
        if key:
            self._workspace.move(key, delta)
            self.select(key)

    def _on_remove(self) -> None:
        key = self.current_key()
        if key:
            self._workspace.remove(key)

    def _on_reveal(self) -> None:
        key = self.current_key()
        if key and is_address(key):
            QDesktopServices.openUrl(QUrl(key))  # a page from the web: its address
        elif key:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(key).parent)))
