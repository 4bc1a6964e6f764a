"""``crosscheck --smoke-test``: prove offscreen that the (frozen) app works from end to end.

It loads the sample comparison, compares it, writes and reopens a DOCX report and a session,
and opens the main window with the sample in it. One line per step; exit 0 when all pass,
1 with the failing step and its reason otherwise. Nothing here opens a dialog.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.model import Comparison, Document

NONE_LEAK_LIMIT = 2000  # references to None that showing the window may drop (normally ~0)
WINDOW_TIMEOUT_S = 120  # generous: a cold start of a frozen app on a slow CI machine
# The report's main sections, which every DOCX report with default options has.
EXPECTED_HEADINGS = ("Documents compared", "Summary per report", "Claim matrix", "Methods")


@dataclass
class _State:
    """What one step hands to the next."""

    folder: Path
    documents: list[Document] = field(default_factory=list)
    comparison: Comparison | None = None

    def compared(self) -> Comparison:
        """The comparison of the earlier step."""
        if self.comparison is None:
            raise RuntimeError("there is no comparison: an earlier step failed")
        return self.comparison


def _say(line: str, *, error: bool = False) -> None:
    # A windowed Windows build has no console: sys.stdout is None there.
    stream = sys.stderr if error else sys.stdout
    if stream is not None:
        print(line, file=stream, flush=True)


def _load_sample(state: _State) -> str:
    from desktop.core.loaders import load_document
    from desktop.paths import sample_files

    files = sample_files()
    if len(files) < 2:
        raise RuntimeError(f"the sample comparison is incomplete in {files[0].parent}")
    state.documents = [load_document(path) for path in files]
    statements = sum(len(d.statements) for d in state.documents)
    return f"{len(state.documents)} documents, {statements} statements"


def _compare(state: _State) -> str:
    from desktop.core.compare import compare_documents
    from desktop.core.model import Verdict

    reference, *reports = state.documents
    comparison = state.comparison = compare_documents(reference, reports)
    conflicts = sum(1 for link in comparison.links if link.verdict is Verdict.CONFLICT)
    if not comparison.links:
        raise RuntimeError("the comparison found no links at all in the sample")
    return f"{len(comparison.links)} links, {conflicts} conflicts, {len(comparison.claims)} claims"


def _docx_report(state: _State) -> str:
    import docx

    from desktop.export import write_export

    path = state.folder / "sample-report.docx"
    write_export(state.compared(), path)
    headings = [
        p.text
        for p in docx.Document(str(path)).paragraphs
        if p.style is not None and (p.style.name or "").startswith("Heading")
    ]
    missing = [h for h in EXPECTED_HEADINGS if h not in headings]
    if missing:
        raise RuntimeError(f"the DOCX report lacks the headings {missing}")
    return f"{path.stat().st_size // 1024} KiB, {len(headings)} headings"


def _session(state: _State) -> str:
    from desktop.core.session import (
        comparison_from_session,
        read_session,
        session_from_workspace,
        write_session,
    )

    comparison = state.compared()
    session = session_from_workspace(
        comparison.documents, comparison.reference.id, comparison.options, view={"smoke": True}
    )
    path = state.folder / "sample.crosscheck"
    write_session(session, path)
    reopened = read_session(path)
    if reopened != session:
        raise RuntimeError("the session read back differs from the one written")
    if comparison_from_session(reopened) != comparison:
        raise RuntimeError("the reopened session gives another comparison")
    return f"{path.stat().st_size // 1024} KiB, same comparison after reopening"


def _main_window(state: _State) -> str:
    before = sys.getrefcount(None)
    detail = _show_sample_window(state)
    lost = before - sys.getrefcount(None)
    if lost > NONE_LEAK_LIMIT and sys.getrefcount(None) < 2**30:
        _give_back_none(lost)  # so that this process can still exit and report
        raise RuntimeError(
            f"PySide6 lost {lost} references to None while the window showed the sample "
            "(PySide6 6.12.0 with Python 3.11 does not count the None that void Qt calls "
            "return); the app would abort with 'none_dealloc' after a few seconds of use"
        )
    return detail


def _give_back_none(count: int) -> None:
    import ctypes

    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    for _ in range(count):
        incref(None)


def _show_sample_window(state: _State) -> str:
    from PySide6.QtCore import QEventLoop, QSettings
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from desktop import paths
    from desktop.ui.mainwindow import MainWindow

    # The window remembers its layout: keep that out of the user's real settings.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(state.folder / "settings")
    )
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "crosscheck"])
    icon = QIcon(str(paths.resources() / "crosscheck.svg"))
    if icon.pixmap(64, 64).isNull():
        raise RuntimeError("the application icon cannot be drawn (is the SVG plugin bundled?)")
    errors: list[str] = []
    previous_hook = sys.excepthook
    sys.excepthook = lambda kind, exc, tb: errors.append(f"{kind.__name__}: {exc}")
    try:
        window = MainWindow()  # the real thread pool: workers must run in the frozen app too
        window.add_paths(paths.sample_files())
        window.show()
        deadline = time.monotonic() + WINDOW_TIMEOUT_S
        while window.workspace.busy or window.workspace.comparison is None:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            if errors or time.monotonic() > deadline:
                break
        comparison = window.workspace.comparison
        image = window.grab().toImage()  # paints every view once
        window.close()
        app.processEvents()
    finally:
        sys.excepthook = previous_hook
    if errors:
        raise RuntimeError(f"the window raised {errors[0]}")
    if comparison is None:
        raise RuntimeError(f"the window showed no comparison within {WINDOW_TIMEOUT_S} s")
    if len(comparison.reports) != len(state.documents) - 1 or image.isNull():
        raise RuntimeError(
            f"the window compared {len(comparison.reports)} reports, not {len(state.documents) - 1}"
        )
    return (
        f"{len(comparison.reports)} reports, {len(comparison.claims)} claims, "
        f"painted {image.width()}x{image.height()}"
    )


STEPS: tuple[tuple[str, Callable[[_State], str]], ...] = (
    ("load the sample", _load_sample),
    ("compare", _compare),
    ("write the DOCX report", _docx_report),
    ("save and reopen a session", _session),
    ("open the main window", _main_window),
)


def run_smoke_test() -> int:
    """Run every step offscreen; 0 when all pass, 1 at the first failure."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any Qt import: never show a window
    os.environ.setdefault("CROSSCHECK_HEADLESS", "1")
    from desktop import APP_NAME, __version__

    _say(f"{APP_NAME} {__version__} smoke test ({'frozen' if _frozen() else 'source'})")
    with tempfile.TemporaryDirectory(prefix="crosscheck-smoke-") as tmp:
        state = _State(Path(tmp))
        for number, (name, step) in enumerate(STEPS, 1):
            started = time.perf_counter()
            try:
                detail = step(state)
            except Exception as exc:  # the smoke test reports any failure, then stops
                _say(f"[{number}/{len(STEPS)}] {name}: FAILED: {exc}", error=True)
                _say(traceback.format_exc(), error=True)
                _say(f"smoke test failed at step {number} ({name})", error=True)
                return 1
            seconds = time.perf_counter() - started
            _say(f"[{number}/{len(STEPS)}] {name}: ok ({detail}; {seconds:.2f} s)")
    _say("smoke test passed")
    return 0


def _frozen() -> bool:
    return bool(getattr(sys, "frozen", False))
