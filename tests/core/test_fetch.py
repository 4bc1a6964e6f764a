"""Fetching a page: the rules that keep it safe, against a local server on 127.0.0.1 only."""

from __future__ import annotations

import dataclasses
import socket
import time

import pytest

from desktop import __version__
from desktop.core import fetch
from desktop.core.errors import AddressError, Cancelled, LoadError, NoConnection
from desktop.core.fetch import FetchOptions, fetch_url, is_address
from tests.webserver import ARTICLE, HUGE_BYTES, TEST_OPTIONS, WebServer, web_server

__all__ = ["web_server"]  # the fixture, imported for the tests below


def test_a_page_is_fetched_with_a_user_agent_and_no_cookies(web_server: WebServer) -> None:
    page = fetch_url(web_server.url("/article"), options=TEST_OPTIONS)
    assert page.data == ARTICLE.encode("utf-8")
    assert (page.kind, page.charset) == ("html", "utf-8")
    assert page.final_url == web_server.url("/article")
    assert page.retrieved.endswith("+00:00")
    sent = web_server.headers[0]
    assert f"Crosscheck/{__version__}" in sent["User-Agent"]
    assert not {"Cookie", "Authorization"} & set(sent)


def test_a_redirect_chain_is_followed(web_server: WebServer) -> None:
    page = fetch_url(web_server.url("/r1"), options=TEST_OPTIONS)
    assert page.final_url == web_server.url("/article")
    assert page.url == web_server.url("/r1")
    assert web_server.requests == ["/r1", "/r2", "/r3", "/article"]


def test_more_than_five_redirects_are_refused(web_server: WebServer) -> None:
    with pytest.raises(AddressError, match="redirects more than 5 times") as caught:
        fetch_url(web_server.url("/loop/0"), options=TEST_OPTIONS)
    assert len(web_server.requests) == 6  # the first request and five redirects
    assert web_server.url("/loop/0") in str(caught.value)


def test_a_body_past_the_limit_stops_the_reading_early(web_server: WebServer) -> None:
    with pytest.raises(AddressError, match="too large; the limit is 10 MB"):
        fetch_url(web_server.url("/huge"), options=TEST_OPTIONS)
    assert web_server.finished("/huge").wait(5)
    # The server could write no more than the limit and what the socket buffers held.
    assert web_server.sent["/huge"] < HUGE_BYTES * 3 // 4


def test_a_declared_length_past_the_limit_is_refused_before_reading(
    web_server: WebServer,
) -> None:
    with pytest.raises(AddressError, match=r"too large \(20.0 MB\)"):
        fetch_url(web_server.url("/huge-declared"), options=TEST_OPTIONS)


def test_a_slow_server_runs_into_the_time_limit(web_server: WebServer) -> None:
    options = dataclasses.replace(TEST_OPTIONS, total_timeout=0.5)
    with pytest.raises(AddressError, match="did not answer within the time limit"):
        fetch_url(web_server.url("/slow"), options=options)


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/image", "the server sent image/png, not a web page, plain text or PDF"),
        ("/missing", "the server answered 404 Not Found"),
        ("/to-ftp", "only http and https addresses can be fetched"),
        ("/to-credentials", "user name or password"),
    ],
)
def test_refusals_say_why_in_one_sentence(web_server: WebServer, path: str, reason: str) -> None:
    with pytest.raises(AddressError) as caught:
        fetch_url(web_server.url(path), options=TEST_OPTIONS)
    assert reason in caught.value.reason
    assert isinstance(caught.value, LoadError)  # the workspace and CLI handle it as any file


def test_a_redirect_target_is_checked_again(
    web_server: WebServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the test server's own address is let through: its redirect to 10.0.0.1 is not."""
    strict = fetch.check_public

    def allow_test_server(url: str, address: str) -> None:
        if address != "127.0.0.1":
            strict(url, address)

    monkeypatch.setattr(fetch, "check_public", allow_test_server)
    options = dataclasses.replace(TEST_OPTIONS, allow_private=False)
    with pytest.raises(AddressError, match=r"local network \(10\.0\.0\.1\)") as caught:
        fetch_url(web_server.url("/to-private"), options=options)
    assert caught.value.path == "http://10.0.0.1/article"
    assert web_server.requests == ["/to-private"]


# -- refused before any connection: these never touch the network -----------------------------


@pytest.mark.parametrize(
    ("url", "where"),
    [
        ("http://127.0.0.1:9/", "this computer"),
        ("http://localhost:9/page", "this computer"),
        ("http://10.0.0.1/", "the local network"),
        ("http://192.168.1.1/admin", "the local network"),
        ("http://169.254.169.254/latest/meta-data/", "the local network"),
        ("http://[::1]:9/", "this computer"),
        ("http://[::ffff:10.0.0.1]/", "the local network"),
        ("http://0.0.0.0:9/", "this computer"),
        ("http://100.64.0.1/", "a reserved range"),
        ("http://224.0.0.1/", "a reserved range"),
        ("http://240.0.0.1/", "a reserved range"),
    ],
)
def test_local_and_private_addresses_are_refused_by_default(url: str, where: str) -> None:
    with pytest.raises(AddressError, match=f"leads to {where}") as caught:
        fetch_url(url)
    assert str(caught.value).startswith(url + ": ")


def test_a_name_with_one_private_address_among_public_ones_is_refused() -> None:
    """A name could answer a public address for a check and a private one for the connection:
    every address it resolves to is checked, and only checked ones are connected to."""

    def resolve(host: str, port: int) -> list[str]:
        return ["93.184.215.14", "192.168.0.10"]

    with pytest.raises(AddressError, match=r"local network \(192\.168\.0\.10\)"):
        fetch_url("https://news.example/story", resolve=resolve)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://example.com/story.html", "only http and https"),
        ("file:///etc/passwd", "only http and https"),
        ("https://user:secret@example.com/story", "user name or password"),
        ("http:///story", "names no server"),
        ("http://example.com:99999/", "invalid port"),
    ],
)
def test_addresses_of_the_wrong_form_are_refused(url: str, reason: str) -> None:
    def resolve(host: str, port: int) -> list[str]:
        raise AssertionError("the address must be refused before it is resolved")

    with pytest.raises(AddressError, match=reason):
        fetch_url(url, resolve=resolve)


def test_no_network_says_no_connection() -> None:
    def resolve(host: str, port: int) -> list[str]:
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    with pytest.raises(NoConnection, match="No connection — the address stays in the list"):
        fetch_url("https://news.example/story", resolve=resolve)


def test_an_unknown_name_is_named() -> None:
    def resolve(host: str, port: int) -> list[str]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    with pytest.raises(AddressError, match=r"server name news\.example was not found"):
        fetch_url("https://news.example/story", resolve=resolve)


def test_a_name_lookup_that_hangs_runs_into_the_time_limit() -> None:
    def resolve(host: str, port: int) -> list[str]:
        time.sleep(2)
        return ["93.184.215.14"]

    options = FetchOptions(connect_timeout=0.1)
    with pytest.raises(AddressError, match="could not be looked up in time"):
        fetch_url("https://news.example/story", options=options, resolve=resolve)


def test_an_address_in_another_script_is_sent_as_a_browser_sends_it(
    web_server: WebServer,
) -> None:
    """The path is percent-encoded (escapes kept), the fragment is never sent."""
    with pytest.raises(AddressError, match="404"):
        fetch_url(web_server.url("/новости/a b%20c?q=д#part"), options=TEST_OPTIONS)
    assert web_server.requests == ["/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/a%20b%20c?q=%D0%B4"]


def test_an_international_server_name_is_looked_up_in_its_ascii_form() -> None:
    asked: list[str] = []

    def resolve(host: str, port: int) -> list[str]:
        asked.append(host)
        return ["10.1.2.3"]

    with pytest.raises(AddressError, match="local network"):
        fetch_url("https://пример.испытание/статья", resolve=resolve)
    assert asked == ["xn--e1afmkfd.xn--80akhbyknj4f"]


def test_cancel_stops_before_the_request(web_server: WebServer) -> None:
    with pytest.raises(Cancelled):
        fetch_url(web_server.url("/article"), options=TEST_OPTIONS, should_cancel=lambda: True)
    assert web_server.requests == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://example.com/a", True),
        ("  HTTP://example.com", True),
        ("/home/me/story.html", False),
        ("C:\\news\\story.html", False),
        ("ftp://example.com", False),
    ],
)
def test_is_address(text: str, expected: bool) -> None:
    assert is_address(text) is expected


def test_the_default_options_refuse_local_addresses() -> None:
    assert FetchOptions().allow_private is False
    assert FetchOptions().max_redirects == 5
    assert FetchOptions().max_bytes == 10 * 1024 * 1024
