"""The one place that creates the QApplication and wires the window, workers and settings."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence

from desktop import APP_NAME, __version__, paths


def _parse(args: Sequence[str]) -> tuple[bool, list[str]]:
    sample = "--sample" in args
    files = [a for a in args if a != "--sample" and not a.startswith("-")]
    return sample, files


def _log_to_console() -> None:
    """INFO and above on stderr when there is one (the windowed bundle has none: its log is
    the file ``install_log`` opens)."""
    root = logging.getLogger()
    if sys.stderr is None or root.handlers:
        return
    handler = logging.StreamHandler()
    handler.setLevel(logging.INFO)  # our loggers log DEBUG too, for the file
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def run_app(args: Sequence[str]) -> int:
    """Open the main window (with the sample or the given files) and run the event loop."""
    from desktop.workers.qtguard import make_singletons_immortal

    make_singletons_immortal()  # before the first Qt call; see desktop/workers/qtguard.py
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from desktop.ui.excepthook import ExceptionHook
    from desktop.ui.mainwindow import MainWindow

    _log_to_console()
    existing = QApplication.instance()
    app = (
        existing
        if isinstance(existing, QApplication)
        else QApplication([sys.argv[0] if sys.argv else APP_NAME])
    )
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("io.github.crosscheck.Crosscheck")
    from desktop.logfile import install_log, uninstall_log
    from desktop.ui.autosave import default_folder

    install_log(default_folder())  # the app's data folder, known once the names are set
    logging.getLogger("crosscheck").info("%s %s started", APP_NAME, __version__)
    icon = paths.resources() / "crosscheck.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    window = MainWindow()
    hook = ExceptionHook(window.messages, window)
    hook.install()
    from desktop.core.session import SUFFIX
    from desktop.ui.persistence import offer_recovery, open_arguments

    # Unsaved work a crashed run left behind comes first; restoring it replaces the arguments.
    sample, files = (False, []) if offer_recovery(window) else _parse(args)
    if sample or (files and not any(f.lower().endswith(SUFFIX) for f in files)):
        window.sessions.start_clean()  # what the command line named is no unsaved work
    if sample:
        window.add_paths(paths.sample_files())
    elif files:
        open_arguments(window, files)  # a .crosscheck session, or documents
    window.show()
    try:
        return int(app.exec())
    finally:
        hook.uninstall()
        uninstall_log()
