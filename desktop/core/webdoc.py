"""Documents that come from the web or the clipboard rather than from a file.

A fetched page goes through the same loaders as a saved one (trafilatura for HTML, pypdf for
PDF); what it adds is its address and the time it was fetched. A pasted text becomes a document
with the title the user gave it (its first line unless they change it).
"""

from __future__ import annotations

import codecs
import hashlib
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from desktop.core.errors import AddressError, LoadError
from desktop.core.fetch import Fetched, FetchOptions, fetch_url, is_address
from desktop.core.loaders import build_document, html, load_document, pdf, txt
from desktop.core.loaders.base import Extracted, Loader, check_paragraph_count, check_text_size
from desktop.core.loaders.decode import decode_bytes
from desktop.core.loaders.guard import run_loader
from desktop.core.loaders.sniff import sniff
from desktop.core.model import Document
from desktop.core.segment import paragraphs_from_text

_LOADERS: dict[str, Loader] = {"html": html, "txt": txt, "pdf": pdf}
MAX_TITLE = 300
PASTE_NAME = "pasted text"


def load_address(
    url: str,
    *,
    options: FetchOptions = FetchOptions(),  # noqa: B008 - frozen, so sharing it is safe
    should_cancel: Callable[[], bool] | None = None,
) -> Document:
    """Fetch the page at ``url`` and extract its article, or raise ``AddressError`` saying why."""
    return document_from_page(fetch_url(url, options=options, should_cancel=should_cancel))


def document_from_page(page: Fetched) -> Document:
    """The document in a fetched page: its text, title, date and outlet, address and time."""
    address = page.final_url
    if not page.data.strip():
        raise AddressError(address, "the page is empty")
    kind = "pdf" if sniff(page.data)[0] == "pdf" else page.kind
    loader = _LOADERS[kind]
    data = _as_utf8(page, address) if kind != "pdf" else page.data
    try:
        extracted = run_loader(loader, _name(address), data)
        if not extracted.text.strip():
            raise LoadError(address, f"no text was found in this {loader.NAME}")
        check_text_size(extracted.text, address)
        check_paragraph_count(len(extracted.paragraphs), address)
    except AddressError:
        raise
    except LoadError as exc:  # a loader names a file; here the address is what a person knows
        raise AddressError(address, exc.reason) from exc
    return build_document(
        extracted.text,
        path=address,
        fmt=loader.FORMAT,
        # The text's checksum, not the page's: ads and tokens change with every fetch, and a
        # reload of the same article must keep its statement ids (and the review on them).
        sha256=_digest(extracted.text),
        title=extracted.title or _host(address),
        paragraphs=extracted.paragraphs,
        published=extracted.published,
        outlet=extracted.outlet or _host(address),
        url=address,
        retrieved=page.retrieved,
    )


def _as_utf8(page: Fetched, address: str) -> bytes:
    """The bytes re-encoded as UTF-8 with a BOM when the server names a charset: the header
    wins over a page's own guess, as in a browser, and the BOM tells the loaders so."""
    if page.charset is None:
        return page.data
    text = decode_bytes(page.data, address, declared=page.charset)
    return codecs.BOM_UTF8 + text.encode("utf-8")


def _name(address: str) -> Path:
    """A file-like name for the loaders (only used in messages we replace)."""
    return Path(Path(urlsplit(address).path).name or "page")


def _host(address: str) -> str:
    host = urlsplit(address).hostname or address
    return host.removeprefix("www.")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def first_line(text: str) -> str:
    """The first non-empty line, as a title (the user may change it)."""
    line = next((s.strip() for s in text.splitlines() if s.strip()), "")
    return " ".join(line.split())[:MAX_TITLE]


def document_from_paste(text: str, *, html_text: str | None = None, title: str = "") -> Document:
    """A report from pasted text, or pasted HTML through the article extractor.

    Raises ``LoadError`` (named "pasted text") when there is no text in it.
    """
    extracted = _from_html(html_text) if html_text else None
    if extracted is None:
        body = txt.normalise_newlines(text).strip()
        extracted = Extracted(body, paragraphs_from_text(body))
        fmt = txt.FORMAT
    else:
        fmt = html.FORMAT
    if not extracted.text.strip():
        raise LoadError(PASTE_NAME, "the clipboard holds no text")
    check_text_size(extracted.text, PASTE_NAME)
    check_paragraph_count(len(extracted.paragraphs), PASTE_NAME)
    return build_document(
        extracted.text,
        path="",
        fmt=fmt,
        sha256=_digest(extracted.text),
        title=title.strip() or extracted.title or first_line(extracted.text) or PASTE_NAME,
        paragraphs=extracted.paragraphs,
        published=extracted.published,
        outlet=extracted.outlet,
    )


def _from_html(html_text: str) -> Extracted | None:
    """The article in pasted HTML; None when the extractor finds none (a short selection)."""
    try:
        return run_loader(html, Path(PASTE_NAME), codecs.BOM_UTF8 + html_text.encode("utf-8"))
    except LoadError:
        return None


def load_source(
    source: str | Path,
    *,
    options: FetchOptions = FetchOptions(),  # noqa: B008 - frozen, so sharing it is safe
    should_cancel: Callable[[], bool] | None = None,
) -> Document:
    """A file or a web address, whichever ``source`` names (the CLI's arguments)."""
    if isinstance(source, str) and is_address(source):
        return load_address(source, options=options, should_cancel=should_cancel)
    return load_document(source)


def describe_source(doc: Document) -> str:
    """Where a document came from, for a tooltip: its address and when it was fetched, or
    "Pasted text"; empty for a file (its path says it)."""
    if doc.url is None:
        return "Pasted text" if not doc.path else ""
    return f"{doc.url}\nFetched {format_retrieved(doc.retrieved)}" if doc.retrieved else doc.url


def format_retrieved(stamp: str | None) -> str:
    """'5 Dec 2026, 18:20 UTC' from the stored ISO time (as stored when it does not parse)."""
    import datetime

    try:
        when = datetime.datetime.fromisoformat(stamp or "")
    except ValueError:
        return stamp or "at an unknown time"
    return f"{when.day} {when:%b %Y, %H:%M} UTC"
