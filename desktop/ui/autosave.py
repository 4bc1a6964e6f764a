"""Autosave: the workspace written to the app's data folder a few seconds after each change,
and offered back on the next start when the app did not close cleanly.

Each running window writes ``autosave-<pid>.crosscheck`` and holds ``autosave-<pid>.lock``.
A clean close removes both. A file whose lock nobody holds any more is what a crash (or a
killed process) left behind; one still locked belongs to another running Crosscheck.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.core.errors import SessionError
from desktop.core.session import SUFFIX, Session, read_session, write_session
from desktop.ui.messagebar import headless

log = logging.getLogger(__name__)

AUTOSAVE_DELAY_MS = 3000
PREFIX = "autosave-"

Prompt = Callable[[str], bool]


def default_folder() -> Path:
    """Where autosaves live: the platform's per-application data folder."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def ask_restore(parent: QWidget | None) -> Prompt:
    """The default question: a dialog for a person (their work is at stake); no when headless."""

    def ask(text: str) -> bool:
        if headless():
            return False
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            parent, "Restore unsaved work?", text, buttons.Yes | buttons.No, buttons.Yes
        )
        return answer == buttons.Yes

    return ask


def _lock_path(autosave: Path) -> Path:
    return autosave.with_suffix(".lock")


class Autosave(QObject):
    """Writes ``capture()`` atomically after a quiet period; ``finish()`` on a clean close."""

    written = Signal(str)  # path
    failed = Signal(str)  # reason
    _finished_in_background = Signal(str, str)  # path, reason ("" when written)

    def __init__(
        self,
        capture: Callable[[], Session | None],
        *,
        folder: Path | None = None,
        delay_ms: int = AUTOSAVE_DELAY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._capture = capture
        self.folder = folder or default_folder()
        self.path = self.folder / f"{PREFIX}{os.getpid()}{SUFFIX}"
        self._lock: QLockFile | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._save_in_background)
        # One writer thread keeps saves in order; serialising, validating and writing a session
        # of 200 documents takes a few hundred ms, which must not stall the window.
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
        self._in_flight: list[Future[None]] = []
        self._finished_in_background.connect(
            self._on_background_save, Qt.ConnectionType.QueuedConnection
        )

    def schedule(self) -> None:
        """Save a little later; each change restarts the wait (debounce)."""
        self._timer.start()

    @property
    def pending(self) -> bool:
        """Whether a save is waiting for its timer."""
        return self._timer.isActive()

    def save_now(self) -> None:
        """Write the autosave now, on this thread (or remove it when there is nothing to keep)."""
        self._timer.stop()
        self._wait_for_writer()
        session = self._capture()
        if session is None:
            self._remove(self.path)
            return
        self._hold_lock()
        self._on_background_save(str(self.path), self._write(session))

    def _save_in_background(self) -> None:
        """The timer's save: capture on the GUI thread, write on the writer thread."""
        session = self._capture()
        if session is None:
            self._wait_for_writer()
            self._remove(self.path)
            return
        path = self.path
        self._hold_lock()  # before the file exists, so no other instance takes it for a crash's
        self._in_flight = [f for f in self._in_flight if not f.done()]
        self._in_flight.append(
            self._writer.submit(
                lambda: self._finished_in_background.emit(str(path), self._write(session, path))
            )
        )

    def _write(self, session: Session, path: Path | None = None) -> str:
        """Write ``session``; the reason it failed, or "" (runs on either thread)."""
        path = path or self.path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_session(session, path)
        except (SessionError, OSError) as exc:
            return getattr(exc, "reason", None) or str(exc)
        return ""

    def _on_background_save(self, path: str, reason: str) -> None:
        if reason:
            log.warning("autosave failed: %s", reason)
            self.failed.emit(f"Autosave failed: {reason}")
            return
        self.written.emit(path)

    def _wait_for_writer(self) -> None:
        for future in self._in_flight:
            with contextlib.suppress(Exception):
                future.result()
        self._in_flight = []

    def finish(self) -> None:
        """A clean close: nothing to recover next time."""
        self._timer.stop()
        self._wait_for_writer()
        self._remove(self.path)
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def _hold_lock(self) -> None:
        if self._lock is None:
            with contextlib.suppress(OSError):
                self.folder.mkdir(parents=True, exist_ok=True)
            lock = QLockFile(str(_lock_path(self.path)))
            lock.setStaleLockTime(0)
            if lock.tryLock(0):
                self._lock = lock

    # -- recovery -------------------------------------------------------------------------------
    def leftovers(self) -> list[Path]:
        """Autosaves of runs that ended without a clean close, the newest first."""
        found = []
        for candidate in self.folder.glob(f"{PREFIX}*{SUFFIX}"):
            if candidate == self.path or not candidate.is_file():
                continue
            probe = QLockFile(str(_lock_path(candidate)))
            probe.setStaleLockTime(0)  # never stale by age: only a dead owner frees it
            if probe.tryLock(0):  # nobody holds it: its owner is gone
                probe.unlock()
                found.append(candidate)
        return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)

    def offer_recovery(
        self,
        restore: Callable[[Session], None],
        prompt: Prompt,
        *,
        worth: Callable[[Session], bool] = lambda session: True,
    ) -> bool:
        """Offer the newest leftover autosave that is ``worth`` it; True when restored."""
        for candidate in self.leftovers():
            try:
                session = read_session(candidate)
            except SessionError as exc:
                log.warning("unusable autosave %s: %s", candidate, exc.reason)
                self._remove(candidate)
                continue
            if not worth(session):
                log.info("nothing to recover in %s", candidate)
                self._remove(candidate)
                continue
            text = (
                f"Crosscheck did not close properly last time. Restore the unsaved work "
                f"({len(session.documents)} documents, {len(session.decisions)} review "
                "decisions)?"
            )
            accepted = prompt(text)
            if accepted:
                restore(session)
            self._remove(candidate)  # restored work is autosaved again under this run's name
            return accepted
        return False

    @staticmethod
    def _remove(path: Path) -> None:
        with contextlib.suppress(OSError):
            path.unlink()
