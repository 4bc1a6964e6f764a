"""Sessions in the window: Open, Save, Save As, recent sessions, the title with its unsaved
mark, and the Save/Discard/Cancel question before unsaved work is closed.

Every question goes through an injectable function, so tests and headless runs never block.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from desktop import APP_NAME
from desktop.core.errors import Cancelled, CrosscheckError, SessionError
from desktop.core.model import Comparison
from desktop.core.session import (
    SUFFIX,
    Session,
    read_session,
    session_from_workspace,
    write_session,
)
from desktop.ui.messagebar import headless
from desktop.ui.settings import Settings
from desktop.ui.sourcecheck import (
    ChooseReloads,
    PreparedSession,
    ask_reloads,
    describe_problem,
    prepare_session,
    source_problems,
)
from desktop.workers.runner import Task

if TYPE_CHECKING:
    from desktop.ui.mainwindow import MainWindow

SESSION_FILTER = f"Crosscheck sessions (*{SUFFIX});;All files (*)"
SAVED_AS = "autosave_of"  # key in an autosave's view: the session file it was saved as


class CloseChoice(enum.Enum):
    """The answer to "save your changes before closing?"."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_close(parent: QWidget | None) -> Callable[[str], CloseChoice]:
    """The default question: a dialog for a person; headless runs discard, as before."""

    def ask(name: str) -> CloseChoice:
        if headless():
            return CloseChoice.DISCARD
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            parent,
            "Save changes?",
            f"“{name}” has changes that are not saved: documents, options or review decisions.",
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )
        return {buttons.Save: CloseChoice.SAVE, buttons.Discard: CloseChoice.DISCARD}.get(
            answer, CloseChoice.CANCEL
        )

    return ask


class SessionFlow(QObject):
    """Keeps track of the session file the window shows and whether it has unsaved changes."""

    closing_cleanly = Signal()  # the window closes and nothing is left unsaved by accident
    restored = Signal()  # a session replaced the workspace
    saved = Signal(str)  # path

    def __init__(
        self,
        window: MainWindow,
        settings: Settings,
        *,
        ask: Callable[[str], CloseChoice] | None = None,
        choose_reloads: ChooseReloads | None = None,
    ) -> None:
        super().__init__(window)
        self._w, self._settings = window, settings
        self.workspace, self.bar = window.workspace, window.messages
        self.ask = ask or ask_close(window)
        self.choose_reloads = choose_reloads or ask_reloads(window)
        self.ask_open_path: Callable[[], str] = self._ask_open_path
        self.ask_save_path: Callable[[], str] = self._ask_save_path
        self.path: Path | None = None
        self._saved: tuple[Any, ...] | None = self._fingerprint()
        self._pending_view: dict[str, Any] | None = None
        self._opening = 0  # the latest open; an older one finishing late is ignored
        self._clean_pending = False  # the next comparison is the starting point (start_clean)
        self.workspace.changed.connect(self.update_title)
        self.workspace.comparison_changed.connect(self._on_workspace_comparison_changed)

    # -- state ------------------------------------------------------------------------------
    def _fingerprint(self) -> tuple[Any, ...]:
        ws = self.workspace
        return (tuple(d.id for d in ws.documents), ws.reference_id, ws.options, ws.decisions)

    @property
    def modified(self) -> bool:
        """Whether the workspace holds work a session could keep that differs from the file.

        An empty workspace, or one whose every file failed to load, has nothing to keep: no
        unsaved mark, no question on close, no autosave.
        """
        ws = self.workspace
        if ws.is_empty() or ws.reference_id is None or not ws.documents:
            return False
        return self._fingerprint() != self._saved

    def snapshot(self) -> Session | None:
        """The workspace as a session, or None when there is nothing to keep yet."""
        ws = self.workspace
        if ws.reference_id is None or not ws.documents:
            return None
        return session_from_workspace(
            ws.documents, ws.reference_id, ws.options, ws.decisions, self._w.view_state()
        )

    def display_name(self) -> str:
        """The session file's name, else the reference title, else "Untitled"."""
        if self.path is not None:
            return self.path.stem
        comparison = self.workspace.comparison
        return comparison.reference.title if comparison is not None else "Untitled"

    def update_title(self) -> None:
        """The title names the session (or the reference) and carries the unsaved mark."""
        if self.workspace.is_empty():
            self.path, self._saved = None, self._fingerprint()  # Close all ends the session
            self._w.setWindowTitle(APP_NAME)
        else:
            self._w.setWindowTitle(f"{self.display_name()}[*] — {APP_NAME}")
        self._w.setWindowModified(self.modified)

    # -- saving -----------------------------------------------------------------------------
    def save(self) -> bool:
        """Save (Ctrl+S): to the session file, or ask for one the first time."""
        return self.save_to(self.path) if self.path is not None else self.save_as()

    def save_as(self) -> bool:
        """Save As (Ctrl+Shift+S)."""
        chosen = self.ask_save_path()
        if not chosen:
            return False
        path = Path(chosen)
        return self.save_to(path if path.suffix else path.with_suffix(SUFFIX))

    def save_to(self, path: Path) -> bool:
        """Write the session to ``path`` atomically; a failure is said and nothing changes."""
        session = self.snapshot()
        if session is None or self.workspace.busy:
            self.bar.show_message(
                "There is nothing to save yet: wait until the documents are loaded and compared."
            )
            return False
        try:
            write_session(session, path)
        except SessionError as exc:
            self.bar.show_message(f"The session was not saved: {exc.reason}", level="error")
            if not headless():
                QMessageBox.critical(self._w, "Session not saved", f"{path}\n\n{exc.reason}")
            return False
        self.path, self._saved = path, self._fingerprint()
        self._settings.add_recent_session(path)
        self.update_title()
        self.bar.show_message(f"Session saved: {path.name}", level="success")
        self.saved.emit(str(path))
        return True

    # -- opening ------------------------------------------------------------------------------
    def open_dialog(self) -> None:
        """Open session… (Ctrl+O)."""
        chosen = self.ask_open_path()
        if chosen:
            self.open_path(Path(chosen))

    def open_path(self, path: Path) -> bool:
        """Open a session file; a bad file is one message and the workspace stays as it was.

        The file is read and the questions asked here; rebuilding the documents (segmenting
        every stored text, a second or more for hundreds) runs on the runner.
        """
        path = Path(path)
        try:
            session = read_session(path)
        except SessionError as exc:
            self.bar.show_message(
                f"Could not open the session {path.name}: {exc.reason}", level="error"
            )
            return False
        if not self.may_discard():
            return False
        problems = source_problems(session)
        chosen = self.choose_reloads(session, problems) if problems else set()
        notes = [describe_problem(session, p) for p in problems]
        self._prepare(session, chosen, path=path, saved=True, notes=notes)
        return True

    def restore(self, session: Session, *, path: Path | None, saved: bool = True) -> None:
        """Replace the workspace with ``session``; unsaved when it comes from an autosave."""
        self._prepare(session, set(), path=path, saved=saved, notes=[])

    def _prepare(
        self,
        session: Session,
        reload_ids: set[str],
        *,
        path: Path | None,
        saved: bool,
        notes: list[str],
    ) -> None:
        self._opening += 1
        ticket = self._opening
        name = path.name if path else "the session"
        self.bar.show_message(f"Opening {name}…")
        running: list[Task] = []  # empty until submit returns; a synchronous runner is done by then
        ended: list[bool] = []

        def end(then: Callable[[], None]) -> None:
            ended.append(True)
            for task in running:
                self.workspace.untrack(task)
            then()

        task = self._w.runner.submit(
            lambda task: prepare_session(session, reload_ids),
            lambda prepared: end(lambda: self._on_prepared(ticket, prepared, path, saved, notes)),
            lambda exc: end(lambda: self._on_prepare_failed(ticket, path, exc)),
        )
        if not ended:  # shown as busy in the status bar, with Cancel, until it ends
            running.append(task)
            self.workspace.track(task, f"Opening {name}")

    def _on_prepared(
        self,
        ticket: int,
        prepared: PreparedSession,
        path: Path | None,
        saved: bool,
        notes: list[str],
    ) -> None:
        if ticket != self._opening:
            return  # another session was opened meanwhile
        session = prepared.session
        self.workspace.restore(
            prepared.documents, session.reference_id, session.options, session.decisions
        )
        self.path = path
        # Text reloaded from disk is not in the file yet: the window starts out unsaved.
        self._saved = self._fingerprint() if saved and not prepared.reloaded else None
        self._pending_view = {k: v for k, v in session.view.items() if k != SAVED_AS}
        if self.workspace.comparison is not None and not self.workspace.busy:
            self._apply_view()
        self.update_title()
        if path is not None and saved:
            self._settings.add_recent_session(path)
        self._report_opened(path, notes + prepared.failures, prepared.orphans)
        self.restored.emit()

    def _on_prepare_failed(self, ticket: int, path: Path | None, exc: BaseException) -> None:
        if ticket != self._opening:
            return
        if not isinstance(exc, CrosscheckError):
            raise exc  # a bug: the exception hook shows it
        name = path.name if path else "the session"
        if isinstance(exc, Cancelled):
            self.bar.show_message(f"Opening {name} was cancelled; the workspace is as it was.")
            return
        self.bar.show_message(f"Could not open {name}: {exc}", level="error")

    def _report_opened(self, path: Path | None, notes: list[str], orphans: list[str]) -> None:
        if not notes:
            self.bar.show_message(
                f"Opened {path.name if path else 'the unsaved work'}.", level="success"
            )
            return
        text = "Source files differ from the session: " + "; ".join(notes) + "."
        actions = []
        if orphans:
            text += (
                f" {len(orphans)} review decision{'s' if len(orphans) != 1 else ''} no "
                "longer match the reloaded text; they are kept in the session, not applied."
            )
            actions.append(("Show them", lambda: self._show_orphans(orphans)))
        self.bar.show_message(text, level="error", actions=actions)

    def _show_orphans(self, lines: list[str]) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Decisions set aside",
            "These review decisions refer to statements that are no longer in "
            "the reloaded documents. They stay in the session.",
            QMessageBox.StandardButton.Close,
            self._w,
        )
        box.setDetailedText("\n".join(lines))
        box.open()  # not modal for the app: reading the list blocks nothing
        self.orphan_box = box

    def start_clean(self) -> None:
        """The files being added are where the user starts (named on the command line, the
        sample): once compared they are not unsaved work, until the user changes something."""
        self._clean_pending = True

    def _on_workspace_comparison_changed(self, comparison: Comparison | None) -> None:
        if comparison is not None and self._clean_pending:
            self._clean_pending = False
            self._saved = self._fingerprint()
        if comparison is not None and self._pending_view is not None:
            self._apply_view()
        self.update_title()

    def _apply_view(self) -> None:
        view, self._pending_view = self._pending_view or {}, None
        self._w.restore_view_state(view)

    # -- closing --------------------------------------------------------------------------------
    def may_discard(self) -> bool:
        """Ask Save/Discard/Cancel when there are unsaved changes; True when it may go on."""
        if not self.modified:
            return True
        choice = self.ask(self.display_name())
        if choice is CloseChoice.SAVE:
            return self.save()
        return choice is CloseChoice.DISCARD

    def may_close(self) -> bool:
        """For the window's close: ask if needed, then say the close is clean."""
        if not self.may_discard():
            return False
        self.closing_cleanly.emit()
        return True

    # -- dialogs and menus ------------------------------------------------------------------------
    def _start_folder(self) -> str:
        recent = self._settings.recent_sessions()
        return str(Path(recent[0]).parent) if recent else ""

    def _ask_open_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self._w, "Open session", self._start_folder(), SESSION_FILTER
        )
        return path

    def _ask_save_path(self) -> str:
        start = (
            str(self.path)
            if self.path
            else str(Path(self._start_folder()) / (self.display_name() + SUFFIX))
        )
        path, _ = QFileDialog.getSaveFileName(self._w, "Save session", start, SESSION_FILTER)
        return path

    def fill_recent_menu(self, menu: QMenu) -> None:
        """Rebuild the Recent sessions submenu (connected to its aboutToShow)."""
        menu.clear()
        recent = self._settings.recent_sessions()
        for n, item in enumerate(recent, 1):
            action = menu.addAction(f"&{n} {Path(item).name}")
            action.setToolTip(item)
            action.setStatusTip(item)
            action.triggered.connect(lambda _c=False, p=item: self._open_recent(p))
        if not recent:
            menu.addAction("No recent sessions").setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction("&Clear the list", self._settings.clear_recent_sessions)
        clear.setEnabled(bool(recent))

    def _open_recent(self, item: str) -> None:
        if not Path(item).is_file():
            self._settings.remove_recent_session(item)
            self.bar.show_message(
                f"The session {Path(item).name} is no longer there; it was "
                "taken off the recent list.",
                level="error",
            )
            return
        self.open_path(Path(item))
