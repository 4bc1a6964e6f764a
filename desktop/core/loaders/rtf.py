"""RTF through striprtf, honouring the code page the file declares."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path

from desktop.core.errors import LoadError
from desktop.core.loaders.base import Extracted, TextBuilder, check_text_size
from desktop.core.loaders.meta import guess_metadata
from desktop.core.loaders.txt import normalise_newlines

SUFFIXES = (".rtf",)
KINDS = frozenset({"rtf"})
FORMAT = "rtf"
NAME = "RTF document"
DESCRIPTION = "an RTF document"
MAX_SOURCE_CHARS = 20_000_000  # striprtf reads ~3 million characters a second
_CODEPAGE = re.compile(rb"\\ansicpg(\d{3,5})")
_BINARY_GROUP = re.compile(
    r"\{\\(?:\*\\)?(?:pict|shppict|nonshppict|object|objdata|datastore|"
    r"themedata|colorschememapping|blipuid|passwordhash)\b"
)
_BRACE = re.compile(r"(?<!\\)[{}]")
_TITLE = re.compile(r"\{\\info[^{}]*?\{\\title\s+([^{}]*)\}")


def load(path: Path, data: bytes) -> Extracted:
    """Plain text of the document, one paragraph per RTF paragraph; title from the info group."""
    from striprtf.striprtf import rtf_to_text

    source = drop_binary_groups(data.decode("latin-1"))  # latin-1: bytes map one-to-one
    if len(source) > MAX_SOURCE_CHARS:
        raise LoadError(
            path,
            f"the RTF document is too long ({len(source):,} characters of "
            f"text and markup; the limit is {MAX_SOURCE_CHARS:,})",
        )
    raw: str = rtf_to_text(  # type: ignore[no-untyped-call]
        source, encoding=_codepage(data), errors="replace"
    )
    check_text_size(raw, path)
    builder = TextBuilder()
    builder.extend(_line_blocks(normalise_newlines(raw)))
    title_match = _TITLE.search(source)
    draft = builder.build()
    published, outlet = guess_metadata(draft.text, draft.paragraphs)
    return builder.build(
        title=title_match.group(1).strip() if title_match else None,
        published=published,
        outlet=outlet,
    )


def _line_blocks(text: str) -> Iterator[tuple[str, str]]:
    """One block per RTF paragraph; striprtf writes table rows as ``cell|cell|``."""
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.endswith("|") and stripped.count("|") >= 2:
            cells = (cell.strip() for cell in stripped.split("|"))
            yield "; ".join(cell for cell in cells if cell), "table"
        else:
            yield stripped, "paragraph"


def drop_binary_groups(source: str) -> str:
    """Cut pictures and embedded objects: megabytes of hex that striprtf would crawl through."""
    parts: list[str] = []
    cursor = 0
    for match in _BINARY_GROUP.finditer(source):
        if match.start() < cursor:
            continue  # inside a group already cut
        parts.append(source[cursor : match.start()])
        cursor = _group_end(source, match.start())
    parts.append(source[cursor:])
    return "".join(parts)


def _group_end(source: str, start: int) -> int:
    """The index just past the brace that closes the group opening at ``start``."""
    depth = 0
    for brace in _BRACE.finditer(source, start):
        depth += 1 if brace.group() == "{" else -1
        if depth == 0:
            return brace.end()
    return len(source)


def _codepage(data: bytes) -> str:
    match = _CODEPAGE.search(data[:4096])
    name = f"cp{match.group(1).decode()}" if match else "cp1252"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return "cp1252"
