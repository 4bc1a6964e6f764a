"""Documents from the web and the clipboard: the article, its address and time, sessions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.errors import AddressError, LoadError, SessionError
from desktop.core.loaders import load_document
from desktop.core.session import (
    check_sources,
    documents_from_session,
    read_session,
    session_from_workspace,
    session_to_dict,
    write_session,
)
from desktop.core.webdoc import document_from_paste, first_line, load_address
from tests.factories import HEADLINE, PARAGRAPHS, make_txt, news_text
from tests.webserver import CYRILLIC, TEST_OPTIONS, WebServer, web_server

__all__ = ["web_server"]  # the fixture, imported for the tests below


def test_an_article_comes_with_its_metadata_address_and_time(web_server: WebServer) -> None:
    doc = load_address(web_server.url("/article"), options=TEST_OPTIONS)
    assert doc.title == HEADLINE
    assert doc.outlet == "The Daily Test"
    assert doc.published == "2022-10-16"
    assert (doc.url, doc.path, doc.format) == (web_server.url("/article"),) * 2 + ("html",)
    assert doc.retrieved is not None and doc.retrieved.startswith("20")
    assert all(p in doc.text for p in PARAGRAPHS)
    assert "Home" not in doc.text and "Copyright" not in doc.text  # menus and footers left out


def test_the_same_article_fetched_again_keeps_its_id(web_server: WebServer) -> None:
    first = load_address(web_server.url("/article"), options=TEST_OPTIONS)
    again = load_address(web_server.url("/r1"), options=TEST_OPTIONS)
    assert again.id == first.id  # review decisions stay attached after Reload
    assert again.url == web_server.url("/article")  # where the redirects led


@pytest.mark.parametrize(("path", "fmt"), [("/plain", "txt"), ("/article.xhtml", "html")])
def test_plain_text_and_xhtml_are_read(web_server: WebServer, path: str, fmt: str) -> None:
    doc = load_address(web_server.url(path), options=TEST_OPTIONS)
    assert doc.format == fmt
    assert PARAGRAPHS[0] in doc.text


def test_a_page_in_a_declared_windows_1251_charset_is_decoded(web_server: WebServer) -> None:
    doc = load_address(web_server.url("/cp1251"), options=TEST_OPTIONS)
    assert all(sentence in doc.text for sentence in CYRILLIC)
    assert doc.title == "Россия и Иран договорились"


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/no-article", "no article text was found in this web page"),
        ("/empty", "the page is empty"),
    ],
)
def test_a_page_without_an_article_says_so(web_server: WebServer, path: str, reason: str) -> None:
    with pytest.raises(AddressError) as caught:
        load_address(web_server.url(path), options=TEST_OPTIONS)
    assert str(caught.value) == f"{web_server.url(path)}: {reason}"


def test_a_session_keeps_the_address_and_text_and_never_fetches(
    web_server: WebServer, tmp_path: Path
) -> None:
    web = load_address(web_server.url("/article"), options=TEST_OPTIONS)
    local = load_document(make_txt(tmp_path, "ref.txt", news_text()))
    path = tmp_path / "s.crosscheck"
    write_session(session_from_workspace([local, web], local.id), path)
    requests = len(web_server.requests)
    session = read_session(path)
    restored = documents_from_session(session)[1]
    assert restored == web
    assert len(web_server.requests) == requests
    assert [s.document_id for s in check_sources(session)] == [local.id]  # no file to check


def test_a_file_document_is_stored_as_before(tmp_path: Path) -> None:
    """Older Crosscheck versions read these sessions, and file sessions do not change."""
    doc = load_document(make_txt(tmp_path, "ref.txt", news_text()))
    stored = session_to_dict(session_from_workspace([doc], doc.id))["documents"][0]
    assert "url" not in stored and "retrieved" not in stored


def test_a_session_with_a_bad_address_is_refused(tmp_path: Path) -> None:
    doc = load_document(make_txt(tmp_path, "ref.txt", news_text()))
    data = session_to_dict(session_from_workspace([doc], doc.id))
    data["documents"][0] |= {"url": "file:///etc/passwd", "retrieved": None}
    path = tmp_path / "bad.crosscheck"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SessionError, match="url is not in the expected form"):
        read_session(path)


def test_pasted_text_becomes_a_report_titled_by_its_first_line() -> None:
    doc = document_from_paste("\n  " + news_text())
    assert doc.title == HEADLINE
    assert (doc.path, doc.url, doc.format) == ("", None, "txt")
    assert PARAGRAPHS[2] in doc.text


def test_a_pasted_title_given_by_the_user_wins() -> None:
    assert document_from_paste(news_text(), title="  My title ").title == "My title"


def test_pasted_html_goes_through_the_article_extractor() -> None:
    page = "<html><body><nav>Home | World</nav><article>" + "".join(
        f"<p>{p}</p>" for p in PARAGRAPHS
    )
    doc = document_from_paste("plain fallback text", html_text=page + "</article></body></html>")
    assert doc.format == "html"
    assert PARAGRAPHS[1] in doc.text and "fallback" not in doc.text


def test_a_pasted_html_snippet_too_short_for_an_article_keeps_the_plain_text() -> None:
    doc = document_from_paste("Moscow denied it.", html_text="<b>Moscow</b> denied it.")
    assert (doc.text, doc.format) == ("Moscow denied it.", "txt")


def test_an_empty_clipboard_is_refused() -> None:
    with pytest.raises(LoadError, match="the clipboard holds no text"):
        document_from_paste(" \n\t ")


def test_first_line() -> None:
    assert first_line("\n\n  Russia and   Iran \nbody") == "Russia and Iran"
    assert first_line("") == ""
