"""Reference left, a chosen report right, the link map between, scrolling kept in step."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QSizePolicy, QWidget

from desktop.core.model import Link, document_of
from desktop.ui.index import ComparisonIndex
from desktop.ui.linkmap import Band, LinkMap
from desktop.ui.marks import Mark
from desktop.ui.navigation import NavItem, PairNavigator, pair_items
from desktop.ui.pairlegend import PairLegend
from desktop.ui.selection import Selection
from desktop.ui.statementpane import StatementPane
from desktop.ui.titles import distinct_titles


class SideBySideView(QWidget):
    """Two statement panes and a link map; one pick in each pane."""

    picks_changed = Signal()
    details_requested = Signal()  # Enter on a statement

    def __init__(self, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._selection = selection
        self.left = StatementPane("Reference article", self)
        self.right = StatementPane("Report compared with the reference", self)
        self.linkmap = LinkMap(self.left, self.right, self)
        # What an empty pane is waiting for, while files load and the comparison runs.
        self.left.setPlaceholderText(
            "The reference article appears here once the files are loaded and compared."
        )
        self.right.setPlaceholderText(
            "The report picked above appears here, its statements linked to the reference's."
        )
        self.reference_label = QLabel(self)
        self.legend = PairLegend(self)  # what the glyphs, tints and bands mean
        self.report_combo = QComboBox(self)
        self.report_combo.setAccessibleName("Report to compare with the reference")
        self.report_combo.setToolTip("The report shown on the right")
        # Long titles must not widen the window: the combo and label shrink and elide.
        self.report_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.report_combo.setMinimumContentsLength(16)
        self.reference_label.setMinimumWidth(40)
        self.reference_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._layout()
        self._index: ComparisonIndex | None = None
        self._navigator = PairNavigator([])
        self._extra_reviewed: set[str] = set()
        self._reference_text = ""
        self.left_pick: str | None = None
        self.right_pick: str | None = None
        self._partner: dict[str, str] = {}
        self._syncing = False
        self.report_combo.currentIndexChanged.connect(self._on_report_combo_changed)
        self.left.statement_clicked.connect(self._on_left_clicked)
        self.right.statement_clicked.connect(self._on_right_clicked)
        self.left.step_requested.connect(lambda delta: self.step_statement(self.left, delta))
        self.right.step_requested.connect(lambda delta: self.step_statement(self.right, delta))
        self.left.details_requested.connect(self.details_requested)
        self.right.details_requested.connect(self.details_requested)
        self._scroll_when_filled: dict[StatementPane, str] = {}
        self.left.filled.connect(lambda: self._on_filled(self.left))
        self.right.filled.connect(lambda: self._on_filled(self.right))
        self.left.verticalScrollBar().valueChanged.connect(lambda _: self._sync(True))
        self.right.verticalScrollBar().valueChanged.connect(lambda _: self._sync(False))
        selection.changed.connect(self._on_selection_changed)

    def _layout(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(0)
        grid.addWidget(self.reference_label, 0, 0)
        grid.addWidget(self.report_combo, 0, 2)
        grid.addWidget(self.left, 1, 0)
        grid.addWidget(self.linkmap, 1, 1)
        grid.addWidget(self.right, 1, 2)
        grid.addWidget(self.legend, 2, 0, 1, 3)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(2, 1)

    def set_text_font(self, font: QFont) -> None:
        """Show both texts in ``font`` (View ▸ Zoom), keeping the pair and the picks."""
        self.left.setFont(font)
        self.right.setFont(font)
        self._show_pair()
        self._on_selection_changed()

    # -- content -------------------------------------------------------------------------------
    @property
    def index(self) -> ComparisonIndex | None:
        """The comparison shown, with its look-ups."""
        return self._index

    @property
    def report_id(self) -> str | None:
        """The report shown on the right."""
        data = self.report_combo.currentData()
        return str(data) if data else None

    def set_comparison(
        self, index: ComparisonIndex | None, *, reviewed: set[str] | None = None
    ) -> None:
        """Show a new comparison, keeping the chosen report when it is still there."""
        self._index, self._extra_reviewed = index, set(reviewed or ())
        keep = self.report_id
        self.report_combo.blockSignals(True)
        self.report_combo.clear()
        if index is not None:
            names = distinct_titles(index.comparison.reports)
            for doc in index.comparison.reports:
                label = names[doc.id]
                if label == doc.title and doc.outlet:
                    label += f" — {doc.outlet}"
                self.report_combo.addItem(label, doc.id)
                tip = "\n".join(x for x in (doc.title, doc.outlet, doc.path) if x)
                self.report_combo.setItemData(
                    self.report_combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole
                )
            found = self.report_combo.findData(keep) if keep else -1
            self.report_combo.setCurrentIndex(max(found, 0))
        self.report_combo.blockSignals(False)
        ref = index.comparison.reference if index else None
        self._reference_text = f"◆ Reference: {ref.title}" if ref else ""
        self.reference_label.setToolTip(ref.title if ref else "")
        self._elide_reference()
        self._show_pair()

    def _elide_reference(self) -> None:
        # A QLabel clips a long title mid-word; end it with an ellipsis instead.
        metrics = self.reference_label.fontMetrics()
        width = max(0, self.reference_label.width() - 4)
        self.reference_label.setText(
            metrics.elidedText(self._reference_text, Qt.TextElideMode.ElideRight, width)
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide_reference()

    def show_report(self, report_id: str) -> None:
        """Put that report on the right."""
        found = self.report_combo.findData(report_id)
        if found >= 0:
            self.report_combo.setCurrentIndex(found)

    def step_report(self, delta: int) -> str | None:
        """Show the next (1) or previous (-1) report, wrapping; its id, None when there is none."""
        count = self.report_combo.count()
        if count == 0:
            return None
        self.report_combo.setCurrentIndex((self.report_combo.currentIndex() + delta) % count)
        return self.report_id

    def _on_report_combo_changed(self, _row: int) -> None:
        self._show_pair()
        self._on_selection_changed()

    def _show_pair(self) -> None:
        index, report = self._index, self.report_id
        if index is None or report is None:
            self.left.show_document(index.comparison.reference if index else None, {})
            self.right.show_document(None, {})
            self._navigator, self._partner = PairNavigator([]), {}
            self.left_pick = self.right_pick = None  # nothing shown: nothing to review
            self.linkmap.set_bands([])
            return
        left_marks, right_marks = index.pair_marks(report)
        reviewed = index.reviewed() | self._extra_reviewed
        left_scroll = self.left.verticalScrollBar().value()
        self.left.show_document(index.comparison.reference, left_marks, reviewed)
        self.right.show_document(index.comparison.document(report), right_marks, reviewed)
        self._navigator = PairNavigator(lambda: pair_items(index, report))
        self._partner = {}
        for link in index.pair_links(report):
            self._partner.setdefault(link.reference, link.other)
            self._partner.setdefault(link.other, link.reference)
        self.left.verticalScrollBar().setValue(left_scroll)
        if self.left_pick not in self.left.statement_ids():
            self.left_pick = None
        if self.right_pick not in self.right.statement_ids():
            self.right_pick = None
        self._refresh_marks()

    # -- picks and selection -------------------------------------------------------------------
    def current_link(self) -> Link | None:
        """The link between the two picked statements, if they are linked."""
        if self._index is None or not self.left_pick or not self.right_pick:
            return None
        return self._index.link(self.left_pick, self.right_pick)

    def _on_left_clicked(self, sid: str) -> None:
        self.left_pick = sid
        if sid in self._partner:
            self.right_pick = self._partner[sid]
        self._announce(sid)

    def _on_right_clicked(self, sid: str) -> None:
        self.right_pick = sid
        if sid in self._partner:
            self.left_pick = self._partner[sid]
        self._announce(sid)

    def pick(self, pane: StatementPane, sid: str) -> None:
        """Pick a statement of ``pane`` as a click would, and bring it into view."""
        (self._on_left_clicked if pane is self.left else self._on_right_clicked)(sid)
        pane.scroll_to_statement(sid)

    def pick_pair(self, left: str, right: str) -> None:
        """Pick a statement on each side, linked or not, and bring both into view."""
        self.left_pick, self.right_pick = left, right
        self.left.scroll_to_statement(left)
        self.right.scroll_to_statement(right)
        self._announce(left)

    def step_statement(self, pane: StatementPane, delta: int) -> str | None:
        """Pick the statement after (1) or before (-1) the one picked in ``pane``."""
        ids = pane.statement_ids()
        if not ids or self._index is None:
            return None
        current = self.left_pick if pane is self.left else self.right_pick
        if current in ids:
            n = max(0, min(len(ids) - 1, ids.index(current) + delta))
        else:
            n = 0 if delta > 0 else len(ids) - 1
        self.pick(pane, ids[n])
        return ids[n]

    def _announce(self, sid: str) -> None:
        claim = self._index.claim_of(sid) if self._index else None
        self._selection.select(sid, claim.id if claim else None, origin=self)

    def _on_selection_changed(self) -> None:
        sel, index = self._selection, self._index
        if index is None:
            return
        if sel.origin is not self and sel.statement:
            self._pick_from(sel.statement)
        self._refresh_marks()
        self.picks_changed.emit()

    def _pick_from(self, sid: str) -> None:
        """Picks for a selection made elsewhere: switch report when the statement needs it."""
        assert self._index is not None
        doc = document_of(sid)
        ref = self._index.comparison.reference.id
        if doc != ref and doc != self.report_id:
            self.show_report(doc)  # re-enters through the combo and picks again
        claim = self._index.claim_of(sid)
        in_report = [
            s for s in (claim.statements if claim else ()) if document_of(s) == self.report_id
        ]
        if doc == ref:
            self.left_pick = sid
            self.right_pick = self._partner.get(sid, in_report[0] if in_report else None)
        else:
            self.right_pick = sid
            self.left_pick = self._partner.get(sid)
        for pane, pick in ((self.left, self.left_pick), (self.right, self.right_pick)):
            if pick:
                if pane.text_range(pick) is None:  # a long document still being laid out
                    self._scroll_when_filled[pane] = pick
                pane.scroll_to_statement(pick)

    def _on_filled(self, pane: StatementPane) -> None:
        """A long document is laid out in full: highlights, bands and a pending scroll."""
        if self._index is None:
            return
        self._refresh_marks()
        pick = self._scroll_when_filled.pop(pane, None)
        if pick is not None and pick in (self.left_pick, self.right_pick):
            pane.scroll_to_statement(pick)

    def _refresh_marks(self) -> None:
        link = self.current_link()
        left_spans, right_spans = [], []
        for finding in link.findings if link else ():
            if finding.reference_span:
                left_spans.append(finding.reference_span)
            if finding.other_span:
                right_spans.append(finding.other_span)
        picks = [p for p in (self.left_pick,) if p]
        self.left.highlight(picks, {self.left_pick: left_spans} if link and self.left_pick else {})
        picks = [p for p in (self.right_pick,) if p]
        self.right.highlight(
            picks, {self.right_pick: right_spans} if link and self.right_pick else {}
        )
        bands = []
        if self._index is not None and self.report_id:
            for lk in self._index.pair_links(self.report_id):
                chosen = (lk.reference, lk.other) == (self.left_pick, self.right_pick)
                bands.append(Band(lk.reference, lk.other, Mark.of(lk.verdict), chosen))
        self.linkmap.set_bands(bands)

    # -- navigation ----------------------------------------------------------------------------
    def step(self, kinds: frozenset[Mark], *, forward: bool = True) -> NavItem | None:
        """Go to the next (or previous) stop of ``kinds``; returns it, None when there is none."""
        current = self._selection.statement
        item = self._navigator.step(current, kinds, forward=forward)
        if item is not None:
            self.left_pick, self.right_pick = item.left, item.right
            for pane, pick in ((self.left, item.left), (self.right, item.right)):
                if pick:
                    pane.scroll_to_statement(pick)
            self._announce(item.statement)
        return item

    def count(self, kinds: frozenset[Mark]) -> int:
        """How many stops of ``kinds`` the shown pair has."""
        return self._navigator.count(kinds)

    def partner(self, sid: str) -> str | None:
        """The statement of the other pane linked with ``sid`` (the first, when several are)."""
        return self._partner.get(sid)

    def set_find_text(self, text: str) -> None:
        """Highlight every place ``text`` occurs in the two texts (none when empty)."""
        self.left.set_find_text(text)
        self.right.set_find_text(text)
        self._refresh_marks()

    # -- scrolling in step ---------------------------------------------------------------------
    def _sync(self, from_left: bool) -> None:
        if self._syncing or not self._partner:
            return
        source, target = (self.left, self.right) if from_left else (self.right, self.left)
        middle = source.viewport().height() // 2
        anchor = self._nearest_linked(source, source.statement_at_point(QPoint(20, middle)))
        if anchor is None:
            return
        s_span = source.vertical_span(anchor)
        t_span = target.vertical_span(self._partner[anchor])
        if s_span is None or t_span is None:
            return
        s_height = max(1, s_span[1] - s_span[0])
        fraction = min(1.0, max(0.0, (middle - s_span[0]) / s_height))
        target_y = t_span[0] + fraction * (t_span[1] - t_span[0])
        self._syncing = True
        try:
            bar = target.verticalScrollBar()
            bar.setValue(bar.value() + round(target_y - middle))
        finally:
            self._syncing = False

    def _nearest_linked(self, pane: StatementPane, sid: str | None) -> str | None:
        ids = pane.statement_ids()
        if sid is None or sid not in ids:
            return None
        here = ids.index(sid)
        for distance in range(len(ids)):
            for n in (here - distance, here + distance):
                if 0 <= n < len(ids) and ids[n] in self._partner:
                    return ids[n]
        return None
