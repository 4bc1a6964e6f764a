"""CompareJob: only the latest comparison reports; a stopped or superseded one is dropped."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop.core.lookup import ComparisonLookup
from desktop.core.model import CompareOptions, Comparison
from desktop.workers.comparejob import CompareJob
from desktop.workers.runner import SyncRunner, Task
from tests.workers.fakes import make_document


class HeldRunner:
    """Keeps every submitted job until the test runs it (a thread pool that is slow)."""

    def __init__(self) -> None:
        self.jobs: list[tuple[Callable[[Task], Any], Task, bool]] = []

    def submit(self, fn, on_done, on_error, *, progress=None, pause_gc=False):
        task = Task(on_done, on_error, progress)
        self.jobs.append((fn, task, pause_gc))
        return task

    def finish(self, index: int) -> None:
        fn, task, _ = self.jobs[index]
        try:
            result = fn(task)
        except BaseException as exc:
            task.on_error(exc)
        else:
            task.on_done(result)

    def active_count(self) -> int:
        return len(self.jobs)

    def wait(self, msecs: int = -1) -> bool:
        return True

    def shutdown(self, msecs: int = 0) -> None:
        pass


def _comparison(title: str) -> Comparison:
    doc = make_document("The storm hit on Monday.", path=f"{title}.txt", title=title)
    return Comparison(doc, (), (), (), CompareOptions())


class Recorder:
    def __init__(self) -> None:
        self.events: list[tuple[str, object]] = []

    def job(self, runner: Any) -> CompareJob:
        return CompareJob(
            runner,
            started=lambda: self.events.append(("started", None)),
            done=lambda c, lookup: self.events.append(("done", (c.reference.title, lookup))),
            failed=lambda exc: self.events.append(("failed", type(exc).__name__)),
            progressed=lambda done, total: self.events.append(("progress", (done, total))),
        )


def test_result_arrives_with_a_lookup_built_on_the_worker() -> None:
    rec = Recorder()
    job = rec.job(SyncRunner())
    job.start(lambda task: _comparison("first"))
    assert [e for e, _ in rec.events] == ["started", "done"]
    title, lookup = rec.events[1][1]
    assert title == "first" and isinstance(lookup, ComparisonLookup)
    assert not job.running  # a synchronous runner finished inside start()


def test_a_superseded_job_is_dropped() -> None:
    rec, runner = Recorder(), HeldRunner()
    job = rec.job(runner)
    job.start(lambda task: _comparison("old"))
    job.start(lambda task: _comparison("new"))
    assert runner.jobs[0][1].is_cancelled() and job.running
    assert runner.jobs[1][2] is True  # comparisons pause the garbage collector
    runner.finish(1)
    runner.finish(0)  # the old worker finishes late
    assert [p[0] for e, p in rec.events if e == "done"] == ["new"]


def test_stop_drops_result_error_and_progress() -> None:
    rec, runner = Recorder(), HeldRunner()
    job = rec.job(runner)

    def work(task: Task) -> Comparison:
        task.on_progress(1, 2)
        raise RuntimeError("boom")

    job.start(work)
    job.stop()
    assert not job.running and runner.jobs[0][1].is_cancelled()
    runner.finish(0)
    assert rec.events == [("started", None)]


def test_failure_and_progress_of_the_current_job_are_reported() -> None:
    rec, runner = Recorder(), HeldRunner()
    job = rec.job(runner)

    def work(task: Task) -> Comparison:
        task.on_progress(1, 2)
        raise RuntimeError("boom")

    job.start(work)
    runner.finish(0)
    assert rec.events == [("started", None), ("progress", (1, 2)), ("failed", "RuntimeError")]
    assert not job.running
