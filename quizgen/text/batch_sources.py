"""The articles of a batch import (files, a list of web addresses, a CSV of articles) as records.

Every article becomes one ``ArticleSource``; a source that is bad itself (an unreadable file, a
broken CSV row, a page that fails to load) becomes a record with ``error`` set instead of
stopping the batch, so the caller reports it and goes on. The API, for the command line and the
site alike:

- ``iter_sources(files=..., url_list=..., csv_path=...)``: every record of a batch, files and
  pages read when their turn comes; ``len()`` of the stream is how many records it yields.
- ``read_url_list(text)`` and ``read_csv_articles(text)``: the records of an uploaded list or CSV
  (``str`` or ``bytes``); web addresses in them are not fetched yet (``needs_fetch``).
- ``fetch_source(record, fetch)``: such a record with its page's text, or its error; ``fetch``
  is any function from a URL to an object with ``text`` and ``title`` (the site passes its own,
  guarded fetch; the default is ``quizgen.text.fetching.fetch_article``).

CSV articles: a header row naming the columns ``text`` or ``url`` (one is needed), and
optionally ``title`` and ``level`` (A1..C2, empty for the batch's level); the separator is
``,``, ``;`` or a tab, found from the header row; other columns are ignored. The 10kGNAD corpus
format (no header, ``label;'text'``, ``'`` as quote character) is recognised from its first
line (a quoted text, or one of the corpus's nine section labels before the ``;``, as in rows
whose text needs no quotes) or chosen with ``csv_format="gnad"``; its label (a news section)
only goes into the name.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from quizgen.errors import CsvFormatError, InputError, QuizgenError
from quizgen.pack import LEVELS
from quizgen.text.decoding import decode_text
from quizgen.text.documents import document_text, is_document

CSV_FORMATS = ("auto", "header", "gnad")
HTML_SUFFIXES = (".html", ".htm")
CSV_COLUMNS = ("title", "text", "url", "level")
_HEADER_DELIMITERS = (",", ";", "\t")
_GNAD_LINE = re.compile(r"^[^;'\"\n]{1,40};'")
#: the sections of 10kGNAD (One Million Posts corpus, derStandard.at), the label of every row
_GNAD_LABELS = frozenset({"Etat", "Inland", "International", "Kultur", "Panorama", "Sport", "Web", "Wirtschaft",
                          "Wissenschaft"})
_NAME_MAX = 60


@dataclass(frozen=True)
class ArticleSource:
    """One article of a batch: its text, or why there is none."""

    name: str  # file-name stem for its outputs, unique within a batch ("moskau-besuch", "artikel-2")
    text: str | None  # None when ``error`` is set, or while ``url`` is not fetched yet
    title: str | None = None  # None: the pack guesses one from the text
    source: str = ""  # where it stands in the input: a path, or "urls.txt line 3", "articles.csv line 4"
    level: str | None = None  # the article's own learner level (CSV column); None: the batch's level
    error: str | None = None  # why the source cannot be used, what to do; shown after ``source``
    url: str | None = None  # the web address the text comes (or is to come) from

    @property
    def needs_fetch(self) -> bool:
        """True for a web address whose page is not fetched yet."""
        return self.text is None and self.error is None and self.url is not None

    @property
    def origin(self) -> str:
        """Where the text comes from, for the pack: the web address, else ``source``."""
        return self.url or self.source


class FetchedPage(Protocol):
    """What a fetch function returns: ``ExtractedArticle``, or the site's ``FetchedText``."""

    @property
    def text(self) -> str: ...

    @property
    def title(self) -> str | None: ...


Fetch = Callable[[str], FetchedPage]


def read_url_list(text: str | bytes, *, name: str = "URL list") -> list[ArticleSource]:
    """One record per web address, one a line; blank lines and ``#`` comment lines are skipped.

    A line that is not an http(s) address becomes a record with an error. ``name`` is how
    messages call the list ("urls.txt").
    """
    records = []
    for number, line in enumerate(_as_text(text, name).splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        where = f"{name} line {number}"
        parts = urlsplit(line)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            records.append(ArticleSource(name=_slug(line) or "url", text=None, source=where,
                                         error=f"{line!r} is not a web address: start it with https:// "
                                               "(or make the line a comment with #)."))
            continue
        records.append(ArticleSource(name=_url_name(parts.path, parts.hostname), text=None, source=where, url=line))
    return list(_unique_names(records))


def read_csv_articles(text: str | bytes, *, name: str = "articles.csv", csv_format: str = "auto",
                      max_bytes: int | None = None, max_rows: int | None = None) -> list[ArticleSource]:
    """One record per data row of a CSV of articles (the formats are in the module docstring).

    A bad row becomes a record with an error; rows with a ``url`` and no ``text`` need a fetch.
    Reading takes time in proportion to the file's size, whatever its rows hold. Raises
    InputError when the file as a whole cannot be read: larger than ``max_bytes`` (in UTF-8),
    more than ``max_rows`` data rows (found as soon as the row after the last one allowed is
    read), not text, empty, no ``text`` or ``url`` column, or a format that is neither of the two.
    """
    if csv_format not in CSV_FORMATS:
        raise InputError(f"Unknown CSV format {csv_format!r}: choose one of {', '.join(CSV_FORMATS)}.")
    size = len(text) if isinstance(text, bytes) else len(text.encode("utf-8"))
    if max_bytes is not None and size > max_bytes:
        raise InputError(f"{name} is larger than {max_bytes // 1000:,} KB. Split it into smaller files of "
                         "articles and import them one after the other.")
    content = _as_text(text, name)
    first = next((line for line in content.splitlines() if line.strip()), None)
    if first is None:
        raise InputError(f"{name} is empty. Give a CSV with a header row (title,text,url,level) and one "
                         "article a row.")
    delimiter = _header_delimiter(first)
    if csv_format == "auto":
        if delimiter is not None:
            csv_format = "header"
        elif _GNAD_LINE.match(first) or first.split(";", 1)[0] in _GNAD_LABELS and ";" in first:
            csv_format = "gnad"
        else:
            raise CsvFormatError(
                f"{name}: the first line is neither a header row naming a text or url column "
                "(e.g. title,text,level) nor a 10kGNAD row (label;'text'). Add a header row, or "
                "choose the format (--csv-format gnad)."
            )
    stem = Path(name).stem or "articles"
    if csv_format == "gnad":
        rows = _gnad_rows(content, name, stem)
    else:
        if delimiter is None:
            raise InputError(f"{name}: the header row names no text or url column. Its first line must "
                             "name the columns, e.g. title,text,level or title,url.")
        rows = _header_rows(content, name, stem, delimiter)
    return list(_unique_names(_at_most(rows, max_rows, name)))


def _at_most(rows: Iterable[ArticleSource], max_rows: int | None, name: str) -> Iterator[ArticleSource]:
    for count, row in enumerate(rows, 1):
        if max_rows is not None and count > max_rows:
            raise InputError(f"{name} has more than {max_rows:,} rows. Split it into files of at most "
                             f"{max_rows:,} articles and import them one after the other.")
        yield row


def fetch_source(record: ArticleSource, fetch: Fetch | None = None) -> ArticleSource:
    """``record`` with the text (and title, unless it has one) of its web page, or with the error.

    A record that needs no fetch is returned as it is. A failure, even a bug in the fetch or the
    extraction, becomes the record's error: one page must not stop a batch.
    """
    if not record.needs_fetch:
        return record
    assert record.url is not None
    if fetch is None:
        from quizgen.text.fetching import fetch_article

        fetch = fetch_article
    try:
        page = fetch(record.url)
    except QuizgenError as exc:
        return replace(record, error=exc.message)
    except Exception as exc:  # reported as a bug, not swallowed: see _bug
        return replace(record, error=_bug(exc, record.url))
    return replace(record, text=page.text, title=record.title or page.title or None)


def read_file_source(path: str | Path) -> ArticleSource:
    """The record of an article file: plain text, ``.html``/``.htm`` through extraction, ``.pdf``
    and ``.docx`` through quizgen.text.documents."""
    path = Path(path)
    record = ArticleSource(name=path.stem or "article", text=None, source=str(path))
    try:
        if is_document(path.name):
            document = document_text(_read_bytes(path), name=str(path))
            return replace(record, text=document.text, title=document.title or None)
        text = decode_text(_read_bytes(path), name=str(path))
        if path.suffix.lower() in HTML_SUFFIXES:
            from quizgen.text.extraction import extract_article

            article = extract_article(text, source=str(path))
            return replace(record, text=article.text, title=article.title)
        return replace(record, text=text)
    except QuizgenError as exc:
        return replace(record, error=exc.message)
    except Exception as exc:  # a bug in the extraction must not stop the batch either
        return replace(record, error=_bug(exc, str(path)))


class SourceStream(Iterator[ArticleSource]):
    """The records of a batch in order, each file or page read when its turn comes.

    ``len()`` is how many records the stream yields in all (a progress bar's total).
    """

    def __init__(self, steps: list[Callable[[], ArticleSource]]) -> None:
        self._steps = steps
        self._position = 0
        self._names = _Names()

    def __len__(self) -> int:
        return len(self._steps)

    def __iter__(self) -> SourceStream:
        return self

    def __next__(self) -> ArticleSource:
        if self._position >= len(self._steps):
            raise StopIteration
        step = self._steps[self._position]
        self._position += 1
        record = step()
        # Names are made unique across the inputs too: a.txt and a URL ending in /a.html.
        return replace(record, name=_unused(record.name, self._names))


def iter_sources(
    *,
    files: Iterable[str | Path] = (),
    url_list: str | Path | None = None,
    csv_path: str | Path | None = None,
    csv_format: str = "auto",
    fetch: Fetch | None = None,
) -> SourceStream:
    """Every article of a batch: the files, then the URL list's pages, then the CSV's rows.

    ``url_list`` is a file of web addresses ("-": standard input), ``csv_path`` a CSV of
    articles. A list or CSV that cannot be read at all is one record with an error. Pages are
    fetched with ``fetch`` (default: ``quizgen.text.fetching.fetch_article``).
    """
    steps: list[Callable[[], ArticleSource]] = [partial(read_file_source, Path(f)) for f in files]
    listed: list[ArticleSource] = []
    if url_list is not None:
        listed += _records_of(url_list, lambda text, name: read_url_list(text, name=name))
    if csv_path is not None:
        listed += _records_of(csv_path, lambda text, name: read_csv_articles(text, name=name, csv_format=csv_format))
    steps += [partial(fetch_source, record, fetch) for record in listed]
    return SourceStream(steps)


def _records_of(path: str | Path, reader: Callable[[str, str], list[ArticleSource]]) -> list[ArticleSource]:
    name = "standard input" if str(path) == "-" else str(path)
    try:
        text = sys.stdin.read() if str(path) == "-" else _as_text(_read_bytes(Path(path)), name)
        return reader(text, name)
    except QuizgenError as exc:
        return [ArticleSource(name=Path(name).stem or "input", text=None, source=name, error=exc.message)]


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror}. Check the path and try again.") from None


def _as_text(text: str | bytes, name: str) -> str:
    return (decode_text(text, name=name) if isinstance(text, bytes) else text).removeprefix("\ufeff")


def _header_delimiter(first_line: str) -> str | None:
    """The separator that splits the header row into names that include text or url."""
    for delimiter in _HEADER_DELIMITERS:
        names = {cell.strip().strip('"').lower() for cell in first_line.split(delimiter)}
        if names & {"text", "url"}:
            return delimiter
    return None


def _csv_rows(reader: Any) -> Iterator[tuple[int, list[str] | None, str | None]]:
    """(line, row, None) for each non-blank row, or (line, None, problem) for a row csv cannot read."""
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield line, None, f"the row cannot be read as CSV ({exc})."
            continue
        if any(cell.strip() for cell in row):
            yield line, row, None


def _header_rows(content: str, name: str, stem: str, delimiter: str) -> Iterator[ArticleSource]:
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    count = 0
    for line, row, problem in _csv_rows(reader):
        if row is not None and header is None:
            header = [cell.strip().lower() for cell in row]
            continue
        count += 1
        if row is None:
            yield _row_error(stem, count, name, line, problem or "")
        elif header is not None and len(row) != len(header):
            yield _row_error(stem, count, name, line, (
                f"the row has {len(row)} fields where the header has {len(header)}: put text that contains "
                f"{delimiter!r} or line breaks in double quotes."))
        elif header is not None:
            cells = {column: value.strip() for column, value in zip(header, row) if column in CSV_COLUMNS}
            yield _header_record(cells, stem, count, f"{name} line {line}")


def _header_record(cells: dict[str, str], stem: str, count: int, where: str) -> ArticleSource:
    title = cells.get("title") or None
    record = ArticleSource(name=_slug(title) if title else f"{stem}-{count:03d}", text=None, title=title,
                           source=where, url=cells.get("url") or None)
    level = cells.get("level", "").upper()
    if level and level not in LEVELS:
        return replace(record, error=f"level {cells['level']!r} is not one of {', '.join(LEVELS)}; "
                                     "correct it or leave it empty for the batch's level.")
    record = replace(record, level=level or None)
    if cells.get("text"):
        return replace(record, text=cells["text"])
    if record.url is None:
        return replace(record, error="the row has neither text nor url: fill one in or delete the row.")
    parts = urlsplit(record.url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return replace(record, error=f"{record.url!r} is not a web address: start it with https://.")
    return record


def _gnad_rows(content: str, name: str, stem: str) -> Iterator[ArticleSource]:
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=";", quotechar="'")
    for count, (line, row, problem) in enumerate(_csv_rows(reader), 1):
        if row is None:
            yield _row_error(stem, count, name, line, problem or "")
        elif len(row) != 2 or not row[1].strip():
            yield _row_error(stem, count, name, line, (
                f"the row has {len(row)} fields; a 10kGNAD row is label;'text' with the text in single quotes."))
        else:
            label, text = row[0].strip(), row[1].strip()
            yield ArticleSource(name=f"{stem}-{count:03d}-{_slug(label)}".rstrip("-"), text=text,
                                source=f"{name} line {line}")


def _row_error(stem: str, count: int, name: str, line: int, problem: str) -> ArticleSource:
    return ArticleSource(name=f"{stem}-{count:03d}", text=None, source=f"{name} line {line}", error=problem)


def _url_name(path: str, host: str) -> str:
    last = path.rstrip("/").rsplit("/", 1)[-1]
    last = re.sub(r"\.(s?html?|php|aspx?)$", "", last, flags=re.IGNORECASE)
    return _slug(last) or _slug(host) or "page"


def _slug(text: str) -> str:
    slug = re.sub(r"\W+", "-", text.lower()).strip("-_")
    return slug[:_NAME_MAX].rstrip("-_")


class _Names:
    """Names given so far, and the next number to try after each base name: 8,000 rows of one
    title take 8,000 steps, not 32 million (a scan from 2 for each row was quadratic)."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.next_number: dict[str, int] = {}


def _unused(name: str, names: _Names) -> str:
    candidate, number = name, names.next_number.get(name, 1)
    if number > 1:
        candidate = f"{name}-{number}"
    while candidate in names.taken:
        number += 1
        candidate = f"{name}-{number}"
    names.next_number[name] = number + 1
    names.taken.add(candidate)
    return candidate


def _unique_names(records: Iterable[ArticleSource]) -> Iterator[ArticleSource]:
    names = _Names()
    for record in records:
        yield replace(record, name=_unused(record.name, names))


def _bug(exc: Exception, where: str) -> str:
    return (f"unexpected {type(exc).__name__} on {where}: {exc}. This is a bug in quizgen: please report "
            "it with this article.")
