"""The strip between the two panes: a curved band joins each pair of aligned statements."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, QSize
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.ui.marks import Mark, hue
from desktop.ui.statementpane import StatementPane


@dataclass(frozen=True)
class Band:
    """One drawn link: the statements it joins and how it is coloured."""

    left: str
    right: str
    mark: Mark
    selected: bool = False


OFF_VIEW = 24.0  # pixels past the edge where a band to a statement out of view ends


class LinkMap(QWidget):
    """Paints bands between a left and a right StatementPane, following their scrolling."""

    WIDTH = 64

    def __init__(
        self, left: StatementPane, right: StatementPane, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._left, self._right = left, right
        self._bands: list[Band] = []
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Links between the reference and the report")
        for pane in (left, right):
            pane.verticalScrollBar().valueChanged.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(self.WIDTH, 200)

    def set_bands(self, bands: list[Band]) -> None:
        """Replace the drawn links."""
        self._bands = bands
        self.update()

    @property
    def bands(self) -> list[Band]:
        """The links drawn now."""
        return list(self._bands)

    def _to_local(self, pane: StatementPane, span: tuple[int, int]) -> tuple[float, float]:
        origin = self.mapFromGlobal(pane.viewport().mapToGlobal(QPoint(0, 0))).y()
        return origin + span[0], origin + span[1]

    def drawn(self) -> list[tuple[Band, QPainterPath]]:
        """The bands to paint now, with their outlines, the selected one last.

        A band with both ends above the panes' views, or both below, is left out. An end out of
        view is drawn to just past the edge, so bands from one statement to many statements out
        of view (a report repeating a line hundreds of times) are drawn once. Decided from text
        positions: a report with 10,000 links costs a few comparisons per link, not a layout.
        """
        left_view, right_view = self._left.visible_text_range(), self._right.visible_text_range()
        seen: set[tuple[object, ...]] = set()
        out = []
        for band in sorted(self._bands, key=lambda b: b.selected):
            left = self._left.text_range(band.left)
            right = self._right.text_range(band.right)
            if left is None or right is None:
                continue
            left_side, right_side = _side(left, left_view), _side(right, right_view)
            if left_side == right_side != 0:
                continue
            key = (
                band.left if left_side == 0 else left_side,
                band.right if right_side == 0 else right_side,
                band.mark,
                band.selected,
            )
            if key in seen:
                continue
            seen.add(key)
            left_end = self._end(self._left, band.left, left_side)
            right_end = self._end(self._right, band.right, right_side)
            if left_end is not None and right_end is not None:
                out.append((band, self._outline(left_end, right_end)))
        return out

    def _end(self, pane: StatementPane, statement_id: str, side: int) -> tuple[float, float] | None:
        """Top and bottom of a band's end in this widget; just past an edge when out of view."""
        if side < 0:
            return -OFF_VIEW, -OFF_VIEW / 2
        if side > 0:
            return self.height() + OFF_VIEW / 2, self.height() + OFF_VIEW
        span = pane.vertical_span(statement_id)
        return None if span is None else self._to_local(pane, span)

    def _outline(self, left: tuple[float, float], right: tuple[float, float]) -> QPainterPath:
        (lt, lb), (rt, rb) = left, right
        w = float(self.width())
        mid = w / 2
        path = QPainterPath(QPointF(0, lt))
        path.cubicTo(QPointF(mid, lt), QPointF(mid, rt), QPointF(w, rt))
        path.lineTo(QPointF(w, rb))
        path.cubicTo(QPointF(mid, rb), QPointF(mid, lb), QPointF(0, lb))
        path.closeSubpath()
        return path

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Window))
        visible = self.rect().adjusted(0, -4, 0, 4)
        # With a pair picked, the other bands step back so the picked one reads at a glance.
        quiet = 50 if any(b.selected for b in self._bands) else 70
        for band, path in self.drawn():
            if not path.boundingRect().intersects(visible.toRectF()):
                continue
            colour = hue(band.mark)
            fill = QColor(colour)
            fill.setAlpha(190 if band.selected else quiet)
            painter.setBrush(fill)
            painter.setPen(
                QPen(colour.darker(150 if band.selected else 120), 2.5 if band.selected else 1.0)
            )
            painter.drawPath(path)
        painter.end()


def _side(span: tuple[int, int], view: tuple[int, int]) -> int:
    """-1 when the text span ends above the viewport, 1 when it starts below it, else 0."""
    if span[1] < view[0]:
        return -1
    return 1 if span[0] > view[1] else 0
