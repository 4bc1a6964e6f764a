"""View ▸ Zoom in / out / Actual size (Ctrl+= / Ctrl+- / Ctrl+0) for the two texts and the claim
matrix; the level is remembered through ``desktop/ui/settings.py``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QFont, QKeySequence

from desktop.ui.settings import ZOOM_MAX, ZOOM_MIN, Settings

if TYPE_CHECKING:
    from desktop.ui.mainwindow import MainWindow


class Zoom(QObject):
    """The text size of the reading views, in point steps from the window's own font."""

    def __init__(self, window: MainWindow, settings: Settings) -> None:
        super().__init__(window)
        self._window, self._settings = window, settings
        self._base = QFont(window.side_by_side.left.font())
        self.level = 0
        self.zoom_in = self._action("Zoom &in", ("Ctrl+=", QKeySequence.StandardKey.ZoomIn), 1)
        self.zoom_out = self._action("Zoom &out", ("Ctrl+-", QKeySequence.StandardKey.ZoomOut), -1)
        self.reset = self._action("&Actual size", ("Ctrl+0",), None)
        menu = window.view_menu
        menu.addSeparator()
        for action in (self.zoom_in, self.zoom_out, self.reset):
            menu.addAction(action)
        self.set_level(settings.zoom(), remember=False)

    def _action(
        self, text: str, keys: tuple[str | QKeySequence.StandardKey, ...], step: int | None
    ) -> QAction:
        action = QAction(text, self._window)
        shortcuts: list[QKeySequence] = []
        for key in keys:
            for sequence in (
                QKeySequence.keyBindings(key) if not isinstance(key, str) else [QKeySequence(key)]
            ):
                if sequence not in shortcuts:
                    shortcuts.append(sequence)
        action.setShortcuts(shortcuts)
        action.setStatusTip("The size of the text in the side-by-side view and the claim matrix")
        action.triggered.connect(
            lambda _c=False: self.set_level(0 if step is None else self.level + step)
        )
        self._window.addAction(action)
        return action

    def set_level(self, level: int, *, remember: bool = True) -> None:
        """Show the texts ``level`` points larger (negative: smaller) than the window's font."""
        level = max(ZOOM_MIN, min(ZOOM_MAX, level))
        self.zoom_in.setEnabled(level < ZOOM_MAX)
        self.zoom_out.setEnabled(level > ZOOM_MIN)
        if remember:
            self._settings.set_zoom(level)
        if level == self.level and remember:
            return
        self.level = level
        font = QFont(self._base)
        font.setPointSizeF(self._base.pointSizeF() + level)
        self._window.side_by_side.set_text_font(font)
        self._window.matrix.set_table_font(font)
