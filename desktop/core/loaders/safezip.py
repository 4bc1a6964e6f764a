"""Open DOCX and ODT archives without falling for ZIP bombs or XML entity attacks."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from desktop.core.errors import LoadError

MAX_MEMBERS = 5000
MAX_UNPACKED_BYTES = 300 * 1024 * 1024  # all members together, as declared and as read
MAX_MEMBER_BYTES = 100 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, for members larger than RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
BOMB = "the file unpacks to far more data than it holds (a ZIP bomb); it was not opened"
ENTITIES = (
    "the document declares XML entities, a trick used to attack programs "
    "that read it; it was not opened"
)


def open_archive(data: bytes, path: str | Path, *, what: str) -> zipfile.ZipFile:
    """Open ``data`` as a ZIP archive after checking the sizes its directory declares."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        ValueError,
        EOFError,
        NotImplementedError,
    ) as exc:  # NotImplementedError: a damaged version field
        raise LoadError(
            path, f"the {what} is damaged or incomplete (it may have been truncated while copying)"
        ) from exc
    if len(infos) > MAX_MEMBERS:
        raise LoadError(
            path, f"the {what} holds too many parts ({len(infos):,}) to be a genuine document"
        )
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(1, info.compress_size)
        too_big = info.file_size > MAX_MEMBER_BYTES or total > MAX_UNPACKED_BYTES
        if too_big or (info.file_size > RATIO_FLOOR and ratio > MAX_RATIO):
            raise LoadError(path, BOMB)
    return archive


def read_member(archive: zipfile.ZipFile, name: str, path: str | Path, *, what: str) -> bytes:
    """Read one member, stopping if it inflates past its limit whatever its header says."""
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(name) as member:
            while chunk := member.read(1024 * 1024):
                size += len(chunk)
                if size > MAX_MEMBER_BYTES:
                    raise LoadError(path, BOMB)
                chunks.append(chunk)
    except KeyError:
        raise
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError) as exc:
        raise LoadError(path, f"the {what} is damaged (a part of it cannot be unpacked)") from exc
    return b"".join(chunks)


def check_xml_parts(archive: zipfile.ZipFile, path: str | Path, *, what: str) -> None:
    """Refuse any XML part that declares a DTD or entities (XXE, billion laughs)."""
    for info in archive.infolist():
        if info.filename.endswith((".xml", ".rels")):
            assert_no_entities(read_member(archive, info.filename, path, what=what), path)


def assert_no_entities(data: bytes, path: str | Path) -> None:
    """Raise LoadError when an XML part has a DOCTYPE or ENTITY declaration."""
    probe = data
    if b"\x00" in data[:200]:  # UTF-16 XML: look at it as text
        probe = data.decode("utf-16", errors="ignore").encode("utf-8")
    if b"<!DOCTYPE" in probe or b"<!ENTITY" in probe:
        raise LoadError(path, ENTITIES)
