"""The runner brings results, errors and progress back to the GUI thread; cancel works."""

from __future__ import annotations

import logging
import threading

import pytest
from PySide6.QtCore import QThread

from desktop.core.errors import Cancelled
from desktop.workers.runner import SyncRunner, TaskRunner


@pytest.fixture
def runner(qapp):
    r = TaskRunner()
    yield r
    r.shutdown()


def test_result_arrives_on_gui_thread(qtbot, runner):
    seen = {}

    def work(task):
        seen["worker"] = QThread.currentThread()
        return 42

    def done(value):
        seen["value"] = value
        seen["callback"] = QThread.currentThread()

    runner.submit(work, done, pytest.fail)
    qtbot.waitUntil(lambda: "value" in seen)
    assert seen["value"] == 42
    assert seen["callback"] is qapp_thread()
    assert seen["worker"] is not qapp_thread()


def qapp_thread():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance().thread()


def test_exception_is_delivered_as_a_value(qtbot, runner):
    errors = []
    runner.submit(
        lambda task: 1 / 0, pytest.fail, lambda exc: errors.append((exc, QThread.currentThread()))
    )
    qtbot.waitUntil(lambda: bool(errors))
    exc, thread = errors[0]
    assert isinstance(exc, ZeroDivisionError)
    assert thread is qapp_thread()


def test_progress_reaches_gui_thread(qtbot, runner):
    steps, finished = [], []

    def work(task):
        for i in range(1, 4):
            task.report(i, 3)
        return "ok"

    runner.submit(
        work,
        finished.append,
        pytest.fail,
        progress=lambda d, t: steps.append((d, t, QThread.currentThread())),
    )
    qtbot.waitUntil(lambda: bool(finished))
    assert steps and steps[-1][:2] == (3, 3)
    assert all(thread is qapp_thread() for *_, thread in steps)


def test_cancel_stops_work_and_never_reports_success(qtbot, runner):
    started, errors = threading.Event(), []

    def work(task):
        started.set()
        while not task.is_cancelled():
            QThread.msleep(2)
        task.check()
        return "finished anyway"

    task = runner.submit(work, pytest.fail, errors.append)
    assert started.wait(5)
    task.cancel()
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], Cancelled)
    assert runner.wait(2000)


def test_sync_runner_runs_at_once(qapp):
    out = []
    SyncRunner().submit(lambda task: "now", out.append, pytest.fail)
    assert out == ["now"]
    SyncRunner().submit(lambda task: [][1], pytest.fail, out.append)
    assert isinstance(out[1], IndexError)


def test_pause_gc_holds_the_collector_off_only_while_the_job_runs(qtbot, runner):
    import gc

    seen = {}
    runner.submit(
        lambda task: gc.isenabled(),
        lambda v: seen.setdefault("paused", v),
        lambda exc: seen.setdefault("error", exc),
        pause_gc=True,
    )
    runner.submit(
        lambda task: gc.isenabled(),
        lambda v: seen.setdefault("plain", v),
        lambda exc: seen.setdefault("error", exc),
    )
    qtbot.waitUntil(lambda: ("paused" in seen and "plain" in seen) or "error" in seen)
    runner.wait()
    assert seen["paused"] is False
    assert "error" not in seen
    assert gc.isenabled()


def test_a_cancelled_job_stops_at_the_cores_next_checkpoint(qtbot, runner):
    from desktop.core import pace

    started, reached = threading.Event(), []
    release = threading.Event()
    errors: list[BaseException] = []

    def work(task):
        started.set()
        release.wait(10)
        for n in range(1000):
            pace.checkpoint()
            reached.append(n)
        return "finished"

    task = runner.submit(work, errors.append, errors.append)
    assert started.wait(10)
    task.cancel()
    release.set()
    qtbot.waitUntil(lambda: bool(errors), timeout=10000)
    assert isinstance(errors[0], Cancelled) and reached == []


def test_an_error_delivered_as_a_value_leaves_a_debug_line(qapp, caplog):
    errors = []

    def fail(task):
        raise ValueError("bad input")

    with caplog.at_level(logging.DEBUG, logger="desktop.workers.runner"):
        SyncRunner().submit(fail, lambda r: None, errors.append)
    assert isinstance(errors[0], ValueError)
    record = next(r for r in caplog.records if r.name == "desktop.workers.runner")
    assert record.levelno == logging.DEBUG and "ValueError: bad input" in record.getMessage()
    assert record.exc_info and record.exc_info[1] is errors[0]  # the trace goes to the log
