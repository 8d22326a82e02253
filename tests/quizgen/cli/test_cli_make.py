"""``python -m quizgen make``: one JSON pack per article, HTML through extraction, bad files skipped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizgen.__main__ import main
from quizgen.text.extraction import extract_article
from quizgen.errors import ExtractionError

from tests.shared_data import SEED  # noqa: E402


def _html(title: str, body: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n") if p.strip())
    return (
        f"<html><head><title>{title}</title></head><body><nav>Start | Politik | Sport</nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article><footer>Impressum</footer></body></html>"
    )


def test_it_writes_one_json_pack_per_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    html = tmp_path / "besuch.html"
    html.write_text(_html("Putin empfängt Wang Yi", SEED.read_text(encoding="utf-8")), encoding="utf-8")
    code = main(["make", str(SEED), str(html), "--out", str(tmp_path / "out"), "--level", "B2"])
    assert code == 0, capsys.readouterr().err
    seed = json.loads((tmp_path / "out" / "moskau-besuch.json").read_text(encoding="utf-8"))
    page = json.loads((tmp_path / "out" / "besuch.json").read_text(encoding="utf-8"))
    assert seed["level"] == "B2" and seed["vocabulary"] and seed["cloze"]
    assert page["title"] == "Putin empfängt Wang Yi"
    assert "Impressum" not in page["text"] and "Partnerschaft" in page["text"]
    assert "Partnerschaft" in (tmp_path / "out" / "moskau-besuch.json").read_text(encoding="utf-8")  # not \\u-escaped


def test_a_bad_file_is_reported_and_the_batch_goes_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "leer.html"
    empty.write_text("<html><body><nav>Start</nav></body></html>", encoding="utf-8")
    binary = tmp_path / "bild.txt"
    binary.write_bytes(b"\xff\xd8\xff\xe0 not text")
    good = tmp_path / "kurz.txt"
    good.write_text("Die Stadt baut eine neue Brücke über den Fluss. Die Arbeiten beginnen im Mai. "
                    "Viele Menschen freuen sich darauf.", encoding="utf-8")
    code = main(["make", str(empty), str(binary), str(good), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1
    assert "leer.html" in err and "No article text" in err and "bild.txt" in err and "Traceback" not in err
    assert (tmp_path / "out" / "kurz.json").exists()
    assert not (tmp_path / "out" / "leer.json").exists()


def test_extraction_of_an_empty_page_says_what_to_do() -> None:
    with pytest.raises(ExtractionError, match="plain text"):
        extract_article("<html><body><p>Cookies?</p></body></html>", source="x.html")


def test_two_articles_with_the_same_name_do_not_overwrite_each_other(tmp_path: Path) -> None:
    for folder, sentence in (("a", "Die Stadt baut eine neue Brücke."), ("b", "Der Verein gewinnt das Spiel.")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "nachricht.txt").write_text(sentence + " Das freut viele Menschen. Die Zeitung berichtet darüber.", encoding="utf-8")
    code = main(["make", str(tmp_path / "a" / "nachricht.txt"), str(tmp_path / "b" / "nachricht.txt"),
                 "--out", str(tmp_path / "out")])
    assert code == 0
    first = json.loads((tmp_path / "out" / "nachricht.json").read_text(encoding="utf-8"))
    second = json.loads((tmp_path / "out" / "nachricht-2.json").read_text(encoding="utf-8"))
    assert "Brücke" in first["text"] and "Verein" in second["text"]


def test_a_bug_on_one_article_is_named_and_the_batch_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # No real input is known to hit a bug, so one is injected for a single article.
    import quizgen.lesson.make

    real = quizgen.lesson.make.make_pack

    def flaky(text: str, **kwargs):  # type: ignore[no-untyped-def]
        if "Absturz" in text:
            raise RuntimeError("boom")
        return real(text, **kwargs)

    monkeypatch.setattr(quizgen.lesson.make, "make_pack", flaky)
    (tmp_path / "a.txt").write_text("Der Absturz des Servers legte die Stadt lahm. Viele Ämter waren geschlossen. "
                                    "Die Techniker suchten den Fehler.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Die Stadt baut eine neue Brücke über den Fluss. Die Arbeiten beginnen im Mai. "
                                    "Viele Menschen freuen sich darauf.", encoding="utf-8")
    code = main(["make", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1 and "a.txt" in err and "RuntimeError" in err and "bug" in err
    assert (tmp_path / "out" / "b.json").exists()


def test_all_words_is_one_flag_away_for_every_export() -> None:
    import argparse

    from quizgen.cli.export import add_export_arguments, options_from_args

    parser = argparse.ArgumentParser()
    add_export_arguments(parser)
    assert options_from_args(parser.parse_args([])).words == "key"
    assert options_from_args(parser.parse_args(["--all-words"])).words == "all"
