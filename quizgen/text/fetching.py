"""Article text and title of a web page, fetched within a deadline (the command line's batch
import, and the site's guarded fetch through ``http_get``).

A fetch has one total deadline for everything it does: resolving the host, connecting, the TLS
handshake, sending, the reply's headers and all of its body, and every redirect. Each socket
operation gets only the time left, so a server that trickles its reply a byte at a time is cut
off at the deadline (a per-read timeout would let it hold the fetch for ever). A fetch has a byte
cap too and names itself with a User-Agent; what it got becomes an article in
``article_from_page``: HTML goes through ``quizgen.text.extraction``, plain text is taken as it
is. Every failure is a FetchError (or the ExtractionError of a page with no article) whose
message names the address and says what to do.

``fetch_article`` connects wherever the address points, private networks included: it is for a
person's own machine. The site fetches through ``http_get`` with its own ``connect``, which
allows public addresses only (``learnsite/quizzes/services/text_sources.py``), and reads the
page with ``article_from_page`` too, so a page gives the same text on the command line and on
the site.
"""

from __future__ import annotations

import codecs
import http.client
import io
import socket
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin, urlsplit

from quizgen import __version__
from quizgen.errors import FetchError
from quizgen.text.decoding import decode_text
from quizgen.text.extraction import ExtractedArticle, extract_article

DEFAULT_TIMEOUT = 20.0  # seconds for the whole fetch: connection, reply, body, redirects
DEFAULT_MAX_BYTES = 3_000_000  # news pages with inline scripts reach 1-2 MB; more is not an article
MAX_REDIRECTS = 5
USER_AGENT = f"quizgen/{__version__} (German lesson packs from news articles; batch import)"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_REDIRECTS = (301, 302, 303, 307, 308)


class Deadline:
    """A point in time by which a fetch must be over."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._end = time.monotonic() + seconds

    def remaining(self) -> float:
        """Seconds left; TimeoutError when none are."""
        left = self._end - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"the fetch took longer than {self.seconds:g} seconds")
        return left


def resolve(host: str, port: int, deadline: Deadline) -> list[str]:
    """The host's addresses, or TimeoutError when the resolver takes past the deadline (it runs in
    a thread of its own, left to finish by itself, since getaddrinfo cannot be interrupted)."""
    found: list[str] = []
    failed: list[BaseException] = []
    done = threading.Event()

    def lookup() -> None:
        try:
            found.extend(str(info[4][0]) for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except (OSError, UnicodeError) as exc:
            failed.append(exc)
        done.set()

    thread = threading.Thread(target=lookup, name=f"resolve {host}", daemon=True)
    thread.start()
    if not done.wait(deadline.remaining()):
        raise TimeoutError(f"looking up {host} took longer than {deadline.seconds:g} seconds")
    if failed:
        raise failed[0]
    return found


def connect_anywhere(host: str, port: int, deadline: Deadline) -> socket.socket:
    """A connection to the host's first address that answers (the command line's ``connect``)."""
    last: OSError | None = None
    for address in resolve(host, port, deadline):
        try:
            return socket.create_connection((address, port), timeout=deadline.remaining())
        except TimeoutError:
            raise
        except OSError as exc:
            last = exc
    raise last or OSError(f"{host} has no address")


Connect = Callable[[str, int, Deadline], socket.socket]


class _DeadlineReader(io.RawIOBase):
    def __init__(self, sock: _DeadlineSocket) -> None:
        self._sock = sock

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        return self._sock.recv_into(buffer)

    def close(self) -> None:
        if not self.closed:
            self._sock.reader_closed()
        super().close()


class _DeadlineSocket:
    """A connected socket whose every send and receive gets only the time left before the deadline.

    Like a socket's own ``makefile``, a reader keeps it open until the reader is closed too:
    http.client closes the connection of a reply that ends it before the body is read."""

    def __init__(self, sock: socket.socket, deadline: Deadline) -> None:
        self._sock = sock
        self._deadline = deadline
        self._readers = 0
        self._closing = False

    def sendall(self, data: bytes) -> None:
        self._sock.settimeout(self._deadline.remaining())
        self._sock.sendall(data)

    def recv_into(self, buffer: memoryview) -> int:
        self._sock.settimeout(self._deadline.remaining())
        return self._sock.recv_into(buffer)

    def makefile(self, mode: str = "rb", *args: object, **kwargs: object) -> io.BufferedReader:
        self._readers += 1
        return io.BufferedReader(_DeadlineReader(self))

    def reader_closed(self) -> None:
        self._readers -= 1
        if self._closing and not self._readers:
            self._sock.close()

    def close(self) -> None:
        self._closing = True
        if not self._readers:
            self._sock.close()


class _Connection(http.client.HTTPConnection):
    """http.client over a socket opened by ``connect`` (and wrapped in TLS for https), every
    operation bounded by the deadline."""

    def __init__(self, host: str, port: int, *, tls: bool, deadline: Deadline, connect: Connect) -> None:
        super().__init__(host, port)
        self._tls, self._deadline, self._connect = tls, deadline, connect

    def connect(self) -> None:
        sock = self._connect(self.host, self.port, self._deadline)
        if self._tls:
            sock.settimeout(self._deadline.remaining())
            sock = ssl.create_default_context().wrap_socket(sock, server_hostname=self.host)
        self.sock = _DeadlineSocket(sock, self._deadline)


@dataclass(frozen=True)
class HttpReply:
    status: int
    reason: str
    headers: Message
    body: bytes  # at most max_bytes
    too_large: bool = False  # the body (declared or read) is longer than max_bytes; not kept


def http_get(url: str, *, deadline: Deadline, max_bytes: int, headers: dict[str, str],
             connect: Connect = connect_anywhere) -> HttpReply:
    """One GET of ``url`` (redirects are the caller's), over by ``deadline``.

    Raises OSError (TimeoutError at the deadline) or http.client.HTTPException when the server
    cannot be reached or answers no HTTP; ValueError for an address that is not http(s).
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{url!r} is not an http or https address")
    port = parts.port or (443 if parts.scheme == "https" else 80)
    conn = _Connection(parts.hostname, port, tls=parts.scheme == "https", deadline=deadline, connect=connect)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    response: http.client.HTTPResponse | None = None
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        declared = response.getheader("Content-Length")
        if declared and declared.isdigit() and int(declared) > max_bytes:
            return HttpReply(response.status, response.reason, response.headers, b"", too_large=True)
        body = response.read(max_bytes + 1)
        if len(body) > max_bytes:
            return HttpReply(response.status, response.reason, response.headers, b"", too_large=True)
        return HttpReply(response.status, response.reason, response.headers, body)
    finally:
        if response is not None:
            response.close()
        conn.close()


def fetch_article(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES) -> ExtractedArticle:
    """The article of the page at ``url`` (``source`` is the address asked for), fetched within
    ``timeout`` seconds in all, redirects included.

    Raises FetchError when the page cannot be fetched and ExtractionError when it holds no
    article text.
    """
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"{url!r} is not a web address: give one that starts with http:// or https://.")
    deadline = Deadline(timeout)
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9"}
    current = url
    for _redirect in range(MAX_REDIRECTS + 1):
        try:
            reply = http_get(current, deadline=deadline, max_bytes=max_bytes, headers=headers)
        except (TimeoutError, socket.timeout):
            raise FetchError(_unreachable(url, TimeoutError(), timeout)) from None
        except ValueError:
            raise FetchError(f"{url} redirects to {current!r}, which is not a web address. Open it in a browser "
                             "and save the article as a file instead.") from None
        except (OSError, http.client.HTTPException) as exc:  # a connection reset halfway, for one
            raise FetchError(_unreachable(url, getattr(exc, "reason", exc), timeout)) from None
        location = reply.headers.get("Location")
        if reply.status in _REDIRECTS and location:
            current = urljoin(current, location)
            continue
        if reply.status != 200:
            raise FetchError(
                f"{url} answered {reply.status} {reply.reason}. Check the address in a browser, or save the "
                "article as a .txt or .html file and give that instead."
            )
        if reply.too_large:
            raise FetchError(_too_large(url, max_bytes))
        return article_from_page(reply.body, url=url, content_type=reply.headers.get_content_type(),
                                 charset=reply.headers.get_content_charset())
    raise FetchError(f"{url} redirects more than {MAX_REDIRECTS} times. Open it in a browser and save the "
                     "article as a file instead.")


def article_from_page(body: bytes, *, url: str, content_type: str, charset: str | None) -> ExtractedArticle:
    """The article of a fetched page's body, as its ``Content-Type`` header describes it.

    Raises FetchError for a type that is not a page, BinaryInputError for bytes that are not
    text, ExtractionError for a page without an article.
    """
    looks_like_markup = body.lstrip().removeprefix(codecs.BOM_UTF8).startswith(b"<")
    if content_type not in (*_HTML_TYPES, "text/plain") and not looks_like_markup:
        raise FetchError(
            f"{url} is not a web page ({content_type}). Give the address of the article's HTML page, "
            "or save its text as a .txt file."
        )
    text = decode_text(body, name=url, charset=charset)
    if content_type == "text/plain":
        return ExtractedArticle(title=None, text=text.strip(), source=url)
    return extract_article(text, source=url)


def _too_large(url: str, max_bytes: int) -> str:
    return (f"{url} is larger than {max_bytes // 1000:,} KB, too large for one article. Save the "
            "article's text as a .txt file and give that instead.")


def _unreachable(url: str, reason: object, timeout: float) -> str:
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return (f"{url} did not answer within {timeout:g} seconds. Try again later, or save the "
                "article as a file and give that instead.")
    if isinstance(reason, ssl.SSLError):
        return f"{url} has no valid secure connection ({reason.reason or reason}). Check the address."
    if isinstance(reason, socket.gaierror):
        return f"The host of {url} could not be found. Check the address for typing errors."
    if isinstance(reason, ConnectionRefusedError):
        return f"{url} refused the connection. Check the address, or try again later."
    detail = getattr(reason, "strerror", None) or str(reason)
    return f"{url} could not be reached ({detail}). Check the address and your connection."
