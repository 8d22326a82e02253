"""The parse check of W-questions and statements (quizgen/questions/verification.py), on the
shipped pipeline's tagger and clause rules."""

from __future__ import annotations

from quizgen.questions.candidate import QuestionCandidate
from quizgen.questions.verification import check_question, check_statement, parse_questions


def _wh(question: str, wh: str, role: str, verb: str, answer: str = "x", answer_type: str = "PER") -> QuestionCandidate:
    return QuestionCandidate(
        kind="wh", question=question, answer=answer, answer_short=answer, sentence=0, confidence=0.9, fact="f",
        wh_word=wh, wh_phrase=wh, role=role, verb_lemma=verb, answer_type=answer_type,
    )


def _reasons(cand: QuestionCandidate) -> list[str]:
    return check_question(parse_questions([cand.question])[0], cand)


def test_a_well_formed_who_question_passes() -> None:
    assert _reasons(_wh("Wer besuchte Moskau?", "Wer", "subject", "besuchen")) == []
    assert _reasons(_wh("Was fordert die Ukraine?", "Was", "acc_object", "fordern", answer_type="THING")) == []


def test_it_refuses_a_verb_without_the_complement_it_needs() -> None:
    assert any("für" in r for r in _reasons(_wh("Was sorgt bei den iPhones der jüngeren Generationen?", "Was", "subject", "sorgen", answer_type="THING")))


def test_it_refuses_a_what_subject_another_phrase_could_be() -> None:
    # "Was deklassierte Bolivien?" reads "what did Bolivia beat?": the W-word lost its role
    assert any("subject" in r for r in _reasons(_wh("Was deklassierte Bolivien mit 5:0?", "Was", "subject", "deklassieren", answer_type="THING")))


def test_it_refuses_a_verb_that_agrees_with_nothing() -> None:
    assert _reasons(_wh("Wen liegen nie komplett gerade auf der Rückseite auf?", "Wen", "acc_object", "aufliegen"))


def test_it_refuses_words_left_over() -> None:
    assert _reasons(_wh("Wen brachten und Enner Valencia Ecuador mit 2:0 in Führung?", "Wen", "acc_object", "bringen"))


def test_a_statement_is_one_clause_with_its_vorfeld() -> None:
    ok = QuestionCandidate(
        kind="truefalse", question="Der Bau hatte rund 95 Millionen Euro gekostet.", answer="richtig", answer_short="richtig",
        sentence=0, confidence=0.9, fact="f", role="statement", verb_lemma="kosten", wh_phrase="Der Bau",
    )
    assert check_statement(parse_questions([ok.question])[0], ok) == []
    garbled = QuestionCandidate(
        kind="truefalse", question="Von Manchester City haben sich die Londoner weisen 94 Punkte auf und.", answer="falsch",
        answer_short="falsch", sentence=0, confidence=0.9, fact="f", role="statement", verb_lemma="absetzen", wh_phrase="Von Manchester City",
    )
    assert check_statement(parse_questions([garbled.question])[0], garbled)
