"""Autosave: written atomically after a quiet period, removed on a clean close, offered back
after a crash, and never offered from a Crosscheck that is still running."""

from __future__ import annotations

import os

from PySide6.QtCore import QLockFile

from desktop import paths
from desktop.core.session import read_session, write_session
from desktop.ui.autosave import Autosave
from desktop.ui.persistence import offer_recovery
from desktop.ui.sessionflow import CloseChoice
from tests.ui.persisthelp import make_window, review


def _session(window):
    return window.sessions.snapshot()


def test_changes_are_written_once_after_a_quiet_period(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    saves = []
    window.autosave.written.connect(saves.append)
    window.add_paths(paths.sample_files())
    review(window)
    assert window.autosave.pending and not window.autosave.path.exists()
    qtbot.waitUntil(lambda: window.autosave.path.exists(), timeout=15000)
    assert len(saves) == 1  # many changes, one write
    stored = read_session(window.autosave.path)
    assert len(stored.documents) == len(window.workspace.documents)
    assert stored.decisions == window.workspace.decisions


def test_a_clean_close_removes_the_autosave(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.add_paths(paths.sample_files())
    review(window)  # the sample alone is nothing to recover
    window.autosave.save_now()
    assert window.autosave.path.exists()
    window.sessions.ask = lambda name: CloseChoice.DISCARD
    window.close()
    assert not window.autosave.path.exists()
    assert not list(window.autosave.folder.glob("autosave-*"))  # the lock went too


def test_saving_the_session_removes_the_autosave(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.add_paths(paths.sample_files())
    review(window)
    window.autosave.save_now()
    assert window.autosave.path.exists()
    window.sessions.save_to(tmp_path / "kept.crosscheck")
    assert not window.autosave.path.exists()  # the saved file holds it all
    window.workspace.set_threshold(70)
    window.autosave.save_now()
    saved_as = read_session(window.autosave.path).view["autosave_of"]
    assert saved_as == str(tmp_path / "kept.crosscheck")


def test_a_failed_autosave_is_said_once_and_keeps_the_work(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.add_paths(paths.sample_files())
    review(window)
    blocker = tmp_path / "file, not folder"
    blocker.write_text("x")
    window.autosave.folder = blocker
    window.autosave.path = blocker / "autosave-1.crosscheck"
    window.autosave.save_now()
    assert window.messages.history[-1].level == "error"
    assert "Autosave failed" in window.messages.history[-1].text
    assert len(window.workspace.documents) == 7


def _leftover(source_window, folder, pid):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"autosave-{pid}.crosscheck"
    write_session(_session(source_window), path)
    return path


def test_a_crashed_runs_autosave_is_offered_and_restored(qtbot, tmp_path):
    first = make_window(qtbot, tmp_path / "one")
    first.add_paths(paths.sample_files())
    decisions = review(first)
    second = make_window(qtbot, tmp_path / "two")
    left = _leftover(first, second.autosave.folder, 999_999_999)  # no such process
    asked = []
    restored = offer_recovery(second, prompt=lambda text: asked.append(text) or True)
    assert restored and "7 documents, 3 review decisions" in asked[0]
    assert second.workspace.decisions == decisions
    assert [d.id for d in second.workspace.documents] == [d.id for d in first.workspace.documents]
    assert second.isWindowModified()  # restored work is not saved anywhere yet
    assert not left.exists()


def test_declining_removes_the_leftover(qtbot, tmp_path):
    first = make_window(qtbot, tmp_path / "one")
    first.add_paths(paths.sample_files())
    second = make_window(qtbot, tmp_path / "two")
    left = _leftover(first, second.autosave.folder, 999_999_998)
    assert not offer_recovery(second, prompt=lambda text: False)
    assert second.workspace.is_empty() and not left.exists()


def test_an_autosave_of_a_running_crosscheck_is_not_offered(qtbot, tmp_path):
    first = make_window(qtbot, tmp_path / "one")
    first.add_paths(paths.sample_files())
    second = make_window(qtbot, tmp_path / "two")
    left = _leftover(first, second.autosave.folder, 12345)
    lock = QLockFile(str(left.with_suffix(".lock")))
    assert lock.tryLock(0)  # held by a live process (this one)
    try:
        assert second.autosave.leftovers() == []
        assert not offer_recovery(second, prompt=lambda text: True)
        assert left.exists()
    finally:
        lock.unlock()


def test_a_damaged_leftover_is_dropped_without_a_question(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.autosave.folder.mkdir(parents=True)
    bad = window.autosave.folder / "autosave-999999997.crosscheck"
    bad.write_text('{"format": "crosscheck-session", "vers')  # cut off by the crash
    assert not offer_recovery(window, prompt=lambda text: (_ for _ in ()).throw(AssertionError))
    assert not bad.exists() and window.workspace.is_empty()


def test_nothing_to_keep_means_no_file(qapp, tmp_path):
    autosave = Autosave(lambda: None, folder=tmp_path, delay_ms=10)
    stale = tmp_path / f"autosave-{os.getpid()}.crosscheck"
    stale.write_text("{}")
    autosave.save_now()
    assert not stale.exists()


def test_timed_save_writes_off_the_gui_thread_and_reports_on_it(qtbot, tmp_path, monkeypatch):
    import threading

    import desktop.ui.autosave as autosave_module

    writers, reporters = [], []
    real_write = autosave_module.write_session

    def recording_write(session, path):
        writers.append(threading.current_thread())
        real_write(session, path)

    monkeypatch.setattr(autosave_module, "write_session", recording_write)
    window = make_window(qtbot, tmp_path)
    window.autosave.written.connect(lambda _p: reporters.append(threading.current_thread()))
    window.add_paths(paths.sample_files())
    review(window)
    qtbot.waitUntil(lambda: bool(reporters), timeout=15000)
    assert writers and all(t is not threading.main_thread() for t in writers)
    assert reporters == [threading.main_thread()]
    window.autosave.finish()  # waits for the writer, then removes the file
    assert not window.autosave.path.exists()
