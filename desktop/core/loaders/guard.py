"""Reading a file safely and running a loader so that only LoadError ever escapes."""

from __future__ import annotations

import errno
import logging
import zipfile
from pathlib import Path

from desktop.core.errors import LoadError
from desktop.core.loaders.base import Extracted, Loader

log = logging.getLogger(__name__)

_OS_REASONS = {
    errno.ENOENT: "the file does not exist (it may have been moved or deleted)",
    errno.EACCES: "the file cannot be read: permission denied",
    errno.EPERM: "the file cannot be read: permission denied",
    errno.EISDIR: "this is a folder, not a file",
    errno.ELOOP: "the file is a link that points to itself",
    errno.ENAMETOOLONG: "the file name is too long",
}


def read_file(file: Path, *, max_bytes: int) -> bytes:
    """The file's bytes, after checking that it is a readable, non-empty file under the limit."""
    try:
        if file.is_dir():
            raise LoadError(file, "this is a folder, not a file")
        size = file.stat().st_size
        if not file.is_file():
            raise LoadError(file, "this is not a regular file (a device, pipe or socket)")
        if size > max_bytes:
            raise LoadError(
                file,
                f"the file is too large ({size / 1048576:.1f} MB; "
                f"the limit is {max_bytes // 1048576} MB)",
            )
        with file.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        reason = _OS_REASONS.get(exc.errno or 0, f"the file cannot be read ({exc.strerror})")
        log.debug("%s: %s", file, reason, exc_info=exc)
        raise LoadError(file, reason) from exc
    if len(data) > max_bytes:
        raise LoadError(file, f"the file is too large (the limit is {max_bytes // 1048576} MB)")
    if not data.strip():
        raise LoadError(file, "the file is empty")
    return data


def run_loader(loader: Loader, file: Path, data: bytes) -> Extracted:
    """Run ``loader.load``; anything it raises besides LoadError becomes one."""
    try:
        result: Extracted = loader.load(file, data)
    except LoadError:
        raise
    except Exception as exc:  # the user sees one sentence; the log keeps the trace
        log.debug("the %s loader failed on %s", loader.FORMAT, file, exc_info=exc)
        raise LoadError(file, _reason(loader, exc)) from exc
    return result


def _reason(loader: Loader, exc: Exception) -> str:
    if isinstance(exc, MemoryError):
        return f"the {loader.NAME} is too large to read in memory"
    if isinstance(exc, RecursionError):
        return f"the {loader.NAME} is nested too deeply to read safely"
    if isinstance(exc, zipfile.BadZipFile):
        return f"the {loader.NAME} is damaged or incomplete"
    # a library failed on a file it could not parse
    return f"the {loader.NAME} could not be read: it is damaged or not really {loader.DESCRIPTION}"
