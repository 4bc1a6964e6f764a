"""A local web server on 127.0.0.1 for the tests of fetching: articles, redirects, huge,
slow, wrong and broken answers. Nothing else on the network is ever reached."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from desktop.core.fetch import FetchOptions
from tests.factories import HEADLINE, PARAGRAPHS

ARTICLE_BODY = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
ARTICLE = (
    "<!doctype html><html><head><meta charset='utf-8'>"
    f"<title>{HEADLINE}</title>"
    "<meta property='og:site_name' content='The Daily Test'>"
    "<meta property='article:published_time' content='2022-10-16T09:00:00Z'>"
    "</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
    f"<article><h1>{HEADLINE}</h1>{ARTICLE_BODY}</article>"
    "<footer>Copyright The Daily Test</footer></body></html>"
)
# "Russia and Iran agreed a deal on drones, officials said." and more, in Russian
CYRILLIC = (
    "Россия и Иран договорились о поставках беспилотников, заявили чиновники.",
    "Сделка была заключена в начале месяца на встрече в Иране.",
    "Российские войска уже применили четыреста иранских беспилотников с августа.",
)
CP1251_PAGE = (
    "<html><head><title>Россия и Иран договорились</title></head><body><article>"
    "<h1>Россия и Иран договорились</h1>"
    + "".join(f"<p>{p}</p>" for p in CYRILLIC)
    + "</article></body></html>"
).encode("windows-1251")
NO_ARTICLE = (
    "<html><head><title>Menu</title></head><body><nav><a href='/a'>News</a>"
    "<a href='/b'>Sport</a></nav></body></html>"
)
HUGE_BYTES = 20 * 1024 * 1024
TEST_OPTIONS = FetchOptions(allow_private=True, connect_timeout=2.0, total_timeout=5.0)


@dataclass
class WebServer:
    """The running server: its base address and what the handlers saw."""

    base: str
    sent: dict[str, int] = field(default_factory=dict)  # path -> bytes written
    done: dict[str, threading.Event] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)
    slow: set[str] = field(default_factory=set)  # paths that answer like /slow from now on

    def finished(self, route: str) -> threading.Event:
        """Set when the handler of ``route`` has stopped writing."""
        return self.done.setdefault(route, threading.Event())

    def url(self, path: str) -> str:
        """The full address of ``path`` on this server."""
        return self.base + path


class _Handler(BaseHTTPRequestHandler):
    server_state: WebServer

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the tests read what they need from the server state."""

    def do_GET(self) -> None:
        state = self.server_state
        state.requests.append(self.path)
        state.headers.append(dict(self.headers.items()))
        route = self.path.split("?", 1)[0]
        if route in state.slow:
            self._slow()
        elif route.startswith("/loop/"):
            self._redirect(f"/loop/{int(route.rsplit('/', 1)[1]) + 1}")
        elif route in _PAGES:
            body, kind = _PAGES[route]
            self._send(200, kind, body)
        elif route in _REDIRECTS:
            self._redirect(_REDIRECTS[route])
        elif route == "/huge":
            self._huge(route)
        elif route == "/huge-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(HUGE_BYTES))
            self.end_headers()
        elif route == "/slow":
            self._slow()
        else:
            self._send(404, "text/html", b"<html><body>Not here</body></html>")

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, target: str) -> None:
        self.send_response(302)
        self.send_header("Location", target)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _huge(self, route: str) -> None:
        """20 MB with no length announced: only counting while reading can stop it."""
        state = self.server_state
        state.sent[route] = 0
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Connection", "close")
        self.end_headers()
        block = b"<p>" + b"word " * 200 + b"</p>\n"
        try:
            while state.sent[route] < HUGE_BYTES and not state.stop.is_set():
                self.wfile.write(block)
                state.sent[route] += len(block)
        except OSError:
            pass  # the client hung up: what the test expects
        finally:
            self.close_connection = True
            state.finished(route).set()

    def _slow(self) -> None:
        """Headers at once, then one byte every 50 ms for up to 5 s."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        try:
            for _ in range(100):
                if self.server_state.stop.is_set():
                    return
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.05)
        except OSError:
            pass


_PAGES: dict[str, tuple[bytes, str]] = {
    "/article": (ARTICLE.encode("utf-8"), "text/html; charset=utf-8"),
    "/article.xhtml": (ARTICLE.encode("utf-8"), "application/xhtml+xml"),
    "/plain": (("\n\n".join((HEADLINE, *PARAGRAPHS))).encode("utf-8"), "text/plain"),
    "/cp1251": (CP1251_PAGE, "text/html; charset=windows-1251"),
    "/image": (b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png"),
    "/no-article": (NO_ARTICLE.encode("utf-8"), "text/html"),
    "/empty": (b"", "text/html"),
}
_REDIRECTS = {
    "/r1": "/r2",
    "/r2": "/r3",
    "/r3": "/article",
    "/to-ftp": "ftp://127.0.0.1/article",
    "/to-credentials": "http://user:secret@127.0.0.1:1/article",
    "/to-private": "http://10.0.0.1/article",
}


@pytest.fixture
def web_server() -> Iterator[WebServer]:
    """A server on 127.0.0.1, a free port, for one test."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    host, port = server.server_address[:2]
    state = WebServer(f"http://{host!s}:{port}")
    _Handler.server_state = state
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.stop.set()
        server.shutdown()
        server.server_close()
        thread.join(5)
