"""Anki decks are imported into a fresh collection with the official anki package."""

from __future__ import annotations

import filecmp
import tempfile
from pathlib import Path

import genanki
import pytest

from quizgen.exports.anki_export import deck_name, vocabulary_guid, write_apkg
from quizgen.exports.options import ExportOptions
from tests.quizgen.export_packs import moskau_pack, second_pack

import anki.collection as anki_collection  # test-only dependency (AGPL), pinned in [test]

T1 = 1_700_000_000.0
T2 = T1 + 86_400


@pytest.fixture
def collection(tmp_path):
    col = anki_collection.Collection(str(tmp_path / "collection.anki2"))
    yield col
    col.close()


def import_deck(col, path: Path):
    request = anki_collection.ImportAnkiPackageRequest(
        package_path=str(path), options=anki_collection.ImportAnkiPackageOptions())
    return col.import_anki_package(request).log


def notes_of(col, notetype: str):
    return [col.get_note(nid) for nid in col.find_notes(f'"note:{notetype}"')]


def cards_of(col, notetype: str):
    return [col.get_card(cid) for cid in col.find_cards(f'"note:{notetype}"')]


def test_deck_holds_one_note_per_item_and_a_card_per_template(collection, tmp_path):
    pack = moskau_pack()
    log = import_deck(collection, write_apkg(pack, tmp_path / "a.apkg",
                                             ExportOptions(timestamp=T1)))
    assert len(log.new) == 10 + 6 + 8 == collection.note_count()
    # 10 German->English, 9 English->German (verlauten has no gloss), 8 cloze gaps (the
    # word-bank item has three), 8 questions
    assert len(cards_of(collection, "Quizgen Vocabulary")) == 19
    assert len(cards_of(collection, "Quizgen Cloze")) == 8
    assert len(cards_of(collection, "Quizgen Question")) == 8
    assert deck_name(pack) in {d.name for d in collection.decks.all_names_and_ids()}


def test_reverse_cards_are_optional(collection, tmp_path):
    import_deck(collection, write_apkg(moskau_pack(), tmp_path / "a.apkg",
                                       ExportOptions(timestamp=T1, reverse_cards=False)))
    templates = {card.template()["name"] for card in cards_of(collection, "Quizgen Vocabulary")}
    assert templates == {"German -> English"}
    assert collection.card_count() == 10 + 8 + 8


def test_vocabulary_card_shows_gender_by_colour_and_word(collection, tmp_path):
    import_deck(collection, write_apkg(moskau_pack(), tmp_path / "a.apkg",
                                       ExportOptions(timestamp=T1)))
    (note,) = [n for n in notes_of(collection, "Quizgen Vocabulary")
               if n["German"] == "die Partnerschaft"]
    assert note["Plural"] == "die Partnerschaften"
    assert note["English"] == "partnership"
    assert '<b class="target">Partnerschaft</b> voran.' in note["Example"]
    assert note["Source"] == "Moskau-Besuch: Russland und China vertiefen Partnerschaft"
    assert "quizgen::level::B2" in note.tags and "quizgen::pos::NOUN" in note.tags
    assert any(tag.startswith("quizgen::article::moskau-besuch") for tag in note.tags)
    (card,) = [c for c in note.cards() if c.template()["name"] == "German -> English"]
    question = card.question()
    assert 'class="de gender-f">die Partnerschaft<' in question
    assert ">feminin<" in question
    assert ".gender-f { color: #c0392b; }" in question  # the colour is in the note type
    answer = card.answer()
    assert "partnership" in answer and "Plural: die Partnerschaften" in answer


def test_cloze_cards_render_each_gap_with_its_hint(collection, tmp_path):
    import_deck(collection, write_apkg(moskau_pack(), tmp_path / "a.apkg",
                                       ExportOptions(timestamp=T1)))
    rendered = {(card.note()["Text"][:20], card.ord): card for card in
                cards_of(collection, "Quizgen Cloze")}
    choice = next(c for (text, _), c in rendered.items() if text.startswith("Wang hob"))
    assert "[Bedingungen / Beziehungen / Grenzen]" in choice.question()
    assert "Beziehungen</span> zwischen" in choice.answer()
    assert "die Beziehung: relation, relationship" in choice.answer()
    bank = sorted((c for (text, _), c in rendered.items() if text.startswith("Die Ukraine")),
                  key=lambda c: c.ord)
    assert [c.ord for c in bank] == [0, 1, 2]
    assert '>[...]</span> zu Gesprächen' in bank[0].question()
    assert ">vollständigen</span> Abzug" in bank[0].question()  # other gaps stay visible
    assert ">Staatsgebiet</span>, inklusive" in bank[2].answer()
    verb = next(c for (text, _), c in rendered.items() if text.startswith("Präsident"))
    assert "[ankündigen, Präteritum]" in verb.question()


def test_question_card_has_the_evidence_on_the_back(collection, tmp_path):
    import_deck(collection, write_apkg(moskau_pack(), tmp_path / "a.apkg",
                                       ExportOptions(timestamp=T1)))
    cards = {card.note()["Question"]: card for card in cards_of(collection, "Quizgen Question")}
    card = cards["Wann kündigte Putin den Besuch an?"]
    assert "Präsident Wladimir Putin kündigte am <b" not in card.question()
    assert "am Mittwoch" in card.answer()
    assert 'kündigte am <b class="target">Mittwoch</b> bei einem' in card.answer()
    choice = cards["Wie wird die Annäherung der beiden Großmächte im Westen beobachtet?"]
    assert "<li>mit Freude</li>" in choice.question()
    assert "b) mit Sorge" in choice.answer()
    truefalse = cards["Richtig oder falsch? Putin sagt, die internationalen Beziehungen sind "
                      "heute einfach."]
    assert "falsch" in truefalse.answer()


def test_second_article_updates_shared_words_instead_of_duplicating(collection, tmp_path):
    import_deck(collection, write_apkg(moskau_pack(), tmp_path / "a.apkg",
                                       ExportOptions(timestamp=T1)))
    log = import_deck(collection, write_apkg(second_pack(), tmp_path / "b.apkg",
                                             ExportOptions(timestamp=T2)))
    assert sorted(note.fields[0] for note in log.updated) == [
        "die Beziehung", "die Partnerschaft", "die Zusammenarbeit"]
    # 5 words (3 shared), 1 cloze and 1 question whose ids repeat the first article's
    assert len(log.new) == 4
    assert collection.note_count() == 24 + 4
    partnerschaft = collection.find_notes('"German:die Partnerschaft"')
    assert len(partnerschaft) == 1
    assert collection.get_note(partnerschaft[0])["Source"].startswith("Energie:")
    # the same item ids (c01, q01) in another article are other notes
    assert len(notes_of(collection, "Quizgen Cloze")) == 6 + 1


def test_reimporting_the_same_deck_adds_nothing(collection, tmp_path):
    path = write_apkg(moskau_pack(), tmp_path / "a.apkg", ExportOptions(timestamp=T1))
    import_deck(collection, path)
    log = import_deck(collection, path)
    assert not log.new and collection.note_count() == 24


def test_guid_ignores_everything_but_lemma_and_part_of_speech():
    first = moskau_pack().vocabulary[0]
    other = second_pack().vocabulary[0]
    assert first.example != other.example
    assert vocabulary_guid(first) == vocabulary_guid(other)


def test_build_is_byte_stable_and_leaves_no_temporary_file(tmp_path, monkeypatch):
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    options = ExportOptions(timestamp=T1)
    first = write_apkg(moskau_pack(), tmp_path / "one.apkg", options)
    second = write_apkg(moskau_pack(), tmp_path / "two.apkg", options)
    assert filecmp.cmp(first, second, shallow=False)
    assert list(temp.iterdir()) == []
    # the reason for writing the package ourselves: genanki 0.13.1 leaves its database behind
    genanki.Package([]).write_to_file(str(tmp_path / "genanki.apkg"), timestamp=T1)
    assert len(list(temp.iterdir())) == 1
