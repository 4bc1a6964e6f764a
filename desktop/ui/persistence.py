"""Wires settings, preferences, sessions and autosave into the main window in one call."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from desktop import paths
from desktop.core.fetch import FetchOptions, is_address
from desktop.core.session import SUFFIX, Session
from desktop.ui.autosave import Autosave, Prompt, ask_restore
from desktop.ui.preferences import PreferencesDialog
from desktop.ui.sessionflow import SAVED_AS, SessionFlow
from desktop.ui.settings import Preferences, Settings

if TYPE_CHECKING:
    from desktop.ui.mainwindow import MainWindow


@dataclass(frozen=True)
class Persistence:
    """The window's settings, session flow, autosave and the menu entries they add."""

    settings: Settings
    sessions: SessionFlow
    autosave: Autosave
    recent_menu: QMenu
    preferences_action: QAction


def install_persistence(window: MainWindow, settings: Settings | None = None) -> Persistence:
    """Settings, sessions and autosave for ``window``, with their menus and buttons."""
    settings = settings or Settings()
    flow = SessionFlow(window, settings)
    autosave = Autosave(lambda: _capture(flow), parent=window)
    window.workspace.changed.connect(autosave.schedule)
    autosave.failed.connect(lambda text: window.messages.show_message(text, level="error"))
    flow.saved.connect(autosave.save_now)  # a saved session needs no autosave
    flow.closing_cleanly.connect(autosave.finish)
    recent, action = _add_menus(window, flow)
    button = window.drop_area.session_button
    button.setEnabled(True)
    button.setToolTip("Open a saved session (Ctrl+O)")
    window.drop_area.session_requested.connect(flow.open_dialog)
    apply_preferences(window, settings.preferences())  # the slider follows the workspace
    flow.update_title()
    return Persistence(settings, flow, autosave, recent, action)


def _capture(flow: SessionFlow) -> Session | None:
    """What the autosave keeps: unsaved work only, with the session file it belongs to."""
    session = flow.snapshot() if flow.modified else None
    if session is not None and not worth_recovering(session):
        return None
    if session is not None and flow.path is not None:
        session = replace(session, view={**session.view, SAVED_AS: str(flow.path)})
    return session


def _add_menus(window: MainWindow, flow: SessionFlow) -> tuple[QMenu, QAction]:
    acts = window.actions_
    file_menu = next(o for o in acts.open_session.associatedObjects() if isinstance(o, QMenu))
    recent = QMenu("Open &recent session", window)
    recent.aboutToShow.connect(lambda: flow.fill_recent_menu(recent))
    flow.fill_recent_menu(recent)
    file_menu.insertMenu(acts.save_session, recent)
    action = QAction("&Preferences…", window)
    action.setShortcuts(QKeySequence.StandardKey.Preferences)
    if not action.shortcuts():
        action.setShortcut(QKeySequence("Ctrl+,"))
    action.setMenuRole(QAction.MenuRole.PreferencesRole)
    action.setStatusTip("Link threshold, the differences to flag, report contents")
    action.triggered.connect(lambda _c=False: open_preferences(window))
    window.addAction(action)
    menus = [m for m in (a.menu() for a in window.menuBar().actions()) if isinstance(m, QMenu)]
    edit = next((m for m in menus if m.title() == "&Edit"), file_menu)
    edit.addSeparator()
    edit.addAction(action)
    return recent, action


def open_preferences(window: MainWindow) -> PreferencesDialog:
    """Show the Preferences dialog (window-modal, not blocking); OK saves and applies."""
    # The toolbar slider may have moved since the threshold was last stored.
    window.apply_pending_threshold()
    threshold = round(window.workspace.options.threshold)
    current = replace(window.settings_.preferences(), threshold=threshold)
    dialog = PreferencesDialog(current, window)
    dialog.preferences_accepted.connect(lambda prefs: _on_preferences_accepted(window, prefs))
    dialog.open()
    window.preferences_dialog = dialog
    return dialog


def _on_preferences_accepted(window: MainWindow, prefs: Preferences) -> None:
    window.settings_.set_preferences(prefs)
    apply_preferences(window, prefs)


def apply_preferences(window: MainWindow, prefs: Preferences) -> None:
    """Make the engine options follow ``prefs`` (core only sees the options; the slider
    follows the workspace)."""
    ws = window.workspace
    ws.set_options(prefs.compare_options(ws.options))
    flow = window.export_flow
    flow.folder = prefs.export_folder or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    )
    flow.report_options = prefs.report_options()
    ws.fetch_options = FetchOptions(allow_private=prefs.allow_local_addresses)


def open_arguments(window: MainWindow, files: list[str] | list[Path]) -> None:
    """Files given on the command line or dropped: a session file is opened, anything else
    is a document."""
    addresses = [str(f) for f in files if is_address(str(f))]  # a web page's address
    window.web.add_addresses(addresses)
    files = [Path(f) for f in files if not is_address(str(f))]
    sessions = [f for f in files if str(f).lower().endswith(SUFFIX)]
    if not sessions:
        if files or not addresses:
            window.add_paths(files)
        return
    if window.sessions.open_path(sessions[0]) and len(files) > 1:
        window.messages.show_message(
            f"Opened the session {sessions[0].name}; the other files were not added "
            "(add them with File ▸ Add files)."
        )


def offer_recovery(window: MainWindow, prompt: Prompt | None = None) -> bool:
    """On start: offer the unsaved work a crashed run left behind; True when restored."""
    flow: SessionFlow = window.sessions

    def restore(session: Session) -> None:
        saved_as = session.view.get(SAVED_AS)
        flow.restore(
            session, path=Path(saved_as) if isinstance(saved_as, str) else None, saved=False
        )

    return bool(
        window.autosave.offer_recovery(
            restore, prompt or ask_restore(window), worth=worth_recovering
        )
    )


def worth_recovering(session: Session) -> bool:
    """Whether a person would miss this work: review decisions, or documents beyond the
    sample comparison (which is one click away)."""
    return bool(session.decisions) or not {d.id for d in session.documents} <= _sample_ids()


@cache
def _sample_ids() -> frozenset[str]:
    """The document ids of the sample comparison (a document's id is its SHA-256, cut)."""
    try:
        return frozenset(
            hashlib.sha256(p.read_bytes()).hexdigest()[:12] for p in paths.sample_files()
        )
    except OSError:
        return frozenset()
