"""Getting a teacher's text from an uploaded file or a web address, safely.

A URL is fetched only over http or https, with a timeout and a size cap, and only from public
addresses: the host name is resolved once, every address is checked, and the connection goes to
the checked address (so a second DNS answer cannot point it inside the network). Redirects are
followed by hand and checked the same way.

What was read becomes text the way the command line reads it: bytes through
``quizgen.text.decoding``, pages through ``quizgen.text.fetching.article_from_page`` and HTML
files through ``quizgen.text.extraction``, so a file or page gives the same text everywhere.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from quizgen.errors import InputError
from quizgen.text.decoding import decode_text
from quizgen.text.documents import DOCUMENT_SUFFIXES, document_text, is_document
from quizgen.text.extraction import extract_article
from quizgen.text.fetching import article_from_page

UPLOAD_SUFFIXES = (".txt", ".md", ".html", ".htm", *DOCUMENT_SUFFIXES)
MAX_REDIRECTS = 3


@dataclass(frozen=True)
class FetchedText:
    text: str
    title: str
    source: str


def text_from_upload(upload: UploadedFile) -> FetchedText:
    """The text of an uploaded .txt, .md, .html, .pdf or .docx file."""
    name = upload.name or ""
    if not name.lower().endswith(UPLOAD_SUFFIXES):
        raise InputError(_("Upload a .txt, .md, .html, .pdf or .docx file, or paste the text."))
    limit = settings.QUIZGEN_MAX_UPLOAD_BYTES
    if upload.size is not None and upload.size > limit:
        raise InputError(_("The file is larger than %(kb)d KB. Upload a single article.") % {"kb": limit // 1024})
    data = upload.read(limit + 1)
    if len(data) > limit:  # the size a client announces may be missing
        raise InputError(_("The file is larger than %(kb)d KB. Upload a single article.") % {"kb": limit // 1024})
    title = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if is_document(name):
        document = document_text(data, name=name)
        return FetchedText(text=document.text, title=document.title or title, source=name)
    text = decode_text(data, name=name)
    if name.lower().endswith((".html", ".htm")):
        article = extract_article(text, source=name)
        text, title = article.text, article.title or title
    return FetchedText(text=text, title=title, source=name)


def _public_address(host: str, port: int) -> str:
    """Resolve ``host`` and return an address the site may connect to, or refuse."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise InputError(_("The address %(host)s could not be found. Check the URL.") % {"host": host}) from None
    addresses = [info[4][0] for info in infos]
    if not settings.QUIZGEN_FETCH_ALLOW_PRIVATE:
        for address in addresses:
            ip = ipaddress.ip_address(address.split("%", 1)[0])
            if not ip.is_global or ip.is_multicast:
                raise InputError(_("Texts can only be fetched from public web addresses. "
                                   "Download the page and upload it instead."))
    return addresses[0]


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]


def _get(url: str) -> tuple[int, str | None, bytes, http.client.HTTPMessage]:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(_("Give a web address that starts with http:// or https://."))
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address = _public_address(parts.hostname, port)
    timeout = settings.QUIZGEN_FETCH_TIMEOUT
    cls = _PinnedHTTPSConnection if parts.scheme == "https" else _PinnedHTTPConnection
    conn = cls(parts.hostname, port, address, timeout)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    limit = settings.QUIZGEN_FETCH_MAX_BYTES
    try:
        conn.request("GET", path, headers={"User-Agent": "Quizgen (teacher text import)", "Accept": "text/html,text/plain"})
        response = conn.getresponse()
        body = response.read(limit + 1)
    except (OSError, http.client.HTTPException):
        raise InputError(_("The page could not be fetched in time. Download it and upload the file instead.")) from None
    finally:
        conn.close()
    if len(body) > limit:
        raise InputError(_("The page is larger than %(kb)d KB. Download the article and upload it instead.")
                         % {"kb": limit // 1024})
    return response.status, response.getheader("Location"), body, response.headers


def text_from_url(url: str) -> FetchedText:
    """The article text of a web page (extracted with trafilatura, as on the command line)."""
    current = url.strip()
    for _redirect in range(MAX_REDIRECTS + 1):
        status, location, body, headers = _get(current)
        if status in (301, 302, 303, 307, 308) and location:
            current = urljoin(current, location)
            continue
        if status != 200:
            raise InputError(_("The page answered with status %(status)d. Check the URL or paste the text.")
                             % {"status": status})
        article = article_from_page(body, url=url.strip(), content_type=headers.get_content_type(),
                                    charset=headers.get_content_charset())
        return FetchedText(text=article.text, title=article.title or "", source=url.strip())
    raise InputError(_("The page redirects too often. Open it in a browser and paste the text."))
