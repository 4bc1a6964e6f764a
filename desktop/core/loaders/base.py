"""What a loader returns, and the helpers loaders share to build text with paragraph offsets."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from desktop.core.errors import LoadError
from desktop.core.model import Paragraph

PARAGRAPH_SEPARATOR = "\n\n"
MAX_TEXT_CHARS = 5_000_000  # extracted text a document may hold (a long book is ~1.5 million)
MAX_PARAGRAPHS = 100_000  # past this a file is a data dump, not a report to compare
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
# Bullets drawn with Symbol or Wingdings fonts come out as private-use characters.
_SYMBOL_BULLETS = re.compile("[\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf0a8\uf0de\uf06e\uf0a1]")
_BULLET_LINE = re.compile(r"(?:[-*•‣◦▪·–]|\d{1,3}[.)])\s")


@dataclass(frozen=True)
class Extracted:
    """The text a loader found, its paragraphs (offsets into ``text``) and any metadata."""

    text: str
    paragraphs: tuple[Paragraph, ...] = ()
    title: str | None = None
    published: str | None = None
    outlet: str | None = None


class Loader(Protocol):
    """A loader module (``desktop/core/loaders/txt.py`` and its siblings): the suffixes it
    reads, the content kinds (``sniff``) it accepts, its format name for sessions, how a
    message names such a file, and ``load``."""

    # Read-only, so that a module's ``SUFFIXES = (".pdf",)`` matches ``tuple[str, ...]``.
    @property
    def SUFFIXES(self) -> tuple[str, ...]: ...
    @property
    def KINDS(self) -> frozenset[str]: ...
    @property
    def FORMAT(self) -> str: ...
    @property
    def NAME(self) -> str: ...  # "PDF", "web page": "no text was found in this PDF"
    @property
    def DESCRIPTION(self) -> str: ...  # "a PDF document": "it is … not a PDF document"

    def load(self, path: Path, data: bytes) -> Extracted:
        """The text, paragraphs and metadata in ``data``, or LoadError saying why not."""
        ...


def clean_line(text: str) -> str:
    """Fold runs of spaces and drop control characters, so offsets stay meaningful."""
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _SPACES.sub(" ", _SYMBOL_BULLETS.sub("•", text)).strip()


def check_text_size(text: str, path: str | Path) -> None:
    """Refuse text past MAX_TEXT_CHARS before any costly work is done on it."""
    if len(text) > MAX_TEXT_CHARS:
        raise LoadError(
            path,
            f"the text is too long ({len(text):,} characters; the limit is {MAX_TEXT_CHARS:,})",
        )


def check_paragraph_count(count: int, path: str | Path) -> None:
    """Refuse documents with more paragraphs (or lines) than a report could have."""
    if count > MAX_PARAGRAPHS:
        raise LoadError(
            path,
            f"the document has too many paragraphs or lines ({count:,}; "
            f"the limit is {MAX_PARAGRAPHS:,})",
        )


class TextBuilder:
    """Joins blocks with a blank line and records each block as a Paragraph."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._paragraphs: list[Paragraph] = []
        self._length = 0

    def add(self, block: str, kind: str = "paragraph") -> None:
        """Append one block (cleaned; empty blocks are skipped)."""
        lines = [clean_line(line) for line in block.split("\n")]
        text = "\n".join(line for line in lines if line)
        if not text:
            return
        if kind == "paragraph" and _BULLET_LINE.match(text):
            kind = "list-item"
        if self._parts:
            self._parts.append(PARAGRAPH_SEPARATOR)
            self._length += len(PARAGRAPH_SEPARATOR)
        self._paragraphs.append(Paragraph(self._length, self._length + len(text), kind))
        self._parts.append(text)
        self._length += len(text)

    def extend(self, blocks: Iterable[tuple[str, str]]) -> None:
        """Append many ``(text, kind)`` blocks."""
        for text, kind in blocks:
            self.add(text, kind)

    @property
    def length(self) -> int:
        """Characters written so far."""
        return self._length

    def build(
        self, *, title: str | None = None, published: str | None = None, outlet: str | None = None
    ) -> Extracted:
        """The finished text and paragraphs."""
        return Extracted(
            "".join(self._parts),
            tuple(self._paragraphs),
            title=title,
            published=published,
            outlet=outlet,
        )
