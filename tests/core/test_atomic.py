"""Atomic writes: the previous file survives a failure; permissions are those of a normal file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from desktop.core.atomic import atomic_open, write_text_atomic
from desktop.core.errors import ExportError


def test_failure_midway_keeps_previous_file_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    target.write_text("earlier report")
    with pytest.raises(RuntimeError), atomic_open(target) as handle:
        handle.write(b"half of a new rep")
        raise RuntimeError("interrupted")
    assert target.read_text() == "earlier report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]


def test_new_file_gets_umask_permissions_not_owner_only(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_text_atomic(tmp_path / "new.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.txt").stat().st_mode) == 0o644


def test_existing_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "shared.txt"
    target.write_text("old")
    target.chmod(0o664)
    write_text_atomic(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o664
    assert target.read_text() == "new"


def test_missing_folder_names_path_and_cause(tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "r.txt"
    with pytest.raises(ExportError) as info:
        write_text_atomic(target, "x")
    assert str(target) in str(info.value)
    assert "folder does not exist" in info.value.reason


def test_a_later_write_removes_what_an_interrupted_one_left(tmp_path: Path) -> None:
    import os
    import time

    target = tmp_path / "report [1].txt"  # glob characters in the name are taken literally
    stale = tmp_path / ".report [1].txt.k3j9x.tmp"  # a write killed before its rename
    fresh = tmp_path / ".report [1].txt.a8b7c.tmp"  # another process writing right now
    other = tmp_path / ".notes.txt.zz11.tmp"  # a different file's leftover
    for leftover in (stale, fresh, other):
        leftover.write_text("partial")
    hour_ago = time.time() - 3600
    os.utime(stale, (hour_ago, hour_ago))
    os.utime(other, (hour_ago, hour_ago))
    write_text_atomic(target, "new")
    assert target.read_text() == "new"
    assert not stale.exists()
    assert fresh.exists() and other.exists()
