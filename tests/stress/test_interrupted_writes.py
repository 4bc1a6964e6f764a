"""Writes that die half way: the earlier report or session survives, and no temp file is left.

Three ways to die: the disk fills up mid-file (OSError from ``write``), a bug raises mid-file
(any other exception), and the final rename fails. A fourth, the process killed with SIGKILL
during a slow, large write, runs in a child process.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.core.compare import compare_documents
from desktop.core.errors import ExportError, SessionError
from desktop.core.model import Action, Comparison, Decision
from desktop.core.session import Session, read_session, session_from_workspace, write_session
from desktop.export import write_export

ROOT = Path(__file__).resolve().parents[2]
FORMATS = (".docx", ".json", ".csv", ".html")
OLD = b"the report the user filed yesterday\n"


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    """The sample comparison, with one reviewer decision."""
    from bench.gen import load_seeds

    reference, reports = load_seeds()
    first = compare_documents(reference, reports)
    link = first.links[0]
    decision = Decision(link.reference, link.other, Action.CONFIRM, note="checked by phone")
    return compare_documents(reference, reports, decisions=(decision,))


@pytest.fixture(scope="module")
def session(comparison: Comparison) -> Session:
    decisions = (
        Decision(
            comparison.links[0].reference, comparison.links[0].other, Action.CONFIRM, note="checked"
        ),
    )
    return session_from_workspace(
        comparison.documents, comparison.reference.id, comparison.options, decisions, {"report": 1}
    )


class DyingFile:
    """A file object that writes ``budget`` bytes, then raises ``error`` (a full disk, a bug)."""

    def __init__(self, real: Any, budget: int, error: BaseException) -> None:
        self._real, self._left, self._error = real, budget, error
        self.written = 0

    def write(self, data: bytes) -> int:
        if len(data) > self._left:
            self._real.write(data[: self._left])
            self._real.flush()
            self.written += self._left
            self._left = 0
            raise self._error
        self._left -= len(data)
        self.written += len(data)
        return int(self._real.write(data))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def __enter__(self) -> DyingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self._real.close()


@pytest.fixture
def die_after(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """``die_after(budget, error)``: the next atomic write fails once it has written ``budget``."""
    made: list[DyingFile] = []
    real_fdopen = os.fdopen

    def arm(budget: int, error: BaseException) -> list[DyingFile]:
        def fdopen(fd: int, *args: Any, **kwargs: Any) -> DyingFile:
            made.append(DyingFile(real_fdopen(fd, *args, **kwargs), budget, error))
            return made[-1]

        monkeypatch.setattr(os, "fdopen", fdopen)
        return made

    yield arm


def _folder_state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _old_file(tmp_path: Path, suffix: str) -> Path:
    path = tmp_path / f"report{suffix}"
    path.write_bytes(OLD)
    return path


@pytest.mark.timeout(60)
@pytest.mark.parametrize("suffix", FORMATS)
def test_export_disk_full_mid_file(
    tmp_path: Path, comparison: Comparison, die_after: Any, suffix: str
) -> None:
    path = _old_file(tmp_path, suffix)
    files = die_after(1000, OSError(errno.ENOSPC, "No space left on device"))
    with pytest.raises(ExportError) as caught:
        write_export(comparison, path)
    assert "disk is full" in caught.value.reason
    assert files and files[0].written == 1000  # it really died half way through the file
    assert _folder_state(tmp_path) == {path.name: OLD}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("suffix", FORMATS)
def test_export_bug_mid_file(
    tmp_path: Path, comparison: Comparison, die_after: Any, suffix: str
) -> None:
    path = _old_file(tmp_path, suffix)
    die_after(500, RuntimeError("serializer bug"))
    with pytest.raises(RuntimeError, match="serializer bug"):
        write_export(comparison, path)
    assert _folder_state(tmp_path) == {path.name: OLD}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("suffix", FORMATS)
def test_export_rename_fails(
    tmp_path: Path, comparison: Comparison, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    path = _old_file(tmp_path, suffix)

    def refuse(*args: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(ExportError) as caught:
        write_export(comparison, path)
    assert "permission denied" in caught.value.reason
    assert _folder_state(tmp_path) == {path.name: OLD}


@pytest.mark.timeout(60)
def test_docx_serializer_raises_mid_save(
    tmp_path: Path, comparison: Comparison, monkeypatch: pytest.MonkeyPatch
) -> None:
    """python-docx itself fails after writing part of the archive."""
    import docx.document

    def broken_save(self: object, stream: Any) -> None:
        stream.write(b"PK\x03\x04 half an archive")
        raise ValueError("python-docx failed")

    monkeypatch.setattr(docx.document.Document, "save", broken_save)
    path = _old_file(tmp_path, ".docx")
    with pytest.raises(ValueError, match="python-docx failed"):
        write_export(comparison, path)
    assert _folder_state(tmp_path) == {path.name: OLD}


def _old_session(tmp_path: Path, session: Session) -> tuple[Path, bytes]:
    path = tmp_path / "work.crosscheck"
    write_session(session, path)
    return path, path.read_bytes()


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "error",
    [OSError(errno.ENOSPC, "No space left on device"), RuntimeError("encoder bug")],
    ids=["disk-full", "bug"],
)
def test_session_write_dies_mid_file(
    tmp_path: Path, session: Session, die_after: Any, error: BaseException
) -> None:
    path, before = _old_session(tmp_path, session)
    changed = Session(session.documents, session.reference_id, session.options, (), {"report": 2})
    files = die_after(4096, error)
    with pytest.raises((SessionError, RuntimeError)) as caught:
        write_session(changed, path)
    if isinstance(caught.value, SessionError):
        assert "disk is full" in caught.value.reason
    assert files[0].written == 4096
    assert _folder_state(tmp_path) == {path.name: before}
    assert read_session(path).decisions == session.decisions


@pytest.mark.timeout(60)
def test_session_rename_fails(
    tmp_path: Path, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, before = _old_session(tmp_path, session)

    def refuse(*args: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(SessionError) as caught:
        write_session(session, path)
    assert "read-only" in caught.value.reason
    assert _folder_state(tmp_path) == {path.name: before}


# -- killed mid-write ---------------------------------------------------------------------------

CHILD = r"""
import os, sys, time
sys.path.insert(0, sys.argv[3])
from bench.gen import load_seeds
from desktop.core.compare import compare_documents
from desktop.core.session import session_from_workspace, write_session
from desktop.export import write_export

reference, reports = load_seeds()
comparison = compare_documents(reference, reports)
real = os.fdopen

class Slow:
    # A slow disk: 2 KB every 20 ms, so the parent can kill us mid-file.
    def __init__(self, handle):
        self.handle = handle
    def write(self, data):
        for i in range(0, len(data), 2048):
            self.handle.write(data[i:i + 2048]); self.handle.flush(); time.sleep(0.02)
        return len(data)
    def __getattr__(self, name):
        return getattr(self.handle, name)
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        self.handle.close()

os.fdopen = lambda fd, *a, **k: Slow(real(fd, *a, **k))
target = sys.argv[2]
print("writing", flush=True)
if sys.argv[1] == "session":
    write_session(session_from_workspace(comparison.documents, reference.id), target)
else:
    write_export(comparison, target)
print("finished", flush=True)
"""


def _kill_mid_write(tmp_path: Path, kind: str, target: Path) -> list[Path]:
    """Run the child, SIGKILL it once its temp file holds data; returns the temp files left."""
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, kind, str(target), str(ROOT)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and child.poll() is None:
            temps = [p for p in tmp_path.glob(f".{target.name}.*.tmp") if p.stat().st_size]
            if temps:
                break
            time.sleep(0.01)
        assert child.poll() is None, child.communicate()
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    return sorted(tmp_path.glob(f".{target.name}.*.tmp"))


@pytest.mark.slow
@pytest.mark.timeout(120)
@pytest.mark.parametrize("kind", ["session", ".docx", ".json"])
def test_killed_during_large_write_keeps_earlier_file(
    tmp_path: Path, session: Session, comparison: Comparison, kind: str
) -> None:
    if kind == "session":
        target, before = _old_session(tmp_path, session)
    else:
        target = tmp_path / f"report{kind}"
        write_export(comparison, target)
        before = target.read_bytes()
    leftovers = _kill_mid_write(tmp_path, kind, target)
    assert target.read_bytes() == before
    if kind == "session":
        assert read_session(target).reference_id == session.reference_id
    elif kind == ".json":
        assert json.loads(target.read_text(encoding="utf-8"))
    # A kill cannot clean up: the partial file stays hidden (dot name, .tmp) beside it, and
    # the next save still works.
    assert len(leftovers) == 1 and leftovers[0].name.startswith(".")
    if kind == "session":
        write_session(session, target)
    else:
        write_export(comparison, target)
    assert target.read_bytes()


# -- autosave ------------------------------------------------------------------------------------


@pytest.mark.timeout(60)
@pytest.mark.parametrize(
    "error",
    [OSError(errno.ENOSPC, "No space left on device"), RuntimeError("encoder bug")],
    ids=["disk-full", "bug"],
)
def test_autosave_dies_mid_file(
    qtbot: Any, tmp_path: Path, session: Session, die_after: Any, error: BaseException
) -> None:
    """The window's autosave keeps its previous file when the next write dies half way."""
    from desktop.ui.autosave import Autosave

    current = [session]
    autosave = Autosave(lambda: current[0], folder=tmp_path)
    failures: list[str] = []
    autosave.failed.connect(failures.append)
    autosave.save_now()
    before = autosave.path.read_bytes()
    current[0] = Session(
        session.documents, session.reference_id, session.options, (), {"report": 3}
    )
    files = die_after(4096, error)
    if isinstance(error, OSError):
        autosave.save_now()
        assert failures and "disk is full" in failures[0]  # said once, in the message bar
    else:
        with pytest.raises(RuntimeError):
            autosave.save_now()
    assert files[0].written == 4096
    assert autosave.path.read_bytes() == before
    leftovers = {p.name for p in tmp_path.iterdir()} - {
        autosave.path.name,
        autosave.path.with_suffix(".lock").name,
    }
    assert not leftovers, leftovers
    autosave.finish()
    assert not autosave.path.exists()
