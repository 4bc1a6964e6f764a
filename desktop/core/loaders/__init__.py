"""Read the documents a user drops: one small module per format, chosen by suffix and content.

Every failure becomes a ``LoadError(path, reason)`` with one sentence a person understands.
Heavy libraries (trafilatura, pypdf, python-docx) are imported only when a file needs them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from desktop.core.errors import LoadError
from desktop.core.loaders import docx, html, md, odt, pdf, rtf, txt
from desktop.core.loaders.base import (
    MAX_PARAGRAPHS,
    MAX_TEXT_CHARS,
    Extracted,
    Loader,
    check_paragraph_count,
    check_text_size,
)
from desktop.core.loaders.guard import read_file, run_loader
from desktop.core.loaders.sniff import sniff
from desktop.core.model import Document, Paragraph, StatementRole
from desktop.core.segment import split_statements

MAX_FILE_BYTES = 50 * 1024 * 1024  # what a file may weigh on disk

LOADERS: tuple[Loader, ...] = (txt, md, docx, html, pdf, rtf, odt)
SUPPORTED_SUFFIXES = frozenset(s for loader in LOADERS for s in loader.SUFFIXES)

__all__ = [
    "LOADERS",
    "MAX_FILE_BYTES",
    "MAX_PARAGRAPHS",
    "MAX_TEXT_CHARS",
    "NOT_DOCUMENTS",
    "SUPPORTED_SUFFIXES",
    "Extracted",
    "LoadError",
    "Loader",
    "build_document",
    "expand_paths",
    "is_supported",
    "load_document",
]


def is_supported(path: str | Path) -> bool:
    """Whether the file's suffix names a format Crosscheck reads."""
    return Path(path).suffix.lower() in SUPPORTED_SUFFIXES


# Files that sit beside the articles in a folder but are none (README.md is Markdown, not news).
NOT_DOCUMENTS = frozenset({"readme", "license", "licence", "copying", "changelog", "notice"})


def expand_paths(
    paths: Iterable[str | Path], *, supported: Callable[[Path], bool] = is_supported
) -> list[Path]:
    """Files as given; a folder is replaced by the documents below it, sorted.

    A folder with no document in it, or named like a document (``x.docx``), stays in the list as
    it is, so that loading it says what is wrong instead of the folder vanishing without a word.
    """
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        found = _documents_in(path, supported) if path.is_dir() and not supported(path) else []
        out.extend(found or [path])
    return out


def _documents_in(folder: Path, supported: Callable[[Path], bool]) -> list[Path]:
    def is_document(path: Path) -> bool:
        hidden = any(part.startswith(".") for part in path.relative_to(folder).parts)
        named_aside = path.stem.casefold() in NOT_DOCUMENTS
        return not hidden and not named_aside and path.is_file() and supported(path)

    return sorted(p for p in folder.rglob("*") if is_document(p))


def _folder_reason(folder: Path) -> str:
    if is_supported(folder):
        return f"this is a folder, not a {folder.suffix.lower()} document"
    return (
        "this folder holds no documents Crosscheck reads (TXT, Markdown, DOCX, HTML, PDF, RTF, ODT)"
    )


def load_document(path: str | Path) -> Document:
    """Read one file into a Document, or raise LoadError saying why it cannot be read."""
    file = Path(path)
    if file.is_dir():
        raise LoadError(file, _folder_reason(file))
    data = read_file(file, max_bytes=MAX_FILE_BYTES)
    loader = choose_loader(file, data)
    extracted = run_loader(loader, file, data)
    if not extracted.text.strip():
        raise LoadError(file, f"no text was found in this {loader.NAME}")
    check_text_size(extracted.text, file)
    check_paragraph_count(len(extracted.paragraphs), file)
    return build_document(
        extracted.text,
        path=str(file),
        fmt=loader.FORMAT,
        sha256=hashlib.sha256(data).hexdigest(),
        title=extracted.title,
        paragraphs=extracted.paragraphs,
        published=extracted.published,
        outlet=extracted.outlet,
    )


def choose_loader(file: Path, data: bytes) -> Loader:
    """The loader for the suffix, checked against what the bytes really are."""
    kind, description = sniff(data)
    if kind == "locked-office":
        raise LoadError(
            file,
            "the document is protected by a password; remove the protection "
            "in Word or LibreOffice and open it again",
        )
    suffix = file.suffix.lower()
    by_suffix = next((m for m in LOADERS if suffix in m.SUFFIXES), None)
    # Unknown suffix: go by content; a ZIP that is neither DOCX nor ODT is not a document.
    by_kind = next(
        (m for m in LOADERS if kind in m.KINDS and m.FORMAT != "md" and kind != "zip"), None
    )
    if by_suffix is None:
        if by_kind is None:
            name = f"{suffix} files" if suffix else "files without an extension"
            hint = "; save it as .docx to open it" if kind == "ole" else ""
            raise LoadError(
                file, f"{name} are not supported, and this one holds {description}{hint}"
            )
        return by_kind
    if kind in by_suffix.KINDS or (kind not in _NOT_TEXT and "text" in by_suffix.KINDS):
        return by_suffix
    hint = f"; rename it to {by_kind.SUFFIXES[0]} to open it" if by_kind else ""
    raise LoadError(
        file,
        f"the file is named {suffix} but it is {description}, not {by_suffix.DESCRIPTION}{hint}",
    )


# Kinds that are clearly not a text file, whatever the name says.
_NOT_TEXT = frozenset({"pdf", "rtf", "docx", "odt", "zip", "ole", "image", "archive", "program"})


def build_document(
    text: str,
    *,
    path: str,
    fmt: str,
    sha256: str,
    title: str | None = None,
    paragraphs: Sequence[Paragraph] = (),
    published: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    retrieved: str | None = None,
) -> Document:
    """Segment ``text`` and build the frozen Document (also used to rebuild sessions)."""
    doc_id = sha256[:12]
    statements = split_statements(text, doc_id=doc_id, paragraphs=paragraphs)
    if not title:
        heading = next((s for s in statements if s.role in _TITLE_ROLES), None)
        title = heading.text if heading is not None else Path(path).stem or Path(path).name
    return Document(
        id=doc_id,
        text=text,
        statements=statements,
        title=" ".join(title.split())[:300],
        path=path,
        sha256=sha256,
        format=fmt,
        paragraphs=tuple(paragraphs),
        published=published,
        outlet=outlet,
        url=url,
        retrieved=retrieved,
    )


_TITLE_ROLES = (StatementRole.HEADLINE,)
