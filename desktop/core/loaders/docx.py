"""Word (.docx) through python-docx, after the archive and its XML have been checked."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desktop.core.errors import LoadError
from desktop.core.loaders.base import Extracted, TextBuilder, clean_line
from desktop.core.loaders.meta import guess_metadata
from desktop.core.loaders.safezip import check_xml_parts, open_archive, read_member

SUFFIXES = (".docx", ".docm")
KINDS = frozenset({"docx", "zip"})  # a damaged archive: load() says what is wrong
FORMAT = "docx"
NAME = "Word document"
DESCRIPTION = "a Word (.docx) document"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# python-docx stamps this on every document made from its default template.
_TEMPLATE_CREATED = "2013-12-23"


def load(path: Path, data: bytes) -> Extracted:
    """Paragraphs, headings, list items, table rows and footnotes; title and date."""
    archive = open_archive(data, path, what=NAME)
    if "word/document.xml" not in archive.namelist():
        raise LoadError(path, "the file is a ZIP archive but not a Word document")
    check_xml_parts(archive, path, what=NAME)
    import docx

    document = docx.Document(io.BytesIO(data))
    builder = TextBuilder()
    builder.extend(body_blocks(document))
    builder.extend((text, "footnote") for text in _footnotes(archive, path))
    props = document.core_properties
    title = clean_line(props.title or "") or None
    draft = builder.build()
    published, outlet = guess_metadata(draft.text, draft.paragraphs)
    created = props.created.date().isoformat() if props.created else None
    if published is None and created != _TEMPLATE_CREATED:
        published = created
    return builder.build(title=title, published=published, outlet=outlet)


def body_blocks(document: Any) -> Iterator[tuple[str, str]]:
    """``(text, kind)`` for the body's paragraphs and tables, in document order."""
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            yield from _table_rows(block)
        else:
            yield block.text, _paragraph_kind(block)


def _paragraph_kind(paragraph: Any) -> str:
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    if style == "Title":
        return "title"
    if style.startswith("Heading"):
        return "heading"
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    if style.startswith("List") or numbered:
        return "list-item"
    return "paragraph"


def _table_rows(table: Any) -> Iterator[tuple[str, str]]:
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            if text and (not cells or cells[-1] != text):  # merged cells repeat their text
                cells.append(text)
        yield "; ".join(cells), "table"


def _footnotes(archive: Any, path: Path) -> Iterator[str]:
    """Footnote texts, read from word/footnotes.xml (python-docx has no API for them)."""
    if "word/footnotes.xml" not in archive.namelist():
        return
    from defusedxml import ElementTree

    root = ElementTree.fromstring(
        read_member(archive, "word/footnotes.xml", path, what=NAME), forbid_dtd=True
    )
    for note in root.iter(f"{_W}footnote"):
        if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        text = " ".join("".join(t.text or "" for t in note.iter(f"{_W}t")).split())
        if text:
            yield text
