"""Bad, hostile and huge files: each gives one LoadError sentence, fast, and nothing else."""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import desktop.core.loaders as loaders
from desktop.core.errors import LoadError
from desktop.core.loaders import MAX_FILE_BYTES, load_document
from tests.factories import (
    BILLION_LAUGHS,
    XXE,
    make_docx,
    make_encrypted_pdf,
    make_html,
    make_odt,
    make_pdf,
    make_truncated,
    make_txt,
    make_zip_bomb,
    replace_member,
)


def reason_for(path: Path) -> str:
    """The LoadError reason, checked to be one plain sentence naming the file."""
    with pytest.raises(LoadError) as info:
        load_document(path)
    reason = info.value.reason
    assert reason and "\n" not in reason and "Traceback" not in reason
    assert info.value.path == str(path)
    assert str(info.value).startswith(path.name)
    return reason


def test_missing_file(tmp_path: Path) -> None:
    assert "does not exist" in reason_for(tmp_path / "gone.txt")


def test_folder_named_like_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "report.docx"
    folder.mkdir()
    assert "folder" in reason_for(folder)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = make_txt(tmp_path, "secret.txt", "Some text.")
    path.chmod(0)
    try:
        assert "permission denied" in reason_for(path)
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  "])
def test_empty_and_blank_files(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    assert "empty" in reason_for(path)


def test_blank_utf16_file_has_no_text(tmp_path: Path) -> None:
    path = make_txt(tmp_path, "blank16.txt", "   \n  ", encoding="utf-16-le", bom=True)
    assert "no text" in reason_for(path)


def test_binary_junk_named_txt(tmp_path: Path) -> None:
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(256)) * 64)
    assert "binary" in reason_for(path)


def test_binary_junk_without_suffix(tmp_path: Path) -> None:
    path = tmp_path / "blob"
    path.write_bytes(b"\x00\x01\x02\xff" * 1000)
    assert "binary" in reason_for(path)


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("report.docx", b"Just some plain text pretending to be Word.", "plain text"),
        ("report.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "PNG image"),
        ("report.odt", b"%PDF-1.4\n%junk", "PDF document"),
        ("report.txt", b"%PDF-1.4\n%junk", "PDF document"),
        ("report.rtf", b"Plain text in an RTF name.", "plain text"),
        ("report.html", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "old Microsoft"),
        ("notes.txt", b"{\\rtf1\\ansi Hello.\\par}", "RTF document"),
    ],
)
def test_lying_extension(tmp_path: Path, name: str, data: bytes, words: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    reason = reason_for(path)
    assert f"named {path.suffix}" in reason and words in reason


def test_lying_extension_says_how_to_open_it(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path)
    renamed = pdf.rename(tmp_path / "story.docx")
    assert reason_for(renamed).endswith("; rename it to .pdf to open it")


def test_password_protected_docx(tmp_path: Path) -> None:
    path = tmp_path / "locked.docx"  # Office writes these as an OLE file with this stream
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\x00" * 512
        + "EncryptedPackage".encode("utf-16-le")
        + b"\x00" * 512
    )
    assert "protected by a password" in reason_for(path)


def test_old_word_file_says_to_save_as_docx(tmp_path: Path) -> None:
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)
    assert reason_for(path).endswith("save it as .docx to open it")


def test_docx_that_is_another_zip(tmp_path: Path) -> None:
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert "ZIP archive" in reason_for(path)


@pytest.mark.parametrize("keep", [0.5, 0.9])
def test_truncated_docx(tmp_path: Path, keep: float) -> None:
    path = make_truncated(make_docx(tmp_path), "cut.docx", keep=keep)
    assert "damaged" in reason_for(path)


def test_truncated_odt(tmp_path: Path) -> None:
    path = make_truncated(make_odt(tmp_path), "cut.odt", keep=0.6)
    assert "damaged" in reason_for(path)


@pytest.mark.parametrize("keep", [0.3, 0.8])
def test_truncated_pdf(tmp_path: Path, keep: float, capfd: pytest.CaptureFixture[str]) -> None:
    path = make_truncated(make_pdf(tmp_path), "cut.pdf", keep=keep)
    assert "damaged or incomplete" in reason_for(path)
    assert capfd.readouterr().err == ""  # pypdf's repair notes do not reach the terminal


def test_encrypted_pdf(tmp_path: Path) -> None:
    assert "password" in reason_for(make_encrypted_pdf(tmp_path))


def test_pdf_with_empty_pages_has_no_text_layer(tmp_path: Path) -> None:
    path = make_pdf(tmp_path, "scan.pdf", text=False, empty_pages=2)
    assert reason_for(path) == "the PDF has no text layer; it may be a scan"


def test_too_large_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    assert "too large" in reason_for(path) and "50 MB" in reason_for(path)


def test_too_much_text_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loaders.base, "MAX_TEXT_CHARS", 1000)
    path = make_txt(tmp_path, "long.txt", "A sentence of text. " * 100)
    assert "too long" in reason_for(path)


def test_zip_bomb_docx(tmp_path: Path) -> None:
    assert "ZIP bomb" in reason_for(make_zip_bomb(tmp_path))


def test_zip_bomb_odt(tmp_path: Path) -> None:
    path = make_zip_bomb(tmp_path, "bomb.odt", member="content.xml")
    assert "ZIP bomb" in reason_for(path)


def test_xxe_in_docx(tmp_path: Path) -> None:
    path = replace_member(make_docx(tmp_path), "word/document.xml", XXE)
    reason = reason_for(path)
    assert "entities" in reason
    assert "root:" not in reason


def test_billion_laughs_in_odt(tmp_path: Path) -> None:
    path = make_odt(tmp_path, content=BILLION_LAUGHS)
    assert "entities" in reason_for(path)


def test_xxe_in_odt_meta(tmp_path: Path) -> None:
    path = replace_member(make_odt(tmp_path), "meta.xml", XXE)
    assert "entities" in reason_for(path)


def test_deeply_nested_html(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 50_000 + "<p>Deep text.</p>" + "</div>" * 50_000)
    assert "nested too deeply" in reason_for(path)


def test_html_with_too_many_elements(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    path.write_text("<html><body><article>" + "<p>Text.</p>" * 31_000 + "</article></body></html>")
    assert "too large to analyse" in reason_for(path)


def test_rtf_too_long(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loaders.rtf, "MAX_SOURCE_CHARS", 1000)
    path = tmp_path / "long.rtf"
    path.write_text("{\\rtf1\\ansi " + "Words of text.\\par " * 100 + "}")
    assert "too long" in reason_for(path)


def test_html_without_article_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text(
        "<html><head><title>Nothing</title><script>var a=1;</script></head>"
        "<body><nav><a href='/'>Home</a></nav></body></html>"
    )
    assert "no article text" in reason_for(path)


def test_broken_loader_library_becomes_load_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(path: Path, data: bytes) -> None:
        raise KeyError("internal detail")

    monkeypatch.setattr(loaders.html, "load", explode)
    reason = reason_for(make_html(tmp_path))
    assert "could not be read" in reason and "internal detail" not in reason


SUFFIXES = [".txt", ".md", ".docx", ".html", ".pdf", ".rtf", ".odt", ".bin", ""]
PREFIXES = [
    b"",
    b"PK\x03\x04",
    b"%PDF-1.7\n",
    b"{\\rtf1 ",
    b"<html><body>",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=600), suffix=st.sampled_from(SUFFIXES)
)
def test_random_bytes_never_crash(tmp_path: Path, prefix: bytes, body: bytes, suffix: str) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(prefix + body)
    try:
        doc = load_document(path)
    except LoadError as exc:
        assert exc.reason
    else:
        for statement in doc.statements:
            assert doc.text[statement.start : statement.end] == statement.text


PATHOLOGICAL = {
    "stars.md": "*a " * 300_000,
    "brackets.md": "[" * 1_000_000,
    "links.md": "[a](" * 250_000,
    "tags.md": "<a" * 500_000,
    "comments.md": "<!--" * 250_000,
    "tags.html": "<a" * 500_000,
    "comments.html": "<!--" * 250_000,
    "bullets.txt": "- " * 500_000,
    "lines.txt": "a\n" * 500_000,
    "braces.rtf": "{\\rtf1 " + "{" * 500_000,
}


@pytest.mark.timeout(60)  # a quadratic regression would take minutes here, not seconds
@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_text_loads_or_fails_cleanly(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(PATHOLOGICAL[name])
    try:
        doc = load_document(path)
    except LoadError as exc:
        assert exc.reason
    else:
        assert all(len(s.text) <= 600 for s in doc.statements)


def test_web_page_is_read_without_the_network(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the loader tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    doc = load_document(make_html(tmp_path))  # the page links scripts and pages elsewhere
    assert doc.statements
