"""The window's actions and menus, with standard shortcuts and tooltips."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from desktop.ui.viewstate import Tab

if TYPE_CHECKING:
    from desktop.ui.mainwindow import MainWindow
    from desktop.ui.review import ReviewActions

Shortcut = str | QKeySequence.StandardKey | None


def make_action(
    window: QMainWindow,
    text: str,
    slot: Callable[[], object],
    *,
    shortcut: Shortcut = None,
    tip: str = "",
) -> QAction:
    """A QAction owned by the window, triggering ``slot`` with no argument."""
    action = QAction(text, window)
    if isinstance(shortcut, QKeySequence.StandardKey):
        action.setShortcuts(shortcut)
    elif shortcut:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)  # shortcuts work even when the menu bar is hidden
    return action


class WindowActions:
    """Every action of the main window, built from its slots."""

    def __init__(self, w: MainWindow) -> None:
        a = make_action
        sk = QKeySequence.StandardKey
        self.add_files = a(
            w,
            "&Add files…",
            w.ask_for_files,
            shortcut="Ctrl+Shift+O",
            tip="Add a reference article or reports",
        )
        self.add_folder = a(
            w, "Add a &folder…", w.ask_for_folder, tip="Add every supported file in a folder"
        )
        self.sample = a(
            w,
            "Open the &sample comparison",
            w.open_sample,
            tip="The sample reference article with its sample reports",
        )
        # Sessions (desktop/ui/sessionflow.py): w.sessions exists once the window is built.
        self.open_session = a(
            w,
            "&Open session…",
            lambda: w.sessions.open_dialog(),
            shortcut=sk.Open,
            tip="Open a saved session",
        )
        self.save_session = a(
            w,
            "&Save session",
            lambda: w.sessions.save(),
            shortcut=sk.Save,
            tip="Save the documents, options and review decisions",
        )
        self.save_session_as = a(
            w,
            "Sa&ve session as…",
            lambda: w.sessions.save_as(),
            shortcut=sk.SaveAs,
            tip="Save the session to another file",
        )
        self.export = a(
            w,
            "&Export report…",
            w.export_report,
            shortcut="Ctrl+E",
            tip="Write a DOCX report (or HTML, JSON, CSV)",
        )
        self.close_all = a(w, "&Close all documents", w.close_all, shortcut="Ctrl+Shift+W")
        self.quit = a(w, "&Quit", w.close, shortcut=sk.Quit)
        self.find = a(
            w,
            "&Find…",
            w.focus_find,
            shortcut=sk.Find,
            tip="Find words in the reference and the report",
        )
        self.find_next = a(w, "Find &next", lambda: w.find_text(forward=True), shortcut=sk.FindNext)
        self.find_previous = a(
            w, "Find &previous", lambda: w.find_text(forward=False), shortcut=sk.FindPrevious
        )
        self.show_pair = a(w, "&Side by side", lambda: w.show_tab(Tab.PAIR), shortcut="Ctrl+1")
        self.show_matrix = a(w, "Claim &matrix", lambda: w.show_tab(Tab.MATRIX), shortcut="Ctrl+2")
        self.next_conflict = a(
            w,
            "Next &conflict",
            lambda: w.go(conflicts=True),
            shortcut="F8",
            tip="Next conflict (F8)",
        )
        self.previous_conflict = a(
            w,
            "Previous c&onflict",
            lambda: w.go(conflicts=True, forward=False),
            shortcut="Shift+F8",
            tip="Previous conflict (Shift+F8)",
        )
        self.next_difference = a(
            w,
            "Next &difference",
            lambda: w.go(conflicts=False),
            shortcut="Alt+Down",
            tip="Next difference (Alt+Down)",
        )
        self.previous_difference = a(
            w,
            "Previous d&ifference",
            lambda: w.go(conflicts=False, forward=False),
            shortcut="Alt+Up",
            tip="Previous difference (Alt+Up)",
        )
        self.cancel = a(
            w, "Cancel", w.workspace.cancel, shortcut="Esc", tip="Stop loading and comparing"
        )
        self.help = a(w, "&About Crosscheck", w.show_about, shortcut=sk.HelpContents)
        self.show_log = a(
            w, "Show &log", w.show_log, tip="What Crosscheck has done and any errors it met"
        )
        for action, short in (
            (self.add_files, "Add files"),
            (self.export, "Export"),
            (self.previous_conflict, "◀ Conflict"),
            (self.next_conflict, "Conflict ▶"),
            (self.previous_difference, "◀ Difference"),
            (self.next_difference, "Difference ▶"),
        ):
            action.setIconText(short)

    def build_menus(self, w: MainWindow, review: ReviewActions) -> QMenu:
        """Fill the menu bar; returns the View menu (the window adds its docks to it)."""
        bar = w.menuBar()
        file_menu = bar.addMenu("&File")
        for action in (
            self.add_files,
            self.add_folder,
            self.sample,
            None,
            self.open_session,
            self.save_session,
            self.save_session_as,
            None,
            self.export,
            None,
            self.close_all,
            self.quit,
        ):
            _add(file_menu, action)
        edit = bar.addMenu("&Edit")
        for action in (self.find, self.find_next, self.find_previous):
            _add(edit, action)
        view_menu = bar.addMenu("&View")
        for action in (self.show_pair, self.show_matrix, None):
            _add(view_menu, action)
        go = bar.addMenu("&Go")
        for action in (
            self.next_conflict,
            self.previous_conflict,
            None,
            self.next_difference,
            self.previous_difference,
        ):
            _add(go, action)
        review.fill_menu(bar.addMenu("&Review"))
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self.show_log)
        help_menu.addAction(self.help)
        return view_menu


def _add(menu: QMenu, action: QAction | None) -> None:
    if action is None:
        menu.addSeparator()
    else:
        menu.addAction(action)
