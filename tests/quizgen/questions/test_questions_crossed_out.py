"""The shapes of questions a teacher crosses out (quizgen/questions/crossed_out.py)."""

from __future__ import annotations

from quizgen.analysis import Analysis
from quizgen.questions.candidate import QuestionCandidate
from quizgen.questions.crossed_out import crossed_out
from tests.quizgen.question_records import build


def _text() -> Analysis:
    return build(
        [
            "Der/ART Ersteindruck/NN spielt/VVFIN eine/ART wichtige/ADJA Rolle/NN ./$.",
            "Die/ART Gewerkschaft/NN fordert/VVFIN einen/ART Tarifvertrag/NN nach/APPR den/ART Bedingungen/NN ./$.",
            "Hiddink/NE ist/VAFIN der/ART erste/ADJA Trainer/NN ./$.",
            "Die/ART Regierung/NN hat/VAFIN Mängel/NN zugegeben/VVPP ./$.",
            "David/NE Cameron/NE will/VMFIN das/PDS ./$.",
            "Die/ART Durchführung/NN obliegt/VVFIN den/ART Ländern/NN ./$.",
        ],
        [],
    )


def _cand(question: str, answer: str, *, kind: str = "wh", sentence: int = 0, span: tuple[int, int] = (0, 0), **kw: object) -> QuestionCandidate:
    return QuestionCandidate(
        kind=kind, question=question, answer=answer, answer_short=answer, sentence=sentence, confidence=0.9, fact="f", span=span, **kw  # type: ignore[arg-type]
    )


def test_it_crosses_out_an_answer_that_is_part_of_the_predicate() -> None:
    cand = _cand("Was spielt der Ersteindruck?", "eine wichtige Rolle", span=(3, 6), verb_lemma="spielen", wh_word="Was")
    assert crossed_out(_text(), cand) == "the answer is part of the predicate (eine Rolle spielen)"


def test_it_crosses_out_a_question_that_keeps_a_phrase_of_the_answers_noun() -> None:
    cand = _cand("Was fordert die Gewerkschaft nach den Bedingungen?", "einen Tarifvertrag", sentence=1, span=(10, 12), wh_word="Was")
    assert crossed_out(_text(), cand) == "a phrase of the answer's noun left in the question"


def test_it_crosses_out_additive_particles_and_article_cut_from_its_noun() -> None:
    assert crossed_out(_text(), _cand("Wer sprach sich zugleich für Quoten aus?", "Schulz")) is not None
    assert crossed_out(_text(), _cand("Wer hat gemeinsam den mit 1,5 Millionen Dollar?", "Habermas")) == "an article cut from its noun"
    assert crossed_out(_text(), _cand("Wer hat den mit 1,5 Millionen Dollar dotierten Preis erhalten?", "Habermas")) is None
    assert crossed_out(_text(), _cand("Wie viele Journalisten waren etwa 40 Tage dort?", "etwa 40")) is None


def test_it_keeps_a_b_c_to_names_and_numbers_with_distinct_options() -> None:
    thing = _cand("Was ist erstarkt?", "die Blues", kind="choice", answer_type="THING:subject", options=("die Blues", "die Statistik", "die Hoffnungen"))
    assert crossed_out(_text(), thing) == "a/b/c only for persons and numbers"
    merged = _cand("Wer bestritt das?", "Lech Wałęsa", kind="choice", answer_type="PER", options=("Lech Wałęsa", "Lech Kaczyński", "Czesław Kiszczak"))
    assert crossed_out(_text(), merged) == "two options share a name"
    good = _cand("Wer will das?", "David Cameron", kind="choice", answer_type="PER", options=("David Cameron", "Donald Tusk", "Ahmed Davutoglu"))
    assert crossed_out(_text(), good) is None
    unknown = _cand("Wer will das?", "David Tusk", kind="wh", answer_type="PER")
    assert crossed_out(_text(), unknown) == "a name the text does not have (two names merged)"


def test_it_crosses_out_a_statement_with_a_name_lower_cased() -> None:
    cand = _cand("Der erste Trainer ist hiddink.", "richtig", kind="truefalse", sentence=2)
    assert crossed_out(_text(), cand) == "a name or noun lower-cased"


def test_wer_asks_for_a_government_but_not_for_a_thing_in_ung() -> None:
    text = _text()
    assert text.tokens[23].text == "Regierung" and text.tokens[34].text == "Durchführung"
    body = _cand("Wer hat Mängel zugegeben?", "die Regierung", sentence=3, span=(22, 24), wh_word="Wer", answer_type="ORG")
    assert crossed_out(text, body) is None
    thing = _cand("Wer obliegt den Ländern?", "die Durchführung", sentence=5, span=(33, 35), wh_word="Wer", answer_type="THING")
    assert crossed_out(text, thing) == "Wer for a thing (die Durchführung)"


def test_a_true_statement_can_say_the_opposite_verb_with_nicht() -> None:
    from quizgen.nlp.analyze import analyze
    from quizgen.questions.registry import get_generator

    text = analyze(
        "Der Streit um die Hefte dauert an. Der Oberste Gerichtshof hat das Mitteilungsheft im vergangenen Jahr verboten. "
        "Kein Land hat mehr Flüchtlinge aufgenommen als die Türkei."
    )
    statements = {c.question: c.answer for c in get_generator("truefalse").generate(text, 0, [])}
    assert statements.get("Der Oberste Gerichtshof hat das Mitteilungsheft nicht erlaubt.") == "richtig"
    assert not any("nicht abgelehnt" in s for s in statements)


def test_wer_is_not_answered_by_a_title_alone_nor_was_by_people() -> None:
    text = build(
        [
            "Die/ART ehemalige/ADJA Präsidentin/NN des/ART Gerichtshofs/NN fordert/VVFIN eine/ART Grenze/NN ./$.",
            "Ein/ART Kreis/NN deutscher/ADJA Einwanderer/NN habe/VAFIN dort/ADV gewirkt/VVPP ./$.",
            "Präsidentin/NN Irmgard/NE Griss/NE fordert/VVFIN eine/ART Grenze/NN ./$.",
        ],
        [],
    )
    title = _cand("Wer fordert eine Grenze?", "die ehemalige Präsidentin des Gerichtshofs", span=(0, 5), wh_word="Wer", answer_type="PER")
    assert crossed_out(text, title) == "a person by title only: the text names them elsewhere"
    crowd = _cand("Was hat dort gewirkt?", "ein Kreis deutscher Einwanderer", sentence=1, span=(8, 12), wh_word="Was", answer_type="THING")
    assert crossed_out(text, crowd) == "Was for people (ein Kreis deutscher Einwanderer)"
    named = _cand("Wer fordert eine Grenze?", "Präsidentin Irmgard Griss", sentence=2, span=(15, 18), wh_word="Wer", answer_type="PER")
    assert crossed_out(text, named) is None


def test_wen_is_not_asked_for_a_feminine_thing() -> None:
    text = build(["Die/ART Präsidentin/NN fordert/VVFIN eine/ART Kostengrenze/NN ./$."], [])
    toks = list(text.tokens)
    fem = (("Case", "Acc"), ("Gender", "Fem"), ("Number", "Sing"))
    from dataclasses import replace as _replace

    text = _replace(text, tokens=tuple(_replace(t, morph=fem) if t.text in ("Kostengrenze", "Präsidentin") else t for t in toks))
    thing = _cand("Wen fordert die Präsidentin?", "eine Kostengrenze", span=(3, 5), wh_word="Wen", answer_type="PERSON")
    assert crossed_out(text, thing) == "Wer/Wen for a thing (eine Kostengrenze)"
    person = _cand("Wer fordert eine Kostengrenze?", "die Präsidentin", span=(0, 2), wh_word="Wer", answer_type="PERSON")
    assert crossed_out(text, person) != "Wer/Wen for a thing (eine Kostengrenze)"


def test_nicht_with_an_opposite_only_where_it_says_the_same() -> None:
    from quizgen.nlp.analyze import analyze
    from quizgen.questions.registry import get_generator

    text = analyze("Der Verkehr ruht. Die Züge waren vor der Grenze gestoppt worden. Die Kamera wird vor allem gelobt.")
    statements = [c.question for c in get_generator("truefalse").generate(text, 0, [])]
    assert not any("nicht gestartet" in s or "nicht kritisiert" in s for s in statements)


def test_it_crosses_out_wer_heisst_for_a_name() -> None:
    """Regression (final grading, seed 219): 'Wer heißt das spiegellose Aufnahmegerät?' asks a name with Wer."""
    cand = _cand("Wer heißt das neue Gerät?", "EOS M10", span=(0, 1), wh_word="Wer")
    assert crossed_out(_text(), cand) == "'Wer heißt ...?' asks a name with the wrong word (Wie heißt ...?)"


def test_a_closed_thing_is_opened_not_inaugurated() -> None:
    """Regression (final grading, seed 219): 'Die Einstiegsluke ist geschlossen' became 'eröffnet'."""
    from quizgen.german.verb_lexicon import OPPOSITES

    assert OPPOSITES["schließen"] == "öffnen" and OPPOSITES["eröffnen"] == "schließen"


def test_a_statement_with_etwa_for_one_example_is_crossed_out_but_etwa_before_a_number_is_not() -> None:
    # "Reda tritt etwa für eine Verkürzung ... ein": one example of several (graded draw 5)
    example = _cand("Die Gewerkschaft fordert etwa einen Tarifvertrag nach den Bedingungen.", "richtig",
                    kind="truefalse", sentence=1)
    assert crossed_out(_text(), example) is not None and "etwa" in (crossed_out(_text(), example) or "")
    number = _cand("Die Gewerkschaft fordert etwa 300 Tarifverträge nach den Bedingungen.", "falsch",
                   kind="truefalse", sentence=1)
    assert "etwa" not in (crossed_out(_text(), number) or "")
