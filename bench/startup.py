"""Start-up: process start to a shown main window, and loading and comparing the sample.

Run from the checkout:  .venv/bin/python -m bench.startup [--runs 5]

Every figure is the median of ``--runs`` fresh processes (offscreen Qt, settings in a
temporary folder), timed from just before the process is spawned:

- the empty main window shown (the app's own ``run_app``, as a user starts it);
- the window shown with the sample comparison loaded, compared and on screen (``--sample``);
- loading the sample files and comparing them without Qt, cold (imports included) and warm
  (the same work again in the same process).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

WINDOW_CHILD = r"""
import sys, time
from desktop.workers.qtguard import make_singletons_immortal
make_singletons_immortal()
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

app = QApplication([sys.argv[0]])
want_sample = sys.argv[1] == "sample"

def ready(window):
    if not window.isVisible():
        return False
    if not want_sample:
        return True
    ws = window.workspace
    return ws.comparison is not None and not ws.busy and window.index is not None

def poll():
    for window in app.topLevelWidgets():
        if type(window).__name__ == "MainWindow" and ready(window):
            print("READY", time.time(), flush=True)
            app.quit()
            return
    QTimer.singleShot(2, poll)

QTimer.singleShot(0, poll)
from desktop.app import run_app
run_app(["--sample"] if want_sample else [])
"""

CORE_CHILD = r"""
import sys, time
start = time.time()
from desktop.core.compare import compare_documents
from desktop.core.loaders import load_document
from desktop.paths import sample_files

def work():
    reference, *reports = [load_document(p) for p in sample_files()]
    return compare_documents(reference, reports)

work()
cold = time.time()
begin = time.perf_counter()
work()
print("READY", cold, time.perf_counter() - begin, flush=True)
"""


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        CROSSCHECK_HEADLESS="1",
        QT_LOGGING_RULES="qt.qpa.*=false",
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
    )
    return env


def run_child(code: str, *args: str) -> list[float]:
    """Spawn a fresh interpreter; returns [seconds from spawn to READY, extra figures...]."""
    with tempfile.TemporaryDirectory(prefix="crosscheck-startup-") as home:
        started = time.time()
        done = subprocess.run(
            [sys.executable, "-c", code, *args],
            cwd=ROOT,
            env=_env(Path(home)),
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    line = next((x for x in done.stdout.splitlines() if x.startswith("READY")), None)
    if line is None:
        raise RuntimeError(f"the child did not get ready:\n{done.stdout}\n{done.stderr[-2000:]}")
    stamp, *extra = (float(x) for x in line.split()[1:])
    return [stamp - started, *extra]


def describe(label: str, values: Sequence[float]) -> str:
    return f"| {label} | {statistics.median(values):.2f} | {min(values):.2f} | {max(values):.2f} |"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    empty = [run_child(WINDOW_CHILD, "empty")[0] for _ in range(args.runs)]
    sample = [run_child(WINDOW_CHILD, "sample")[0] for _ in range(args.runs)]
    core = [run_child(CORE_CHILD) for _ in range(args.runs)]
    print(f"| measure (median of {args.runs} fresh processes) | median s | min s | max s |")
    print("|---|---:|---:|---:|")
    print(describe("process start → empty main window shown", empty))
    print(describe("process start → sample loaded, compared and shown", sample))
    print(
        describe("process start → sample loaded and compared, no Qt (cold)", [c[0] for c in core])
    )
    print(
        describe("load and compare the sample again in that process (warm)", [c[1] for c in core])
    )


if __name__ == "__main__":
    main()
