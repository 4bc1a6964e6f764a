"""The one comparison a workspace runs at a time: started, superseded, stopped, reported."""

from __future__ import annotations

from collections.abc import Callable

from desktop.core.lookup import ComparisonLookup
from desktop.core.model import Comparison
from desktop.workers.runner import Runner, Task

Work = Callable[[Task], Comparison]


class CompareJob:
    """Runs comparisons on the runner so that only the latest one reports back.

    Each start gets a generation; a job that was stopped or superseded may still finish on its
    worker, and its result, error or progress is then dropped here.
    """

    def __init__(
        self,
        runner: Runner,
        *,
        started: Callable[[], None],
        done: Callable[[Comparison, ComparisonLookup], None],
        failed: Callable[[BaseException], None],
        progressed: Callable[[int, int], None],
    ) -> None:
        self._runner = runner
        self._started, self._done, self._failed = started, done, failed
        self._progressed = progressed
        self._task: Task | None = None
        self._gen = 0
        self._running: int | None = None  # the generation whose result is awaited

    @property
    def running(self) -> bool:
        """Whether a comparison is under way (its result is still awaited)."""
        return self._running is not None

    def start(self, work: Work) -> None:
        """Run ``work`` (replacing any job under way); the lookup is built on the worker too."""
        self.stop()
        self._gen += 1
        gen = self._running = self._gen
        self._started()

        def work_and_look_up(task: Task) -> tuple[Comparison, ComparisonLookup]:
            comparison = work(task)
            return comparison, ComparisonLookup(comparison)  # built here, not in the GUI

        task = self._runner.submit(
            work_and_look_up,
            lambda result: self._on_done(gen, result),
            lambda exc: self._on_failed(gen, exc),
            progress=lambda done, total: self._on_progress(gen, done, total),
            pause_gc=True,
        )
        if self._running == gen:  # a synchronous runner has already finished it
            self._task = task

    def stop(self) -> None:
        """Cancel the job under way; whatever it still delivers is dropped."""
        if self._task is not None:
            self._task.cancel()
        self._task = self._running = None

    def _on_progress(self, gen: int, done: int, total: int) -> None:
        if gen == self._running:
            self._progressed(done, total)

    def _on_done(self, gen: int, result: tuple[Comparison, ComparisonLookup]) -> None:
        if gen != self._running:
            return  # superseded by a newer comparison
        self._task = self._running = None
        self._done(*result)

    def _on_failed(self, gen: int, exc: BaseException) -> None:
        if gen != self._running:
            return
        self._task = self._running = None
        self._failed(exc)
