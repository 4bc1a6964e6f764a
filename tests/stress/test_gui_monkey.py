"""A seeded monkey on the real main window: 2,000 random user actions, no crash, no drift.

After every action: no exception reached ``sys.excepthook``, nothing is left running, and the
window's comparison is exactly what the core's own ``compare_documents`` makes of the same
documents, reference, options and decisions (the verdict of every link).

``MONKEY_SEED`` and ``MONKEY_STEPS`` replay or lengthen a run (docs/reliability.md).
"""

from __future__ import annotations

import os
import random
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.core.compare import compare_documents
from desktop.core.model import Comparison, Verdict
from desktop.core.session import read_session
from desktop.paths import sample_files
from desktop.ui.mainwindow import MainWindow
from desktop.ui.persistence import worth_recovering
from desktop.ui.viewstate import Tab
from desktop.workers.runner import SyncRunner
from desktop.workers.workspace import DocState, Workspace
from tests import factories

SEED = int(os.environ.get("MONKEY_SEED", "20261125"))
STEPS = int(os.environ.get("MONKEY_STEPS", "2000"))
WORDS = ("drones", "Iran", "400", "denied", "August", "deal", "zzz", "")


@dataclass
class Monkey:
    """The window, the files it may drop, a random source, and what happened so far."""

    window: MainWindow
    files: list[Path]
    out: Path
    rng: random.Random
    log: list[str] = field(default_factory=list)
    hooked: list[str] = field(default_factory=list)
    exports: int = 0
    saved: dict[Path, tuple[Any, ...]] = field(default_factory=dict)  # session -> decisions

    @property
    def ws(self) -> Workspace:
        return self.window.workspace

    def pick(self, items: list[Any]) -> Any:
        return self.rng.choice(items) if items else None


# -- the files ---------------------------------------------------------------------------------


def make_files(folder: Path) -> list[Path]:
    """The sample, a duplicate, damaged and hostile files, a mixed folder, a missing file."""
    files = []
    for source in sample_files():
        target = folder / source.name
        shutil.copyfile(source, target)
        files.append(target)
    files.append(folder / "duplicate of the reference.txt")
    shutil.copyfile(files[0], files[-1])
    (folder / "empty.txt").write_bytes(b"")
    (folder / "noise.docx").write_bytes(random.Random(1).randbytes(3000))
    files += [
        folder / "empty.txt",
        folder / "noise.docx",
        factories.make_zip_bomb(folder, "bomb.docx", inflated_mb=20),
        factories.make_odt(folder, "laughs.odt", content=factories.BILLION_LAUGHS),
        factories.make_truncated(files[3], "half.docx"),
        folder / "gone.txt",
    ]
    mixed = folder / "a folder"
    mixed.mkdir()
    factories.make_txt(mixed, "Отчёт «ТАСС».txt", factories.news_text())
    (mixed / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    files.append(mixed)
    return files


# -- actions -----------------------------------------------------------------------------------


def drop(m: Monkey) -> str:
    chosen = m.rng.sample(m.files, m.rng.randint(1, 3))
    if m.rng.random() < 0.5:
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(p)) for p in chosen])
        m.window.dropEvent(
            QDropEvent(
                QPointF(20, 20),
                Qt.DropAction.CopyAction,
                mime,
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
            )
        )
    else:
        m.window.add_paths(chosen)
    return "drop " + ", ".join(p.name for p in chosen)


def _select_entry(m: Monkey) -> str | None:
    key: str | None = m.pick([e.key for e in m.ws.entries])
    if key is not None:
        m.window.documents.select(key)
    return key


def document_action(m: Monkey) -> str:
    key = _select_entry(m)
    panel = m.window.documents
    action = m.pick(
        [
            panel.set_reference_action,
            panel.set_reference_action,
            panel.up_action,
            panel.down_action,
            panel.remove_action,
        ]
    )
    if key is None or not action.isEnabled():
        return "document action (nothing to do)"
    action.trigger()
    return f"{action.text()} {Path(key).name}"


def threshold(m: Monkey) -> str:
    value = m.rng.choice((20, 35, 50, 50, 65, 80, 95))
    m.window.sensitivity.setValue(value)
    m.window._threshold_timer.stop()  # the debounce, fired now instead of in 300 ms
    m.window._threshold_timer.timeout.emit()
    return f"sensitivity {value}"


def choose_report(m: Monkey) -> str:
    combo = m.window.side_by_side.report_combo
    if combo.count() == 0:
        return "choose report (none)"
    combo.setCurrentIndex(m.rng.randrange(combo.count()))
    return f"report {combo.currentIndex()}"


def click_statement(m: Monkey) -> str:
    view = m.window.side_by_side
    pane = m.pick([view.left, view.right])
    sid = m.pick(list(pane.statement_ids()))
    if sid is None:
        return "click (no statement)"
    pane.statement_clicked.emit(sid)
    return f"click {sid}"


def matrix_row(m: Monkey) -> str:
    matrix = m.window.matrix
    rows = matrix.proxy.rowCount()
    if rows == 0:
        return "matrix row (none)"
    row = m.rng.randrange(rows)
    matrix.table.setCurrentIndex(matrix.proxy.index(row, 0))
    return f"matrix row {row}"


def matrix_filter(m: Monkey) -> str:
    matrix = m.window.matrix
    matrix.filter_combo.setCurrentIndex(m.rng.randrange(matrix.filter_combo.count()))
    matrix.search.setText(m.rng.choice(WORDS))
    return f"matrix filter {matrix.filter_combo.currentText()!r} {matrix.search.text()!r}"


def review(m: Monkey) -> str:
    actions = m.window.review
    choices = [
        actions.confirm,
        actions.unlink,
        actions.link,
        actions.note,
        actions.reset,
        *actions.set_verdict.values(),
    ]
    enabled = [a for a in choices if a.isEnabled()]
    if not enabled:
        click_statement(m)
        return "review (nothing picked)"
    action = m.pick(enabled)
    action.trigger()
    return f"review: {action.text()}"


def undo_redo(m: Monkey) -> str:
    """Edit ▸ Undo or Redo, whichever the monkey picks (a disabled one does nothing)."""
    history = m.window.review.history
    action = history.undo_action if m.rng.random() < 0.6 else history.redo_action
    action.trigger()
    return f"{action.text() or 'undo/redo'}"


def move_around(m: Monkey) -> str:
    """Up / Down in a text pane, Ctrl+PgDown / Ctrl+PgUp, Enter: the moving-around keys."""
    view = m.window.side_by_side
    pane = m.pick([view.left, view.right])
    choice = m.rng.randrange(4)
    if choice == 0:
        view.step_statement(pane, m.rng.choice((-1, 1)))
        return f"step statement -> {m.window.selection.statement}"
    if choice == 1:
        m.window.moves.step_report(m.rng.choice((-1, 1)))
        return f"step report -> {view.report_id}"
    if choice == 2:
        pane.details_requested.emit()
        return "details"
    key = m.pick([e.key for e in m.ws.entries if e.document is not None])
    if key is None:
        return "dock click (nothing)"
    m.window.documents.select(key)
    doc = m.ws.entry(key).document
    if doc is not None:
        m.window.moves.show_report(doc.id)
    return f"dock click {Path(key).name}"


def link_with(m: Monkey) -> str:
    """Right click ▸ Link with… a statement the monkey picks from the list."""
    view, menus = m.window.side_by_side, m.window.moves.statement_menu
    pane = m.pick([view.left, view.right])
    sid = m.pick(list(pane.statement_ids()))
    if sid is None:
        return "link with (no statement)"
    menus.choose = lambda _p, _q, items, _c: m.rng.randrange(len(items)) if items else None
    menus.link_with(pane, sid)
    return f"link {sid} with…"


def navigate(m: Monkey) -> str:
    conflicts, forward = m.rng.random() < 0.5, m.rng.random() < 0.5
    m.window.go(conflicts=conflicts, forward=forward)
    return f"go conflicts={conflicts} forward={forward}"


def find(m: Monkey) -> str:
    m.window.find_field.setText(m.rng.choice(WORDS))
    m.window.find_text(forward=m.rng.random() < 0.7)
    return f"find {m.window.find_field.text()!r}"


def tab(m: Monkey) -> str:
    m.window.show_tab(m.rng.choice(list(Tab)))
    return f"tab {m.window.tabs.currentIndex()}"


def export(m: Monkey) -> str:
    suffix = m.rng.choice((".docx", ".json", ".csv", ".html"))
    m.exports += 1
    target = m.out / f"export-{m.exports}{suffix}"
    m.window._monkey_target = target  # type: ignore[attr-defined]
    m.window.actions_.export.trigger()
    if m.ws.comparison is not None:
        assert target.exists() and target.stat().st_size > 0, target
    return f"export {target.name}"


def save_session(m: Monkey) -> str:
    """Save session as… through the real action (the file dialog answered by the monkey)."""
    target = m.out / f"work-{len(m.saved) + 1}.crosscheck"
    m.window.sessions.ask_save_path = lambda: str(target)
    m.window.actions_.save_session_as.trigger()
    if not target.exists():
        return "save session (nothing to save)"
    session = read_session(target)
    assert session.decisions == m.ws.decisions
    assert session.reference_id == m.ws.reference_id
    m.saved[target] = session.decisions
    return f"save session {target.name}"


def reopen_session(m: Monkey) -> str:
    """Open session… on a file saved earlier: the workspace becomes what was saved."""
    path = m.pick(sorted(m.saved))
    if path is None:
        return "reopen session (none saved)"
    m.window.sessions.ask_open_path = lambda: str(path)
    m.window.actions_.open_session.trigger()
    assert m.ws.decisions == m.saved[path], "the reopened review differs from the saved one"
    return f"reopen session {path.name}"


def autosave(m: Monkey) -> str:
    """The autosave timer fires: the file holds the unsaved work, or is gone when none (or
    when it is nothing a person would miss: the sample alone, no decision)."""
    saver: Any = m.window.autosave  # type: ignore[attr-defined]  # set by install_persistence
    saver.save_now()
    path = saver.path
    snapshot = m.window.sessions.snapshot()
    if m.window.sessions.modified and snapshot is not None and worth_recovering(snapshot):
        assert read_session(path).decisions == m.ws.decisions
        return "autosave written"
    assert not path.exists()
    return "autosave (nothing unsaved)"


def cancel(m: Monkey) -> str:
    m.window.actions_.cancel.trigger()
    return "cancel"


def close_or_sample(m: Monkey) -> str:
    if m.rng.random() < 0.5:
        m.window.close_all()
        return "close all"
    m.window.open_sample()
    return "open the sample"


ACTIONS: tuple[tuple[Callable[[Monkey], str], float], ...] = (
    (drop, 3),
    (document_action, 4),
    (threshold, 2),
    (choose_report, 8),
    (click_statement, 16),
    (matrix_row, 6),
    (matrix_filter, 3),
    (review, 12),
    (undo_redo, 5),
    (move_around, 4),
    (link_with, 2),
    (navigate, 6),
    (find, 3),
    (tab, 3),
    (export, 0.6),
    (cancel, 1),
    (close_or_sample, 0.4),
    (save_session, 0.8),
    (reopen_session, 0.6),
    (autosave, 1),
)


# -- checks ------------------------------------------------------------------------------------


class Oracle:
    """The core's own comparison of the workspace's inputs, cached per distinct input."""

    def __init__(self) -> None:
        self._cache: dict[tuple[Any, ...], Comparison | None] = {}

    def expected(self, ws: Workspace) -> Comparison | None:
        ref = ws.reference_key
        entry = ws.entry(ref) if ref is not None else None
        if entry is None or entry.state is not DocState.READY or entry.document is None:
            return None
        reports = tuple(
            e.document
            for e in ws.entries
            if e.state is DocState.READY and e.key != ref and e.document is not None
        )
        key = (entry.document.id, tuple(d.id for d in reports), ws.options, ws.decisions)
        if key not in self._cache:
            self._cache[key] = compare_documents(
                entry.document, reports, options=ws.options, decisions=ws.decisions
            )
        return self._cache[key]


def verdicts(comparison: Comparison) -> dict[tuple[str, str], Verdict]:
    return {(link.reference, link.other): link.verdict for link in comparison.links}


def check_consistent(m: Monkey, oracle: Oracle) -> None:
    window, ws = m.window, m.ws
    assert not m.hooked, m.hooked
    assert not ws.busy and window.progress.isHidden(), "left busy"
    assert not window.export_flow.running, "an export never finished"
    assert window.documents.model.rowCount() == len(ws.entries)
    expected, shown = oracle.expected(ws), ws.comparison
    assert (shown is None) == (expected is None), (shown is None, expected is None)
    if shown is None or expected is None:
        return
    assert shown.reference.id == expected.reference.id
    assert [d.id for d in shown.reports] == [d.id for d in expected.reports]
    assert verdicts(shown) == verdicts(expected)
    assert window.index is not None and window.index.comparison is shown, "the views are stale"
    assert window.side_by_side.report_combo.count() == len(shown.reports)
    assert window.matrix.model.rowCount() == len(shown.claims)


# -- the run -----------------------------------------------------------------------------------


@pytest.fixture
def monkey(qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Monkey]:
    window = MainWindow(runner=SyncRunner())
    qtbot.addWidget(window)
    window.resize(1300, 800)
    window.show()
    qtbot.waitExposed(window)
    out = tmp_path / "exports"
    out.mkdir()
    m = Monkey(window, make_files(tmp_path), out, random.Random(SEED))

    def hook(kind: type[BaseException], value: BaseException, tb: Any) -> None:
        m.hooked.append(f"{kind.__name__}: {value}")

    def modal(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(f"a modal dialog would block a headless run: {args[1:3]}")

    monkeypatch.setattr(sys, "excepthook", hook)
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *a, **k: (str(window._monkey_target), "Word report (*.docx)"),
    )  # type: ignore[attr-defined]
    window.review.ask_note = lambda *a: m.rng.choice(
        ("checked with the agency", "", "no source given", None)
    )
    for name in ("question", "critical", "warning", "information", "about"):
        monkeypatch.setattr(QMessageBox, name, modal)
    yield m
    window.close()


@pytest.mark.gui
@pytest.mark.slow
@pytest.mark.timeout(600)
def test_monkey_keeps_the_window_consistent(monkey: Monkey, qtbot: Any) -> None:
    oracle = Oracle()
    actions, weights = zip(*ACTIONS, strict=True)
    monkey.window.add_paths(monkey.files[:4])  # start from a comparison, as most users do
    check_consistent(monkey, oracle)
    for step in range(STEPS):
        action = monkey.rng.choices(actions, weights)[0]
        try:
            monkey.log.append(f"{step}: {action(monkey)}")
            qtbot.wait(0) if step % 25 == 0 else None  # let queued events and timers run
            check_consistent(monkey, oracle)
        except BaseException as exc:
            tail = "\n".join(monkey.log[-15:])
            raise AssertionError(
                f"step {step} (MONKEY_SEED={SEED}) failed: {exc!r}\nlast actions:\n{tail}"
            ) from exc
    decided = max((len(d) for d in monkey.saved.values()), default=0)
    # The run really exported, saved sessions holding review decisions, and reopened them.
    assert monkey.exports and decided, (monkey.exports, decided)
    assert any(line.split(": ", 1)[1].startswith("reopen session w") for line in monkey.log)
