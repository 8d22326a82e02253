"""Bytes to text, the one way: the command line's files, batch sources and lists, the site's
uploads, and fetched web pages all decode here, so one file gives one text everywhere.

A UTF-16 byte order mark (Windows editors' "Unicode") decides first; then the charset a web
server declared; then UTF-8 (with or without its mark); last Windows-1252, which Windows
editors, spreadsheet programs and older German pages wrote before UTF-8, accepted only when
its non-ASCII characters are those of German text (umlauts, ß, quotes, dashes, €): bytes of
an image or archive decode as Windows-1252 too, into letters no article is written in.
"""

from __future__ import annotations

import codecs

from quizgen.errors import BinaryInputError

LEGACY_ENCODING = "cp1252"
# Non-ASCII characters of German news text in Windows-1252, names of neighbours included.
_LEGACY_TEXT_CHARACTERS = frozenset(
    "äöüÄÖÜßéèêëàâáçñóòôúùûíìîïÉÈÀÁÇÑÓÚ„“”‚‘’«»‹›–—…€§°²³·×½¼¾\u00a0"
)
# More than this share of other non-ASCII characters: not a text in Windows-1252.
_MAX_FOREIGN_SHARE = 0.1


def decode_text(data: bytes, *, name: str, charset: str | None = None) -> str:
    """The text of ``data`` (``name`` says what it is in messages: a file name, an address).

    Raises BinaryInputError when the bytes are not text in any of the encodings above.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise _not_text(name) from None
    if b"\x00" in data:
        raise BinaryInputError(
            f"{name} looks like a binary file, not text. Give a .txt, .md or .html file with "
            "the article, or paste its text."
        )
    for encoding in (charset, "utf-8-sig"):
        if not encoding:
            continue
        try:
            return data.decode(encoding).removeprefix("\ufeff")
        except (UnicodeDecodeError, LookupError):  # a wrong or unknown declared charset
            continue
    try:
        text = data.decode(LEGACY_ENCODING)
    except UnicodeDecodeError:
        raise _not_text(name) from None
    foreign = [c for c in text if ord(c) > 127 and c not in _LEGACY_TEXT_CHARACTERS]
    if len(foreign) > _MAX_FOREIGN_SHARE * sum(1 for c in text if ord(c) > 127):
        raise _not_text(name)
    return text


def _not_text(name: str) -> BinaryInputError:
    return BinaryInputError(
        f"{name} is not text in UTF-8 or Windows-1252. Save it as plain UTF-8 text (\"CSV UTF-8\" "
        "in spreadsheet programs) and try again."
    )
