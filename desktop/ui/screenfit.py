"""Keeping the window on its screen: a first size that fits the available area (at any
scaling), and a saved layout from a larger screen brought back inside it."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FIRST_SIZE = QSize(1400, 900)  # what a first run asks for, where the screen has the room
# What the window manager adds around the client area (title bar, borders) before it is known.
FRAME_ALLOWANCE = QSize(16, 48)


def available_area(window: QWidget) -> QRect:
    """The part of the window's screen not taken by panels and docks."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def first_size(area: QRect) -> QSize:
    """The first run's window size: FIRST_SIZE, or as much of ``area`` as there is."""
    room = QSize(area.width() - FRAME_ALLOWANCE.width(), area.height() - FRAME_ALLOWANCE.height())
    return FIRST_SIZE.boundedTo(room)


def fit_rect(frame: QRect, area: QRect) -> QRect:
    """``frame`` shrunk to ``area``'s size where larger, then moved inside it."""
    size = frame.size().boundedTo(area.size())
    x = min(max(frame.x(), area.x()), area.x() + area.width() - size.width())
    y = min(max(frame.y(), area.y()), area.y() + area.height() - size.height())
    return QRect(x, y, size.width(), size.height())


def fit_window(window: QWidget) -> None:
    """Move and shrink ``window`` (before it is shown) so that its frame, decorations
    allowed for, lies inside its screen's available area."""
    area, frame = available_area(window), window.frameGeometry()
    if frame.size() == window.geometry().size():  # not shown yet: the frame is unknown
        frame.setSize(frame.size() + FRAME_ALLOWANCE)
    if area.contains(frame):
        return
    fitted = fit_rect(frame, area)
    extra = frame.size() - window.geometry().size()
    window.resize(fitted.size() - extra)
    window.move(fitted.topLeft())


def dock_widths(width: int) -> tuple[int, int]:
    """First-run widths of the Documents and Details docks for a window ``width`` wide: the
    text panes between them keep the larger share on a small screen."""
    return max(220, min(320, width // 6)), max(240, min(380, width // 5))
