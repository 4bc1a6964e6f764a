"""The log a user can open: a rotating file in the app's data folder and an in-memory tail.

Qt-free so that the CLI and tests can use it; ``desktop.app`` installs it when the window
opens, and Help ▸ Show log reads the tail (Picard's ``TailLogger`` is the example). The
windowed app has no console, so without the file its warnings and tracebacks went nowhere.
"""

from __future__ import annotations

import logging
import logging.handlers
import threading
from collections import deque
from pathlib import Path

FILE_NAME = "crosscheck.log"
MAX_BYTES = 1_000_000  # per file; with the backups at most 4 MB on disk
BACKUPS = 3
TAIL_LINES = 2000
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s"
# Our loggers: module loggers under "desktop" and the exception hook's "crosscheck".
OWN_LOGGERS = ("desktop", "crosscheck")


class LogTail(logging.Handler):
    """The latest formatted records in memory, for the Show log window."""

    def __init__(self, capacity: int = TAIL_LINES) -> None:
        super().__init__(logging.DEBUG)
        self._lines: deque[str] = deque(maxlen=capacity)
        self._count = 0  # records ever seen: the window asks whether anything is new
        self._guard = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        """Keep the formatted record (called on any thread)."""
        try:
            line = self.format(record)
        except Exception:  # a record that cannot be formatted must not break logging
            self.handleError(record)
            return
        with self._guard:
            self._lines.append(line)
            self._count += 1

    def snapshot(self) -> tuple[int, list[str]]:
        """How many records were seen, and the lines still held."""
        with self._guard:
            return self._count, list(self._lines)


TAIL = LogTail()
_installed: list[Path] = []  # the file install_log opened, if any


def log_path() -> Path | None:
    """The log file in use, or None before ``install_log`` (or when it could not be written)."""
    return _installed[-1] if _installed else None


def install_log(folder: Path, *, level: int = logging.DEBUG) -> Path | None:
    """Send our loggers to a rotating file in ``folder`` and to ``TAIL``; the file's path, or
    None when the folder cannot be written (the tail still works)."""
    uninstall_log()  # a second install replaces the first
    formatter = logging.Formatter(FORMAT)
    handlers: list[logging.Handler] = [TAIL]
    path: Path | None = folder / FILE_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handlers.append(  # opened now, so that a folder we cannot write is known at once
            logging.handlers.RotatingFileHandler(
                folder / FILE_NAME, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
            )
        )
    except OSError:
        path = None
    for handler in handlers:
        handler.setFormatter(formatter)
        handler.setLevel(level)
    for name in OWN_LOGGERS:
        logger = logging.getLogger(name)
        logger.setLevel(level)
        for handler in handlers:
            if handler not in logger.handlers:
                logger.addHandler(handler)
    _installed.clear()
    if path is None:
        logging.getLogger("crosscheck").warning("the log folder %s cannot be written", folder)
    else:
        _installed.append(path)
    return path


def uninstall_log() -> None:
    """Take our handlers off again (tests)."""
    for name in OWN_LOGGERS:
        logger = logging.getLogger(name)
        logger.setLevel(logging.NOTSET)
        for handler in list(logger.handlers):
            if handler is TAIL or isinstance(handler, logging.handlers.RotatingFileHandler):
                logger.removeHandler(handler)
                if handler is not TAIL:
                    handler.close()
    _installed.clear()
