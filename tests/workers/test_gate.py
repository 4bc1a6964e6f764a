"""Workers wait at the gate while the GUI thread handles events, and go on when it rests."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject

from desktop.workers import gate as gate_module
from desktop.workers.gate import GuiGate
from desktop.workers.runner import TaskRunner

_KIND = QEvent.Type(QEvent.registerEventType())


class _Handler(QObject):
    """Runs ``during`` inside the handling of one custom event, on the GUI thread."""

    def __init__(self, during) -> None:
        super().__init__()
        self.during = during

    def event(self, event: QEvent) -> bool:
        if event.type() == _KIND:
            self.during()
            return True
        return super().event(event)


class _WatchedEvent(threading.Event):
    """The gate's event, telling the test when a worker has started waiting at it."""

    def __init__(self) -> None:
        super().__init__()
        self.waiting = threading.Event()

    def wait(self, timeout: float | None = None) -> bool:
        self.waiting.set()
        return super().wait(timeout)


@pytest.fixture
def gate(qapp, monkeypatch):
    monkeypatch.setattr(gate_module, "MAX_WAIT", 30.0)  # only the event loop opens it here
    g = GuiGate()
    g._open = _WatchedEvent()  # before watch(): the event loop's aboutToBlock opens this one
    g._open.set()
    g.watch()
    yield g
    g.unwatch()


def test_worker_waits_while_the_gui_handles_an_event(qtbot, gate) -> None:
    passed = threading.Event()
    seen: dict[str, bool] = {}

    def worker() -> None:
        gate.give_way()
        passed.set()

    def during() -> None:
        assert not gate.is_open()
        thread = threading.Thread(target=worker)
        thread.start()
        seen["reached"] = gate._open.waiting.wait(10)  # the worker is waiting at the gate
        seen["waited"] = not passed.is_set()
        gate.give_way()  # the GUI thread itself never waits at its own gate
        seen["gui passed"] = True

    handler = _Handler(during)
    QCoreApplication.postEvent(handler, QEvent(_KIND))
    qtbot.waitUntil(lambda: "gui passed" in seen, timeout=5000)
    assert seen["reached"] and seen["waited"]
    qtbot.waitUntil(passed.is_set, timeout=5000)  # the loop rested: the gate opened


def test_a_gui_busy_for_too_long_does_not_hold_workers(qtbot, gate, monkeypatch) -> None:
    monkeypatch.setattr(gate_module, "MAX_WAIT", 0.0)
    passed = threading.Event()

    def during() -> None:
        thread = threading.Thread(target=lambda: (gate.give_way(), passed.set()))
        thread.start()
        thread.join(10)

    handler = _Handler(during)
    QCoreApplication.postEvent(handler, QEvent(_KIND))
    qtbot.waitUntil(passed.is_set, timeout=5000)


def test_unwatched_gate_stays_open(qtbot, gate) -> None:
    gate.unwatch()
    opened: list[bool] = []
    handler = _Handler(lambda: opened.append(gate.is_open()))
    QCoreApplication.postEvent(handler, QEvent(_KIND))
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    assert opened == [True]


def test_runner_watches_only_while_jobs_run(qtbot, qapp) -> None:
    runner = TaskRunner()
    try:
        release = threading.Event()
        results: list[object] = []
        runner.submit(lambda task: release.wait(10), results.append, results.append)
        assert runner._gate._watching
        release.set()
        qtbot.waitUntil(lambda: bool(results), timeout=5000)
        assert not runner._gate._watching
        assert runner._gate.is_open()
    finally:
        runner.shutdown()
