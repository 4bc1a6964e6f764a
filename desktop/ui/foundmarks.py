"""The find text's occurrences in one statement pane, as highlights (a bounded number)."""

from __future__ import annotations

import bisect
from collections.abc import Callable

from PySide6.QtGui import QColor, QPalette, QTextCharFormat
from PySide6.QtWidgets import QTextEdit

from desktop.ui.find import occurrences

MAX_SHOWN = 1000  # highlights at once: Qt takes ~0.2 ms each to set; the count covers them all

MakeSelection = Callable[[tuple[int, int], QTextCharFormat], QTextEdit.ExtraSelection]


class FoundMarks:
    """Finds the words in the pane's text once per layout and highlights them near a place."""

    def __init__(self, pane: QTextEdit) -> None:
        self._pane = pane
        self.text = ""
        self._key: tuple[str, int, int] | None = None
        self._ranges: list[tuple[int, int]] = []
        self._starts: list[int] = []
        self._shown: tuple[object, list[QTextEdit.ExtraSelection]] = (None, [])

    def ranges(self, generation: int, laid_out: int) -> list[tuple[int, int]]:
        """Every occurrence in the text laid out so far (the layout's generation and size)."""
        key = (self.text, generation, laid_out)
        if key != self._key:
            plain = self._pane.document().toPlainText() if self.text else ""
            self._ranges = occurrences(self.text, plain)  # one position per character
            self._starts = [a for a, _ in self._ranges]
            self._key, self._shown = key, (None, [])
        return self._ranges

    def selections(
        self, generation: int, laid_out: int, around: int, make: MakeSelection
    ) -> list[QTextEdit.ExtraSelection]:
        """Highlights for the occurrences, at most MAX_SHOWN of them centred on ``around``."""
        ranges = self.ranges(generation, laid_out)
        first = 0
        if len(ranges) > MAX_SHOWN:
            here = bisect.bisect_left(self._starts, around)
            first = max(0, min(len(ranges) - MAX_SHOWN, here - MAX_SHOWN // 2))
        if self._shown[0] != (self._key, first):
            fmt = QTextCharFormat()
            colour = QColor(self._pane.palette().color(QPalette.ColorRole.Highlight))
            colour.setAlpha(110)  # the verdict's tint still shows through
            fmt.setBackground(colour)
            fmt.setFontUnderline(True)
            shown = [make(r, fmt) for r in ranges[first : first + MAX_SHOWN]]
            self._shown = ((self._key, first), shown)
        return self._shown[1]
