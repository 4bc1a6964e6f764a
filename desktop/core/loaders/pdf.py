"""PDF through pypdf's text layer: encrypted files and scans get a clear message."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desktop.core.errors import LoadError
from desktop.core.loaders.base import Extracted, TextBuilder, clean_line
from desktop.core.loaders.meta import guess_metadata
from desktop.core.segment import parse_date

SUFFIXES = (".pdf",)
KINDS = frozenset({"pdf"})
FORMAT = "pdf"
NAME = "PDF"
DESCRIPTION = "a PDF document"
MAX_PAGES = 1000
log = logging.getLogger(__name__)
DAMAGED = "the PDF is damaged or incomplete (it may have been truncated while copying)"
_SENTENCE_END = '.!?:…"”’)'
_BULLETS = frozenset("•‣◦▪·-–*")
_HYPHENATED = re.compile(r"[a-z]-$")


def load(path: Path, data: bytes) -> Extracted:
    """Text of each page, lines joined back into paragraphs; title and date from the info."""
    reader = _open(path, data)
    pages = [_page_text(page) for page in reader.pages]
    failed = pages.count(None)
    lines = [clean_line(line) for text in pages for line in (text or "").split("\n")]
    width = full_width(lines)
    builder = TextBuilder()
    for text in pages:
        builder.extend((block, "paragraph") for block in page_paragraphs(text or "", width))
    if builder.length == 0:
        raise LoadError(path, DAMAGED if failed else "the PDF has no text layer; it may be a scan")
    info = _info(reader)
    draft = builder.build()
    published, outlet = guess_metadata(draft.text, draft.paragraphs)
    return builder.build(
        title=info.get("title") or None,
        published=published or parse_date(info.get("created", "")),
        outlet=outlet,
    )


def _open(path: Path, data: bytes) -> Any:
    """A PdfReader, unlocked, with a sane page count; damage and passwords as LoadError."""
    import pypdf

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its repair notes are not for users
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not _unlock(reader):
            raise LoadError(
                path, "the PDF is protected by a password; remove the protection and open it again"
            )
        pages = len(reader.pages)
    except pypdf.errors.LimitReachedError as exc:
        raise LoadError(path, "the PDF holds a stream that unpacks to too much data") from exc
    except pypdf.errors.PyPdfError as exc:
        raise LoadError(path, DAMAGED) from exc
    if pages > MAX_PAGES:
        raise LoadError(path, f"the PDF has too many pages ({pages:,}; the limit is {MAX_PAGES:,})")
    return reader


def _page_text(page: Any) -> str | None:
    """A page's text, or None when that page is damaged (the others are still read)."""
    try:
        return str(page.extract_text())
    except Exception as exc:  # one broken page should not cost the whole document
        log.debug("a PDF page could not be read; it is left out", exc_info=exc)
        return None


def full_width(lines: list[str]) -> float:
    """The length of a full line of body text: the 90th percentile of the longer lines."""
    widths = sorted(len(line) for line in lines if len(line) > 20)
    return float(widths[int(0.9 * (len(widths) - 1))]) if widths else 80.0


def page_paragraphs(page_text: str, width: float | None = None) -> Iterator[str]:
    """Rebuild paragraphs from lines. A blank line, a bullet, a short line that ends a
    sentence, or the end of a run of short unpunctuated lines (a heading) closes one."""
    lines = [clean_line(line) for line in page_text.split("\n")]
    full = width or full_width(lines)
    current = ""
    heading = True  # the paragraph so far is short lines without a full stop
    for line in lines:
        short = len(line) < 0.8 * full
        bullet = line[:1] in _BULLETS and line[1:2] == " "
        ends_heading = heading and (not short or line.rstrip('"”’)')[-1:] in ".…")
        if current and (not line or bullet or ends_heading):
            yield current
            current = ""
        if not line:
            continue
        heading = (heading or not current) and short
        current = _join(current, line)
        if short and line[-1] in _SENTENCE_END:
            yield current
            current = ""
    if current:
        yield current


def _join(current: str, line: str) -> str:
    if not current:
        return line
    if _HYPHENATED.search(current) and line[:1].islower():
        return current[:-1] + line  # a word broken across lines
    return f"{current} {line}"


def _unlock(reader: Any) -> bool:
    """Many PDFs are encrypted with an empty user password only (printing restrictions)."""
    try:
        return bool(reader.decrypt(""))
    except Exception as exc:  # an unsupported algorithm is as locked as a password
        log.debug("a PDF could not be decrypted with the empty password", exc_info=exc)
        return False


def _info(reader: Any) -> dict[str, str]:
    try:
        meta = reader.metadata
    except Exception as exc:  # a broken info dictionary is no reason to lose the text
        log.debug("a PDF's information dictionary could not be read", exc_info=exc)
        return {}
    if meta is None:
        return {}
    title = clean_line(str(meta.get("/Title") or ""))
    created = str(meta.get("/CreationDate") or "")
    stamp = re.match(r"D:(\d{4})(\d{2})(\d{2})", created)
    return {"title": title, "created": f"{stamp[1]}-{stamp[2]}-{stamp[3]}" if stamp else ""}
