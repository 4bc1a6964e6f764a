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


class LinkMap(QWidget):
    """Paints bands between a left and a right StatementPane, following their scrolling."""

    WIDTH = 64

    def __init__(self, left: StatementPane, right: StatementPane,
                 parent: QWidget | None = None) -> None:
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

    def band_path(self, band: Band) -> QPainterPath | None:
        """The outline of one band in this widget's coordinates, or None when not laid out."""
        left = self._left.vertical_span(band.left)
        right = self._right.vertical_span(band.right)
        if left is None or right is None:
            return None
        (lt, lb), (rt, rb) = self._to_local(self._left, left), self._to_local(self._right, right)
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
        for band in sorted(self._bands, key=lambda b: b.selected):
            path = self.band_path(band)
            if path is None or not path.boundingRect().intersects(visible.toRectF()):
                continue
            colour = hue(band.mark)
            fill = QColor(colour)
            fill.setAlpha(190 if band.selected else quiet)
            painter.setBrush(fill)
            painter.setPen(QPen(colour.darker(150 if band.selected else 120),
                                2.5 if band.selected else 1.0))
            painter.drawPath(path)
        painter.end()
