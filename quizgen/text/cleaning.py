"""Strip what is not the article's prose before analysis: links, handles, hashtags, credits.

News text copied from the web carries embedded tweets (``pic.twitter.com/...``, ``@handle``,
``#hashtag``), links, agency credits and dates (``(APA/dpa, 23.8.2015)``, ``(red, 4.8.2015)``),
photo credits (``Foto: APA/Hans Punz``) and bylines (a line ``Von Hans Müller``). Left in, they
end up in gaps and questions ("pic.twitter.com" inside a prompt). The article's own words are
kept: an ``@`` inside a word or an e-mail address, a ``#`` before a number, a bracketed party
or country (ÖVP), a source named in a sentence (laut APA).
"""

from __future__ import annotations

import re

_URL = re.compile(
    r"(?:https?://|www\.)\S+|\bpic\.twitter\.com/\S+|\b[\w-]+\.(?:com|net|org|at|de|ch|eu|info|io)/\S*",
    re.IGNORECASE,
)
_HANDLE = re.compile(r"(?<![\w@.])\.?@[A-Za-z0-9_]{2,30}\b(?!\.\w)")
_HASHTAG = re.compile(r"(?<![\w&#])#[^\W\d_][\w]*")
_AGENCIES = r"(?:APA|dpa|AFP|Reuters|AP|sda|SDA|red|KNA|epd|SID|ots|Red\.?|jst|bpb)"
_DATE = r"\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{2,4})?"
# (APA), (APA/dpa, 23.8.2015), (red, 4.8.2015), (Reuters, APA, red), (fid, 7.3.2016), (APA/red – 8.8. 2015)
_CREDIT = re.compile(
    rf"\(\s*(?:{_AGENCIES}(?:\s*[/,;]\s*{_AGENCIES})*(?:\s*[,;–-]\s*{_DATE})?"
    rf"|[a-zäöü]{{2,4}}\s*[,;]\s*{_DATE})\s*\)"
)
_PHOTO = re.compile(r"(?:^|(?<=\s))(?:Foto|Fotos|Bild|Grafik|Video)\s*:\s*(?:[A-ZÄÖÜ][\w.-]*/)+[\w. -]*?(?=\s{2,}|\n|$)", re.M)
_BYLINE = re.compile(r"^\s*(?:Von|Text:|Autor:|Autorin:)\s+[A-ZÄÖÜ][\w.-]+(?:\s+[A-ZÄÖÜ][\w.-]+){0,3}\s*$", re.M)
_EMPTY_BRACKETS = re.compile(r"\(\s*[,;:–-]?\s*\)")
_SPACES = re.compile(r"[ \t]{2,}")
_SPACE_BEFORE_PUNCT = re.compile(r"[ \t]+([.,;:!?])")


def strip_web_junk(text: str) -> str:
    """``text`` without links, handles, hashtags, agency and photo credits and bylines."""
    cleaned = _URL.sub(" ", text)
    cleaned = _HANDLE.sub(" ", cleaned)
    cleaned = _HASHTAG.sub(" ", cleaned)
    cleaned = _CREDIT.sub(" ", cleaned)
    cleaned = _PHOTO.sub(" ", cleaned)
    cleaned = _BYLINE.sub("", cleaned)
    cleaned = _EMPTY_BRACKETS.sub(" ", cleaned)
    if cleaned == text:
        return text
    lines = [_SPACE_BEFORE_PUNCT.sub(r"\1", _SPACES.sub(" ", line)).strip() for line in cleaned.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


__all__ = ["strip_web_junk"]
