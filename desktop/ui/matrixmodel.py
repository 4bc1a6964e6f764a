"""The claim matrix: claims down, documents across, a glyph and a tint in every cell."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QApplication

from desktop.core.model import Claim, Comparison, Support, document_of
from desktop.core.summary import ReportCounts, report_counts
from desktop.ui.labels import column_labels, column_tooltip
from desktop.ui.marks import Mark, tint

CLAIM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
FIXED_COLUMNS = ("Claim", "Backed by")
_SEVERITY = {
    Mark.CONFLICT: 0,
    Mark.OMITTED: 1,
    Mark.PARTIAL: 2,
    Mark.ADDED: 3,
    Mark.AGREE: 4,
    Mark.SOURCE: 5,
    Mark.NONE: 6,
}
AnyIndex = QModelIndex | QPersistentModelIndex


class ClaimMatrixModel(QAbstractTableModel):
    """Rows are claims, columns the claim text, its corroboration, then each document."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._comparison: Comparison | None = None
        self._claims: list[Claim] = []
        self._texts: dict[str, str] = {}
        self._labels: dict[str, str] = {}
        self._counts: dict[str, ReportCounts] = {}

    def set_comparison(self, comparison: Comparison | None) -> None:
        """Show a new comparison."""
        self.beginResetModel()
        self._comparison = comparison
        self._claims = list(comparison.claims) if comparison else []
        self._texts = (
            {s.id: s.text for d in comparison.documents for s in d.statements} if comparison else {}
        )
        self._labels = column_labels(comparison) if comparison else {}
        self._counts = report_counts(comparison) if comparison else {}
        self.endResetModel()

    @property
    def comparison(self) -> Comparison | None:
        """The comparison shown."""
        return self._comparison

    def claim(self, row: int) -> Claim:
        """The claim of a row."""
        return self._claims[row]

    def row_of(self, claim_id: str) -> int:
        """The row of a claim, or -1."""
        for row, claim in enumerate(self._claims):
            if claim.id == claim_id:
                return row
        return -1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._claims)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._comparison is None:
            return 0
        return len(FIXED_COLUMNS) + len(self._comparison.documents)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical or self._comparison is None:
            return None
        if not 0 <= section < self.columnCount():
            return None
        if section < len(FIXED_COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return FIXED_COLUMNS[section]
            if role == Qt.ItemDataRole.ToolTipRole and section == 1:
                return (
                    "Documents besides the claim's source that agree or agree in part; "
                    "copies of the same wire text count once"
                )
            return None
        doc = self._comparison.documents[section - len(FIXED_COLUMNS)]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._labels.get(doc.id, "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return column_tooltip(
                doc, reference=doc is self._comparison.reference, counts=self._counts.get(doc.id)
            )
        return None

    def cell_mark(self, row: int, column: int) -> Mark:
        """The mark of a document cell (column 2 onwards)."""
        assert self._comparison is not None
        claim = self._claims[row]
        doc = self._comparison.documents[column - len(FIXED_COLUMNS)]
        support = claim.support.get(doc.id)
        if support is Support.SOURCE and not claim.in_reference:
            return Mark.ADDED
        return Mark.of(support) if support else Mark.OMITTED

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._comparison is None:
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._claims) and 0 <= column < self.columnCount()):
            return None
        claim = self._claims[row]
        if role == CLAIM_ID_ROLE:
            return claim.id
        if column == 0:
            return self._claim_data(claim, role)
        if column == 1:
            return self._corroboration_data(claim, role)
        return self._cell_data(row, column, role)

    def _claim_data(self, claim: Claim, role: int) -> Any:
        text = self._texts.get(claim.anchor, claim.anchor)
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return text if claim.in_reference else f"+ {text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if claim.in_reference else f"Not in the reference: {text}"
        return None

    def _corroboration_data(self, claim: Claim, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return claim.corroboration
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _cell_data(self, row: int, column: int, role: int) -> Any:
        mark = self.cell_mark(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return mark.glyph
        if role == SORT_ROLE:
            return _SEVERITY[mark]
        if role == Qt.ItemDataRole.BackgroundRole:
            return tint(mark, QApplication.palette())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._cell_tooltip(row, column, mark)
        return None

    def _cell_tooltip(self, row: int, column: int, mark: Mark) -> str:
        assert self._comparison is not None
        doc = self._comparison.documents[column - len(FIXED_COLUMNS)]
        said = [
            self._texts[s]
            for s in self._claims[row].statements
            if document_of(s) == doc.id and s in self._texts
        ]
        head = f"{doc.title}: {mark.word}"
        return head + ("\n“" + "”\n“".join(said) + "”" if said else "")


class ClaimFilter(enum.Enum):
    """Which claims the matrix shows."""

    ALL = "All claims"
    CONFLICTS = "Only conflicts"
    OMISSIONS = "Only omissions"
    NOT_IN_REFERENCE = "Only claims the reference lacks"
    SINGLE_SOURCE = "Only single-source claims"


class ClaimFilterProxy(QSortFilterProxyModel):
    """Filters the matrix by kind and by words, sorts by the sort role."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._mode = ClaimFilter.ALL
        self._words = ""
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_mode(self, mode: ClaimFilter) -> None:
        """Show only the claims of one kind."""
        self.beginFilterChange()
        self._mode = mode
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_words(self, words: str) -> None:
        """Show only claims whose statements contain ``words`` (any case)."""
        self.beginFilterChange()
        self._words = words.casefold().strip()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, ClaimMatrixModel) or source_parent.isValid():
            return True
        claim = model.claim(source_row)
        return _matches(claim, self._mode) and self._has_words(model, claim)

    def _has_words(self, model: ClaimMatrixModel, claim: Claim) -> bool:
        if not self._words:
            return True
        return any(self._words in model._texts.get(s, "").casefold() for s in claim.statements)


def _matches(claim: Claim, mode: ClaimFilter) -> bool:
    support = claim.support.values()
    if mode is ClaimFilter.CONFLICTS:
        return Support.CONFLICT in support
    if mode is ClaimFilter.OMISSIONS:
        return claim.in_reference and Support.OMITTED in support
    if mode is ClaimFilter.NOT_IN_REFERENCE:
        return not claim.in_reference
    if mode is ClaimFilter.SINGLE_SOURCE:
        return claim.corroboration == 0
    return True


def legend() -> str:
    """The legend line shown under the matrix."""
    return "  ".join(
        f"{m.glyph} {m.word}"
        for m in (Mark.SOURCE, Mark.AGREE, Mark.PARTIAL, Mark.CONFLICT, Mark.OMITTED, Mark.ADDED)
    )
