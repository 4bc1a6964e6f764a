"""RTF through striprtf, honouring the code page the file declares."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from desktop.core.loaders.base import Extracted
from desktop.core.loaders.meta import guess_metadata
from desktop.core.loaders.txt import normalise_newlines
from desktop.core.segment import paragraphs_from_text

SUFFIXES = (".rtf",)
KINDS = frozenset({"rtf"})
FORMAT = "rtf"
NAME = "RTF document"
DESCRIPTION = "an RTF document"
_CODEPAGE = re.compile(rb"\\ansicpg(\d{3,5})")
_TITLE = re.compile(r"\{\\info[^{}]*?\{\\title\s+([^{}]*)\}")


def load(path: Path, data: bytes) -> Extracted:
    """Plain text of the document, one paragraph per RTF paragraph; title from the info group."""
    from striprtf.striprtf import rtf_to_text

    source = data.decode("latin-1")  # RTF is 7-bit; 8-bit bytes map one-to-one
    raw: str = rtf_to_text(  # type: ignore[no-untyped-call]
        source, encoding=_codepage(data), errors="replace"
    )
    text = normalise_newlines(raw)
    text = "\n".join(line.strip() for line in text.split("\n")).strip()
    paragraphs = paragraphs_from_text(text)
    title_match = _TITLE.search(source)
    published, outlet = guess_metadata(text, paragraphs)
    return Extracted(text, paragraphs, title=title_match.group(1).strip() if title_match else None,
                     published=published, outlet=outlet)


def _codepage(data: bytes) -> str:
    match = _CODEPAGE.search(data[:4096])
    name = f"cp{match.group(1).decode()}" if match else "cp1252"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return "cp1252"
