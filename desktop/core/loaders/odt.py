"""OpenDocument text (.odt): the archive checked, content.xml read with defusedxml."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desktop.core.errors import LoadError
from desktop.core.loaders.base import Extracted, TextBuilder, clean_line
from desktop.core.loaders.meta import guess_metadata
from desktop.core.loaders.safezip import check_xml_parts, open_archive, read_member
from desktop.core.segment import parse_date

SUFFIXES = (".odt",)
KINDS = frozenset({"odt", "zip"})  # a damaged archive: load() says what is wrong
FORMAT = "odt"
NAME = "OpenDocument text"
DESCRIPTION = "an OpenDocument text (.odt)"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"


def load(path: Path, data: bytes) -> Extracted:
    """Headings, paragraphs, list items, table rows and notes; title and date from meta.xml."""
    archive = open_archive(data, path, what=NAME)
    if "content.xml" not in archive.namelist():
        raise LoadError(path, "the file is a ZIP archive but not an OpenDocument text")
    check_xml_parts(archive, path, what=NAME)
    content = _parse(read_member(archive, "content.xml", path, what=NAME))
    body = content.find(f"{OFFICE}body/{OFFICE}text")
    if body is None:
        raise LoadError(path, "the OpenDocument file holds no text body (is it a spreadsheet?)")
    builder = TextBuilder()
    notes: list[str] = []
    builder.extend(_blocks(body, notes))
    builder.extend((note, "footnote") for note in notes)
    title, created = _meta(archive, path)
    draft = builder.build()
    published, outlet = guess_metadata(draft.text, draft.paragraphs)
    return builder.build(title=title, published=published or created, outlet=outlet)


def _parse(data: bytes) -> Any:
    from defusedxml import ElementTree

    return ElementTree.fromstring(data, forbid_dtd=True)


def _blocks(parent: Any, notes: list[str]) -> Iterator[tuple[str, str]]:
    """``(text, kind)`` for block elements, recursing into sections, lists and tables."""
    for child in parent:
        tag = child.tag
        if tag == f"{TEXT}h":
            yield inline_text(child, notes), "heading"
        elif tag == f"{TEXT}p":
            style = child.get(f"{TEXT}style-name", "")
            yield inline_text(child, notes), "title" if style == "Title" else "paragraph"
        elif tag == f"{TEXT}list":
            for item in child.iter(f"{TEXT}list-item"):
                paragraphs = [p for p in item if p.tag in (f"{TEXT}p", f"{TEXT}h")]
                yield " ".join(inline_text(p, notes) for p in paragraphs), "list-item"
        elif tag == f"{TABLE}table":
            for row in child.iter(f"{TABLE}table-row"):
                cells = (
                    " ".join(inline_text(p, notes) for p in cell.iter(f"{TEXT}p"))
                    for cell in row.iter(f"{TABLE}table-cell")
                )
                yield "; ".join(c for c in cells if c.strip()), "table"
        elif tag in (f"{TEXT}section", f"{TEXT}index-body"):
            yield from _blocks(child, notes)


def inline_text(element: Any, notes: list[str]) -> str:
    """A paragraph's text: spans and links opened, spaces expanded, notes set aside."""
    parts: list[str] = [element.text or ""]
    for child in element:
        tag = child.tag
        if tag == f"{TEXT}s":
            parts.append(" " * min(int(child.get(f"{TEXT}c", "1") or 1), 100))
        elif tag in (f"{TEXT}tab", f"{TEXT}line-break"):
            parts.append(" ")
        elif tag == f"{TEXT}note":
            body = child.find(f"{TEXT}note-body")
            if body is not None:
                notes.append(" ".join(inline_text(p, notes) for p in body.iter(f"{TEXT}p")))
        else:
            parts.append(inline_text(child, notes))
        parts.append(child.tail or "")
    return clean_line("".join(parts))


def _meta(archive: Any, path: Path) -> tuple[str | None, str | None]:
    if "meta.xml" not in archive.namelist():
        return None, None
    root = _parse(read_member(archive, "meta.xml", path, what=NAME))
    title = root.findtext(f".//{_DC}title")
    created = root.findtext(f".//{_META}creation-date") or root.findtext(f".//{_DC}date")
    return (clean_line(title) or None) if title else None, parse_date(created or "")
