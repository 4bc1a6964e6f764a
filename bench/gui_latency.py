"""GUI responsiveness: the longest event-loop stall while 200 generated reports load and compare.

Run from the checkout:  .venv/bin/python -m bench.gui_latency  [--reports 200]

A QTimer beats every 5 ms on the GUI thread; a stall is the gap between two beats minus the
5 ms interval. The GUI work is the GUI thread's own CPU time between two beats: what our code
costs, apart from waiting for a CPU or the GIL on a busy machine. Each phase (load and compare,
a sensitivity change, a review decision, switching the report shown, stepping through
conflicts) runs in a real MainWindow with its thread pool and the real engine. The target is
under 100 ms; the table also gives the 99th percentile stall and each phase's wall time.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CROSSCHECK_HEADLESS", "1")

BEAT_MS = 5
TARGET_MS = 100.0


class Heartbeat:
    """Records the gaps between 5 ms timer beats on the GUI thread."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.gaps: list[float] = []
        self.work: list[float] = []  # GUI-thread CPU time between beats: our own work
        self._last = time.perf_counter()
        self._last_cpu = time.thread_time()
        self._timer = QTimer()
        self._timer.setInterval(BEAT_MS)
        self._timer.timeout.connect(self._beat)

    def _beat(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        self.gaps.append((now - self._last) * 1000)
        self.work.append((cpu - self._last_cpu) * 1000)
        self._last, self._last_cpu = now, cpu

    def start(self) -> None:
        """Begin a phase."""
        self.gaps, self.work = [], []
        self._last, self._last_cpu = time.perf_counter(), time.thread_time()
        self._timer.start()

    def stop(self) -> tuple[float, float, float, int]:
        """End a phase: (longest stall, 99th percentile stall, longest GUI work, beats), ms."""
        self._timer.stop()
        self._beat()  # the stretch since the last beat counts too
        stalls = sorted(max(0.0, g - BEAT_MS) for g in self.gaps)
        p99 = stalls[min(len(stalls) - 1, int(len(stalls) * 0.99))] if stalls else 0.0
        return (stalls[-1] if stalls else 0.0), p99, max(self.work, default=0.0), len(stalls)


def write_corpus(folder: Path, count: int) -> list[Path]:
    """The seed reference and ``count`` generated reports as text files."""
    from bench.gen import REFERENCE_NAME, SEEDS, generate_reports

    reference = folder / "000-reference.txt"
    reference.write_text((SEEDS / REFERENCE_NAME).read_text(encoding="utf-8"), encoding="utf-8")
    paths = [reference]
    for n, doc in enumerate(generate_reports(count)):
        path = folder / f"{n + 1:03d}-report.txt"
        path.write_text(f"{doc.title}\n\n{doc.text}", encoding="utf-8")
        paths.append(path)
    return paths


def run_until(app: object, done: Callable[[], bool], timeout: float = 300.0) -> None:
    """Run the event loop, as ``app.exec()`` does (it rests when idle), until ``done()``."""
    from PySide6.QtCore import QEventLoop, QTimer

    del app
    loop = QEventLoop()
    end = time.perf_counter() + timeout
    timed_out: list[bool] = []

    def poll() -> None:
        if done():
            loop.quit()
        elif time.perf_counter() > end:
            timed_out.append(True)
            loop.quit()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(poll)
    timer.start()
    loop.exec()
    timer.stop()
    if timed_out:
        raise TimeoutError("the phase did not finish in time")


Row = tuple[str, float, float, float, float, int]


def measure(
    app: object, beat: Heartbeat, name: str, start: Callable[[], object], done: Callable[[], bool]
) -> Row:
    """One phase: (name, wall seconds, longest stall, p99 stall, longest GUI work, beats)."""
    beat.start()
    t0 = time.perf_counter()
    start()
    run_until(app, done)
    wall = time.perf_counter() - t0
    return (name, wall, *beat.stop())


_pending: list[Callable[[], object]] = []


def queue(steps: list[Callable[[], object]]) -> None:
    """Run ``steps`` one per event-loop turn, as a person pressing keys would."""
    from PySide6.QtCore import QTimer

    _pending[:] = steps

    def next_step() -> None:
        if _pending:
            _pending.pop(0)()
            QTimer.singleShot(20, next_step)

    next_step()


def queue_empty() -> bool:
    """Whether every queued step has run."""
    return not _pending


def open_window() -> tuple[Any, Heartbeat]:
    """A shown main window of the usual size, and a heartbeat to time it with."""
    from desktop.ui.mainwindow import MainWindow

    window = MainWindow()
    window.resize(1500, 950)
    window.show()
    return window, Heartbeat()


def phases(app: object, count: int, folder: Path) -> list[Row]:
    """Run every phase in one window."""
    from desktop.core.model import Action, Decision

    paths = write_corpus(folder, count)
    window, beat = open_window()
    ws = window.workspace
    rows = []
    stamp: list[object] = []

    def fresh() -> bool:
        return not ws.busy and ws.comparison is not None and ws.comparison is not stamp[-1]

    stamp.append(None)
    rows.append(
        measure(
            app, beat, f"load + compare {count} reports", lambda: window.add_paths(paths), fresh
        )
    )
    stamp.append(ws.comparison)
    rows.append(
        measure(
            app,
            beat,
            "sensitivity 50 → 60 (debounced)",
            lambda: window.sensitivity.setValue(60),
            fresh,
        )
    )
    stamp.append(ws.comparison)
    assert ws.comparison is not None
    link = ws.comparison.links[0]
    rows.append(
        measure(
            app,
            beat,
            "review: change a verdict",
            lambda: ws.decide(Decision(link.reference, link.other, Action.CONFIRM)),
            fresh,
        )
    )
    assert ws.comparison is not None
    reports = [d.id for d in ws.comparison.reports[:20]]
    rows.append(
        measure(
            app,
            beat,
            "show 20 reports in turn",
            lambda: queue([partial(window.side_by_side.show_report, r) for r in reports]),
            queue_empty,
        )
    )
    rows.append(
        measure(
            app,
            beat,
            "next conflict × 20 (F8)",
            lambda: queue([partial(window.go, conflicts=True)] * 20),
            queue_empty,
        )
    )
    window.close()
    return rows


def write_big(folder: Path, chars: int) -> list[Path]:
    """The seed reference and one report of about ``chars`` characters: its paragraphs again
    and again, figures changed (a stress case well past the target's 200 short reports)."""
    import random

    from bench.gen import REFERENCE_NAME, SEEDS

    text = (SEEDS / REFERENCE_NAME).read_text(encoding="utf-8")
    paragraphs = [p for p in text.splitlines() if len(p) > 80]
    rng = random.Random(1)
    out: list[str] = []
    size = 0
    while size < chars:
        para = rng.choice(paragraphs).replace("400", str(rng.randint(1, 999)))
        out.append(para)
        size += len(para) + 2
    reference, report = folder / "000-reference.txt", folder / "big-report.txt"
    reference.write_text(text, encoding="utf-8")
    report.write_text("\n\n".join(out), encoding="utf-8")
    return [reference, report]


def big_phase(app: object, chars: int, folder: Path) -> list[Row]:
    """Load and compare the reference with one very long report, and show it."""
    paths = write_big(folder, chars)
    window, beat = open_window()
    ws = window.workspace
    panes = (window.side_by_side.left, window.side_by_side.right)
    row = measure(
        app,
        beat,
        f"load + compare one report of {chars:,} characters, and show it",
        lambda: window.add_paths(paths),
        lambda: not ws.busy and ws.comparison is not None and all(p.is_filled() for p in panes),
    )
    window.close()
    return [row]


def render(rows: Sequence[Row]) -> str:
    """A Markdown table of the phases."""
    lines = [
        "| phase | wall time | longest stall | p99 stall | longest GUI work | beats "
        "| stall / target | work / target |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, wall, longest, p99, work, beats in rows:
        lines.append(
            f"| {name} | {wall:.2f} s | {longest:.0f} ms | {p99:.0f} ms | "
            f"{work:.0f} ms | {beats} | {longest / TARGET_MS:.2f} | "
            f"{work / TARGET_MS:.2f} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=200)
    parser.add_argument(
        "--without-autosave",
        action="store_true",
        help="skip the autosave write, to see the GUI work apart from it",
    )
    parser.add_argument(
        "--big-chars",
        type=int,
        default=0,
        metavar="N",
        help="also load one report of about N characters (a stress case)",
    )
    parser.add_argument(
        "--no-baseline",
        action="store_true",
        help="skip the first pass with the GUI gate switched off",
    )
    args = parser.parse_args(argv)
    if args.without_autosave:
        from desktop.ui.autosave import Autosave

        Autosave.save_now = lambda self: None  # type: ignore[method-assign]
        Autosave._save_in_background = lambda self: None  # type: ignore[method-assign]
    from PySide6.QtWidgets import QApplication

    from desktop.core import memo
    from desktop.workers.gate import GuiGate

    app = QApplication.instance() or QApplication(sys.argv[:1])
    passes: list[tuple[str, list[Row]]] = []
    for gated in [True] if args.no_baseline else [False, True]:
        watch = GuiGate.watch
        if not gated:  # the baseline: workers never give way to the GUI thread
            GuiGate.watch = lambda self: None  # type: ignore[method-assign]
        memo.forget()  # each pass compares from scratch
        try:
            with tempfile.TemporaryDirectory() as tmp:
                home = Path(tmp) / "home"
                os.environ["XDG_CONFIG_HOME"] = str(home)  # leave the user's layout alone
                passes.append(
                    (
                        "gate on" if gated else "gate off (baseline)",
                        phases(app, args.reports, Path(tmp)),
                    )
                )
        finally:
            GuiGate.watch = watch  # type: ignore[method-assign]
    if args.big_chars:
        memo.forget()
        with tempfile.TemporaryDirectory() as tmp:
            os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "home")
            passes.append(
                ("stress: one very long report, gate on", big_phase(app, args.big_chars, Path(tmp)))
            )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"GUI event-loop stalls (heartbeat every {BEAT_MS} ms, target < {TARGET_MS:.0f} ms), "
        f"{os.cpu_count()} CPUs, load average {load:.1f}, "
        f"Qt platform {os.environ['QT_QPA_PLATFORM']}"
        + (", autosave skipped" if args.without_autosave else "")
    )
    for title, rows in passes:
        print(f"\n{title}:")
        print(render(rows))
    rows = next(r for t, r in passes if t == "gate on")
    worst, work = max(r[2] for r in rows), max(r[4] for r in rows)
    print(
        f"\nlongest stall overall: {worst:.0f} ms; longest GUI-thread work between two beats: "
        f"{work:.0f} ms (target {TARGET_MS:.0f} ms). A stall longer than the work is time the "
        "GUI thread waited for a CPU or for the GIL."
    )
    if not args.no_baseline:
        base = max(r[2] for r in passes[0][1])
        print(
            f"longest stall with the gate / without it: {worst:.0f} / {base:.0f} ms = "
            f"{worst / base:.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
