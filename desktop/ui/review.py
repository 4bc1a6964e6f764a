"""Review actions on the picked pair: confirm, change verdict, unlink, link by hand, note."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from desktop.core.glyphs import AGREE
from desktop.core.model import Action, Decision, Verdict
from desktop.ui.marks import Mark
from desktop.ui.notedialog import ask_note
from desktop.ui.sidebyside import SideBySideView
from desktop.ui.undo import ReviewHistory
from desktop.workers.workspace import Workspace

_VERDICTS = (Verdict.AGREE, Verdict.PARTIAL, Verdict.CONFLICT)


class ReviewActions(QObject):
    """The Review menu; every action becomes a Decision kept in the workspace, and can be undone."""

    def __init__(self, workspace: Workspace, view: SideBySideView, parent: QWidget) -> None:
        super().__init__(parent)
        self._workspace, self._view, self._parent = workspace, view, parent
        self.history = ReviewHistory(workspace, parent)
        self.ask_note: Callable[[QWidget, str], str | None] = ask_note  # tests swap it
        self.confirm = self._make(
            "&Confirm verdict",
            "Ctrl+Return",
            self._on_confirm,
            "The verdict of the selected link is right",
        )
        self.verdict_menu = QMenu("Change &verdict to", parent)
        self.set_verdict = {
            v: self._make(
                f"{Mark.of(v).glyph} {v.value.capitalize()}",
                f"Ctrl+Alt+{n}",
                partial(self._on_set_verdict, v),
                f"Overrule the engine: the pair {Mark.of(v).word}",
            )
            for n, v in enumerate(_VERDICTS, 1)
        }
        for action in self.set_verdict.values():
            self.verdict_menu.addAction(action)
        self.unlink = self._make(
            "&Unlink",
            "Ctrl+Shift+U",
            self._on_unlink,
            "The two statements are not about the same thing",
        )
        self.link = self._make(
            "&Link the selected statements",
            "Ctrl+L",
            self._on_link,
            "Link the statement picked on the left with the one on the right",
        )
        self.note = self._make(
            "Add a &note…", "Ctrl+Shift+N", self._on_note, "Write a note on the selected link"
        )
        self.reset = self._make(
            "&Restore the engine's verdict",
            "",
            self._on_reset,
            "Forget your decision on the selected pair",
        )
        for action, short in (
            (self.confirm, f"{AGREE} Confirm"),
            (self.unlink, "Unlink"),
            (self.link, "Link"),
            (self.note, "Note…"),
        ):
            action.setIconText(short)
        view.picks_changed.connect(self.update_enabled)
        self.update_enabled()

    def _make(self, text: str, shortcut: str, slot: Callable[[], None], tip: str) -> QAction:
        action = QAction(text, self._parent)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def fill_menu(self, menu: QMenu) -> None:
        """Put the actions in a menu."""
        menu.addAction(self.confirm)
        menu.addMenu(self.verdict_menu)
        menu.addAction(self.unlink)
        menu.addSeparator()
        menu.addAction(self.link)
        menu.addAction(self.note)
        menu.addSeparator()
        menu.addAction(self.reset)

    def update_enabled(self) -> None:
        """Enable what applies to the picked pair."""
        link = self._view.current_link()
        both = bool(self._view.left_pick and self._view.right_pick)
        for action in (self.confirm, self.unlink, self.note, *self.set_verdict.values()):
            action.setEnabled(link is not None)
        self.verdict_menu.setEnabled(link is not None)
        self.link.setEnabled(both and link is None)
        decided = {(d.reference, d.other) for d in self._workspace.decisions}
        self.reset.setEnabled((self._view.left_pick, self._view.right_pick) in decided)

    def _pair(self) -> tuple[str, str] | None:
        left, right = self._view.left_pick, self._view.right_pick
        return (left, right) if left and right else None

    def _decide(self, text: str, decision: Decision) -> None:
        self.history.record(text, lambda: self._workspace.decide(decision))

    def _on_confirm(self) -> None:
        link = self._view.current_link()
        if link is not None:
            self._decide("Confirm verdict", Decision(link.reference, link.other, Action.CONFIRM))

    def _on_set_verdict(self, verdict: Verdict) -> None:
        link = self._view.current_link()
        if link is not None:
            self._decide(
                f"Change verdict to {verdict.value}",
                Decision(link.reference, link.other, Action.SET_VERDICT, verdict),
            )

    def _on_unlink(self) -> None:
        link = self._view.current_link()
        if link is not None:
            self._decide("Unlink", Decision(link.reference, link.other, Action.UNLINK))

    def _on_link(self) -> None:
        pair = self._pair()
        if pair is not None and self._view.current_link() is None:
            self.link_pair(*pair)

    def link_pair(self, first: str, second: str) -> None:
        """Link two statements by hand (the engine judges the pair the reviewer has linked)."""
        self._decide("Link", Decision(first, second, Action.LINK))

    def _on_note(self) -> None:
        link = self._view.current_link()
        if link is None:
            return
        text = self.ask_note(self._parent, link.note)
        if text is None or text == link.note:
            return  # cancelled, or nothing changed
        earlier = next(
            (
                d
                for d in self._workspace.decisions
                if (d.reference, d.other) == (link.reference, link.other)
            ),
            None,
        )
        base = earlier or Decision(link.reference, link.other, Action.CONFIRM)
        decision = Decision(base.reference, base.other, base.action, base.verdict, text)
        # An emptied note is cleared, not kept from the earlier decision.
        self.history.record("Note", lambda: self._workspace.decide(decision, keep_note=False))

    def _on_reset(self) -> None:
        pair = self._pair()
        if pair is not None:
            self.history.record(
                "Restore the engine's verdict", lambda: self._workspace.undecide(*pair)
            )
