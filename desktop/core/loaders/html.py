"""A web page saved from a browser: the article body through trafilatura, never the network."""

from __future__ import annotations

import html as html_lib
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from desktop.core.errors import LoadError
from desktop.core.loaders import txt
from desktop.core.loaders.base import Extracted, TextBuilder, clean_line
from desktop.core.loaders.decode import decode_bytes
from desktop.core.loaders.htmlprep import check_page, declared_charset, strip_heavy
from desktop.core.loaders.meta import guess_metadata
from desktop.core.segment import parse_date

SUFFIXES = (".html", ".htm", ".xhtml")
KINDS = frozenset({"html", "text"})
FORMAT = "html"
NAME = "web page"
DESCRIPTION = "a web page"
_ANY_TAG = re.compile(r"<[A-Za-z!/]")
_TITLE_SOURCES = (
    re.compile(r"<title\b[^<>]{0,200}>([^<]{1,1000})</title", re.IGNORECASE),
    re.compile(
        r"<meta\b[^<>]{0,200}?(?:og:title|twitter:title|\"title\"|dc\.title)"
        r"[^<>]{0,200}?content=[\"']([^\"'<>]{1,1000})",
        re.IGNORECASE,
    ),
    re.compile(r"<h1\b[^<>]{0,500}>(.{0,2000}?)</h1", re.IGNORECASE | re.DOTALL),
    re.compile(r"\"headline\"\s*:\s*\"([^\"]{1,1000})\""),
)
_TAGS = re.compile(r"<[^<>]{0,500}>")
MIN_WORDS = 4  # fewer is a menu or a button that trafilatura fell back on


def load(path: Path, data: bytes) -> Extracted:
    """The article's headline, paragraphs, lists and tables; title, date and site name."""
    page = strip_heavy(decode_bytes(data, path, declared=declared_charset(data)))
    if not _ANY_TAG.search(page, 0, 65536):  # plain text saved under an .htm name
        return txt.load(path, data)
    check_page(page, path)
    import trafilatura

    for name in ("trafilatura", "htmldate", "courlan"):
        logging.getLogger(name).setLevel(logging.ERROR)  # extraction notes are not for users
    result: Any = trafilatura.bare_extraction(
        page,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
        # No guessing from copyright lines or URLs: only dates the page states for the article.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if result is None or result.body is None or len((result.text or "").split()) < MIN_WORDS:
        raise LoadError(path, "no article text was found in this web page")
    blocks = list(_body_blocks(result.body))
    title = _title(result.title, page)
    builder = TextBuilder()
    if title and (not blocks or clean_line(blocks[0][0]) != title):
        builder.add(title, "title")
    builder.extend(blocks)
    draft = builder.build()
    published, outlet = guess_metadata(draft.text, draft.paragraphs)
    published = parse_date(result.date or "") or published
    outlet = clean_line(result.sitename or "") or outlet
    return builder.build(title=title, published=published, outlet=outlet)


def _title(found: str | None, page: str) -> str | None:
    """trafilatura's title if the page declares it (title tag, meta, h1), not a sub-heading
    it fell back on."""
    title = clean_line(found or "")
    if not title:
        return None
    key = title.casefold()
    for pattern in _TITLE_SOURCES:
        for match in pattern.finditer(page):
            if key in clean_line(html_lib.unescape(_TAGS.sub(" ", match.group(1)))).casefold():
                return title
    return None


def _body_blocks(body: Any) -> Iterator[tuple[str, str]]:
    """``(text, kind)`` for each block trafilatura kept, in order."""
    for element in body:
        tag = element.tag
        if tag == "head":
            yield _text(element), "heading"
        elif tag == "list":
            for item in element.findall("item"):
                yield _text(item), "list-item"
        elif tag == "table":
            for row in element.iter("row"):
                cells = (_text(cell) for cell in row)
                yield "; ".join(c for c in cells if c), "table"
        else:
            yield _text(element), "paragraph"


def _text(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())
