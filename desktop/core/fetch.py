"""Fetch one web page safely: http(s) only, public addresses only, bounded in time and size.

The standard library's ``http.client`` does the talking, so that nothing is done behind our
back: no cookies, no credentials, no proxies, no automatic redirects. Every host name is
resolved here and each address it resolves to is checked before we connect to that very
address, so a name cannot resolve to a public address for the check and a private one for the
connection. Every refusal is an ``AddressError`` naming the address and the reason.
"""

from __future__ import annotations

import contextlib
import datetime
import http.client
import ipaddress
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from typing import TypeVar
from urllib.parse import quote, urljoin, urlsplit

from desktop import APP_NAME, __version__
from desktop.core.errors import AddressError, Cancelled, NoConnection

MAX_BYTES = 10 * 1024 * 1024  # what a page may weigh, counted as it is read
MAX_REDIRECTS = 5
CONNECT_TIMEOUT = 10.0  # seconds to open the connection
TOTAL_TIMEOUT = 30.0  # seconds for the whole fetch, redirects included
USER_AGENT = f"{APP_NAME}/{__version__} (news report comparison; desktop app)"
CONTENT_TYPES = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "txt",
    "application/pdf": "pdf",
}
_CHUNK = 64 * 1024
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_SCHEMES = {"http": 80, "https": 443}
_T = TypeVar("_T")
NO_CONNECTION = "No connection — the address stays in the list; try again with Reload"


@dataclass(frozen=True)
class FetchOptions:
    """The limits of a fetch; ``allow_private`` lets it reach this machine and the local network."""

    allow_private: bool = False
    connect_timeout: float = CONNECT_TIMEOUT
    total_timeout: float = TOTAL_TIMEOUT
    max_bytes: int = MAX_BYTES
    max_redirects: int = MAX_REDIRECTS


@dataclass(frozen=True)
class Fetched:
    """What the server sent: the address it came from in the end, its kind and bytes."""

    url: str  # the address asked for
    final_url: str  # after redirects
    kind: str  # "html", "txt" or "pdf" (CONTENT_TYPES)
    charset: str | None  # as the Content-Type header declares it
    data: bytes
    retrieved: str  # ISO 8601 UTC, seconds


def is_address(text: str) -> bool:
    """Whether ``text`` is an http or https address (not a file path)."""
    head = text.strip()[:8].lower()
    return head.startswith(("http://", "https://"))


def fetch_url(
    url: str,
    *,
    options: FetchOptions = FetchOptions(),
    should_cancel: Callable[[], bool] | None = None,
    resolve: Callable[[str, int], list[str]] | None = None,
) -> Fetched:
    """Fetch ``url`` (following up to ``options.max_redirects`` redirects), or raise
    ``AddressError`` saying why not; ``Cancelled`` when ``should_cancel()`` turns true."""
    url = url.strip()
    deadline = time.monotonic() + options.total_timeout
    lookup = resolve or _resolve
    current = url
    for _hop in range(options.max_redirects + 1):
        response = _Exchange(current, options, deadline, should_cancel, lookup)
        try:
            location = response.open()
            if location is None:
                kind, charset = response.kind_and_charset()
                data = response.read_body()
                return Fetched(url, current, kind, charset, data, _now())
        finally:
            response.close()
        current = urljoin(current, location)
    raise AddressError(url, f"the address redirects more than {options.max_redirects} times")


def _now() -> str:
    return datetime.datetime.now(datetime.UTC).replace(microsecond=0).isoformat()


def _resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (IPv4 and IPv6)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _ascii_host(url: str, host: str) -> str:
    """The host name as DNS and the Host header need it (IDNA for names in other scripts)."""
    if not host:
        raise AddressError(url, "the address names no server")
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise AddressError(url, f"the server name {host} is not valid") from exc


def _within(
    limit: float, lookup: Callable[[str, int], list[str]], host: str, port: int
) -> list[str]:
    """``lookup(host, port)`` given ``limit`` seconds: the system resolver has no time limit
    of its own, so it runs on a daemon thread that is left behind if it hangs."""
    outcome: list[tuple[bool, object]] = []

    def run() -> None:
        try:
            outcome.append((True, lookup(host, port)))
        except BaseException as exc:  # handed to the caller's thread below
            outcome.append((False, exc))

    thread = threading.Thread(target=run, name="crosscheck-resolve", daemon=True)
    thread.start()
    thread.join(limit)
    if not outcome:
        raise TimeoutError(host)
    ok, value = outcome[0]
    if not ok:
        assert isinstance(value, BaseException)
        raise value
    assert isinstance(value, list)
    return value


def check_public(url: str, address: str) -> None:
    """Refuse an address on this machine, the local network or a reserved range."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    mapped = getattr(ip, "ipv4_mapped", None)
    if mapped is not None:
        ip = mapped
    if ip.is_loopback or ip.is_unspecified:  # 0.0.0.0 reaches this computer too
        where = "this computer"
    elif ip.is_reserved or ip.is_multicast:
        where = "a reserved range"
    elif ip.is_private or ip.is_link_local:
        where = "the local network"
    elif ip.is_global:
        return
    else:  # shared address space (100.64.0.0/10) and other special ranges
        where = "a reserved range"
    raise AddressError(
        url,
        f"the address leads to {where} ({ip}), which Crosscheck does not reach unless "
        "local addresses are allowed",
    )


class _Exchange:
    """One request and its response, with every rule checked on the way."""

    def __init__(
        self,
        url: str,
        options: FetchOptions,
        deadline: float,
        should_cancel: Callable[[], bool] | None,
        resolve: Callable[[str, int], list[str]],
    ) -> None:
        self.url, self.options, self.deadline = url, options, deadline
        self.should_cancel = should_cancel or (lambda: False)
        self.resolve = resolve
        self.conn: http.client.HTTPConnection | None = None
        self.response: http.client.HTTPResponse | None = None
        self._timer: threading.Timer | None = None
        self._timed_out = False

    def open(self) -> str | None:
        """Send the request; the redirect target when the answer is a redirect, else None."""
        parts = urlsplit(self.url)
        scheme = parts.scheme.lower()
        if scheme not in _SCHEMES:
            raise AddressError(self.url, "only http and https addresses can be fetched")
        if parts.username is not None or parts.password is not None:
            raise AddressError(
                self.url, "the address holds a user name or password, which Crosscheck never sends"
            )
        host = _ascii_host(self.url, parts.hostname or "")
        try:
            port = parts.port or _SCHEMES[scheme]
        except ValueError as exc:
            raise AddressError(self.url, "the address has an invalid port number") from exc
        addresses = self._addresses(host, port)
        target = parts.path or "/"
        if parts.query:
            target += "?" + parts.query
        # As a browser sends it: spaces and non-ASCII letters percent-encoded, escapes kept;
        # the fragment (#...) never leaves the computer.
        target = quote(target, safe="/%:@!$&'()*+,;=?~")
        self._guarded(lambda: self._send(scheme, host, port, addresses, target))
        response = self.response
        assert response is not None
        status = response.status
        if status in _REDIRECTS:
            location = response.getheader("Location")
            if not location:
                raise AddressError(self.url, f"the server redirects ({status}) but says nowhere")
            return location.strip()
        if status != 200:
            reason = f" {response.reason}" if response.reason else ""
            raise AddressError(self.url, f"the server answered {status}{reason}")
        return None

    def _addresses(self, host: str, port: int) -> list[str]:
        limit = max(0.01, min(self.options.connect_timeout, self._remaining()))
        try:
            addresses = _within(limit, self.resolve, host, port)
        except TimeoutError as exc:
            raise AddressError(
                self.url, f"the server name {host} could not be looked up in time"
            ) from exc
        except (socket.gaierror, UnicodeError) as exc:
            if isinstance(exc, socket.gaierror) and exc.errno in _OFFLINE_GAI:
                raise NoConnection(self.url, NO_CONNECTION) from exc
            raise AddressError(self.url, f"the server name {host} was not found") from exc
        if not addresses:
            raise AddressError(self.url, f"the server name {host} was not found")
        if not self.options.allow_private:
            for address in addresses:
                check_public(self.url, address)
        return addresses

    def _send(self, scheme: str, host: str, port: int, addresses: list[str], target: str) -> None:
        timeout = min(self.options.connect_timeout, self._remaining())
        conn: http.client.HTTPConnection
        if scheme == "https":
            conn = _PinnedHTTPSConnection(host, port, addresses, timeout=timeout)
        else:
            conn = _PinnedHTTPConnection(host, port, addresses, timeout=timeout)
        self.conn = conn
        conn.connect()
        self._arm_watchdog()
        self._set_read_timeout()
        conn.putrequest("GET", target, skip_accept_encoding=True)
        conn.putheader("User-Agent", USER_AGENT)
        conn.putheader("Accept", "text/html, application/xhtml+xml, text/plain, application/pdf")
        conn.putheader("Accept-Encoding", "gzip, deflate, identity")
        conn.endheaders()
        self.response = conn.getresponse()

    def kind_and_charset(self) -> tuple[str, str | None]:
        """The document kind the Content-Type header names, when it is one we read."""
        assert self.response is not None
        raw = self.response.getheader("Content-Type") or ""
        header = Message()
        header["Content-Type"] = raw
        mime = header.get_content_type().lower() if raw.strip() else ""
        kind = CONTENT_TYPES.get(mime)
        if kind is None:
            named = mime or "nothing"
            raise AddressError(
                self.url,
                f"the server sent {named}, not a web page, plain text or PDF",
            )
        charset = header.get_param("charset")
        return kind, charset if isinstance(charset, str) and charset.strip() else None

    def read_body(self) -> bytes:
        """The body, read chunk by chunk and refused as soon as it passes the size limit."""
        response = self.response
        assert response is not None
        limit = self.options.max_bytes
        declared = response.getheader("Content-Length", "")
        if declared.strip().isdigit() and int(declared) > limit:
            raise AddressError(self.url, self._too_large(int(declared)))
        unpack = _decoder(response.getheader("Content-Encoding", ""), self.url)
        parts: list[bytes] = []
        size = 0
        while True:
            chunk = self._guarded(lambda: response.read1(_CHUNK))
            if not chunk:
                break
            if unpack is not None:
                chunk = unpack.decompress(chunk, limit + 1 - size)
            size += len(chunk)
            if size > limit:
                raise AddressError(self.url, self._too_large(None))
            parts.append(chunk)
        return b"".join(parts)

    def _too_large(self, size: int | None) -> str:
        limit = self.options.max_bytes // 1048576
        said = f" ({size / 1048576:.1f} MB)" if size is not None else ""
        return f"the page is too large{said}; the limit is {limit} MB"

    def _guarded(self, step: Callable[[], _T]) -> _T:
        """Run one network step: cancel and the time limit checked, errors made sentences."""
        if self.should_cancel():
            raise Cancelled()
        if self._remaining() <= 0:
            raise AddressError(self.url, self._timeout_reason())
        self._set_read_timeout()
        try:
            result = step()
        except TimeoutError as exc:
            raise AddressError(self.url, self._timeout_reason()) from exc
        except ssl.SSLCertVerificationError as exc:
            raise AddressError(
                self.url, "the server's certificate is not valid for this address"
            ) from exc
        except ssl.SSLError as exc:
            raise AddressError(self.url, "a secure connection could not be made") from exc
        except (http.client.HTTPException, zlib.error) as exc:
            if self._timed_out:
                raise AddressError(self.url, self._timeout_reason()) from exc
            raise AddressError(self.url, "the server sent an answer that is not valid") from exc
        except OSError as exc:
            if self._timed_out:
                raise AddressError(self.url, self._timeout_reason()) from exc
            raise _connection_error(self.url, exc) from exc
        if self._timed_out:  # the watchdog closed the socket: an end, but not the page's
            raise AddressError(self.url, self._timeout_reason())
        return result

    def _timeout_reason(self) -> str:
        limits = self.options
        return (
            f"the server did not answer within the time limit ({limits.connect_timeout:g} s "
            f"to connect, {limits.total_timeout:g} s in all)"
        )

    def _remaining(self) -> float:
        return self.deadline - time.monotonic()

    def _set_read_timeout(self) -> None:
        sock = self._socket()
        if sock is not None:
            sock.settimeout(max(0.01, self._remaining()))

    def _arm_watchdog(self) -> None:
        """Close the socket at the deadline, so a server dripping bytes cannot outlast it."""
        self._timer = threading.Timer(max(0.0, self._remaining()), self._expire)
        self._timer.daemon = True
        self._timer.start()

    def _expire(self) -> None:
        self._timed_out = True
        sock = self._socket()
        if sock is not None:
            with contextlib.suppress(OSError):  # already closed
                sock.shutdown(socket.SHUT_RDWR)

    def _socket(self) -> socket.socket | None:
        """The connection's socket, which http.client lets go of when the server says it will
        close (the response still reads from it)."""
        return self.conn.opened if isinstance(self.conn, _PinnedHTTPConnection) else None

    def close(self) -> None:
        """Stop the watchdog and close the response and the socket at once."""
        if self._timer is not None:
            self._timer.cancel()
        if self.response is not None:
            self.response.close()
        if self.conn is not None:
            self.conn.close()
        sock = self._socket()
        if sock is not None:
            sock.close()


# getaddrinfo's "temporary failure" and "no address for name" when the network is down
_OFFLINE_GAI = frozenset({socket.EAI_AGAIN, getattr(socket, "EAI_NODATA", -5)})


def _connection_error(url: str, exc: OSError) -> AddressError:
    if isinstance(exc, ConnectionRefusedError):
        return AddressError(url, "the server refused the connection")
    if isinstance(exc, ConnectionResetError | BrokenPipeError):
        return AddressError(url, "the server closed the connection")
    if exc.errno in _OFFLINE_ERRNOS:
        return NoConnection(url, NO_CONNECTION)
    return AddressError(url, f"the server could not be reached ({exc.strerror or exc})")


_OFFLINE_ERRNOS = frozenset({101, 113, 65, 51, 10051, 10065})  # network / host unreachable


def _decoder(encoding: str, url: str) -> zlib._Decompress | None:
    """A bounded decompressor for gzip or deflate answers; None for plain ones."""
    name = encoding.strip().lower()
    if name in ("", "identity"):
        return None
    if name in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if name == "deflate":
        return zlib.decompressobj()
    raise AddressError(url, f"the server packed the page as {name}, which Crosscheck does not read")


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to one of the checked addresses, never to whatever the name resolves to later."""

    def __init__(self, host: str, port: int, addresses: list[str], *, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._addresses = addresses
        self.opened: socket.socket | None = None

    def _open_socket(self) -> socket.socket:
        error: OSError | None = None
        for address in self._addresses:
            try:
                sock = socket.create_connection((address, self.port), self.timeout)
            except OSError as exc:
                error = exc
                continue
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            return sock
        assert error is not None
        raise error

    def connect(self) -> None:
        """Open the socket to a checked address."""
        self.sock = self.opened = self._open_socket()


class _PinnedHTTPSConnection(_PinnedHTTPConnection):
    """The same over TLS, with the certificate checked against the host name."""

    default_port = 443

    def __init__(self, host: str, port: int, addresses: list[str], *, timeout: float) -> None:
        super().__init__(host, port, addresses, timeout=timeout)
        self._tls = ssl.create_default_context()

    def connect(self) -> None:
        """Open the socket to a checked address and wrap it in TLS for the host name."""
        raw = self._open_socket()
        self.opened = raw  # the watchdog's handle, in case the handshake itself drags on
        self.sock = self.opened = self._tls.wrap_socket(raw, server_hostname=self.host)
