"""Atomic file writes: a temporary file in the same folder, then a rename."""

from __future__ import annotations

import contextlib
import glob
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from desktop.core.errors import ExportError

STALE_SECONDS = 600.0  # a write left unfinished this long ago was interrupted


def describe_os_error(exc: OSError) -> str:
    """A short cause a person understands, for an OSError raised while writing."""
    import errno

    causes = {
        errno.EACCES: "permission denied (the folder is not writable, or the file is open "
        "in another program)",
        errno.EPERM: "the operation is not permitted",
        errno.ENOENT: "the folder does not exist",
        errno.ENOSPC: "the disk is full",
        errno.EROFS: "the disk is read-only",
        errno.EISDIR: "a folder has that name",
        errno.ENOTDIR: "part of the path is not a folder",
        errno.ENAMETOOLONG: "the file name is too long",
    }
    return causes.get(exc.errno or 0, exc.strerror or str(exc))


@contextlib.contextmanager
def atomic_open(path: str | Path, mode: str = "wb", **kwargs: Any) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; on success it replaces ``path`` in one rename.

    If the block raises, or the process dies, any earlier file at ``path`` is untouched.
    OSErrors are raised as ExportError naming the path and the cause.
    """
    target = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise ExportError(target, describe_os_error(exc)) from exc
    try:
        os.chmod(tmp, _target_mode(target))
        with os.fdopen(fd, mode, **kwargs) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        _remove_quietly(tmp)
        raise ExportError(target, describe_os_error(exc)) from exc
    except BaseException:
        _remove_quietly(tmp)
        raise
    remove_stale_temporaries(target)


def remove_stale_temporaries(target: Path, *, older_than: float = STALE_SECONDS) -> int:
    """Delete temporary files an interrupted write left beside ``target`` (a process killed
    between writing and renaming); only ones untouched for ``older_than`` seconds, so another
    process writing the same file right now keeps its own. Returns how many were removed."""
    removed = 0
    limit = time.time() - older_than
    with contextlib.suppress(OSError):
        for leftover in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
            with contextlib.suppress(OSError):
                if leftover.is_file() and leftover.stat().st_mtime < limit:
                    leftover.unlink()
                    removed += 1
    return removed


def write_bytes_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    with atomic_open(path, "wb") as handle:
        handle.write(data)


def write_text_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically."""
    write_bytes_atomic(path, text.encode("utf-8"))


def _target_mode(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0666 less the umask.

    mkstemp creates files readable by their owner only, which a rename would carry over.
    """
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _remove_quietly(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
