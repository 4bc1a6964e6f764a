"""Reading a file safely and running a loader so that only LoadError ever escapes."""

from __future__ import annotations

import errno
import zipfile
from pathlib import Path

from desktop.core.errors import LoadError
from desktop.core.loaders.base import Extracted, Loader

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
    except MemoryError as exc:
        raise LoadError(file, f"the {loader.NAME} is too large to read in memory") from exc
    except RecursionError as exc:
        raise LoadError(file, f"the {loader.NAME} is nested too deeply to read safely") from exc
    except zipfile.BadZipFile as exc:
        raise LoadError(file, f"the {loader.NAME} is damaged or incomplete") from exc
    except Exception as exc:  # a library failed on a file it could not parse
        raise LoadError(
            file,
            f"the {loader.NAME} could not be read: it is damaged or not "
            f"really {loader.DESCRIPTION}",
        ) from exc
    return result
