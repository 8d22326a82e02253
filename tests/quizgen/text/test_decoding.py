"""Bytes become text one way, for the command line, batch sources, uploads and fetched pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.errors import BinaryInputError, FetchError
from quizgen.text.batch_sources import read_csv_articles, read_file_source
from quizgen.text.checks import check_text
from quizgen.text.decoding import decode_text
from quizgen.text.fetching import article_from_page

GERMAN = "Die Grüße aus Köln: „Die Straße wird für 5 € erneuert“ – sagte der Bürgermeister."


def test_utf8_with_or_without_its_mark_and_utf16_from_windows_editors_are_read():
    assert decode_text(GERMAN.encode(), name="a.txt") == GERMAN
    assert decode_text(b"\xef\xbb\xbf" + GERMAN.encode(), name="a.txt") == GERMAN
    assert decode_text(GERMAN.encode("utf-16"), name="a.txt") == GERMAN


def test_windows_1252_from_old_editors_and_spreadsheets_is_read():
    assert decode_text(GERMAN.encode("cp1252"), name="a.txt") == GERMAN
    records = read_csv_articles(f"title;text\nKöln;{GERMAN}\n".encode("cp1252"), name="excel.csv")
    assert records[0].title == "Köln" and records[0].text == GERMAN


def test_a_declared_charset_comes_first():
    assert decode_text("Grüße".encode("iso-8859-15"), name="page", charset="iso-8859-15") == "Grüße"
    assert decode_text("Grüße".encode(), name="page", charset="no-such-charset") == "Grüße"


@pytest.mark.parametrize("data, says", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    (b"\xff\xd8\xff\xe0 JFIF \xc3\x28\x8f", "not text in UTF-8 or Windows-1252"),
    (b"\xff\xd8\xff\xe0 not text", "not text in UTF-8 or Windows-1252"),  # decodes, but as no article is written
])
def test_bytes_that_are_no_text_are_refused_with_what_to_do(data: bytes, says: str):
    with pytest.raises(BinaryInputError, match=says) as caught:
        decode_text(data, name="bild.txt")
    assert caught.value.message.startswith("bild.txt ") and ("Save it" in caught.value.message
                                                             or "Give a" in caught.value.message)


def test_a_file_gives_the_same_text_to_the_batch_and_to_the_checks(tmp_path: Path):
    path = tmp_path / "artikel.txt"
    path.write_bytes(GERMAN.encode("cp1252"))
    assert read_file_source(path).text == GERMAN == check_text(GERMAN.encode("cp1252"))


def test_a_fetched_page_is_read_as_its_headers_say():
    plain = article_from_page("Grüße aus Köln.".encode("cp1252"), url="https://example.org/a.txt",
                              content_type="text/plain", charset="windows-1252")
    assert plain.text == "Grüße aus Köln." and plain.title is None
    with pytest.raises(FetchError, match="not a web page"):
        article_from_page(b"\x89PNG\r\n\x1a\n\x00", url="https://example.org/b.png", content_type="image/png",
                          charset=None)
