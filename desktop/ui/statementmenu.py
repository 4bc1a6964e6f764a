"""The right-click menu of a statement: Copy and the review actions, Link with… a statement."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from desktop.ui.marks import Mark
from desktop.ui.review import ReviewActions
from desktop.ui.sidebyside import SideBySideView
from desktop.ui.statementpane import StatementPane

ITEM_CHARS = 90  # a statement in the Link with… list: its start, enough to know it again

# (parent, question, items, preselected row) -> the chosen row, or None when cancelled
ChooseRow = Callable[[QWidget, str, list[str], int], int | None]


def ask_row(parent: QWidget, question: str, items: list[str], current: int) -> int | None:
    """A modal list to choose from; the row chosen, or None."""
    text, ok = QInputDialog.getItem(parent, "Link with…", question, items, current, False)
    return items.index(text) if ok and text in items else None


class StatementMenu(QObject):
    """Gives both statement panes a context menu that picks the statement under the mouse."""

    def __init__(self, review: ReviewActions, view: SideBySideView, parent: QWidget) -> None:
        super().__init__(parent)
        self._review, self._view, self._parent = review, view, parent
        self.choose: ChooseRow = ask_row  # tests swap it
        self.show_menu: Callable[[QMenu, QPoint], object] = lambda menu, at: menu.exec(at)
        for pane in (view.left, view.right):
            pane.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            pane.customContextMenuRequested.connect(partial(self._on_pane_menu_requested, pane))

    def _on_pane_menu_requested(self, pane: StatementPane, point: QPoint) -> None:
        menu = self.menu_for(pane, point)
        self.show_menu(menu, pane.viewport().mapToGlobal(point))
        menu.deleteLater()

    def menu_for(self, pane: StatementPane, point: QPoint) -> QMenu:
        """The menu for a right click at ``point`` (viewport coordinates); picks the statement."""
        sid = pane.statement_at_point(point) if pane.statement_ids() else None
        if sid is not None:
            self._view.pick(pane, sid)
        menu = QMenu(pane)
        copy = menu.addAction("&Copy", pane.copy)
        copy.setShortcut(QKeySequence(QKeySequence.StandardKey.Copy))
        copy.setEnabled(pane.textCursor().hasSelection())
        menu.addSeparator()
        self._review.fill_menu(menu)
        link_with = QAction("Link &with…", menu)
        link_with.setToolTip("Link this statement with a statement of the other text")
        link_with.setEnabled(sid is not None and bool(self._other(pane).statement_ids()))
        if sid is not None:
            link_with.triggered.connect(lambda _c=False: self.link_with(pane, sid))
        menu.insertAction(self._review.note, link_with)
        return menu

    def _other(self, pane: StatementPane) -> StatementPane:
        return self._view.right if pane is self._view.left else self._view.left

    def link_with(self, pane: StatementPane, sid: str) -> None:
        """Ask for a statement of the other pane and link ``sid`` with it."""
        index = self._view.index
        other = self._other(pane)
        ids = other.statement_ids()
        if index is None or not ids:
            return
        marks = other.marks()
        items = []
        for n, oid in enumerate(ids, 1):
            st = index.statement(oid)
            text = st.text if st else oid
            if len(text) > ITEM_CHARS:
                text = text[: ITEM_CHARS - 1].rstrip() + "…"
            glyph = marks.get(oid, Mark.NONE).glyph
            items.append(f"{glyph} {n}. {text}".strip())
        picked = self._view.right_pick if other is self._view.right else self._view.left_pick
        current = ids.index(picked) if picked in ids else 0
        quote = index.statement(sid)
        words = quote.text if quote else sid
        words = words if len(words) <= 60 else words[:59].rstrip() + "…"
        row = self.choose(self._parent, f"Link “{words}” with:", items, current)
        if row is None:
            return
        left, right = (sid, ids[row]) if pane is self._view.left else (ids[row], sid)
        self._view.pick_pair(left, right)
        if index.link(left, right) is None:
            self._review.link_pair(left, right)
