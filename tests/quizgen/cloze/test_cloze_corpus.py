"""Issue 12's figures over all 514 corpus articles: no answer on show, balanced endings, hints
that never spell their answer, enough items in a long article (bench/cloze_quality.py prints them)."""

from __future__ import annotations

import pytest

from quizgen.cloze.checks import MAX_TOP_ENDING_SHARE, ClozeFigures
from tests.corpus_cloze import SECOND_PASS, corpus_packs
from tests.shared_data import CORPUS

pytestmark = [
    pytest.mark.slow,
    pytest.mark.corpus,
    pytest.mark.skipif(not CORPUS.exists(), reason="the shared corpus is not beside the checkout"),
    pytest.mark.skipif(SECOND_PASS, reason="pass 1 of make test reads the corpus; it needs no database"),
]


@pytest.fixture(scope="module")
def figures() -> ClozeFigures:
    found = ClozeFigures()
    for pack in corpus_packs():
        found.add(f"article {pack.index}", pack.items, pack.sentences, pack.text, pack.words)
    assert found.packs >= 500
    return found


def test_no_item_shows_another_items_answer_and_no_answer_stands_in_the_text(figures: ClozeFigures) -> None:
    assert figures.shown == []


def test_no_ending_form_takes_more_than_two_fifths_of_all_ending_answers(figures: ClozeFigures) -> None:
    form, share = figures.top_share(figures.endings)
    assert sum(figures.endings.values()) > 100
    assert share <= MAX_TOP_ENDING_SHARE, f"-{form}: {share:.1%}"


def test_no_hint_spells_its_answer(figures: ClozeFigures) -> None:
    assert [(name, item.answer, item.hint) for name, item in figures.spelled] == []
