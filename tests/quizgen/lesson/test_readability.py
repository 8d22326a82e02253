"""The text's level: textstat's German formulas, the estimated CEFR level, words above level."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.analysis import Analysis
from quizgen.nlp.analyze import analyze
from quizgen.pack import VocabEntry
from quizgen.lesson.readability import lexical_level, text_level
from quizgen.lesson.vocabulary import build_vocabulary

from tests.shared_data import SEED  # noqa: E402
EASY = (
    "Das ist Anna. Anna hat einen Hund. Der Hund ist klein. Anna geht mit dem Hund in den Park. "
    "Im Park spielen Kinder. Die Sonne scheint. Anna ist froh. Am Abend geht sie nach Hause."
)


@pytest.fixture(scope="module")
def seed_analysis() -> Analysis:
    return analyze(SEED.read_text(encoding="utf-8"))


def _entry(cefr: str, count: int) -> VocabEntry:
    return VocabEntry(
        lemma="x", display="x", pos="NOUN", gender=None, plural=None, gloss=None, gloss_note=None,
        zipf=0.0, cefr=cefr, band=1, count=count, example="**x**", sentence=0,
    )


def test_the_lexical_level_covers_ninety_percent_of_occurrences() -> None:
    assert lexical_level([_entry("A1", 90), _entry("C2", 10)]) == "A1"
    assert lexical_level([_entry("C1", 20)], function_words=180) == "A1"
    assert lexical_level([_entry("C1", 20)], function_words=100) == "C1"
    assert lexical_level([_entry("A1", 80), _entry("B2", 15), _entry("C2", 5)]) == "B2"
    assert lexical_level([]) == "A1"


def test_a_news_article_is_harder_than_a_childrens_text(seed_analysis: Analysis) -> None:
    seed = text_level(seed_analysis, vocabulary=build_vocabulary(seed_analysis)[0], level="B1")
    easy_analysis = analyze(EASY)
    easy = text_level(easy_analysis, vocabulary=build_vocabulary(easy_analysis)[0], level="B1")
    assert seed.amstad < easy.amstad
    assert seed.wiener > easy.wiener
    assert seed.cefr > easy.cefr  # A1 < ... < C2 as text
    assert seed.share_above_level > easy.share_above_level
    assert seed.sentences == len(seed_analysis.sentences) and 300 < seed.words < 400


def test_it_says_where_its_figures_come_from(seed_analysis: Analysis) -> None:
    level = text_level(seed_analysis, vocabulary=build_vocabulary(seed_analysis)[0], level="C1")
    assert "Amstad" in level.method and "Wiener" in level.method and "estimate" in level.method
    assert 0.0 <= level.share_above_level <= 1.0


def test_textstat_is_left_in_german_whatever_was_set_before(seed_analysis: Analysis) -> None:
    import textstat

    vocabulary = build_vocabulary(seed_analysis)[0]
    first = text_level(seed_analysis, vocabulary=vocabulary)
    textstat.set_lang("en")
    assert text_level(seed_analysis, vocabulary=vocabulary).amstad == first.amstad


@pytest.mark.parametrize("which", ["seed", "easy", "one word", "no sentence end", "quotes and hyphens"])
def test_the_scores_are_textstats_german_formulas(which: str) -> None:
    # readability computes them from textstat's parts with its own syllable cache (for speed):
    # they must stay what textstat's public functions say.
    import textstat

    from quizgen.lesson.readability import _german_scores

    text = {
        "seed": SEED.read_text(encoding="utf-8"),
        "easy": EASY,
        "one word": "Ja.",
        "no sentence end": "Ein Satz ohne Punkt und ohne Ende",
        "quotes and hyphens": "Dr. Müller-Lüdenscheidt sagt: „Nein!“ Er geht's an.",
    }[which]
    textstat.set_lang("de")
    expected = (round(textstat.flesch_reading_ease(text), 1), round(textstat.wiener_sachtextformel(text, 1), 1))
    assert _german_scores(text) == expected
