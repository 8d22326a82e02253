"""Key words (issue 20): how many, which never, one-off compounds and families."""

from __future__ import annotations

from dataclasses import replace

import pytest

from quizgen.lesson.key_words import key_count, mark_key_words, never_key
from quizgen.lesson.make import make_pack
from quizgen.pack import VocabEntry


def entry(lemma: str, pos: str = "NOUN", gloss: str | None = "x", **more) -> VocabEntry:
    return VocabEntry(lemma=lemma, display=lemma, pos=pos, gender=None, plural=None, gloss=gloss,
                      gloss_note=None, zipf=4.0, cefr="B1", band=2, count=1, example=lemma, sentence=0, **more)


@pytest.mark.parametrize(("words", "count"), [(600, 12), (250, 12), (200, 10), (150, 8), (100, 5), (30, 3)])
def test_a_full_article_gets_twelve_and_a_short_one_fewer(words: int, count: int) -> None:
    assert key_count(words) == count


@pytest.mark.parametrize(("word", "pos", "gloss", "reason"), [
    ("Mittwoch", "NOUN", "Wednesday", "calendar word"),
    ("Januar", "NOUN", "January", "calendar word"),
    ("erst", "ADJ", "first", "number word"),
    ("zwanzig", "ADJ", "twenty", "number word"),
    ("Millionen", "NOUN", "millions", "number word"),
    ("iPhone-App", "NOUN", "iPhone app", "acronym or brand"),
    ("zuvor", "ADV", "before", "adverb"),
    ("Abzug", "NOUN", None, "no gloss"),
    ("Haus", "NOUN", "house", "known at the level"),
    ("Plattform", "NOUN", "platform", "an English look-alike, learnt on sight (Code: code, Plattform: platform)"),
    ("analysieren", "VERB", "to analyse", "an English look-alike, learnt on sight (Code: code, Plattform: platform)"),
])
def test_some_words_are_never_key(word: str, pos: str, gloss: str | None, reason: str) -> None:
    assert never_key(entry(word, pos, gloss), "B1") == reason


def test_a_word_worth_learning_can_be_key() -> None:
    assert never_key(entry("Abzug", gloss="withdrawal"), "B1") is None
    # a cognate a learner must still learn to spell stays possible (the seed reference's key word)
    assert never_key(entry("Partnerschaft", gloss="partnership"), "B1") is None


TEXT = (
    "Die EU verhängt neue Wirtschaftssanktionen gegen Russland. Die Wirtschaftssanktionen treffen die Banken. "
    "Die Regierung in Moskau kritisiert die Wirtschaftssanktionen scharf. Sie droht mit Gegenmaßnahmen. "
    "Die Stadtbibliothek bleibt geschlossen. Die Bibliothek öffnet erst am Montag wieder."
)


@pytest.fixture(scope="module")
def pack():
    return make_pack(TEXT, level="B1")


def test_a_one_off_compound_offers_its_informative_part(pack) -> None:
    shown = {e.lemma: e for e in pack.vocabulary}
    assert "Sanktion" in shown and shown["Sanktion"].gloss
    assert not shown.get("Wirtschaftssanktion", replace(entry("x"), key=False)).key
    assert "Wirtschaftssanktionen" in shown["Sanktion"].example


def test_of_a_family_only_one_member_is_key(pack) -> None:
    key = {e.lemma for e in pack.vocabulary if e.key}
    assert len(key & {"Bibliothek", "Stadtbibliothek"}) <= 1


def test_every_entry_has_a_score_and_the_key_words_score_highest(pack) -> None:
    key = [e.key_score for e in pack.vocabulary if e.key]
    assert key and all(isinstance(e.key_score, float) for e in pack.vocabulary)


def test_mark_key_words_keeps_the_entries_it_is_given() -> None:
    from quizgen.nlp.analyze import analyze

    analysis = analyze("Der Abzug der Truppen beginnt. Der Abzug dauert lange.")
    entries = (entry("Abzug", gloss="withdrawal", forms=("Abzug",)),)
    marked = mark_key_words(entries, analysis, level="B1")
    assert [e.lemma for e in marked] == ["Abzug"] and marked[0].key
