"""Batch import: files, a URL list served from 127.0.0.1, a CSV of articles, the 10kGNAD corpus format."""

from __future__ import annotations

import io
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from quizgen.__main__ import main
from quizgen.text.fetching import USER_AGENT, fetch_article
from quizgen.text.batch_sources import (
    ArticleSource,
    fetch_source,
    iter_sources,
    read_csv_articles,
    read_url_list,
)
from quizgen.errors import ExtractionError, FetchError, InputError

from tests.shared_data import CORPUS

GERMAN = ("Die Stadt baut eine neue Brücke über den Fluss. Die Arbeiten beginnen im Mai. "
          "Der Bürgermeister freut sich über das Projekt.")
ENGLISH = ("The city is building a new bridge over the river. The work will begin in May, and the mayor "
           "says that the project is good for the people who live in the town.")


def _page(title: str, body: str) -> bytes:
    return (f"<html><head><title>{title}</title></head><body><nav>Start | Politik</nav>"
            f"<article><h1>{title}</h1><p>{body}</p></article><footer>Impressum</footer></body></html>"
            ).encode("utf-8")


PAGES: dict[str, tuple[str, bytes]] = {
    "/nachrichten/bruecke.html": ("text/html; charset=utf-8", _page("Neue Brücke für die Stadt", GERMAN)),
    "/news/bridge.html": ("text/html; charset=utf-8", _page("A new bridge", ENGLISH)),
    "/kurz.txt": ("text/plain; charset=utf-8", GERMAN.encode("utf-8")),
    "/bild.png": ("image/png", b"\x89PNG\r\n\x1a\n" + bytes(200)),
    "/leer.html": ("text/html", b"<html><body><nav>Start</nav></body></html>"),
}


class _Handler(BaseHTTPRequestHandler):
    user_agents: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        _Handler.user_agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/langsam.html":
            time.sleep(1.0)  # the client has given up by now: nothing to answer
            return
        if self.path not in PAGES:
            self.send_error(404, "Not Found")
            return
        content_type, body = PAGES[self.path]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    # A proxy from the environment would take the requests to 127.0.0.1 elsewhere.
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


# --- reading CSVs and URL lists (no pipeline) ---------------------------------------------


def test_a_bad_csv_row_is_one_error_record_and_the_other_rows_are_read() -> None:
    text = (
        "Title;Text;Level;Notes\n"
        "Brücke;\"Die Stadt baut eine Brücke; sie ist lang.\nZweiter Absatz.\";b2;x\n"
        "Kaputt;Text mit; zu vielen Feldern;B1;y\n"
        "\n"
        ";Der Verein gewinnt das Spiel.;;\n"
        "Falsch;Ein Text.;Z9;\n"
        "Leer;;;\n"
    )
    records = read_csv_articles(text, name="artikel.csv")
    assert [r.source for r in records] == [f"artikel.csv line {n}" for n in (2, 4, 6, 7, 8)]
    good, bad, untitled, bad_level, empty = records
    assert good.text == "Die Stadt baut eine Brücke; sie ist lang.\nZweiter Absatz."
    assert (good.title, good.level, good.name, good.error) == ("Brücke", "B2", "brücke", None)
    assert bad.text is None and "5 fields where the header has 4" in (bad.error or "")
    assert untitled.title is None and untitled.name == "artikel-003" and untitled.level is None
    assert "'Z9' is not one of" in (bad_level.error or "")
    assert "neither text nor url" in (empty.error or "")


def test_a_csv_row_with_a_url_waits_for_its_fetch() -> None:
    records = read_csv_articles(b"\xef\xbb\xbftitle,url\nA,https://example.org/a.html\nB,example.org/b\n")
    assert records[0].needs_fetch and records[0].url == "https://example.org/a.html"
    assert records[0].origin == "https://example.org/a.html"
    assert not records[1].needs_fetch and "not a web address" in (records[1].error or "")


def test_a_csv_that_is_neither_format_is_refused_as_a_whole() -> None:
    with pytest.raises(InputError, match="header row"):
        read_csv_articles("name,body\nA,Ein Text.\n")
    with pytest.raises(InputError, match="UTF-8"):
        read_csv_articles(b"text\n\xff\xd8\xff\xe0\x81\n")
    with pytest.raises(InputError, match="empty"):
        read_csv_articles("\n\n")


@pytest.mark.skipif(not CORPUS.is_file(), reason="the 10kGNAD corpus is not beside the checkout")
def test_the_10kgnad_format_is_recognised_in_the_corpus_first_rows() -> None:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()[:3]
    records = read_csv_articles("\n".join(lines), name="10kgnad-part1.csv")
    assert [r.name for r in records] == ["10kgnad-part1-001-wirtschaft", "10kgnad-part1-002-sport",
                                         "10kgnad-part1-003-web"]
    assert all(r.error is None and r.title is None for r in records)
    assert records[0].text is not None and records[0].text.startswith("Die Gewerkschaft GPA-djp lanciert")
    assert not records[0].text.endswith("'") and "Wirtschaft" not in records[0].text[:20]
    assert read_csv_articles("\n".join(lines), csv_format="gnad") == read_csv_articles("\n".join(lines))
    with pytest.raises(InputError):
        read_csv_articles("\n".join(lines), csv_format="header")


def test_a_10kgnad_file_whose_first_row_is_not_quoted_is_recognised_by_its_label() -> None:
    rows = ("Sport;Der FC Kelsbach gewann am Samstag mit 2:1 gegen Dorfheim.\n"
            "Web;'Ein neues Telefon kommt auf den Markt; es kostet 300 Euro.'\n")
    records = read_csv_articles(rows, name="gnad.csv")
    assert [(r.name, r.error) for r in records] == [("gnad-001-sport", None), ("gnad-002-web", None)]
    assert records[0].text == "Der FC Kelsbach gewann am Samstag mit 2:1 gegen Dorfheim."
    with pytest.raises(InputError, match="--csv-format gnad"):
        read_csv_articles("Sonstiges;Ein Text ohne Anführungszeichen.\n")


def test_a_url_list_skips_comments_and_blank_lines() -> None:
    records = read_url_list("# Woche 12\n\nhttps://a.example/politik/brücke.html\n  www.b.example/x  \n"
                            "https://a.example/sport/brücke.html\nhttps://c.example/\n", name="urls.txt")
    assert [r.source for r in records] == ["urls.txt line 3", "urls.txt line 4", "urls.txt line 5",
                                           "urls.txt line 6"]
    assert [r.name for r in records] == ["brücke", "www-b-example-x", "brücke-2", "c-example"]
    assert records[0].needs_fetch and not records[1].needs_fetch
    assert "not a web address" in (records[1].error or "")


def test_a_source_that_cannot_be_read_is_one_record_and_the_stream_knows_its_length(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "artikel.csv").write_text("text\nEin Text.\nNoch ein Text.\n", encoding="utf-8")
    stream = iter_sources(files=[tmp_path / "a.txt", tmp_path / "fehlt.txt"], url_list=tmp_path / "fehlt-urls.txt",
                          csv_path=tmp_path / "artikel.csv")
    assert len(stream) == 5
    records = list(stream)
    assert [r.error is None for r in records] == [True, False, False, True, True]
    assert "Cannot read" in (records[1].error or "") and "fehlt-urls.txt" in records[2].source


def test_a_failing_fetch_of_the_site_is_the_record_error_never_a_crash() -> None:
    record = ArticleSource(name="x", text=None, source="urls.txt line 1", url="https://example.org/x")

    class Fetched:
        text, title = "Ein Text.", ""

    def broken(url: str) -> Fetched:
        raise RuntimeError("kaputt")

    assert fetch_source(record, lambda url: Fetched()).text == "Ein Text."
    assert fetch_source(record, lambda url: Fetched()).title is None
    failed = fetch_source(record, broken)
    assert failed.text is None and "RuntimeError" in (failed.error or "") and "bug" in (failed.error or "")


# --- fetching from a local server ---------------------------------------------------------


def test_it_fetches_the_article_of_a_page_and_names_itself(server: str) -> None:
    article = fetch_article(f"{server}/nachrichten/bruecke.html")
    assert article.title == "Neue Brücke für die Stadt"
    assert "Arbeiten beginnen im Mai" in article.text and "Impressum" not in article.text
    assert _Handler.user_agents[-1] == USER_AGENT
    assert fetch_article(f"{server}/kurz.txt").text == GERMAN


@pytest.mark.parametrize(
    ("path", "kwargs", "error", "message"),
    [
        ("/fehlt.html", {}, FetchError, "answered 404"),
        ("/nachrichten/bruecke.html", {"max_bytes": 100}, FetchError, "larger than"),
        ("/bild.png", {}, FetchError, "not a web page"),
        ("/leer.html", {}, ExtractionError, "No article text"),
        ("/langsam.html", {"timeout": 0.2}, FetchError, "did not answer within 0.2 seconds"),
    ],
)
def test_a_page_that_fails_says_why(server: str, path: str, kwargs: dict, error: type, message: str) -> None:
    with pytest.raises(error, match=message):
        fetch_article(server + path, **kwargs)


def test_an_address_that_is_not_http_is_refused_before_any_connection() -> None:
    with pytest.raises(FetchError, match="not a web address"):
        fetch_article("file:///etc/passwd")


# --- the command (real pipeline, short texts) ---------------------------------------------


def test_a_batch_of_urls_and_csv_rows_makes_the_good_ones_and_sums_up_the_rest(
    server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    urls = (f"# Woche 12\n{server}/nachrichten/bruecke.html\n\n{server}/fehlt.html\n"
            f"{server}/news/bridge.html\n")
    monkeypatch.setattr("sys.stdin", io.StringIO(urls))
    articles = tmp_path / "artikel.csv"
    articles.write_text(
        "title,text,level\n"
        f"Der Verein,\"Der Verein gewinnt das Spiel, und die Fans feiern. Der Trainer lobt die Mannschaft. "
        "Am Sonntag folgt das nächste Spiel.\",B2\n"
        "Kaputt,Ein Text, mit Komma,B1\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    code = main(["make", "--urls", "-", "--csv", str(articles), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    assert sorted(p.name for p in out.iterdir()) == ["bruecke.json", "der-verein.json"]
    page = json.loads((out / "bruecke.json").read_text(encoding="utf-8"))
    assert page["title"] == "Neue Brücke für die Stadt" and page["source"] == f"{server}/nachrichten/bruecke.html"
    row = json.loads((out / "der-verein.json").read_text(encoding="utf-8"))
    assert row["level"] == "B2" and row["source"] == f"{articles} line 2"
    summary = err[err.index(f"made 2 lesson packs in {out}; skipped 3:"):]
    assert f"standard input line 4: {server}/fehlt.html answered 404" in summary
    assert "standard input line 5: This text looks like English" in summary
    assert f"{articles} line 3: the row has 4 fields" in summary
    assert "Traceback" not in err


@pytest.mark.skipif(not CORPUS.is_file(), reason="the 10kGNAD corpus is not beside the checkout")
def test_the_first_corpus_rows_become_packs_and_the_exit_code_is_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Three real news articles (2-4k characters each): the pipeline is warm by now.
    part = tmp_path / "gnad.csv"
    part.write_text("\n".join(CORPUS.read_text(encoding="utf-8").splitlines()[:3]) + "\n", encoding="utf-8")
    code = main(["make", "--csv", str(part), "--out", str(tmp_path / "out"), "--level", "B2"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert f"made 3 lesson packs in {tmp_path / 'out'}" in err and "skipped" not in err
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["gnad-001-wirtschaft.json", "gnad-002-sport.json", "gnad-003-web.json"]
    sport = json.loads((tmp_path / "out" / "gnad-002-sport.json").read_text(encoding="utf-8"))
    assert sport["level"] == "B2" and sport["text"].startswith("Franzosen verteidigen") and sport["cloze"]


def test_no_inputs_at_all_is_an_error_that_says_what_to_give(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["make", "--out", str(tmp_path)]) == 2
    assert "--urls" in capsys.readouterr().err
