"""Shared helpers for the session, autosave and preferences tests (not a test module)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from desktop.core.model import Action, Decision, Verdict
from desktop.ui.mainwindow import MainWindow
from desktop.ui.settings import Settings
from desktop.workers.runner import SyncRunner


def ini_settings(folder: Path) -> Settings:
    """Settings in an INI file of their own, so no test sees another's."""
    return Settings(QSettings(str(folder / "crosscheck.ini"), QSettings.Format.IniFormat))


def make_window(qtbot, folder: Path, **kwargs) -> MainWindow:
    """A main window on the real engine and a synchronous runner, settings redirected."""
    win = MainWindow(runner=SyncRunner(), **kwargs)
    qtbot.addWidget(win)
    win.settings_.store = ini_settings(folder).store
    win.autosave.folder = folder / "autosave"
    win.autosave.path = win.autosave.folder / win.autosave.path.name
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


def review(window: MainWindow) -> tuple[Decision, ...]:
    """A few decisions of every kind on the window's comparison; returns them."""
    links = window.workspace.comparison.links
    engine = [link for link in links if not link.between_reports]
    confirm, relabel, unlink = engine[0], engine[1], engine[2]
    other = Verdict.AGREE if relabel.verdict is not Verdict.AGREE else Verdict.CONFLICT
    decisions = (
        Decision(confirm.reference, confirm.other, Action.CONFIRM, note="checked against AP"),
        Decision(relabel.reference, relabel.other, Action.SET_VERDICT, other),
        Decision(unlink.reference, unlink.other, Action.UNLINK),
    )
    for decision in decisions:
        window.workspace.decide(decision)
    return decisions


def reviewed_pairs(window: MainWindow) -> set[tuple[str, str, str, bool]]:
    """What the comparison shows for every link: pair, verdict, reviewed."""
    return {
        (link.reference, link.other, link.verdict.value, link.reviewed)
        for link in window.workspace.comparison.links
    }
