"""Richtig/Falsch statements and a/b/c options."""

from __future__ import annotations

from pathlib import Path

from quizgen.lesson.make import make_pack
from quizgen.nlp.analyze import analyze
from quizgen.questions.mentions import name_forms

from quizgen.questions import false_statements, multiple_choice, truefalse, wh_questions
from tests.quizgen.question_records import build

SENTENCES = [
    "Der/ART Trainer/NN Hans/NE Meier/NE lobte/VVFIN/loben die/ART Mannschaft/NN ./$.",
    "Peter/NE Huber/NE hat/VAFIN/haben 25/CARD Tore/NN erzielt/VVPP/erzielen ./$.",
    "Anna/NE Berger/NE leitet/VVFIN/leiten das/ART Training/NN ./$.",
    "Huber/NE und/KON Berger/NE lachten/VVFIN/lachen ./$.",
]
CLAUSES = [
    dict(span=(0, 7), finite=4, lemma="loben", subject=(0, 4), acc=[(5, 7)], tense="Past"),
    dict(sentence=1, span=(8, 14), finite=10, verbs=(10, 13), lemma="erzielen", subject=(8, 10), acc=[(11, 13)], tense="Perf"),
    dict(sentence=2, span=(15, 20), finite=17, lemma="leiten", subject=(15, 17), acc=[(18, 20)]),
]


def test_a_true_statement_is_the_clause_of_the_text() -> None:
    analysis = build(SENTENCES, CLAUSES)
    statements = {c.question: c.answer for seed in range(8) for c in truefalse.generate(analysis, seed=seed)}
    assert statements.get("Der Trainer Hans Meier lobte die Mannschaft.") == "richtig"


def test_a_false_statement_changes_exactly_one_fact() -> None:
    analysis = build(SENTENCES, CLAUSES)
    falses = {c.question for seed in range(16) for c in truefalse.generate(analysis, seed=seed) if c.answer == "falsch"}
    allowed = {
        "Peter Huber hat 35 Tore erzielt.",
        "Hans Meier hat 25 Tore erzielt.",
        "Anna Berger hat 25 Tore erzielt.",
        "Hans Meier leitet das Training.",
        "Peter Huber leitet das Training.",
        "Anna Berger leitet das Training.",
    }
    opposite = "Der Trainer Hans Meier kritisierte die Mannschaft."  # loben -> kritisieren
    assert falses and falses <= allowed | {opposite} | {s for s in falses if "Trainer" in s and "lobte" in s}
    for statement in falses:
        assert statement not in ("Der Trainer Hans Meier lobte die Mannschaft.", "Anna Berger leitet das Training.")


def test_options_are_people_from_the_text_for_a_who_question() -> None:
    analysis = build(SENTENCES, CLAUSES)
    wh = wh_questions.generate(analysis)
    items = multiple_choice.generate(analysis, seed=1, previous=wh)
    who = [c for c in items if c.question == "Wer leitet das Training?"]
    assert who
    item = who[0]
    assert item.options[item.correct or 0] == "Anna Berger"
    assert set(item.options) == {"Anna Berger", "Hans Meier", "Peter Huber"}


def test_options_never_repeat_a_name_from_the_question() -> None:
    analysis = build(SENTENCES, CLAUSES)
    for item in multiple_choice.generate(analysis, seed=0, previous=wh_questions.generate(analysis)):
        others = [o for k, o in enumerate(item.options) if k != item.correct]
        assert not any(o.split()[-1] in item.question for o in others)


def test_no_false_statement_swaps_one_member_of_a_list() -> None:
    # "in Leipzig und Dresden" -> "in Leipzig und München" is half true (graded draw 4, golden mietpreise)
    text = (Path(__file__).parents[1] / "golden" / "packs" / "mietpreise.txt").read_text(encoding="utf-8")
    statements = [q for q in make_pack(text, level="B1").questions if q.kind == "truefalse"]
    assert not any("Leipzig und" in q.question and "Dresden" not in q.question for q in statements)


def test_a_persons_answer_accepts_no_organisation_named_in_it() -> None:
    # "Hasan E. von der Nationalgarde": "Nationalgarde" alone is no answer for the man (graded draw 5)
    analysis = analyze("Hasan E. von der Nationalgarde war im März am Flughafen von Chicago festgenommen worden. "
                       "Die Nationalgarde äußerte sich nicht. Hasan E. soll vor Gericht gestellt werden.")
    name = "Hasan E. von der Nationalgarde"
    assert "Nationalgarde" in name_forms(analysis, name)  # any mention that shares a word
    assert name_forms(analysis, name, label="PER") == (name, "Hasan E.")


def test_a_market_close_is_not_turned_into_an_opening() -> None:
    # "Die Wiener Börse hat leichter geöffnet" for "schloss leichter": the text never says how
    # it opened (graded draw 5); a shop that closed may still be said to have opened
    analysis = analyze("Die Wiener Börse hat am Freitag leichter geschlossen. Der Laden hat am Freitag geschlossen.")
    assert false_statements._market_report(analysis, 0) and not false_statements._market_report(analysis, 1)
