"""Worker threads give way to the GUI thread while it handles events.

Python runs one thread at a time (the GIL). Every time the GUI thread calls into Python from
Qt it must take the GIL back from a busy worker: a slot or a timer, but also every virtual
call on a widget or model made from Python (PySide looks for a Python override each time)
and every ``data()`` call while a view paints. Beside a running comparison each of those
waited for the worker to let go, so one repaint of 50 ms of work stalled the window for
150–190 ms (``bench/gui_latency.py``; py-spy showed the GUI thread in
``Shiboken::GilState`` → ``pthread_cond_timedwait``). A shorter switch interval did not help.

The gate is closed from the first event the GUI thread handles until its event loop rests
again (``aboutToBlock``). Workers pass it at the core's checkpoints (the ``should_cancel``
callback, every few statements) and wait there, without the GIL, while it is closed, so the
GUI thread gets through its events without waiting. An event loop that stays busy for more than
``MAX_WAIT`` (long GUI work, a ``processEvents`` loop) no longer holds them back, so workers
cannot be starved.
"""

from __future__ import annotations

import contextlib
import threading
import time

from PySide6.QtCore import QAbstractEventDispatcher, QCoreApplication, QEvent, QObject, Qt

MAX_WAIT = 0.1  # seconds of the GUI being busy after which workers stop waiting for it


class GuiGate(QObject):
    """Closed while the GUI thread handles events; workers wait at it, the GUI thread never."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open = threading.Event()
        self._open.set()
        self._busy_since = 0.0
        self._gui = threading.get_ident()
        self._watching = False

    def watch(self) -> None:
        """Start following the GUI thread's events (while workers run: it costs a little)."""
        app = QCoreApplication.instance()
        dispatcher = QAbstractEventDispatcher.instance()
        if self._watching or app is None or dispatcher is None:
            return
        app.installEventFilter(self)
        dispatcher.aboutToBlock.connect(self._open.set, Qt.ConnectionType.DirectConnection)
        self._watching = True

    def unwatch(self) -> None:
        """Stop following the GUI thread; workers no longer wait."""
        if self._watching:
            app = QCoreApplication.instance()
            dispatcher = QAbstractEventDispatcher.instance()
            if app is not None:
                app.removeEventFilter(self)
            if dispatcher is not None:
                with contextlib.suppress(RuntimeError, TypeError):  # gone with the application
                    dispatcher.aboutToBlock.disconnect(self._open.set)
            self._watching = False
        self._open.set()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Close the gate at the first event the GUI thread handles; never filter anything."""
        del watched, event
        if self._open.is_set():
            self._busy_since = time.monotonic()
            self._open.clear()
        return False

    def give_way(self) -> None:
        """On a worker thread: wait while the GUI thread is busy (at most MAX_WAIT in all)."""
        if threading.get_ident() == self._gui or self._open.is_set():
            return
        left = self._busy_since + MAX_WAIT - time.monotonic()
        if left > 0:
            self._open.wait(left)

    def is_open(self) -> bool:
        """Whether workers may go on right now."""
        return self._open.is_set()
