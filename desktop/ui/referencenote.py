"""Says which file became the reference when files land in an empty workspace, and offers
to change it: the order of a drop or of a file dialog's selection never decides it silently."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QCursor
from PySide6.QtWidgets import QMenu, QWidget

from desktop.core.model import Comparison
from desktop.ui.messagebar import MessageBar
from desktop.workers.workspace import DocState, Workspace


class ReferenceNote(QObject):
    """Names the reference in the message bar once the first comparison of new files is in."""

    def __init__(self, workspace: Workspace, messages: MessageBar, parent: QWidget) -> None:
        super().__init__(parent)
        self._workspace, self._messages, self._parent = workspace, messages, parent
        self._pending = False
        self.menu: QMenu | None = None  # the last "Change…" menu (tests trigger its actions)
        workspace.comparison_changed.connect(self._on_workspace_comparison_changed)
        workspace.entries_changed.connect(self._on_workspace_entries_changed)

    def expect(self) -> None:
        """Files are about to be added to an empty workspace: name the reference they get."""
        self._pending = True

    def _on_workspace_entries_changed(self) -> None:
        if self._workspace.is_empty():
            self._pending = False  # closed before the comparison came in

    def _on_workspace_comparison_changed(self, comparison: Comparison | None) -> None:
        if not self._pending or comparison is None:
            return
        self._pending = False
        ref = comparison.reference
        name = Path(ref.path).name if ref.path else ""
        named = f"“{ref.title}” ({name})" if name and name != ref.title else f"“{ref.title}”"
        first = self._workspace.entries[0] if self._workspace.entries else None
        if first is not None and first.state is DocState.FAILED:
            why = f"{Path(first.key).name} could not be read ({first.error}), so "
            named, how = why + named, "the first file that could be read"
        else:
            how = "the first file added"
        if not self._choices():
            self._messages.show_message(f"{named} is the reference. Add reports to compare.")
            return
        self._messages.show_message(
            f"{named} is the reference ({how}); every report is compared with it.",
            actions=[("Change…", self.show_menu)],
        )

    def _choices(self) -> list[tuple[str, str]]:
        """(key, label) of every document that could be the reference, other than the current."""
        ws = self._workspace
        return [
            (e.key, _label(e.name, e.key))
            for e in ws.entries
            if e.state is DocState.READY and e.key != ws.reference_key
        ]

    def build_menu(self) -> QMenu:
        """A menu of the loaded documents; choosing one makes it the reference."""
        menu = QMenu("Reference", self._parent)
        group = QActionGroup(menu)
        ws = self._workspace
        for entry in ws.entries:
            if entry.state is not DocState.READY:
                continue
            action = QAction(_label(entry.name, entry.key), menu)
            action.setCheckable(True)
            action.setChecked(entry.key == ws.reference_key)
            action.triggered.connect(lambda _c=False, k=entry.key: ws.set_reference(k))
            group.addAction(action)
            menu.addAction(action)
        self.menu = menu
        return menu

    def show_menu(self) -> None:
        """The "Change…" button: pick the reference from the loaded documents."""
        self.build_menu().popup(QCursor.pos())


def _label(title: str, key: str) -> str:
    name = Path(key).name
    text = title if name == title else f"{title} — {name}"
    return text.replace("&", "&&")  # not a mnemonic
