"""Run core work off the GUI thread; results and errors come back as values on the GUI thread."""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from desktop.core.errors import Cancelled
from desktop.core.pace import checked_by
from desktop.workers.gate import GuiGate
from desktop.workers.gcpause import paused_gc

log = logging.getLogger(__name__)

DoneCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]
ProgressCallback = Callable[[int, int], None]

SWITCH_INTERVAL = 0.001  # seconds
PROGRESS_INTERVAL = 0.05  # seconds between progress signals: enough for a bar, cheap for the GUI


class Task:
    """One piece of submitted work: its cancel flag, progress reporting and callbacks."""

    def __init__(
        self,
        on_done: DoneCallback,
        on_error: ErrorCallback,
        progress: ProgressCallback | None = None,
    ) -> None:
        self.on_done = on_done
        self.on_error = on_error
        self.on_progress = progress
        self._cancel = threading.Event()
        self._last_report = 0.0
        self._emit_progress: Callable[[Task, int, int], None] | None = None
        self._give_way: Callable[[], None] | None = None  # a GuiGate's, on a thread pool

    def cancel(self) -> None:
        """Ask the work to stop; after this, ``on_done`` is never called."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        """The ``should_cancel`` the core checks between steps."""
        return self._cancel.is_set()

    def checkpoint(self) -> bool:
        """The ``should_cancel`` to hand the core: gives way to a busy GUI thread first."""
        if self._give_way is not None:
            self._give_way()
        return self._cancel.is_set()

    def report(self, done: int, total: int) -> None:
        """The ``progress`` the core calls; throttled so the GUI thread is not flooded."""
        if self._emit_progress is None:
            return
        now = time.monotonic()
        if done < total and now - self._last_report < PROGRESS_INTERVAL:
            return
        self._last_report = now
        self._emit_progress(self, done, total)

    def check(self) -> None:
        """Raise Cancelled when the task was cancelled (for loops in worker functions)."""
        if self.checkpoint():
            raise Cancelled()


def deliver(task: Task, ok: bool, value: Any) -> None:
    """Call the task's callback for this outcome; a cancelled task never reports success."""
    if ok and task.is_cancelled():
        ok, value = False, Cancelled()
    if not ok:  # the error becomes a value the callback shows: keep its trace in the log
        log.debug("a task ended with %s: %s", type(value).__name__, value, exc_info=value)
    try:
        (task.on_done if ok else task.on_error)(value)
    except Exception:  # a callback bug must not kill the runner; the hook logs it
        log.exception("a task callback failed")
        raise


class Runner(Protocol):
    """What the window, the workspace and the export flow need of a runner.

    ``TaskRunner`` runs on a thread pool; ``SyncRunner`` runs at once (widget tests).
    """

    def submit(
        self,
        fn: Callable[[Task], Any],
        on_done: DoneCallback,
        on_error: ErrorCallback,
        *,
        progress: ProgressCallback | None = None,
        pause_gc: bool = False,
    ) -> Task:
        """Run ``fn(task)``; ``on_done(result)`` or ``on_error(exc)`` on the GUI thread."""
        ...

    def active_count(self) -> int:
        """How many submitted jobs have not finished running."""
        ...

    def wait(self, msecs: int = -1) -> bool:
        """Block until idle; True when idle."""
        ...

    def shutdown(self, msecs: int = ...) -> None:
        """Cancel every job and wait a little for the workers to notice."""
        ...


class _Bridge(QObject):
    """Lives in the GUI thread; worker threads emit, its slots run in the GUI thread."""

    finished = Signal(object)  # (task, ok, value)
    progressed = Signal(object, int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.finished.connect(self._on_finished)
        self.progressed.connect(self._on_progressed)

    @Slot(object)
    def _on_finished(self, outcome: tuple[Task, bool, Any]) -> None:
        deliver(*outcome)

    @Slot(object, int, int)
    def _on_progressed(self, task: Task, done: int, total: int) -> None:
        if task.on_progress is not None and not task.is_cancelled():
            task.on_progress(done, total)


class _Job(QRunnable):
    def __init__(
        self,
        fn: Callable[[Task], Any],
        task: Task,
        bridge: _Bridge,
        forget: Callable[[_Job], None],
        *,
        pause_gc: bool = False,
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self._fn, self._task, self._bridge, self._forget = fn, task, bridge, forget
        self._pause_gc = pause_gc

    def run(self) -> None:
        # Workers run at the GUI's priority on purpose. Niced workers (nice 10) lost the CPU to
        # every other process on a busy machine: comparing 200 reports took 49 s instead of
        # 13 s, and a worker preempted while holding the GIL kept the GUI thread waiting too.
        try:
            task = self._task
            task.check()
            with checked_by(task.check):  # the core's checkpoints cancel or give way
                if self._pause_gc:
                    with paused_gc():
                        result = self._fn(task)
                else:
                    result = self._fn(task)
        except BaseException as exc:  # delivered as a value, never lost in the worker
            outcome: tuple[Task, bool, Any] = (self._task, False, exc)
        else:
            outcome = (self._task, True, result)
        self._forget(self)  # first, so that the runner is idle when the outcome arrives
        self._bridge.finished.emit(outcome)


class TaskRunner(QObject):
    """The main window's runner: its own thread pool, callbacks on the GUI thread."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        max_threads: int | None = None,
        switch_interval: float | None = SWITCH_INTERVAL,
    ) -> None:
        super().__init__(parent)
        if switch_interval is not None and sys.getswitchinterval() > switch_interval:
            # A worker running Python keeps the GIL for up to this long each time the GUI
            # thread wants it back after a Qt call; 5 ms (the default) adds up to stalls.
            sys.setswitchinterval(switch_interval)
        self._pool = QThreadPool(self)
        if max_threads:
            self._pool.setMaxThreadCount(max_threads)
        self._bridge = _Bridge(self)
        self._gate = GuiGate(self)
        self._bridge.finished.connect(self._after_job)
        self._jobs: set[_Job] = set()
        self._lock = threading.Lock()

    def submit(
        self,
        fn: Callable[[Task], Any],
        on_done: DoneCallback,
        on_error: ErrorCallback,
        *,
        progress: ProgressCallback | None = None,
        pause_gc: bool = False,
    ) -> Task:
        """Run ``fn(task)`` on the pool; ``on_done(result)`` or ``on_error(exc)`` on this thread.

        ``pause_gc`` holds the cyclic garbage collector off while ``fn`` runs (comparisons;
        see ``desktop.workers.gcpause``).
        """
        task = Task(on_done, on_error, progress)
        task._emit_progress = self._bridge.progressed.emit
        task._give_way = self._gate.give_way
        self._gate.watch()
        job = _Job(fn, task, self._bridge, self._forget, pause_gc=pause_gc)
        with self._lock:
            self._jobs.add(job)
        self._pool.start(job)
        return task

    def _after_job(self, outcome: object) -> None:
        del outcome
        if self.active_count() == 0:
            self._gate.unwatch()  # nothing left to give way to the GUI

    def _forget(self, job: _Job) -> None:
        with self._lock:
            self._jobs.discard(job)

    def active_count(self) -> int:
        """How many submitted jobs have not finished running."""
        with self._lock:
            return len(self._jobs)

    def wait(self, msecs: int = -1) -> bool:
        """Block until the pool is idle (tests, shutdown); True when it is."""
        return self._pool.waitForDone(msecs)

    def shutdown(self, msecs: int = 3000) -> None:
        """Cancel every job and wait a little for the workers to notice."""
        with self._lock:
            jobs = list(self._jobs)
        for job in jobs:
            job._task.cancel()
        self._pool.clear()
        self._pool.waitForDone(msecs)


class SyncRunner(QObject):
    """Runs tasks at once on the calling thread: for widget tests (a fake thread pool)."""

    def submit(
        self,
        fn: Callable[[Task], Any],
        on_done: DoneCallback,
        on_error: ErrorCallback,
        *,
        progress: ProgressCallback | None = None,
        pause_gc: bool = False,
    ) -> Task:
        """Run ``fn(task)`` now and call the callback before returning the task."""
        del pause_gc  # nothing runs beside the caller: no GUI to keep responsive
        task = Task(on_done, on_error, progress)
        task._emit_progress = self._progress
        try:
            task.check()
            result = fn(task)
        except BaseException as exc:
            deliver(task, False, exc)
        else:
            deliver(task, True, result)
        return task

    @staticmethod
    def _progress(task: Task, done: int, total: int) -> None:
        if task.on_progress is not None and not task.is_cancelled():
            task.on_progress(done, total)

    def active_count(self) -> int:
        """Nothing is ever pending."""
        return 0

    def wait(self, msecs: int = -1) -> bool:
        """Always idle."""
        return True

    def shutdown(self, msecs: int = 0) -> None:
        """Nothing to stop."""
