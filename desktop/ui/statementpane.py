"""One document as wrapped prose, each statement tinted by its mark and led by its glyph."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from desktop.core.model import Document, Span, StatementRole
from desktop.ui.foundmarks import FoundMarks
from desktop.ui.marks import REVIEWED_GLYPH, Mark, glyph_colour, marker_colours, tint

_HEADING_ROLES = (StatementRole.HEADLINE, StatementRole.HEADING)
FILL_AT_ONCE = 800  # statements laid out per event-loop turn (10-40 ms with their layout)
FILL_PAUSE_MS = 5  # between two turns of laying out: input and timers go first


class StatementPane(QTextEdit):
    """Read-only prose; knows where each statement sits and which one was clicked."""

    statement_clicked = Signal(str)
    step_requested = Signal(int)  # Up (-1) or Down (1): the statement before or after the pick
    details_requested = Signal()  # Enter: show the picked statement's details
    filled = Signal()  # a long document, laid out over several turns, is complete

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAcceptDrops(False)  # dropped files go to the window, not into the text
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setAccessibleName(name)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.document().setDocumentMargin(10)
        self._ids: list[str] = []
        self._starts: list[int] = []
        self._ranges: dict[str, tuple[int, int]] = {}
        self._marks: dict[str, Mark] = {}
        self._all_ids: list[str] = []
        self._fill_generation = 0
        self._press: QPoint | None = None
        self.source: Document | None = None
        self._found = FoundMarks(self)

    # -- content ---------------------------------------------------------------------------
    def show_document(
        self, doc: Document | None, marks: Mapping[str, Mark], reviewed: Iterable[str] = ()
    ) -> None:
        """Lay out ``doc``'s statements paragraph by paragraph, marked and tinted.

        A long document is laid out FILL_AT_ONCE statements per event-loop turn so the window
        stays responsive; ``filled`` is emitted when its last statement is in place (a short
        one is complete on return). Until then the statements not yet laid out have no
        geometry.
        """
        self._fill_generation += 1
        self.source, self._marks = doc, dict(marks)
        self._ids, self._starts, self._ranges = [], [], {}
        self._all_ids = [s.id for s in doc.statements] if doc is not None else []
        text = QTextDocument(self)
        text.setUndoRedoEnabled(False)  # read-only: no undo history for thousands of inserts
        text.setDefaultFont(self.font())
        text.setDocumentMargin(10)
        filler = _Filler(self, doc, set(reviewed), QTextCursor(text)) if doc is not None else None
        if filler is not None:
            filler.fill(FILL_AT_ONCE)
        self.setDocument(text)
        self.setExtraSelections([])
        if filler is not None and not filler.done:
            generation = self._fill_generation
            QTimer.singleShot(FILL_PAUSE_MS, lambda: self._fill_more(filler, generation))

    def _fill_more(self, filler: _Filler, generation: int) -> None:
        if generation != self._fill_generation:
            return  # another document was shown meanwhile
        filler.cursor.beginEditBlock()  # one layout update for the whole batch
        filler.fill(FILL_AT_ONCE)
        filler.cursor.endEditBlock()
        if filler.done:
            self.filled.emit()
        else:
            QTimer.singleShot(FILL_PAUSE_MS, lambda: self._fill_more(filler, generation))

    def is_filled(self) -> bool:
        """Whether every statement of the document is laid out."""
        return len(self._ids) == len(self._all_ids)

    def _placed(self, statement_id: str, lead: int, start: int, end: int) -> None:
        self._ids.append(statement_id)
        self._starts.append(lead)
        self._ranges[statement_id] = (start, end)

    def _text_format(self, mark: Mark, heading: bool, palette: QPalette) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setBackground(tint(mark, palette))
        if heading:
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setFontPointSize(self.font().pointSizeF() * 1.2)
        return fmt

    @staticmethod
    def _glyph(mark: Mark, reviewed: bool, palette: QPalette) -> tuple[str, QTextCharFormat] | None:
        """The glyph that leads a statement and its format, or None for no glyph."""
        glyph = mark.glyph + (REVIEWED_GLYPH if reviewed else "")
        if not glyph:
            return None
        fmt = QTextCharFormat()
        fmt.setForeground(glyph_colour(mark, palette))
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setToolTip(mark.word + (", reviewed" if reviewed else ""))
        return glyph + "\u00a0", fmt

    # -- geometry --------------------------------------------------------------------------
    def marks(self) -> dict[str, Mark]:
        """The mark of each statement shown."""
        return dict(self._marks)

    def statement_ids(self) -> list[str]:
        """The statements of the document shown, in order (laid out or about to be)."""
        return list(self._all_ids)

    def statement_at(self, position: int) -> str | None:
        """The statement under a text position (a glyph belongs to the statement it leads)."""
        n = bisect.bisect_right(self._starts, position) - 1
        return self._ids[n] if n >= 0 else None

    def statement_at_point(self, point: QPoint) -> str | None:
        """The statement under a point of the viewport."""
        return self.statement_at(self.cursorForPosition(point).position())

    def vertical_span(self, statement_id: str) -> tuple[int, int] | None:
        """Top and bottom of a statement in viewport coordinates."""
        where = self._ranges.get(statement_id)
        if where is None:
            return None
        cursor = QTextCursor(self.document())
        cursor.setPosition(where[0])
        top = self.cursorRect(cursor).top()
        cursor.setPosition(where[1])
        return top, self.cursorRect(cursor).bottom()

    def text_range(self, statement_id: str) -> tuple[int, int] | None:
        """First and last text position of a statement in the pane, or None."""
        return self._ranges.get(statement_id)

    def visible_text_range(self) -> tuple[int, int]:
        """The text positions at the top left and the bottom right of the viewport."""
        viewport = self.viewport()
        top = self.cursorForPosition(QPoint(0, 0)).position()
        bottom = self.cursorForPosition(QPoint(viewport.width(), viewport.height())).position()
        return top, bottom

    def scroll_to_statement(self, statement_id: str) -> None:
        """Bring a statement into view (about a third of the way down) unless it is visible."""
        span = self.vertical_span(statement_id)
        if span is None:
            return
        height = self.viewport().height()
        if span[0] >= 0 and span[1] <= height:
            return
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + span[0] - height // 3)

    # -- highlights ------------------------------------------------------------------------
    def set_find_text(self, text: str) -> None:
        """Words to highlight wherever they occur (from the next ``highlight``); "" for none."""
        self._found.text = text

    def found_ranges(self) -> list[tuple[int, int]]:
        """Text positions of every occurrence of the find text in the laid-out statements."""
        return self._found.ranges(self._fill_generation, len(self._ids))

    def highlight(self, selected: Iterable[str], spans: Mapping[str, Iterable[Span]]) -> None:
        """Frame the selected statements and mark the differing words of the selected pair
        (and every occurrence of the find text)."""
        extras = []
        for sid in selected:
            if sid in self._ranges:
                fmt = self._selected_format(self._marks.get(sid, Mark.NONE))
                extras.append(self._selection(self._ranges[sid], fmt))
        # Over the frame, under the differing words; near the pick when there are very many.
        picked = [self._ranges[sid][0] for sid in selected if sid in self._ranges]
        around = picked[0] if picked else self.visible_text_range()[0]
        extras.extend(
            self._found.selections(self._fill_generation, len(self._ids), around, self._selection)
        )
        for sid, sid_spans in spans.items():
            start = self._ranges.get(sid, (None, None))[0]
            if start is None:
                continue
            for a, b in sid_spans:
                extras.append(self._selection((start + a, start + b), self._span_format()))
        self.setExtraSelections(extras)

    def _selection(self, where: tuple[int, int], fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(where[0])
        cursor.setPosition(where[1], QTextCursor.MoveMode.KeepAnchor)
        sel.cursor, sel.format = cursor, fmt
        return sel

    def _selected_format(self, mark: Mark) -> QTextCharFormat:
        # A stronger tint of the same verdict: selection never hides what the verdict is.
        fmt = QTextCharFormat()
        fmt.setBackground(tint(mark, self.palette(), 0.55))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(self.palette().color(QPalette.ColorRole.Highlight))
        return fmt

    def _span_format(self) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setFontUnderline(True)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setFontWeight(QFont.Weight.Bold)
        back, fore = marker_colours(self.palette())
        fmt.setBackground(back)
        fmt.setForeground(fore)
        return fmt

    # -- keys and clicks -----------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Up and Down move between statements (not lines); Shift keeps selecting text.
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        key = event.key()
        if plain and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.step_requested.emit(-1 if key == Qt.Key.Key_Up else 1)
        elif plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.details_requested.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        press, self._press = self._press, None
        if press is None or (event.position().toPoint() - press).manhattanLength() > 4:
            return  # a drag selects text to copy; only a click selects a statement
        sid = self.statement_at_point(event.position().toPoint())
        if sid is not None:
            self.statement_clicked.emit(sid)


class _Filler:
    """Lays out a document's statements into a text cursor, a batch at a time."""

    def __init__(
        self, pane: StatementPane, doc: Document, reviewed: set[str], cursor: QTextCursor
    ) -> None:
        self.pane, self.reviewed = pane, reviewed
        self.cursor = cursor  # stays at the end: moving a cursor there would lay out the text
        self.palette = pane.palette()
        self.statements = doc.statements
        self.bounds = [p.start for p in doc.paragraphs] or [0]
        self.next = 0
        self.paragraph: int | None = None
        # One format per kind of run, made once: a long report has thousands of statements.
        self.plain = QTextCharFormat()
        self.text_formats: dict[tuple[Mark, bool], QTextCharFormat] = {}
        self.glyph_formats: dict[tuple[Mark, bool], tuple[str, QTextCharFormat] | None] = {}

    @property
    def done(self) -> bool:
        """Whether every statement is laid out."""
        return self.next >= len(self.statements)

    def fill(self, count: int) -> None:
        """Lay out the next ``count`` statements at the end of the document."""
        pane, marks, cursor = self.pane, self.pane._marks, self.cursor
        for st in self.statements[self.next : self.next + count]:
            here = bisect.bisect_right(self.bounds, st.start) - 1
            space = ""  # between two statements of a paragraph
            if self.paragraph is not None and here != self.paragraph:
                cursor.insertBlock()
            elif self.paragraph is not None:
                space = " "
            self.paragraph = here
            mark = marks.get(st.id, Mark.NONE)
            lead = cursor.position() + len(space)
            key = (mark, st.id in self.reviewed)
            if key not in self.glyph_formats:
                self.glyph_formats[key] = pane._glyph(mark, key[1], self.palette)
            glyph = self.glyph_formats[key]
            if glyph is not None:  # the space takes the glyph's format: it has no background
                cursor.insertText(space + glyph[0], glyph[1])
            elif space:
                cursor.insertText(space, self.plain)
            heading = st.role in _HEADING_ROLES
            fmt = self.text_formats.get((mark, heading))
            if fmt is None:
                fmt = self.text_formats[(mark, heading)] = pane._text_format(
                    mark, heading, self.palette
                )
            start = cursor.position()
            cursor.insertText(st.text, fmt)
            pane._placed(st.id, lead, start, cursor.position())
        self.next += count
