"""Plain text in any common encoding (UTF-8 with or without BOM, UTF-16, cp1252, cp1251...)."""

from __future__ import annotations

from pathlib import Path

from desktop.core.loaders.base import Extracted, check_paragraph_count, check_text_size
from desktop.core.loaders.decode import decode_bytes
from desktop.core.loaders.meta import guess_metadata
from desktop.core.segment import paragraphs_from_text

SUFFIXES = (".txt", ".text")
KINDS = frozenset({"text"})
FORMAT = "txt"
NAME = "text file"
DESCRIPTION = "plain text"


def load(path: Path, data: bytes) -> Extracted:
    """Decode the bytes and find paragraphs (lines, or blocks when the text is wrapped)."""
    text = decode_bytes(data, path)
    check_text_size(text, path)
    check_paragraph_count(text.count("\n") // 2, path)  # cheap lower bound before the work
    text = normalise_newlines(text).strip()
    paragraphs = paragraphs_from_text(text)
    published, outlet = guess_metadata(text, paragraphs)
    return Extracted(text, paragraphs, published=published, outlet=outlet)


def normalise_newlines(text: str) -> str:
    """One kind of line break, no trailing spaces; tabs and NBSP stay (offsets are ours)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n").replace("\x0c", "\n\n")
    return "\n".join(line.rstrip() for line in text.split("\n"))
