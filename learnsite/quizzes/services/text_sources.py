"""Getting a teacher's text from an uploaded file or a web address, safely.

A URL is fetched only over http or https, within one deadline for the whole fetch
(QUIZGEN_FETCH_TIMEOUT seconds for the look-up, connections, redirects and every byte, however
slowly the server sends them; ``quizgen.text.fetching.http_get``), with a size cap, and only from
public addresses: the host name is resolved once, every address is checked (an IPv4 address
inside an IPv6 one is judged as the IPv4 address it is), and the connection goes to the checked
address (so a second DNS answer cannot point it inside the network). Redirects are followed by
hand and checked the same way.

What was read becomes text the way the command line reads it: bytes through
``quizgen.text.decoding``, pages through ``quizgen.text.fetching.article_from_page`` and HTML
files through ``quizgen.text.extraction``, so a file or page gives the same text everywhere.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from quizgen.errors import InputError
from quizgen.text.decoding import decode_text
from quizgen.text.documents import DOCUMENT_SUFFIXES, document_text, is_document
from quizgen.text.extraction import extract_article
from quizgen.text.fetching import Deadline, HttpReply, article_from_page, http_get, resolve

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


_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # RFC 6052 well-known prefix: the IPv4 is the last 32 bits
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")  # RFC 8215 local-use: only inside a network
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")  # deprecated ::a.b.c.d


def embedded_ipv4(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries, which is where a connection to it ends up:
    IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d), 6to4
    (2002:aabb:ccdd::) and Teredo (the client's address, stored inverted)."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip in _NAT64 or (ip in _IPV4_COMPATIBLE and int(ip) > 0xFFFF):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    return None


def is_public_address(address: str) -> bool:
    """Whether the site may connect to ``address``: global, not multicast, and the IPv4 address
    inside it (see ``embedded_ipv4``), if any, global and not multicast too."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip in _NAT64_LOCAL:
        return False
    inner = embedded_ipv4(ip)
    return all(candidate.is_global and not candidate.is_multicast for candidate in (ip, inner) if candidate is not None)


def _public_connection(host: str, port: int, deadline: Deadline) -> socket.socket:
    """A connection to a checked address of ``host``: the name is resolved once (within the
    deadline), every address it has must be public, and the connection goes to the address
    checked, so a second DNS answer cannot point it inside the network."""
    try:
        addresses = resolve(host, port, deadline)
    except (socket.gaierror, UnicodeError):
        raise InputError(_("The address %(host)s could not be found. Check the URL.") % {"host": host}) from None
    if not settings.QUIZGEN_FETCH_ALLOW_PRIVATE and not all(is_public_address(a) for a in addresses):
        raise InputError(_("Texts can only be fetched from public web addresses. "
                           "Download the page and upload it instead."))
    return socket.create_connection((addresses[0], port), timeout=deadline.remaining())


def _get(url: str, deadline: Deadline) -> HttpReply:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(_("Give a web address that starts with http:// or https://."))
    limit = settings.QUIZGEN_FETCH_MAX_BYTES
    try:
        reply = http_get(url, deadline=deadline, max_bytes=limit, connect=_public_connection,
                         headers={"User-Agent": "Quizgen (teacher text import)", "Accept": "text/html,text/plain"})
    except (OSError, http.client.HTTPException, ValueError):
        raise InputError(_("The page could not be fetched in time. Download it and upload the file instead.")) from None
    if reply.too_large:
        raise InputError(_("The page is larger than %(kb)d KB. Download the article and upload it instead.")
                         % {"kb": limit // 1024})
    return reply


def text_from_url(url: str) -> FetchedText:
    """The article text of a web page (extracted with trafilatura, as on the command line)."""
    current = url.strip()
    deadline = Deadline(settings.QUIZGEN_FETCH_TIMEOUT)  # for all of it: redirects, connections, reads
    for _redirect in range(MAX_REDIRECTS + 1):
        reply = _get(current, deadline)
        location = reply.headers.get("Location")
        if reply.status in (301, 302, 303, 307, 308) and location:
            current = urljoin(current, location)
            continue
        if reply.status != 200:
            raise InputError(_("The page answered with status %(status)d. Check the URL or paste the text.")
                             % {"status": reply.status})
        article = article_from_page(reply.body, url=url.strip(), content_type=reply.headers.get_content_type(),
                                    charset=reply.headers.get_content_charset())
        return FetchedText(text=article.text, title=article.title or "", source=url.strip())
    raise InputError(_("The page redirects too often. Open it in a browser and paste the text."))
