"""Cloze items of the seed article (issue 3): at least 11 items of at least four kinds, right.

(Issue 3 asked for 12; the twelfth was a choice item a teacher would not use, Spitze against
Revision / Resolution / Kopie, which issue 12's precision rules no longer make. No other free
sentence of the seed stands on its own for a content gap.)

The analysis is the tags-only pipeline (sentencizer, HanTa, clause rules): the rules are
tested without the trained parts. One test runs the product's analyze() when the trained
pipeline is installed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

import quizgen.nlp.clauses.component  # noqa: F401  (registers quizgen_clauses)
import quizgen.nlp.hanta_component  # noqa: F401  (registers quizgen_hanta)
from quizgen.analysis import Analysis
from quizgen.cloze import build_cloze, cloze_section, get_kind
from quizgen.cloze.base import ClozeContext
from quizgen.lesson.vocabulary import build_vocabulary
from quizgen.pack import ClozeItem
from quizgen.nlp.pipeline import PIPELINE_DIR, doc_to_analysis

from tests.shared_data import SEED  # noqa: E402
NAMES = {"Putin", "Wladimir", "Wang", "Yi", "Xi", "Jinping", "Moskau", "Russland", "China", "Lawrow"}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed() -> Analysis:
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("quizgen_hanta")
    nlp.add_pipe("quizgen_clauses")
    return doc_to_analysis(nlp(SEED.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def items(seed: Analysis) -> tuple[ClozeItem, ...]:
    # with the word list, as the pack builds it: open gaps need the word's sense in the sentence
    vocabulary, _names = build_vocabulary(seed)
    return build_cloze(seed, level="B2", vocabulary=vocabulary)


def test_the_seed_gives_at_least_11_items_of_at_least_four_kinds(items: tuple[ClozeItem, ...]) -> None:
    assert len(items) >= 11
    assert len({i.kind for i in items}) >= 4


def test_the_seed_offers_the_known_grammar_gaps(seed: Analysis) -> None:
    # every candidate of the grammar kinds (a pack takes one item per sentence of them)
    ctx = ClozeContext(analysis=seed, level="B2", vocabulary=())
    every = [c.item for name in ("ending", "verbform", "article") for c in get_kind(name).candidates(ctx)]
    endings = {(i.text.split("___")[0][-20:], i.answer) for i in every if i.kind == "ending"}
    assert ("nem Moskau-Besuch des chinesisch"[-20:], "en") in endings
    verbs = {(i.answer, i.hint) for i in every if i.kind == "verbform"}
    assert ("kündigte", "ankündigen (Präteritum)") in verbs
    assert ("freue", "freuen (Konjunktiv I)") in verbs
    articles = {(i.answer, i.text.split("___")[1][:16]) for i in every if i.kind == "article"}
    assert ("des", " Ukraine-Kriegs ") in articles


def test_no_gap_has_an_answer_the_rest_of_the_pack_prints(seed: Analysis, items: tuple[ClozeItem, ...]) -> None:
    # A question that prints a word (or an article with the word after it) answers its gap.
    vocabulary, _names = build_vocabulary(seed)
    word = next(i for i in items if i.kind in ("open", "verbform"))
    article = next(i for i in items if i.kind == "article")
    after = article.text.split("___")[1].split()[0]
    question = f"Was {word.answer} …? Wer sprach über {article.answer} {after}?"
    again = cloze_section(seed, level="B2", vocabulary=vocabulary, shown_elsewhere=question).items
    assert (word.sentence, word.answer) not in {(i.sentence, i.answer) for i in again}
    assert (article.sentence, article.answer) not in {(i.sentence, i.answer) for i in again}
    assert len(again) >= len(items) - 2  # other gaps stand in where the text has them


def test_every_seed_item_is_well_formed(items: tuple[ClozeItem, ...]) -> None:
    for item in items:
        assert item.text.count("___") == len(item.answers) >= 1, item
        if item.kind in ("choice", "article", "ending", "wordbank"):
            assert set(item.answers) <= set(item.options), item
            assert len(set(item.options)) == len(item.options), item
        if item.kind == "choice":
            assert len(item.options) == 4
        if item.kind in ("open", "choice", "wordbank"):
            assert not set(item.answers) & NAMES, item


@pytest.mark.skipif(not (PIPELINE_DIR / "config.cfg").is_file(), reason="trained pipeline not built (make model)")
def test_the_seed_through_the_real_analyze() -> None:
    from quizgen import analyze

    analysis = analyze(SEED.read_text(encoding="utf-8"))
    items = build_cloze(analysis, level="B2", vocabulary=build_vocabulary(analysis)[0])
    assert len(items) >= 11 and len({i.kind for i in items}) >= 4
