"""Constructions: the sense a construction gives a word (Gespräche führen, in Kraft treten,
hieß es, etwa 300), from the project's table, matched on the word's sentence and clause."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from quizgen import analyze
from quizgen.german.constructions import (
    Occurrence,
    all_constructions,
    construction_for,
    parse_line,
)
from quizgen.german.glossary import HIGH, gloss
from quizgen.lesson.vocabulary import build_vocabulary


def _occurrence(words: str, at: int | tuple[int, ...], *, speech: bool = False) -> Occurrence:
    """An Occurrence from "form/lemma/TAG/dep" words; the clause is the whole sentence."""
    rows = [w.split("/") for w in words.split()]
    return Occurrence(
        forms=tuple(r[0].lower() for r in rows),
        lemmas=tuple(r[1].lower() for r in rows),
        tags=tuple(r[2] for r in rows),
        at=(at,) if isinstance(at, int) else at,
        clause=(0, len(rows)),
        speech=speech,
        comparative=tuple(r[1] in ("mehr", "hoch") and r[0] != r[1] for r in rows),
        deps=tuple(r[3] for r in rows),
    )


def _english(lemma: str, pos: str, occurrence: Occurrence) -> str | None:
    row = construction_for(lemma, pos, occurrence)
    return row.english if row is not None else None


def test_every_line_of_the_shipped_table_parses_once() -> None:
    text = (resources.files("quizgen") / "data" / "core_phrases.tsv").read_text(encoding="utf-8")
    rows = [row for row in (parse_line(line) for line in text.splitlines()) if row is not None]
    assert len(rows) == len(all_constructions()) > 700
    keys = [(r.lemma, r.pos, r.items) for r in rows]
    assert len(keys) == len(set(keys)), "a pattern listed twice for one word"


def test_a_pattern_item_is_a_word_not_an_ending() -> None:
    # "im ~ e" never matched: tokens are words, and ~ stands for any form of the word
    for row in all_constructions():
        for item in row.items:
            assert item not in ("e", "en", "em", "n"), row


def test_the_english_says_no_german_so_a_card_prompt_never_shows_the_word() -> None:
    for row in all_constructions():
        assert ":" not in row.english and "jdm." not in row.english, row
        assert not re.search(r"\([^)]*[A-ZÄÖÜ][a-zäöüß]", row.english), row  # (unter Berufung auf)


def test_a_malformed_line_is_refused_with_its_text() -> None:
    with pytest.raises(ValueError, match="5"):
        parse_line("führen\tVERB\tGespräch\tto hold\n")
    with pytest.raises(ValueError, match="part of speech"):
        parse_line("führen\tVRB\tGespräch\tto hold\t\n")
    with pytest.raises(ValueError, match="more than one"):
        parse_line("Stück\tNOUN\t~ für ~\tbit by bit\t\n")
    assert parse_line("# a comment") is None


def test_etwa_is_about_before_a_number_and_for_example_elsewhere() -> None:
    number = _occurrence("etwa/etwa/ADV/advmod 300/300/CARD/nummod Menschen/Mensch/NN/nsubj", 0)
    assert _english("etwa", "ADV", number) == "about; approximately"
    half = _occurrence("etwa/etwa/ADV/advmod die/die/ART/det Hälfte/Hälfte/NN/obj", 0)
    assert _english("etwa", "ADV", half) == "about; approximately"
    example = _occurrence("Länder/Land/NN/nsubj ,/,/$,/punct etwa/etwa/ADV/advmod Frankreich/Frankreich/NE/appos", 2)
    assert _english("etwa", "ADV", example) == "for example; such as"
    alone = _occurrence("ist/sein/VAFIN/cop das/die/PDS/nsubj etwa/etwa/ADV/advmod wahr/wahr/ADJD/ROOT", 2)
    assert _english("etwa", "ADV", alone) is None  # no construction: the glossary's own senses decide


def test_a_light_verb_takes_its_sense_from_its_object_not_its_subject() -> None:
    talks = _occurrence("Sie/sie/PPER/nsubj führten/führen/VVFIN/ROOT Gespräche/Gespräch/NN/obj", 1)
    assert _english("führen", "VERB", talks) == "to hold; to conduct (talks)"
    subject = _occurrence("Die/die/ART/det Gespräche/Gespräch/NN/nsubj führten/führen/VVFIN/ROOT zu/zu/APPR/case nichts/nichts/PIS/obl", 2)
    assert _english("führen", "VERB", subject) is None


def test_a_compound_ending_in_the_cue_noun_counts() -> None:
    talks = _occurrence("Sie/sie/PPER/nsubj führten/führen/VVFIN/ROOT Friedensgespräche/Friedensgespräch/NN/obj", 1)
    assert _english("führen", "VERB", talks) == "to hold; to conduct (talks)"


def test_an_at_item_wants_the_subject() -> None:
    decision = _occurrence("Die/die/ART/det Entscheidung/Entscheidung/NN/nsubj fiel/fallen/VVFIN/ROOT gestern/gestern/ADV/advmod", 2)
    assert _english("fallen", "VERB", decision) == "to be made; to be taken (a decision)"
    thing = _occurrence("Er/er/PPER/nsubj fiel/fallen/VVFIN/ROOT nach/nach/APPR/case der/die/ART/det Entscheidung/Entscheidung/NN/obl", 1)
    assert _english("fallen", "VERB", thing) is None


def test_words_in_a_row_may_stand_anywhere_in_the_clause() -> None:
    force = _occurrence("Das/die/ART/det Gesetz/Gesetz/NN/nsubj tritt/treten/VVFIN/ROOT im/in/APPRART/case Januar/Januar/NN/obl "
                        "in/in/APPR/case Kraft/Kraft/NN/obl", 2)
    assert _english("treten", "VERB", force) == "to come into force"


def test_a_verb_of_saying_is_to_state_only_when_it_reports_speech() -> None:
    said = _occurrence("Der/die/ART/det Minister/Minister/NN/nsubj erklärte/erklären/VVFIN/ROOT", 2, speech=True)
    assert _english("erklären", "VERB", said) == "to state; to say"
    rules = _occurrence("Der/die/ART/det Lehrer/Lehrer/NN/nsubj erklärte/erklären/VVFIN/ROOT die/die/ART/det Regeln/Regel/NN/obj", 2)
    assert _english("erklären", "VERB", rules) is None
    held = _occurrence("Er/er/PPER/nsubj hielt/halten/VVFIN/ROOT an/an/APPR/case dem/die/ART/det Plan/Plan/NN/obl fest/fest/PTKVZ/compound:prt",
                       (1, 5), speech=True)
    assert _english("festhalten", "VERB", held) is None  # festhalten an: to stick to, not "to state"


def test_the_row_with_most_items_wins() -> None:
    half = _occurrence("etwa/etwa/ADV/advmod die/die/ART/det Hälfte/Hälfte/NN/obj", 0)
    row = construction_for("etwa", "ADV", half)
    assert row is not None and row.items == ("~", "die", "<num>")


def test_a_plain_verb_never_takes_a_reflexive_row() -> None:
    put = _occurrence("Er/er/PPER/nsubj stellte/stellen/VVFIN/ROOT das/die/ART/det Auto/Auto/NN/obj "
                      "hinter/hinter/APPR/case das/die/ART/det Haus/Haus/NN/obl", 1)
    assert _english("stellen", "VERB", put) is None
    assert _english("sich stellen", "VERB", put) == "to back; to support"


def test_the_glossary_gives_the_constructions_sense_sure_with_the_phrase_in_its_note() -> None:
    talks = _occurrence("Sie/sie/PPER/nsubj führten/führen/VVFIN/ROOT Gespräche/Gespräch/NN/obj", 1)
    found = gloss("führen", "VERB", occurrence=talks)
    assert found.gloss == "to hold; to conduct (talks)" and found.confidence == HIGH
    assert found.note == "in the construction Gespräche führen"
    assert gloss("führen", "VERB").gloss != found.gloss  # without where it stands: the word's own senses
    number = _occurrence("etwa/etwa/ADV/advmod 300/300/CARD/nummod", 0)
    assert gloss("etwa", "ADV", occurrence=number).note == "in the construction etwa + number"


@pytest.mark.parametrize(
    ("text", "entry", "english"),
    [
        ("Die Außenminister führten am Montag in Berlin lange Gespräche über den Krieg.", "führen", "to hold"),
        ("Das neue Gesetz tritt im Januar in Kraft.", "treten", "to come into force"),
        ("Die Regierung habe sich geeinigt, hieß es in Berlin.", "heißen", "it is said"),
        ("Bei dem Unfall wurden etwa 300 Menschen verletzt.", "etwa", "about"),
        ("Andere Länder, etwa Frankreich, lehnen den Plan ab.", "etwa", "for example"),
        ("Die Kinder blieben am Wochenende zu Hause.", "das Haus", "at home"),
        ("Der Minister erklärte, die Verhandlungen seien gescheitert.", "erklären", "to state"),
        ("Die Verhandlungen seien gescheitert, erklärte der Minister.", "erklären", "to state"),
        ("Der Lehrer erklärte den Schülern die Regeln.", "erklären", "to explain"),
        ("Er stellte das Auto hinter das Haus.", "stellen", "to put"),
    ],
)
def test_the_word_list_glosses_a_word_as_its_construction_uses_it(text: str, entry: str, english: str) -> None:
    entries, _ = build_vocabulary(analyze(text))
    found = next(e for e in entries if e.display == entry)
    assert found.gloss is not None and found.gloss.startswith(english), found


def test_alternatives_of_several_words_each_match() -> None:
    # "zum_Schluss|zu_dem_Schluss": each alternative is its own row of words
    conclusion = _occurrence("Sollte/sollen/VMFIN/aux es/es/PPER/expl zu/zu/APPR/case dem/die/ART/det "
                             "Schluss/Schluss/NN/obl kommen/kommen/VVINF/ROOT", 5)
    assert _english("kommen", "VERB", conclusion) == "to come (to a conclusion)"
    question = _occurrence("Sie/sie/PPER/nsubj stellten/stellen/VVFIN/ROOT das/die/PDS/obj infrage/infrage/ADV/advmod", 1)
    assert _english("stellen", "VERB", question) == "to question; to call into question"
