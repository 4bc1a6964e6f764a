"""Review that can be taken back: every review action is a command on an undo stack.

A command keeps the reviewer's decisions from before and after the action, so undo and redo
put back exactly the decisions (in their order) that a session stores: undoing to the state
that was saved makes the window unmodified again, as the stack becomes clean.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from desktop.core.model import Decision
from desktop.workers.workspace import Workspace

if TYPE_CHECKING:
    from desktop.ui.sessionflow import SessionFlow

UNDO_KEYS = ("Ctrl+Z",)
REDO_KEYS = ("Ctrl+Shift+Z", "Ctrl+Y")


class DecisionsCommand(QUndoCommand):
    """One review action: done once by ``act``, then undone and redone by swapping decisions."""

    def __init__(self, workspace: Workspace, text: str, act: Callable[[], None]) -> None:
        super().__init__(text)
        self._workspace, self._act = workspace, act
        self._before: tuple[Decision, ...] = workspace.decisions
        self._after: tuple[Decision, ...] | None = None

    def redo(self) -> None:
        if self._after is None:  # the first time: the action itself (a fast path when it can)
            self._act()
            self._after = self._workspace.decisions
            self.setObsolete(self._after == self._before)  # nothing changed: nothing to undo
        else:
            self._workspace.set_decisions(self._after)

    def undo(self) -> None:
        self._workspace.set_decisions(self._before)


class ReviewHistory(QObject):
    """The undo stack of one window's review, with its Undo and Redo actions."""

    def __init__(self, workspace: Workspace, parent: QWidget) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.stack = QUndoStack(self)
        self.undo_action = self._action(self.stack.createUndoAction(parent, "&Undo"), UNDO_KEYS)
        self.redo_action = self._action(self.stack.createRedoAction(parent, "&Redo"), REDO_KEYS)
        self.undo_action.setStatusTip("Take back the last review action")
        self.redo_action.setStatusTip("Do again the review action last taken back")
        workspace.entries_changed.connect(self._on_workspace_entries_changed)

    @staticmethod
    def _action(action: QAction, keys: tuple[str, ...]) -> QAction:
        action.setShortcuts([QKeySequence(k) for k in keys])
        parent = action.parent()
        if isinstance(parent, QWidget):
            parent.addAction(action)  # the keys work even when the menu bar is hidden
        return action

    def record(self, text: str, act: Callable[[], None]) -> None:
        """Do ``act`` (a change to the decisions) as an action that can be undone."""
        self.stack.push(DecisionsCommand(self._workspace, text, act))

    def mark_saved(self) -> None:
        """The decisions as they are now are in the session file."""
        self.stack.setClean()

    def forget(self) -> None:
        """Another session or no session: the earlier actions no longer apply."""
        self.stack.clear()

    def _on_workspace_entries_changed(self) -> None:
        if self._workspace.is_empty():
            self.forget()

    def install(self, window: QMainWindow, sessions: SessionFlow) -> None:
        """Put Undo and Redo at the top of the Edit menu; follow the window's sessions."""
        edit = menu_named(window, "&Edit")
        if edit is not None:
            if edit.actions():
                first = edit.actions()[0]
                edit.insertActions(first, [self.undo_action, self.redo_action])
                edit.insertSeparator(first)
            else:
                edit.addActions([self.undo_action, self.redo_action])
        sessions.saved.connect(lambda _path: self.mark_saved())
        sessions.restored.connect(self.forget)


def menu_named(window: QMainWindow, text: str) -> QMenu | None:
    """The menu of the window's menu bar with that text (with its & mark), or None."""
    menus = (a.menu() for a in window.menuBar().actions() if a.text() == text)
    return next((m for m in menus if isinstance(m, QMenu)), None)
