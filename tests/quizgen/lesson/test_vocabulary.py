"""The vocabulary list of the seed article and the filters over it."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.analysis import Analysis
from quizgen.nlp.analyze import analyze
from quizgen.errors import InputError
from quizgen.pack import NameEntry, VocabEntry
from quizgen.lesson.vocabulary import build_vocabulary, examples_away_from
from quizgen.lesson.word_list import filter_vocabulary

from tests.shared_data import SEED  # noqa: E402


@pytest.fixture(scope="module")
def seed_analysis() -> Analysis:
    return analyze(SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_lists(seed_analysis: Analysis) -> tuple[tuple[VocabEntry, ...], tuple[NameEntry, ...]]:
    return build_vocabulary(seed_analysis)


def _by_display(entries: tuple[VocabEntry, ...]) -> dict[str, VocabEntry]:
    return {e.display: e for e in entries}


@pytest.mark.parametrize(
    ("display", "plural", "gloss_word"),
    [
        ("die Partnerschaft", "die Partnerschaften", "partnership"),
        ("der Abzug", "die Abzüge", "pull-out"),
        ("das Staatsgebiet", "die Staatsgebiete", "territory"),
        ("die Grundvoraussetzung", "die Grundvoraussetzungen", "requirement"),
    ],
)
def test_seed_nouns_carry_article_plural_and_gloss(seed_lists, display: str, plural: str, gloss_word: str) -> None:
    entry = _by_display(seed_lists[0])[display]
    assert entry.pos == "NOUN"
    assert entry.plural == plural
    assert entry.gloss is not None and gloss_word in entry.gloss


@pytest.mark.parametrize(
    ("display", "gloss_word"),
    [("ankündigen", "announce"), ("fordern", "call for"), ("vertiefen", "deepen"), ("sich freuen", "look forward")],
)
def test_seed_verbs_are_whole_with_particle_and_sich(seed_lists, display: str, gloss_word: str) -> None:
    entry = _by_display(seed_lists[0])[display]
    assert entry.pos == "VERB" and entry.gender is None
    assert entry.gloss is not None and gloss_word in entry.gloss


def test_the_separated_verb_is_marked_in_its_example(seed_lists) -> None:
    entry = _by_display(seed_lists[0])["ankündigen"]
    assert "**kündigte**" in entry.example and "**an**" in entry.example
    assert entry.sentence == 1 and entry.forms == ("kündigte",)


def test_compounds_keep_the_full_lemma_and_show_their_parts(seed_lists) -> None:
    entry = _by_display(seed_lists[0])["die Grundvoraussetzung"]
    assert entry.lemma == "Grundvoraussetzung" and entry.parts == ("Grund", "Voraussetzung")


def test_names_go_to_names_and_never_into_the_vocabulary(seed_lists) -> None:
    vocabulary, names = seed_lists
    found = {n.text for n in names}
    assert {"Wladimir Putin", "Wang Yi", "Xi Jinping", "Moskau"} <= found
    lemmas = {e.lemma for e in vocabulary} | {e.display for e in vocabulary}
    words_in_names = {w for n in names for w in n.text.split()}
    assert not lemmas & (found | words_in_names)


def test_function_words_numbers_and_auxiliaries_stay_out(seed_lists) -> None:
    lemmas = {e.lemma for e in seed_lists[0]}
    assert not lemmas & {"der", "und", "werden", "haben", "sein", "können", "wollen", "dass", "auch", "24"}
    assert all(e.pos in ("NOUN", "VERB", "ADJ", "ADV") for e in seed_lists[0])


def test_every_entry_has_an_estimated_level_and_a_marked_example(seed_lists) -> None:
    for entry in seed_lists[0]:
        assert entry.cefr in ("A1", "A2", "B1", "B2", "C1", "C2") and 1 <= entry.band <= 5
        assert "**" in entry.example and entry.count >= 1
        assert entry.gloss is not None or entry.gloss_note == "no gloss in the glossary"


def test_filters_by_level_and_part_of_speech(seed_lists) -> None:
    vocabulary = seed_lists[0]
    hard = filter_vocabulary(vocabulary, min_level="C1")
    assert hard and all(e.cefr in ("C1", "C2") for e in hard)
    verbs = filter_vocabulary(vocabulary, pos="VERB")
    assert verbs and all(e.pos == "VERB" for e in verbs)
    assert len(filter_vocabulary(vocabulary, pos={"NOUN", "VERB"})) > len(verbs)


def test_orders_by_text_frequency_and_alphabet(seed_lists) -> None:
    vocabulary = seed_lists[0]
    by_text = filter_vocabulary(vocabulary, order="text")
    assert [e.sentence for e in by_text] == sorted(e.sentence for e in by_text)
    by_count = filter_vocabulary(vocabulary, order="frequency")
    assert by_count[0].count == max(e.count for e in vocabulary)
    words = [e.lemma.removeprefix("sich ").casefold() for e in filter_vocabulary(vocabulary, order="alphabet")]
    assert words[0][0] == "a" and words[-1][0] in "vwxyz"


def test_an_unknown_order_or_level_is_explained(seed_lists) -> None:
    with pytest.raises(InputError, match="order"):
        filter_vocabulary(seed_lists[0], order="random")
    with pytest.raises(InputError, match="level"):
        filter_vocabulary(seed_lists[0], min_level="D1")


def _hand_analysis(words: list[tuple[str, str, str]]) -> Analysis:
    """One sentence from (text, lemma, STTS) triples, without clauses or entities."""
    from quizgen.analysis import Sentence, Token
    from quizgen.nlp.stts import STTS_TO_UPOS

    tokens, text = [], ""
    for i, (form, lemma, tag) in enumerate(words):
        tokens.append(Token(i=i, text=form, whitespace=" ", idx=len(text), sentence=0, lemma=lemma,
                            upos=STTS_TO_UPOS[tag], tag=tag, morph=(), head=i, dep="dep"))
        text += form + " "
    sentence = Sentence(index=0, start=0, end=len(tokens), start_char=0, end_char=len(text) - 1, text=text[:-1])
    return Analysis(text=text[:-1], sentences=(sentence,), tokens=tuple(tokens), entities=(), clauses=())


def test_without_ner_or_clauses_ne_runs_are_names_and_particles_rejoin_their_verb() -> None:
    analysis = _hand_analysis([
        ("Präsident", "Präsident", "NN"), ("Xi", "Xi", "NE"), ("Jinping", "Jinping", "NN"),
        ("kündigte", "kündigen", "VVFIN"), ("2023", "2023", "CARD"), ("eine", "ein", "ART"),
        ("Reise", "Reise", "NN"), ("an", "an", "PTKVZ"), ("und", "und", "KON"), ("wird", "werden", "VAFIN"),
        ("lange", "lange", "ADV"), ("bleiben", "bleiben", "VVINF"), (".", ".", "$."),
    ])
    vocabulary, names = build_vocabulary(analysis)
    assert [(n.text, n.type) for n in names] == [("Xi Jinping", "PER")]
    lemmas = [e.lemma for e in vocabulary]
    assert lemmas == ["Präsident", "ankündigen", "Reise", "lange", "bleiben"]
    announce = vocabulary[1]
    assert announce.example == "Präsident Xi Jinping **kündigte** 2023 eine Reise **an** und wird lange bleiben ."


def test_an_example_moves_off_a_gapped_sentence_where_the_word_has_another(seed_analysis: Analysis,
                                                                          seed_lists) -> None:
    # A card that prints a gapped sentence in full shows the gap's answer.
    entries, _ = seed_lists
    twice = next(e for e in entries if e.pos == "NOUN" and e.count >= 2 and len(e.forms) >= 1)
    moved = {e.lemma: e for e in examples_away_from(seed_analysis, entries, {twice.sentence})}
    assert moved[twice.lemma].sentence != twice.sentence
    assert "**" in moved[twice.lemma].example
    assert moved[twice.lemma].example.replace("**", "") in " ".join(seed_analysis.sentences[moved[twice.lemma].sentence].text.split())
    once = next(e for e in entries if e.count == 1)
    assert examples_away_from(seed_analysis, [once], {once.sentence})[0] == once  # nowhere else: kept
    verb = next(e for e in entries if e.lemma == "vorantreiben")
    assert examples_away_from(seed_analysis, [verb], {verb.sentence})[0] == verb
