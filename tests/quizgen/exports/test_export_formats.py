"""The export registry writes every format and refuses unknown ones with a useful message."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest

from quizgen.errors import ExportError
from quizgen.exports import EXPORT_FORMATS, export_bytes, parse_formats, write_exports
from quizgen.exports.options import ExportOptions
from tests.quizgen.export_packs import moskau_pack


def test_unknown_format_names_the_known_ones():
    with pytest.raises(ExportError, match="choose from apkg, csv, pdf, html, moodle, gift, json"):
        parse_formats("apkg,docx")


def test_all_means_every_format_once():
    assert [f.name for f in parse_formats("all")] == list(EXPORT_FORMATS)
    assert [f.name for f in parse_formats("json, apkg,json")] == ["json", "apkg"]


def test_every_format_except_pdf_is_written_where_asked(tmp_path):
    pack = moskau_pack()
    names = [name for name in EXPORT_FORMATS if name != "pdf"]  # pdf: test_export_worksheet
    paths = write_exports(pack, names, tmp_path / "out", ExportOptions(timestamp=1.7e9))
    stems = {path.name for path in paths}
    assert stems == {
        "moskau-besuch-russland-und-china-vertiefen-partnerschaft" + EXPORT_FORMATS[n].suffix
        for n in names}
    by_name = dict(zip(names, paths))
    assert zipfile.ZipFile(by_name["apkg"]).namelist() == ["collection.anki2", "media"]
    assert json.loads(by_name["json"].read_text(encoding="utf-8"))["title"] == pack.title
    assert by_name["html"].read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_export_bytes_gives_a_download_name_and_content():
    name, content = export_bytes(moskau_pack(), "gift")
    assert name.endswith(".gift.txt") and b"$CATEGORY:" in content


def test_learners_get_the_deck_and_the_vocabulary_csv():
    assert {f.name for f in EXPORT_FORMATS.values() if f.for_learners} == {"apkg", "csv"}


def test_exports_do_not_import_django():
    code = "import quizgen.exports, sys; print('django' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_export_command_writes_the_formats_from_a_json_pack(tmp_path, capsys):
    from quizgen.__main__ import main
    from quizgen.exports.json_export import write_pack_json

    pack_file = write_pack_json(moskau_pack(), tmp_path / "pack.json")
    code = main(["export", str(pack_file), "--formats", "gift,csv", "--out",
                 str(tmp_path / "out"), "--no-reverse"])
    assert code == 0
    written = capsys.readouterr().out.split()
    assert [p.rsplit(".", 2)[-2] for p in written] == ["gift", "anki"]
    csv_text = (tmp_path / "out" / written[1].rsplit("/", 1)[-1]).read_text(encoding="utf-8")
    assert "\ty\t" not in csv_text  # --no-reverse reached the writer
    assert main(["export", str(pack_file), "--formats", "docx"]) == 2
    assert "Unknown export format 'docx'" in capsys.readouterr().err


def test_items_that_cannot_be_checked_are_left_out_of_every_format(tmp_path):
    from quizgen.exports.anki_export import build_deck
    from quizgen.exports.gift import gift
    from quizgen.exports.moodle_xml import moodle_xml
    from quizgen.exports.worksheet_layout import build_worksheet
    from quizgen.pack import ClozeItem, LessonPack, Question

    pack = LessonPack(
        title="A::B / C", level="B1", text="Ein Satz.\r\nNoch einer.",
        sentences=("Ein Satz.", "Noch einer."), text_level=None, vocabulary=(), names=(),
        cloze=(ClozeItem(id="no-gap", kind="open", text="kein Gap", answer="a"),
               ClozeItem(id="short", kind="wordbank", text="___ und ___", answer="a"),
               ClozeItem(id="ok", kind="open", text="Ein ___.", answer="Satz")),
        questions=(Question(id="no-answer", kind="wh", question="Wer?", answer="",
                            answer_short=""),
                   Question(id="ok-q", kind="truefalse", question="Es gibt zwei Sätze.",
                            answer="richtig", answer_short="richtig", sentence=9)))
    assert [note.fields[0] for note in build_deck(pack).notes] == [
        "Ein {{c1::Satz}}.", "Richtig oder falsch? Es gibt zwei Sätze."]
    assert moodle_xml(pack).count("<question ") == 1 + 2  # the category and the two
    assert "::no-answer::" not in gift(pack) and "::ok::" in gift(pack)
    sheet = build_worksheet(pack)
    assert [(e.kind, len(e.items)) for e in sheet.exercises] == [("truefalse", 1)]
    assert sheet.gapped is not None and sheet.gapped.key == ("(1) Satz",)  # the usable item only
    assert sheet.exercises[0].items[0].line is None  # the sentence index points nowhere
    assert [line.text for line in sheet.lines] == ["Ein Satz.", "Noch einer."]
    assert len(write_exports(pack, list(EXPORT_FORMATS), tmp_path)) == len(EXPORT_FORMATS)
