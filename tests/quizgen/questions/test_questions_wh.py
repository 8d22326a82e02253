"""W-questions from hand-built clause records: word order, verb forms, pronouns, precision."""

from __future__ import annotations

from quizgen.questions import wh_questions
from tests.quizgen.question_records import build


def _questions(sentences: list[str], clauses: list[dict]) -> dict[str, str]:
    return {c.question: c.answer for c in wh_questions.generate(build(sentences, clauses))}


MINISTER = ["Der/ART/der Minister/NN/Minister besucht/VVFIN/besuchen am/APPRART/an Montag/NN Berlin/NE ./$."]
MINISTER_CLAUSE = dict(span=(0, 6), finite=2, lemma="besuchen", subject=(0, 2), acc=[(5, 6)], pps=[((3, 5), "an")])


def test_it_asks_who_for_a_person_subject() -> None:
    assert _questions(MINISTER, [MINISTER_CLAUSE])["Wer besucht am Montag Berlin?"] == "der Minister"


def test_it_asks_when_for_a_time_pp_and_moves_the_subject_after_the_verb() -> None:
    assert _questions(MINISTER, [MINISTER_CLAUSE])["Wann besucht der Minister Berlin?"] == "am Montag"


def test_it_asks_what_for_a_thing_object_and_puts_the_particle_last() -> None:
    sents = ["Am/APPRART/an Mittwoch/NN kündigte/VVFIN/kündigen die/ART Regierung/NN ein/ART neues/ADJA Gesetz/NN an/PTKVZ ./$."]
    clause = dict(span=(0, 9), finite=2, verbs=(2, 8), particle=8, lemma="ankündigen", subject=(3, 5), acc=[(5, 8)], pps=[((0, 2), "an")], tense="Past")
    questions = _questions(sents, [clause])
    assert questions["Was kündigte die Regierung am Mittwoch an?"] == "ein neues Gesetz"
    assert questions["Wer kündigte am Mittwoch ein neues Gesetz an?"] == "die Regierung"


def test_it_turns_konjunktiv_of_reported_speech_into_the_indicative() -> None:
    sents = [
        "Putin/NE sagte/VVFIN/sagen ,/$, dass/KOUS Staatschef/NN Xi/NE Russland/NE besuchen/VVINF werde/VAFIN/werden ./$."
    ]
    clauses = [
        dict(span=(0, 2), finite=1, lemma="sagen", subject=(0, 1), tense="Past"),
        dict(span=(3, 9), kind="sub", subordinator="dass", finite=8, verbs=(7, 8), lemma="besuchen",
             subject=(4, 6), acc=[(6, 7)], tense="Fut", mood="Sub"),
    ]
    questions = _questions(sents, clauses)
    # the reported claim keeps its source: not "Wer wird Russland besuchen?" as a plain fact
    assert questions["Wer wird laut Putin Russland besuchen?"] == "Staatschef Xi"
    assert "Wer wird Russland besuchen?" not in questions
    assert not any(q.startswith("Wer sagte") for q in questions)  # never "Wer sagte?"


def test_it_agrees_the_verb_with_wer_for_a_plural_subject() -> None:
    sents = ["Russland/NE und/KON China/NE vertiefen/VVFIN/vertiefen ihre/PPOSAT Partnerschaft/NN ./$."]
    clause = dict(span=(0, 6), finite=3, lemma="vertiefen", subject=(0, 3), acc=[(4, 6)])
    questions = _questions(sents, [clause])
    assert questions["Wer vertieft ihre Partnerschaft?"] == "Russland und China"
    assert questions["Was vertiefen Russland und China?"] == "ihre Partnerschaft"


def test_it_resolves_er_to_the_only_person_named_before() -> None:
    sents = [
        "Der/ART Trainer/NN Hans/NE Meier/NE lobte/VVFIN/loben die/ART Mannschaft/NN ./$.",
        "Er/PPER kritisierte/VVFIN/kritisieren den/ART Schiedsrichter/NN ./$.",
    ]
    clauses = [
        dict(span=(0, 7), finite=4, lemma="loben", subject=(0, 4), acc=[(5, 7)], tense="Past"),
        dict(sentence=1, span=(8, 12), finite=9, lemma="kritisieren", subject=(8, 9), acc=[(10, 12)], tense="Past"),
    ]
    questions = _questions(sents, clauses)
    assert questions["Wen kritisierte Hans Meier?"] == "den Schiedsrichter"
    assert questions["Wer kritisierte den Schiedsrichter?"] == "Hans Meier"


def test_it_drops_a_question_when_the_pronoun_is_ambiguous() -> None:
    sents = [
        "Hans/NE Meier/NE traf/VVFIN/treffen Peter/NE Huber/NE ./$.",
        "Er/PPER kritisierte/VVFIN/kritisieren den/ART Schiedsrichter/NN ./$.",
    ]
    clauses = [
        dict(span=(0, 5), finite=2, lemma="treffen", subject=(0, 2), acc=[(3, 5)], tense="Past"),
        dict(sentence=1, span=(6, 10), finite=7, lemma="kritisieren", subject=(6, 7), acc=[(8, 10)], tense="Past"),
    ]
    questions = _questions(sents, clauses)
    assert not any("Schiedsrichter" in q or "Er" in q.split() for q in questions)
    assert not any(a.lower() == "er" for a in questions.values())


def test_the_answer_never_appears_in_the_question() -> None:
    for sents, clauses in ((MINISTER, [MINISTER_CLAUSE]),):
        for cand in wh_questions.generate(build(sents, clauses)):
            assert cand.answer_short.lower() not in cand.question.lower()


def test_it_asks_no_question_from_direct_speech() -> None:
    sents = ["„/$( Wir/PPER erreichen/VVFIN/erreichen neue/ADJA Grenzen/NN ./$. “/$("]
    clause = dict(span=(1, 5), finite=2, lemma="erreichen", subject=(1, 2), acc=[(3, 5)])
    assert _questions(sents, [clause]) == {}
