"""One description per exercise kind: registered beside each kind, read by every export."""

from __future__ import annotations

import dataclasses
import io
import sqlite3
import tempfile
import zipfile
from pathlib import Path

import pytest

from quizgen.errors import KindError
from quizgen.exports import EXPORT_FORMATS, export_bytes
from quizgen.exports.options import WORKSHEET_KINDS, ExportOptions
from quizgen.exports.worksheet_layout import build_worksheet
from quizgen.kinds import (
    AnswerMode,
    Section,
    decode_answers,
    encode_answers,
    exercise_kind,
    exercise_kind_by_key,
    exercise_kinds,
    kind_of,
)
from tests.quizgen.export_packs import moskau_pack
from tests.quizgen.throwaway_kinds import SYNONYM_ITEM, WHO_SAID_ITEM, registered


def test_every_kind_of_both_sections_is_described_once():
    keys = [kind.key for kind in exercise_kinds()]
    assert keys == ["cloze:open", "cloze:choice", "cloze:wordbank", "cloze:article", "cloze:ending",
                    "cloze:verbform", "question:wh", "question:truefalse", "question:choice"]
    assert all(kind.worksheet in (None, *WORKSHEET_KINDS) for kind in exercise_kinds())
    assert [kind.name for kind in exercise_kinds(Section.QUESTION)] == ["wh", "truefalse", "choice"]


def test_kinds_say_how_they_are_answered():
    assert exercise_kind("cloze", "wordbank").answer_mode is AnswerMode.WORD_BANK
    assert exercise_kind("cloze", "wordbank").several_gaps
    assert exercise_kind("question", "truefalse").fixed_options == ("richtig", "falsch")
    assert [k.name for k in exercise_kinds() if k.picked] == ["choice", "wordbank", "truefalse", "choice"]
    assert [k.name for k in exercise_kinds() if k.hint_beside_gap] == ["open", "verbform"]


def test_an_unknown_kind_is_refused_with_the_known_ones_named():
    with pytest.raises(KindError, match="no cloze kind 'crossword'. Known cloze kinds: open, choice"):
        exercise_kind("cloze", "crossword")
    with pytest.raises(KindError, match="section:kind"):
        exercise_kind_by_key("crossword")
    assert exercise_kind_by_key("question:choice").answer_mode is AnswerMode.CHOICE


def test_the_answers_of_several_gaps_travel_as_one_text_and_back():
    assert encode_answers(["Krieg ", "Frieden"]) == "Krieg | Frieden"
    assert decode_answers("Krieg | Frieden") == ("Krieg", "Frieden")
    assert decode_answers("Krieg|Frieden") == ("Krieg", "Frieden")  # as a teacher may type it
    wordbank, open_gap = exercise_kind("cloze", "wordbank"), exercise_kind("cloze", "open")
    assert wordbank.decode_answer(wordbank.encode_answer(["a", "b", "c"])) == ("a", "b", "c")
    assert open_gap.decode_answer("entweder | oder") == ("entweder | oder",)  # one gap: as it is


def _anki_fields(content: bytes) -> str:
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "collection.anki2"
        database.write_bytes(zipfile.ZipFile(io.BytesIO(content)).read("collection.anki2"))
        with sqlite3.connect(database) as connection:
            return "\n".join(row[0] for row in connection.execute("select flds from notes"))


def test_a_new_kind_reaches_every_export_through_its_description(monkeypatch):
    pack = moskau_pack()
    pack = dataclasses.replace(pack, cloze=(*pack.cloze, SYNONYM_ITEM), questions=(*pack.questions, WHO_SAID_ITEM))
    with registered(monkeypatch):
        assert kind_of(SYNONYM_ITEM).label == "Cloze: synonyms"
        options = ExportOptions(timestamp=1.7e9, max_items=20)
        written = {name: export_bytes(pack, name, options)[1] for name in EXPORT_FORMATS}
        sheet = build_worksheet(pack, options)
    gift = written["gift"].decode()
    assert "::syn1::[html]Der Außenminister {~gab bekannt =kündigte an ~sagte ab} den Besuch." in gift
    assert "::who1::[html]Wer sagte „Die internationalen Beziehungen sind heute kompliziert“? {=Putin}" in gift
    moodle = written["moodle"].decode()
    assert "{1:MULTICHOICE:gab bekannt~=kündigte an~sagte ab}" in moodle
    assert '<question type="shortanswer">' in moodle and "who1 Wer sagte" in moodle
    notes = _anki_fields(written["apkg"])
    assert "{{c1::kündigte an::gab bekannt / kündigte an / sagte ab}}" in notes and "whosaid" in notes
    assert b'"kind": "synonym"' in written["json"] and b'"kind": "whosaid"' in written["json"]
    html = written["html"].decode()
    assert "Der Außenminister" in html and "Wer sagte" in html
    printed = {exercise.kind: exercise for exercise in sheet.exercises}
    assert any(item.key.endswith(") kündigte an") for item in printed["choice"].items)
    assert any(item.key == "Putin" for item in printed["wh"].items)
    assert written["pdf"].startswith(b"%PDF")


def test_exports_refuse_an_item_of_a_kind_nobody_registered():
    pack = moskau_pack()
    pack = dataclasses.replace(pack, cloze=(*pack.cloze, SYNONYM_ITEM))
    with pytest.raises(KindError, match="synonym"):
        export_bytes(pack, "gift")
