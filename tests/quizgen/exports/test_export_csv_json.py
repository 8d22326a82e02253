"""The vocabulary CSV imports into Anki through its own text import; the JSON reads back."""

from __future__ import annotations

import json

import pytest

from quizgen.errors import ExportError
from quizgen.exports.anki_csv import vocabulary_csv
from quizgen.exports.json_export import pack_from_dict, pack_json
from quizgen.exports.options import ExportOptions
from tests.quizgen.export_packs import moskau_pack, second_pack

import anki.collection as anki_collection  # test-only dependency (AGPL), pinned in [test]


def test_csv_header_lines_tell_anki_how_to_read_the_file():
    lines = vocabulary_csv(moskau_pack()).splitlines()
    assert lines[:7] == [
        "#separator:tab",
        "#html:true",
        "#notetype:Basic (optional reversed card)",
        "#deck:Quizgen::Moskau-Besuch: Russland und China vertiefen Partnerschaft",
        "#guid column:1",
        "#tags column:5",
        "#columns:guid\tFront\tBack\tAdd Reverse\ttags",
    ]


def _import_csv(col, path):
    metadata = col.get_csv_metadata(str(path), None)
    return metadata, col.import_csv(
        anki_collection.ImportCsvRequest(path=str(path), metadata=metadata)).log


def test_anki_imports_the_csv_into_the_article_deck(tmp_path):
    path = tmp_path / "vocabulary.txt"
    path.write_text(vocabulary_csv(moskau_pack()), encoding="utf-8")
    col = anki_collection.Collection(str(tmp_path / "c.anki2"))
    try:
        metadata, log = _import_csv(col, path)
        assert metadata.deck_name == "Quizgen::Moskau-Besuch: Russland und China vertiefen " \
            "Partnerschaft"
        assert (metadata.guid_column, metadata.tags_column, metadata.is_html) == (1, 5, True)
        assert len(log.new) == col.note_count() == 10
        assert col.card_count() == 10 + 9  # verlauten has no gloss, so no reverse card
        (nid,) = col.find_notes('"Front:*die Partnerschaft*"')
        note = col.get_note(nid)
        assert "color: #c0392b" in note["Front"] and "feminin" in note["Front"]
        assert note["Back"].startswith("partnership<br>Plural: die Partnerschaften")
        assert "quizgen::pos::NOUN" in note.tags
        # a second article's list updates the shared words
        second = tmp_path / "second.txt"
        second.write_text(vocabulary_csv(second_pack()), encoding="utf-8")
        _, log = _import_csv(col, second)
        assert len(log.new) == 2 and col.note_count() == 12
    finally:
        col.close()


def test_csv_without_reverse_cards(tmp_path):
    text = vocabulary_csv(moskau_pack(), ExportOptions(reverse_cards=False))
    rows = [line.split("\t") for line in text.splitlines() if not line.startswith("#")]
    assert len(rows) == 10 and {row[3] for row in rows} == {""}


def test_json_pack_reads_back_into_equal_records():
    pack = moskau_pack()
    text = pack_json(pack)
    data = json.loads(text)
    assert data["vocabulary"][0]["display"] == "die Partnerschaft"
    assert "Größe" not in text and "Außenministeriumssprecherin" in text  # UTF-8, not \u
    assert pack_from_dict(data) == pack


def test_json_that_is_not_a_pack_says_what_to_do():
    with pytest.raises(ExportError, match="make it again"):
        pack_from_dict({"title": "x"})


def test_json_from_a_newer_pack_keeps_extra_keys_and_drops_unknown_record_fields():
    data = json.loads(pack_json(moskau_pack()))
    data["notes"] = ["Vocabulary: glossary v2"]
    data["vocabulary"][0]["audio"] = "partnerschaft.mp3"
    pack = pack_from_dict(data)
    assert pack.extra == {"notes": ["Vocabulary: glossary v2"]}
    assert pack.vocabulary[0] == moskau_pack().vocabulary[0]


def test_the_csv_holds_the_key_words_unless_all_are_asked_for():
    from dataclasses import replace

    pack = moskau_pack()
    pack = replace(pack, vocabulary=tuple(replace(e, key=e.lemma == "Partnerschaft") for e in pack.vocabulary))
    rows = [line for line in vocabulary_csv(pack).splitlines() if not line.startswith("#")]
    assert len(rows) == 1 and "Partnerschaft" in rows[0]
    rows = [line for line in vocabulary_csv(pack, ExportOptions(words="all")).splitlines() if not line.startswith("#")]
    assert len(rows) == len(pack.vocabulary)
