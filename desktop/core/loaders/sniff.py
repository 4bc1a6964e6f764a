"""What a file really holds, judged from its first bytes rather than its name."""

from __future__ import annotations

import io
import re
import zipfile

# (magic bytes, kind, what a person calls it)
_MAGIC = (
    (b"%PDF-", "pdf", "a PDF document"),
    (b"{\\rtf", "rtf", "an RTF document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole", "an old Microsoft Office file (.doc, .xls)"),
    (b"\x89PNG", "image", "a PNG image"),
    (b"\xff\xd8\xff", "image", "a JPEG image"),
    (b"GIF8", "image", "a GIF image"),
    (b"\x1f\x8b", "archive", "a gzip archive"),
    (b"7z\xbc\xaf", "archive", "a 7-Zip archive"),
    (b"Rar!", "archive", "a RAR archive"),
    (b"\x7fELF", "program", "a program"),
    (b"MZ", "program", "a Windows program"),
)
# A password-protected .docx is an OLE file holding a stream of this name (UTF-16 name).
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_ODT_MIME = b"application/vnd.oasis.opendocument.text"
_HTML_START = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<meta|<!--)", re.IGNORECASE)
DESCRIPTIONS = {
    "pdf": "a PDF document",
    "rtf": "an RTF document",
    "docx": "a Word (.docx) document",
    "odt": "an OpenDocument text (.odt)",
    "zip": "a ZIP archive",
    "html": "a web page",
    "text": "plain text",
    "binary": "binary data",
}


def sniff(data: bytes) -> tuple[str, str]:
    """``(kind, description)``: pdf, rtf, docx, odt, zip, html, text, or a binary kind."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n")
    for magic, kind, description in _MAGIC:
        if head.startswith(magic) or (kind == "pdf" and magic in data[:1024]):
            if kind == "ole" and _ENCRYPTED_PACKAGE in data:
                return "locked-office", "a password-protected Office document"
            return kind, description
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        kind = _zip_kind(data)
        return kind, DESCRIPTIONS[kind]
    if _HTML_START.match(head):
        return "html", DESCRIPTIONS["html"]
    if b"\x00" in data[:4096] and not _utf16(data):
        return "binary", DESCRIPTIONS["binary"]
    return "text", DESCRIPTIONS["text"]


def _zip_kind(data: bytes) -> str:
    """A Word or OpenDocument file is a ZIP archive holding particular members."""
    if data[30:38] == b"mimetype" and _ODT_MIME in data[38:120]:
        return "odt"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return "zip"  # damaged: the loader named by the suffix gives the precise message
    if "word/document.xml" in names:
        return "docx"
    if "content.xml" in names:
        return "odt"
    return "zip"


def _utf16(data: bytes) -> bool:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return True
    sample = data[:4096]
    half = max(1, len(sample) // 2)
    return sample[1::2].count(0) > 0.4 * half or sample[0::2].count(0) > 0.4 * half
