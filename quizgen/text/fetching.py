"""Article text and title of a web page, fetched with urllib (the command line's batch import).

A fetch has a timeout and a byte cap and names itself with a User-Agent; what it got becomes
an article in ``article_from_page``: HTML goes through ``quizgen.text.extraction``, plain text
is taken as it is. Every failure is a FetchError (or the ExtractionError of a page with no
article) whose message names the address and says what to do.

This fetch connects wherever the address points, private networks included: it is for a
person's own machine. The site fetches with its own guard against private addresses
(``learnsite/quizzes/services/text_sources.py``) and reads the page with ``article_from_page``
too, so a page gives the same text on the command line and on the site.
"""

from __future__ import annotations

import codecs
import socket
import urllib.error
import urllib.request
from email.message import Message
from urllib.parse import urlsplit

from quizgen import __version__
from quizgen.errors import FetchError
from quizgen.text.decoding import decode_text
from quizgen.text.extraction import ExtractedArticle, extract_article

DEFAULT_TIMEOUT = 20.0  # seconds, for the connection and for each read
DEFAULT_MAX_BYTES = 3_000_000  # news pages with inline scripts reach 1-2 MB; more is not an article
USER_AGENT = f"quizgen/{__version__} (German lesson packs from news articles; batch import)"
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def fetch_article(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_BYTES) -> ExtractedArticle:
    """The article of the page at ``url`` (``source`` is the address asked for).

    Raises FetchError when the page cannot be fetched and ExtractionError when it holds no
    article text.
    """
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"{url!r} is not a web address: give one that starts with http:// or https://.")
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            headers: Message = response.headers
            _check_length(url, headers.get("Content-Length"), max_bytes)
            body = response.read(max_bytes + 1)
    except urllib.error.HTTPError as exc:
        raise FetchError(
            f"{url} answered {exc.code} {exc.reason}. Check the address in a browser, or save the "
            "article as a .txt or .html file and give that instead."
        ) from None
    except urllib.error.URLError as exc:
        raise FetchError(_unreachable(url, exc.reason, timeout)) from None
    except (TimeoutError, socket.timeout):
        raise FetchError(_unreachable(url, TimeoutError(), timeout)) from None
    except OSError as exc:  # a connection reset halfway through the body, for one
        raise FetchError(_unreachable(url, exc, timeout)) from None
    if len(body) > max_bytes:
        raise FetchError(_too_large(url, max_bytes))
    return article_from_page(body, url=url, content_type=headers.get_content_type(),
                             charset=headers.get_content_charset())


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


def _check_length(url: str, declared: str | None, max_bytes: int) -> None:
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(_too_large(url, max_bytes))


def _too_large(url: str, max_bytes: int) -> str:
    return (f"{url} is larger than {max_bytes // 1000:,} KB, too large for one article. Save the "
            "article's text as a .txt file and give that instead.")


def _unreachable(url: str, reason: object, timeout: float) -> str:
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return (f"{url} did not answer within {timeout:g} seconds. Try again later, or save the "
                "article as a file and give that instead.")
    if isinstance(reason, socket.gaierror):
        return f"The host of {url} could not be found. Check the address for typing errors."
    if isinstance(reason, ConnectionRefusedError):
        return f"{url} refused the connection. Check the address, or try again later."
    detail = getattr(reason, "strerror", None) or str(reason)
    return f"{url} could not be reached ({detail}). Check the address and your connection."
