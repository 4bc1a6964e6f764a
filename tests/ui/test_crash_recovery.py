"""Crash recovery end to end: the real app is killed (SIGKILL) after its autosave; the next
start restores every document and every review decision."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.core.errors import SessionError
from desktop.core.model import Action, Decision, Verdict
from desktop.core.session import read_session
from desktop.ui.persistence import offer_recovery
from desktop.ui.sessionflow import CloseChoice
from tests.ui.persisthelp import make_window, reviewed_pairs

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 120  # a cold start plus loading the sample on a slow, busy machine


def _poll(check, what, proc, log, timeout=START_TIMEOUT_S):
    """Wait until ``check()`` returns a value, the child dies, or the time is up."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        if proc.poll() is not None:
            tail = log.read_text(encoding="utf-8", errors="replace")[-2000:]
            pytest.fail(f"the app exited ({proc.returncode}) before {what}:\n{tail}")
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}")


def _read_json(path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _autosave_with(path, count):
    try:
        session = read_session(path)
    except SessionError:
        return None  # not there yet
    return session if len(session.decisions) == count else None


def _decisions(rows):
    return tuple(
        Decision(r[0], r[1], Action(r[2]), Verdict(r[3]) if r[3] else None, r[4]) for r in rows
    )


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_app_comes_back_with_documents_and_decisions(qtbot, tmp_path):
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        CROSSCHECK_HEADLESS="1",
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
        PYTHONPATH=str(ROOT),
    )
    report = tmp_path / "child.json"
    log = tmp_path / "child.log"
    with log.open("wb") as sink:  # a file, not a pipe: a chatty child never blocks on it
        proc = subprocess.Popen(
            [sys.executable, "-m", "tests.ui.crash_child", str(report)],
            cwd=ROOT,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    try:
        child = _poll(lambda: _read_json(report), "the review", proc, log)
        saved = Path(child["autosave"])
        assert saved.is_relative_to(tmp_path / "data")  # the XDG data folder, not the home
        _poll(lambda: _autosave_with(saved, len(child["decisions"])), "the autosave", proc, log)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert saved.exists()  # a killed process cleans nothing up

    window = make_window(qtbot, tmp_path / "second")
    window.autosave.folder = saved.parent  # where the app's data folder is for the child
    window.autosave.path = saved.parent / f"autosave-{os.getpid()}.crosscheck"
    asked = []
    assert offer_recovery(window, prompt=lambda text: asked.append(text) or True)
    assert len(asked) == 1
    decisions = _decisions(child["decisions"])
    assert [d.id for d in window.workspace.documents] == child["documents"]
    assert window.workspace.decisions == decisions
    shown = reviewed_pairs(window)
    for d in decisions:
        if d.action is Action.UNLINK:
            assert not any(p[:2] == (d.reference, d.other) for p in shown)
        else:
            assert any(p[:2] == (d.reference, d.other) and p[3] for p in shown)
    assert window.isWindowModified() and not saved.exists()
    window.sessions.ask = lambda name: CloseChoice.DISCARD
