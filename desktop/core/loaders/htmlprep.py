"""Make a saved page safe and cheap to parse: heavy blocks out, depth and size checked."""

from __future__ import annotations

import re
from pathlib import Path

from desktop.core.errors import LoadError
from desktop.core.loaders.safezip import ENTITIES

MAX_DEPTH = 400
MAX_ELEMENTS = 30_000  # trafilatura's time grows faster than the page: 30,000 is ~5 s

_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"^\s*<\?xml[^>]{0,100}encoding=[\"']([A-Za-z0-9_.:-]+)")
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*?(/?)>")  # no "<" inside: linear
_DATA_URI = re.compile(r"data:[\w/+.-]{1,80};base64,[A-Za-z0-9+/=\s]{200,}")
_HEAVY = ("script", "style", "svg", "noscript", "template", "canvas")
_UNCLOSED = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "p",
        "li",
        "dt",
        "dd",
        "tr",
        "td",
        "th",
        "option",
        "tbody",
        "thead",
        "tfoot",
        "colgroup",
        "rt",
        "rp",
        "optgroup",
        "html",
        "head",
        "body",
    }
)


def declared_charset(data: bytes) -> str | None:
    """The charset the page declares in a meta tag or XML declaration."""
    head = data[:4096]
    match = _XML_ENCODING.match(head) or _CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def strip_heavy(page: str) -> str:
    """Drop scripts, styles, SVG and inline images (JSON-LD metadata stays): linear time."""
    page = _DATA_URI.sub("data:,", page)
    lower = page.lower()
    upcoming = {name: _find_open(lower, name, 0) for name in _HEAVY}
    parts: list[str] = []
    cursor = 0
    while True:
        for name, found in upcoming.items():
            if 0 <= found < cursor:  # swallowed by an earlier block: look further on
                upcoming[name] = _find_open(lower, name, cursor)
        live = [(found, name) for name, found in upcoming.items() if found >= 0]
        if not live:
            break
        start, name = min(live)
        tag_end = lower.find(">", start) + 1 or len(page)
        if name == "script" and "ld+json" in lower[start:tag_end]:
            parts.append(page[cursor:tag_end])
            cursor = tag_end
            upcoming[name] = _find_open(lower, name, cursor)
            continue
        close = lower.find(f"</{name}", tag_end)
        parts.append(page[cursor:start])
        cursor = len(page) if close < 0 else (lower.find(">", close) + 1 or len(page))
    parts.append(page[cursor:])
    return "".join(parts)


def _find_open(lower: str, name: str, start: int) -> int:
    """Where the next ``<name`` tag opens (not ``<names...``), or -1."""
    found = lower.find(f"<{name}", start)
    while found >= 0 and lower[found + len(name) + 1 : found + len(name) + 2].isalnum():
        found = lower.find(f"<{name}", found + 1)
    return found


def check_page(page: str, path: Path) -> None:
    """Refuse pages nested too deeply for parsers, or with too many elements to analyse."""
    if "<!ENTITY" in page:  # never expanded, but the text would hold "&lol9;" junk
        raise LoadError(path, ENTITIES)
    depth = deepest = elements = 0
    for match in _TAG.finditer(page):
        closing, name, self_closing = match.groups()
        elements += not closing
        if self_closing or name.lower() in _UNCLOSED:
            continue
        depth = max(0, depth - 1) if closing else depth + 1
        deepest = max(deepest, depth)
        if deepest > MAX_DEPTH:
            raise LoadError(
                path,
                f"the web page is nested too deeply (more than {MAX_DEPTH} "
                "levels) to be read safely",
            )
    if elements > MAX_ELEMENTS:
        raise LoadError(
            path,
            f"the web page is too large to analyse ({elements:,} elements; "
            f"the limit is {MAX_ELEMENTS:,})",
        )
