"""No CSV Quizgen writes has a cell a spreadsheet runs as a formula (issue 15, finding 9)."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

from quizgen.exports.anki_csv import vocabulary_csv
from quizgen.exports.csv_cells import FORMULA_STARTS, html_cell, plain_cell
from quizgen.pack import VocabEntry
from tests.quizgen.export_packs import moskau_pack

import anki.collection as anki_collection  # test-only dependency (AGPL), pinned in [test]

HOSTILE = ("=HYPERLINK(\"http://example.org\";\"klick\")", "@SUM(1+1)", "+49 30 1234", "-1+2", "\tTab")


def hostile_pack():
    pack = moskau_pack()
    entries = [VocabEntry(lemma=f"w{n}", display=text, pos="NOUN", gender=None, plural=None, gloss=text,
                          gloss_note=None, zipf=3.0, cefr="B1", band=3, count=1, example=text, sentence=0)
               for n, text in enumerate(HOSTILE)]
    return replace(pack, vocabulary=tuple(entries))


def test_cells_that_start_like_a_formula_are_made_text():
    assert plain_cell("=1+1") == "'=1+1" and plain_cell("Haus") == "Haus"
    assert html_cell("@SUM(A1)") == "&#64;SUM(A1)" and html_cell("<b>x</b>") == "<b>x</b>"


def test_no_cell_of_the_anki_csv_starts_a_formula_and_anki_still_shows_the_text(tmp_path):
    text = vocabulary_csv(hostile_pack())
    rows = list(csv.reader(io.StringIO("\n".join(l for l in text.splitlines() if not l.startswith("#"))),
                           delimiter="\t"))
    assert len(rows) == len(HOSTILE)
    assert not [cell for row in rows for cell in row if cell.startswith(FORMULA_STARTS)]
    path = tmp_path / "vocabulary.txt"
    path.write_text(text, encoding="utf-8")
    col = anki_collection.Collection(str(tmp_path / "c.anki2"))
    try:
        metadata = col.get_csv_metadata(str(path), None)
        col.import_csv(anki_collection.ImportCsvRequest(path=str(path), metadata=metadata))
        fronts = {col.get_note(nid)["Front"] for nid in col.find_notes("")}
        assert "&#61;HYPERLINK(\"http://example.org\";\"klick\")" in {f.replace("&quot;", '"') for f in fronts}
    finally:
        col.close()
