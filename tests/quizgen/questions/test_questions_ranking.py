"""Ranking and the generator registry."""

from __future__ import annotations

import pytest

from quizgen.errors import InputError, QuizgenError
from quizgen.questions import build_questions
from quizgen.questions.candidate import QuestionCandidate
from quizgen.questions.ranking import default_count, score, select
from quizgen.questions.registry import get_generator


def _cand(question: str, sentence: int, fact: str, confidence: float = 0.9, kind: str = "wh") -> QuestionCandidate:
    return QuestionCandidate(kind=kind, question=question, answer="a", answer_short="a", sentence=sentence, confidence=confidence, fact=fact)


def test_it_defaults_to_one_question_per_35_words() -> None:
    assert default_count(350) == 10
    assert default_count(10) == 1


def test_it_never_asks_the_same_fact_twice() -> None:
    chosen = select([_cand("Wer kam am Montag?", 0, "f1"), _cand("Wer ging am Montag?", 1, "f1"), _cand("Was blieb am Montag?", 2, "f2")], 3)
    assert [c.fact for c, _ in chosen].count("f1") == 1
    assert len(chosen) == 2


def test_it_spreads_questions_over_the_sentences_first() -> None:
    cands = [_cand(f"Was fragt Satz {k}?", 0, f"a{k}", 0.95) for k in range(3)] + [_cand("Was fragt Satz zwei?", 1, "b", 0.7)]
    chosen = select(cands, 2)
    assert {c.sentence for c, _ in chosen} == {0, 1}


def test_it_drops_unsure_and_overlong_candidates() -> None:
    assert score(_cand("Wer kam?", 0, "f", confidence=0.4)) < 0.62
    long_question = "Was " + " ".join(["Wort"] * 25) + "?"
    assert score(_cand(long_question, 0, "f")) == 0.0
    assert select([_cand("Wer kam?", 0, "f", confidence=0.4)], 3) == []


def test_the_registry_raises_on_an_unknown_generator() -> None:
    with pytest.raises(QuizgenError, match="Use one of"):
        get_generator("riddles")


def test_build_questions_refuses_an_unknown_level() -> None:
    from tests.quizgen.question_records import build

    with pytest.raises(InputError, match="level"):
        build_questions(build(["Hallo/ITJ ./$."], []), level="D7")
