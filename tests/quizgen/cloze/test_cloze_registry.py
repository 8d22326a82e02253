"""The cloze registry and build_cloze: kinds by name, counts, stable ids, spread over the text."""

from __future__ import annotations

import pytest

from quizgen.cloze import KINDS, build_cloze, default_counts, get_kind
from quizgen.errors import ClozeKindError

from tests.quizgen.cloze_records import analysis_of
from tests.quizgen.cloze.test_cloze_grammar_kinds import FREUE, JAHRESTAG, PUTIN
from tests.quizgen.cloze.test_cloze_word_kinds import ABZUG, GESPRAECH, PARTNER

TEXT = [JAHRESTAG, PUTIN, FREUE, ABZUG, PARTNER, GESPRAECH]


def test_every_kind_of_the_issue_is_registered() -> None:
    assert set(KINDS) == {"open", "choice", "wordbank", "article", "ending", "verbform"}
    assert set(default_counts()) == set(KINDS)


def test_an_unknown_kind_is_refused_with_the_known_ones_named() -> None:
    with pytest.raises(ClozeKindError, match="article, choice, ending"):
        get_kind("crossword")
    with pytest.raises(ClozeKindError):
        build_cloze(analysis_of([PUTIN]), level="B2", vocabulary=(), counts={"crossword": 2})


def test_an_unknown_level_is_refused() -> None:
    with pytest.raises(ClozeKindError, match="A1"):
        build_cloze(analysis_of([PUTIN]), level="Z9", vocabulary=())


def test_counts_limit_each_kind() -> None:
    items = build_cloze(analysis_of(TEXT), level="B2", vocabulary=(), counts={"article": 1, "verbform": 2})
    kinds = [i.kind for i in items]
    assert kinds.count("article") == 1 and kinds.count("verbform") == 2 and len(kinds) == 3


def test_ids_and_options_are_the_same_on_every_run() -> None:
    one = build_cloze(analysis_of(TEXT), level="B2", vocabulary=())
    two = build_cloze(analysis_of(TEXT), level="B2", vocabulary=())
    assert one == two
    assert len({i.id for i in one}) == len(one)


def test_no_word_is_gapped_twice_and_items_come_in_text_order() -> None:
    items = build_cloze(analysis_of(TEXT), level="B2", vocabulary=())
    assert [i.sentence for i in items] == sorted(i.sentence for i in items)
    gaps = [(i.sentence, i.text.split("___")[0]) for i in items if i.kind != "wordbank"]
    assert len(gaps) == len(set(gaps))


def test_another_seed_may_pick_other_items_but_every_item_stays_the_same() -> None:
    base = {i.id: i for i in build_cloze(analysis_of(TEXT), level="B2", vocabulary=(), seed=0)}
    other = build_cloze(analysis_of(TEXT), level="B2", vocabulary=(), seed=7)
    for item in other:
        if item.id in base:  # distractors may differ with the seed; gap and answer do not
            same = base[item.id]
            assert (item.text, item.answer, item.answers, item.hint) == (same.text, same.answer, same.answers, same.hint)
