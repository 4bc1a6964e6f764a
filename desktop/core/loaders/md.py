"""Markdown: markup stripped, headings and list items kept as such, front matter read."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from desktop.core.loaders.base import Extracted, TextBuilder, check_paragraph_count, check_text_size
from desktop.core.loaders.decode import decode_bytes
from desktop.core.loaders.meta import guess_metadata
from desktop.core.loaders.txt import normalise_newlines
from desktop.core.segment import parse_date

SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
KINDS = frozenset({"text"})
FORMAT = "md"
NAME = "Markdown file"
DESCRIPTION = "Markdown text"

_ATX = re.compile(r"^ {0,3}#{1,6}(?:\s+(.*?))?\s*#*\s*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^ {0,3}(?:[-*_]\s*){3,}$")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*)$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_REFDEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
# Linear patterns only: no unbounded lazy spans, brackets excluded from link text, so a
# line of a million "[" or "*" costs one pass (emphasis marks are dropped, not paired).
_INLINE = (
    (re.compile(r"!\[[^\[\]\n]{0,500}\]\([^()\n]{0,2000}\)"), ""),  # images carry no claim
    (re.compile(r"\[([^\[\]\n]{0,500})\]\([^()\n]{0,2000}\)"), r"\1"),
    (re.compile(r"\[([^\[\]\n]{0,500})\]\[[^\[\]\n]{0,100}\]"), r"\1"),
    (re.compile(r"<(https?://[^<>\s]{1,2000})>"), r"\1"),
    (re.compile(r"</?[A-Za-z][^<>\n]{0,500}>"), ""),
    (re.compile(r"`+"), ""),
    (re.compile(r"\*\*|__|~~"), ""),
    (re.compile(r"(?<=\S)\*(?=[\s.,;:!?)\]]|$)|(?<![\w*])\*(?=\S)"), ""),
    (re.compile(r"(?<![\w_])_(?=\S)|(?<=\S)_(?![\w_])"), ""),
)
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_SHELTER = 0xF0000  # escaped marks hide in a private-use plane until the markup is gone
_SHELTERED = re.compile("[\U000f0000-\U000f007f]")


def load(path: Path, data: bytes) -> Extracted:
    """Strip Markdown to text with paragraphs; title and date from front matter or headings."""
    text = decode_bytes(data, path)
    check_text_size(text, path)
    check_paragraph_count(text.count("\n") // 2, path)  # cheap lower bound before the work
    text = normalise_newlines(text)
    front, body = _front_matter(text)
    builder = TextBuilder()
    title = front.get("title")
    for block, kind in _blocks(body.split("\n")):
        if kind == "heading" and title is None:
            title = strip_inline(block)
        builder.add(strip_inline(block), kind)
    draft = builder.build()
    published, outlet = guess_metadata(draft.text, draft.paragraphs)
    published = parse_date(front.get("date", "")) or published
    outlet = front.get("outlet") or front.get("source") or outlet
    return builder.build(title=title, published=published, outlet=outlet)


def strip_inline(text: str) -> str:
    """Remove emphasis, links, images, code marks, comments and HTML tags from a block."""
    text = _ESCAPED.sub(lambda m: chr(_SHELTER + ord(m.group(1))), _drop_comments(text))
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return _SHELTERED.sub(lambda m: chr(ord(m.group()) - _SHELTER), text)


def _drop_comments(text: str) -> str:
    """Cut ``<!-- ... -->`` with str.find: a regex would rescan an unclosed comment."""
    parts: list[str] = []
    cursor = 0
    while (start := text.find("<!--", cursor)) >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break
        parts.append(text[cursor:start])
        cursor = end + 3
    parts.append(text[cursor:])
    return "".join(parts)


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """YAML-style ``key: value`` lines between two ``---`` at the very top."""
    match = re.match(r"\A---\n(.*?)\n---[ \t]*(?:\n|\Z)", text, re.DOTALL)
    if not match:
        return {}, text
    fields: dict[str, str] = {}
    for line in match.group(1).split("\n"):
        key, sep, value = line.partition(":")
        if sep and key.strip():
            fields[key.strip().lower()] = value.strip().strip("\"'")
    return fields, text[match.end() :]


def _blocks(lines: list[str]) -> Iterator[tuple[str, str]]:
    """``(text, kind)`` blocks: heading, list-item, table, paragraph."""
    buffer: list[str] = []
    kind = "paragraph"
    fenced = False
    for line in lines:
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced or _REFDEF.match(line) or _TABLE_RULE.match(line):
            continue
        if not line.strip() or (_RULE.match(line) and not buffer):
            yield from _flush(buffer, kind)
            kind = "paragraph"
            continue
        if _SETEXT.match(line) and buffer:
            yield from _flush(buffer, "heading")
            kind = "paragraph"
            continue
        single = _single_line_block(line)
        if single is not None:
            yield from _flush(buffer, kind)
            kind = "paragraph"
            if single[1] == "list-item":
                buffer, kind = [single[0]], "list-item"
            else:
                yield single
            continue
        buffer.append(line.lstrip(" >"))
    yield from _flush(buffer, kind)


def _single_line_block(line: str) -> tuple[str, str] | None:
    """A line that is a block by itself: a heading, a list item's first line, a table row."""
    atx = _ATX.match(line)
    if atx:
        return atx.group(1) or "", "heading"
    item = _ITEM.match(line)
    if item and not _RULE.match(line):
        return item.group(1), "list-item"
    if line.strip().startswith("|") and line.strip().endswith("|"):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        return "; ".join(c for c in cells if c), "table"
    return None


def _flush(buffer: list[str], kind: str) -> Iterator[tuple[str, str]]:
    if buffer:
        yield " ".join(part.strip() for part in buffer), kind
        buffer.clear()
