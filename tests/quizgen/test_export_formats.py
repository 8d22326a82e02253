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
