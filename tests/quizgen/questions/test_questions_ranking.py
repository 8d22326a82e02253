"""Ranking, selection and the generator registry."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from quizgen.analysis import Analysis
from quizgen.errors import InputError, QuizgenError
from quizgen.questions import build_questions
from quizgen.questions.candidate import QuestionCandidate
from quizgen.questions.ranking import default_count, same_fact, score, select
from quizgen.questions.registry import get_generator
from tests.quizgen.question_records import build


def _cand(
    question: str, sentence: int, fact: str, confidence: float = 0.9, kind: str = "wh", answer: str = "a", notes: tuple[str, ...] = ()
) -> QuestionCandidate:
    return QuestionCandidate(
        kind=kind, question=question, answer=answer, answer_short=answer, sentence=sentence, confidence=confidence, fact=fact, notes=notes
    )


@pytest.fixture(scope="module")
def text() -> Analysis:
    return build(["Hallo/ITJ ./$."] * 8, [])


def test_it_offers_one_question_per_40_words_between_3_and_12() -> None:
    assert default_count(400) == 10
    assert default_count(10) == 3
    assert default_count(5000) == 12


def test_it_never_asks_the_same_fact_twice(text: Analysis) -> None:
    chosen = select(text, [_cand("Wer kam am Montag?", 0, "f1", answer="x"), _cand("Wer ging am Montag?", 1, "f1", answer="y"), _cand("Was blieb am Montag?", 2, "f2", answer="z")], 3)
    assert [c.fact for c, _ in chosen].count("f1") == 1
    assert len(chosen) == 2


def test_a_statement_and_a_question_with_one_answer_are_one_fact() -> None:
    a = _cand("Wer besuchte Moskau?", 1, "c1", answer="Wang Yi")
    b = _cand("Wer traf Lawrow in Moskau?", 4, "c7", answer="Wang Yi")
    assert same_fact(a, b)
    c = _cand("Wang Yi besuchte Moskau.", 1, "c2", kind="truefalse", answer="richtig")
    assert same_fact(a, c)  # mostly the same words from the same sentence


def test_it_spreads_questions_over_the_sentences_first(text: Analysis) -> None:
    cands = [_cand(f"Was fragt Satz {k}?", 0, f"a{k}", 0.95, answer=f"x{k}") for k in range(3)] + [_cand("Was fragt Satz zwei?", 1, "b", 0.7, answer="y")]
    chosen = select(text, cands, 2)
    assert {c.sentence for c, _ in chosen} == {0, 1}


def test_it_drops_unsure_and_overlong_candidates(text: Analysis) -> None:
    assert score(_cand("Wer kam?", 0, "f", confidence=0.4)) < 0.62
    long_question = "Was " + " ".join(["Wort"] * 25) + "?"
    assert score(_cand(long_question, 0, "f")) == 0.0
    assert select(text, [_cand("Wer kam?", 0, "f", confidence=0.4)], 3) == []


def test_it_balances_true_and_false_statements(text: Analysis) -> None:
    trues = [_cand(f"Satz {k} stimmt hier wirklich.", k, f"t{k}", 0.95, kind="truefalse", answer="richtig") for k in range(4)]
    falses = [_cand(f"Aussage {k} ist falsch geworden.", k + 4, f"f{k}", 0.7, kind="truefalse", answer="falsch") for k in range(4)]
    chosen = select(text, trues + falses, 6)
    keys = [c.answer for c, _ in chosen if c.kind == "truefalse"]
    assert abs(keys.count("richtig") - keys.count("falsch")) <= 1


def test_it_keeps_copied_statements_to_under_a_third(text: Analysis) -> None:
    copies = [
        _cand(f"Satz {k} wurde wörtlich abgeschrieben.", k, f"t{k}", 0.95, kind="truefalse", answer=("richtig", "falsch")[k % 2], notes=("true copied",))
        for k in range(8)
    ]
    chosen = select(text, copies, 8)
    assert len(chosen) <= 2


def test_it_offers_only_what_the_verifier_passes(text: Analysis) -> None:
    def verifier(analysis: Analysis, cands: Sequence[QuestionCandidate]) -> list[bool]:
        return ["gut" in c.question for c in cands]

    cands = [_cand("Wer kam gut an?", 0, "a", answer="x"), _cand("Wer kam schlecht an?", 1, "b", answer="y")]
    assert [c.question for c, _ in select(text, cands, 2, verifier=verifier)] == ["Wer kam gut an?"]


def test_the_registry_raises_on_an_unknown_generator() -> None:
    with pytest.raises(QuizgenError, match="Use one of"):
        get_generator("riddles")


def test_build_questions_refuses_an_unknown_level() -> None:
    with pytest.raises(InputError, match="level"):
        build_questions(build(["Hallo/ITJ ./$."], []), level="D7")
