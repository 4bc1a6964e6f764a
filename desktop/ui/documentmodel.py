"""The document list: role, title, outlet and date, statements, counts and state per file."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication, QStyle

from desktop.core.glyphs import AGREE, CONFLICT, OMITTED, PARTIAL
from desktop.core.webdoc import describe_source
from desktop.ui.marks import Mark, glyph_colour
from desktop.ui.titles import distinct_titles
from desktop.workers.workspace import DocEntry, DocState

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
# The counts come right after the title so that a narrow dock still shows them; the state
# also shows as the title's icon, so the last three columns start hidden (header menu).
COLUMNS = ("", "Title", AGREE, PARTIAL, CONFLICT, OMITTED, "State", "Outlet / date", "Stmts")
ROLE, TITLE, FIRST_COUNT, LAST_COUNT, STATE, OUTLET, STATEMENTS = 0, 1, 2, 5, 6, 7, 8
_COUNT_FIELDS = ("agree", "partial", "conflict", "omitted")
_COUNT_MARKS = (Mark.AGREE, Mark.PARTIAL, Mark.CONFLICT, Mark.OMITTED)
_COUNT_TIPS = (
    f"{AGREE} Agrees: claims of the reference the report agrees with",
    f"{PARTIAL} In part: claims it agrees with in part (a detail differs)",
    f"{CONFLICT} Conflicts: claims it contradicts",
    f"{OMITTED} Left out: claims of the reference it does not make",
)
_HEADER_TIPS = {
    ROLE: "◆ marks the reference article",
    TITLE: "The document's title; ⚠ a file that could not be used",
    STATE: "Loading, Ready, Reference or Failed",
    OUTLET: "Who published it, and when",
    STATEMENTS: "Statements found in the document",
}
AnyIndex = QModelIndex | QPersistentModelIndex


class DocumentListModel(QAbstractTableModel):
    """One row per file of the workspace."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[DocEntry] = []
        self._reference: str | None = None
        self._counts: dict[str, Any] = {}
        self._titles: dict[str, str] = {}  # titles told apart where they start alike

    def set_entries(
        self, entries: tuple[DocEntry, ...], reference: str | None, counts: dict[str, Any]
    ) -> None:
        """Show the workspace's files; ``counts`` are ReportCounts by document id."""
        self.beginResetModel()
        self._entries, self._reference, self._counts = list(entries), reference, dict(counts)
        self._titles = distinct_titles([e.document for e in entries if e.document is not None])
        self.endResetModel()

    def entry(self, row: int) -> DocEntry:
        """The file of a row."""
        return self._entries[row]

    def row_of(self, key: str) -> int:
        """The row of a file, or -1."""
        return next((n for n, e in enumerate(self._entries) if e.key == key), -1)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        counted = FIRST_COUNT <= section <= LAST_COUNT
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return _COUNT_TIPS[section - FIRST_COUNT] if counted else _HEADER_TIPS.get(section)
        if role == Qt.ItemDataRole.ForegroundRole and counted:
            return glyph_colour(_COUNT_MARKS[section - FIRST_COUNT], QApplication.palette())
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        if not 0 <= index.column() < len(COLUMNS):
            return None
        entry = self._entries[index.row()]
        if role == KEY_ROLE:
            return entry.key
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry, index.column())
        if role == Qt.ItemDataRole.DecorationRole and index.column() in (STATE, TITLE):
            return self._state_icon(entry)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(entry, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and (
            FIRST_COUNT <= index.column() <= LAST_COUNT or index.column() == STATEMENTS
        ):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, entry: DocEntry, column: int) -> Any:
        doc, is_ref = entry.document, entry.key == self._reference
        if column == ROLE:
            return "◆" if is_ref else ""
        if column == TITLE:
            if entry.state is DocState.FAILED:
                return f"{entry.name}: {entry.error}"
            return self._titles.get(doc.id, entry.name) if doc else entry.name
        if column == OUTLET:
            return " · ".join(x for x in (doc.outlet, doc.published) if x) if doc else ""
        if column == STATEMENTS:
            return len(doc.statements) if doc and entry.state is DocState.READY else ""
        if FIRST_COUNT <= column <= LAST_COUNT:
            counts = self._counts.get(doc.id) if doc and not is_ref else None
            return getattr(counts, _COUNT_FIELDS[column - FIRST_COUNT]) if counts else ""
        return {
            DocState.LOADING: "Loading…",
            DocState.READY: "Reference" if is_ref else "Ready",
            DocState.FAILED: "Failed",
        }[entry.state]

    def _tooltip(self, entry: DocEntry, column: int) -> str:
        if entry.state is DocState.FAILED:
            return f"{entry.key}\nNot used: {entry.error}"
        if column == ROLE and entry.key == self._reference:
            return "The reference article"
        if entry.state is DocState.LOADING:
            return f"{entry.key}\nLoading…"
        doc = entry.document
        if doc is None:
            return entry.key
        about = " · ".join(x for x in (doc.outlet, doc.published) if x)
        return "\n".join(
            x
            for x in (
                doc.title,
                about,
                f"{len(doc.statements)} statements",
                describe_source(doc) or entry.key,
            )
            if x
        )

    def _foreground(self, entry: DocEntry, column: int) -> Any:
        palette = QApplication.palette()
        if entry.state is DocState.FAILED and column == TITLE:
            return glyph_colour(Mark.CONFLICT, palette)
        if entry.state is DocState.LOADING:
            return palette.color(palette.ColorGroup.Disabled, palette.ColorRole.Text)
        if (
            FIRST_COUNT <= column <= LAST_COUNT
            and _COUNT_MARKS[column - FIRST_COUNT] is Mark.CONFLICT
            and self._display(entry, column)
        ):
            return glyph_colour(Mark.CONFLICT, palette)  # conflicts stand out in the list
        return None

    @staticmethod
    def _state_icon(entry: DocEntry) -> Any:
        style = QApplication.style()
        if entry.state is DocState.FAILED:
            return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if entry.state is DocState.LOADING:
            return style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload)
        return None
