"""The claim matrix view: filters, word search, a sortable table that follows the selection."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.model import Comparison, document_of
from desktop.core.summary import claims_phrase
from desktop.ui.matrixmodel import (
    CLAIM_ID_ROLE,
    FIXED_COLUMNS,
    ClaimFilter,
    ClaimFilterProxy,
    ClaimMatrixModel,
    legend,
)
from desktop.ui.selection import Selection

DOC_COLUMN_WIDTH = 44  # the least a document column gets: a glyph and an elided word
MAX_COLUMN_WIDTH = 100
HEADER_PADDING = 18  # the header's margins and sort indicator
BACKED_BY_WIDTH = 84
CLAIM_MIN_WIDTH = 180  # below this the claims share no more: the documents scroll instead
CLAIM_SHARE = 0.35  # of the table's width, kept for the claims while the documents fit


class ClaimMatrixView(QWidget):
    """Claims × documents; picking a row selects the claim everywhere."""

    open_requested = Signal(str)  # a document id: show the claim side by side with it

    def __init__(self, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._selection = selection
        self.model = ClaimMatrixModel(self)
        self.proxy = ClaimFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        # Reading order until the user sorts: a column of -1 keeps the model's order.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.proxy.sort(-1)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.setAccessibleName("Claim matrix")
        self.table.verticalHeader().setVisible(False)
        # A label too long for its column loses its end, never its middle.
        self.table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.horizontalHeader().setMinimumSectionSize(40)
        self.filter_combo = QComboBox(self)
        self.filter_combo.setAccessibleName("Which claims to show")
        for mode in ClaimFilter:
            self.filter_combo.addItem(mode.value, mode)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search the claims…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search the claims")
        self.counter = QLabel(self)
        self.counter.setWordWrap(True)  # a narrow window wraps the count rather than widening
        self._label_width = DOC_COLUMN_WIDTH
        self._base_height = QFontMetrics(self.table.horizontalHeader().font()).height()
        self._row_height: tuple[int, QFont] | None = None  # at the window's font (zoom)
        self._fitted: tuple[int, int, int] | None = None  # what fit_columns last sized for
        self.table.viewport().installEventFilter(self)
        self._build()
        self.filter_combo.currentIndexChanged.connect(self._on_filter_combo_changed)
        self.search.textChanged.connect(self._on_search_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_row_changed)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        selection.changed.connect(self._on_selection_changed)

    def _build(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Show:", self))
        bar.addWidget(self.filter_combo)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.counter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(legend(), self))

    def set_comparison(self, comparison: Comparison | None) -> None:
        """Show a new comparison, keeping the selected claim when it is still there."""
        self.model.set_comparison(comparison)
        self._fitted = None  # a new model: its sections are sized afresh
        if self.model.columnCount():
            self._label_width = self._document_column_width()
            self.fit_columns()
        self._update_counter()
        self._on_selection_changed()

    def set_table_font(self, font: QFont) -> None:
        """Show the matrix in ``font`` (View ▸ Zoom): rows and columns follow its size."""
        if self._row_height is None:
            self._row_height = self.table.verticalHeader().defaultSectionSize(), self.font()
        height, base = self._row_height
        self.table.setFont(font)
        self.table.horizontalHeader().setFont(font)
        scale = QFontMetrics(font).height() / max(1, QFontMetrics(base).height())
        self.table.verticalHeader().setDefaultSectionSize(round(height * scale))
        if self.model.columnCount():
            self._label_width = self._document_column_width()
            self.fit_columns()

    def fit_columns(self) -> None:
        """Share the width: every document column when they fit beside a readable claim
        column (labels elided to fit, down to a glyph's room), else the documents scroll."""
        documents = self.model.columnCount() - len(FIXED_COLUMNS)
        viewport = self.table.viewport().width()
        fitted = (viewport, documents, self._label_width)
        if documents < 0 or fitted == self._fitted:
            return  # a resize that changes nothing here (the table's height, a repaint)
        self._fitted = fitted
        header = self.table.horizontalHeader()
        claims = max(CLAIM_MIN_WIDTH, round(viewport * CLAIM_SHARE))
        room = viewport - BACKED_BY_WIDTH - claims
        width = min(self._label_width, room // max(1, documents))
        if width < DOC_COLUMN_WIDTH:  # too many to fit: they scroll, each label whole
            width = self._label_width
        # One default width for the document columns: sizing 200 columns one by one
        # costs a second of GUI time.
        header.setDefaultSectionSize(width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, BACKED_BY_WIDTH)
        if documents * width <= room:
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        else:  # many reports: the claims keep readable room, the documents scroll
            header.resizeSection(0, claims)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table.viewport()
            and event.type() == QEvent.Type.Resize
            and self.model.columnCount()
        ):
            self.fit_columns()  # the room the table really has, once laid out
        return super().eventFilter(watched, event)

    def _document_column_width(self) -> int:
        """One width that shows every short label whole (labels are short: desktop.ui.labels)."""
        header = self.table.horizontalHeader()
        bold = header.font()
        bold.setBold(True)  # some styles draw the sorted section's label in bold
        metrics = QFontMetrics(bold)
        widest = max(
            (
                metrics.horizontalAdvance(
                    str(self.model.headerData(c, Qt.Orientation.Horizontal) or "")
                )
                for c in range(2, self.model.columnCount())
            ),
            default=0,
        )
        widest_allowed = round(MAX_COLUMN_WIDTH * metrics.height() / max(1, self._base_height))
        return max(DOC_COLUMN_WIDTH, min(widest_allowed, widest + HEADER_PADDING))

    def set_mode(self, mode: ClaimFilter) -> None:
        """Choose the filter."""
        self.filter_combo.setCurrentIndex(self.filter_combo.findData(mode))

    def _on_filter_combo_changed(self, _row: int) -> None:
        self.proxy.set_mode(self.filter_combo.currentData())
        self._update_counter()

    def _on_search_changed(self, text: str) -> None:
        self.proxy.set_words(text)
        self._update_counter()

    def _update_counter(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        reference = sum(1 for row in range(total) if self.model.claim(row).in_reference)
        # The same two parts as the status bar, the reports and the command line.
        phrase = claims_phrase(reference, total - reference)
        self.counter.setText(phrase if shown == total else f"{shown} shown of {phrase}")

    def _on_table_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        claim_id = current.data(CLAIM_ID_ROLE)
        if claim_id == self._selection.claim:
            return
        claim = self.model.claim(self.proxy.mapToSource(current).row())
        self._selection.select(claim.anchor, claim.id, origin=self)

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        comparison = self.model.comparison
        if comparison is None or not source.isValid():
            return
        column = source.column() - len(FIXED_COLUMNS)
        claim = self.model.claim(source.row())
        docs = comparison.documents
        target = docs[column].id if 0 <= column < len(docs) else ""
        if target:
            # Select that document's statement of the claim, if it makes it.
            said = [s for s in claim.statements if document_of(s) == target]
            if said:
                self._selection.select(said[0], claim.id)
        self.open_requested.emit(target)

    def _on_selection_changed(self) -> None:
        if self._selection.origin is self:
            return
        row = self.model.row_of(self._selection.claim) if self._selection.claim else -1
        source = self.model.index(row, 0) if row >= 0 else QModelIndex()
        target = self.proxy.mapFromSource(source)
        model = self.table.selectionModel()
        model.blockSignals(True)
        if target.isValid():
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            model.setCurrentIndex(target, flags)
            self.table.scrollTo(target)
        else:
            model.clearSelection()
        model.blockSignals(False)
        self.table.viewport().update()
