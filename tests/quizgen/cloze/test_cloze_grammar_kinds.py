"""Article, ending and verb-form gaps on hand-built analyses: asked only where grammar decides."""

from __future__ import annotations

from quizgen.analysis import Clause, Phrase
from quizgen.cloze import get_kind
from quizgen.cloze.base import ClozeContext
from quizgen.german.morphology import DEFINITE_FORMS, INDEFINITE_FORMS
from quizgen.nlp.analyze import analyze
from quizgen.pack import ClozeItem

from tests.quizgen.cloze_records import analysis_of, w

JAHRESTAG = [
    w("Kurz", "kurz", "ADJD"), w("vor", "vor", "APPR"), w("dem", "der", "ART"),
    w("ersten", "erst", "ADJA"), w("Jahrestag", "Jahrestag", "NN"), w("des", "der", "ART"),
    w("Ukraine-Kriegs", "Ukraine-krieg", "NN"), w("treiben", "treiben", "VVFIN"),
    w("Russland", "Russland", "NE"), w("und", "und", "KON"), w("China", "China", "NE"),
    w("eine", "ein", "ART"), w("Vertiefung", "Vertiefung", "NN"), w("ihrer", "ihr", "PPOSAT"),
    w("Partnerschaft", "Partnerschaft", "NN"), w("voran", "voran", "PTKVZ"), w(".", ".", "$."),
]  # fmt: skip
PUTIN = [
    w("Präsident", "Präsident", "NN"), w("Wladimir", "Wladimir", "NE"), w("Putin", "Putin", "NE"),
    w("kündigte", "kündigen", "VVFIN"), w("am", "an", "APPRART"), w("Mittwoch", "Mittwoch", "NN"),
    w("bei", "bei", "APPR"), w("einem", "ein", "ART"), w("Moskau-Besuch", "Moskau-besuch", "NN"),
    w("des", "der", "ART"), w("chinesischen", "chinesisch", "ADJA"),
    w("Top-Diplomaten", "Top-diplomat", "NN"), w("Wang", "Wang", "NE"), w("Yi", "Yi", "NE"),
    w("an", "an", "PTKVZ"), w(".", ".", "$."),
]  # fmt: skip
FREUE = [
    w("Wang", "Wang", "NE"), w("sagte", "sagen", "VVFIN"), w(",", ",", "$,"), w("er", "er", "PPER"),
    w("freue", "freuen", "VVFIN"), w("sich", "sich", "PRF"), w("auf", "auf", "APPR"),
    w("die", "der", "ART"), w("Visite", "Visite", "NN"), w(".", ".", "$."),
]  # fmt: skip
LEHRER = [
    w("Wir", "wir", "PPER"), w("brauchen", "brauchen", "VVFIN"), w("gute", "gut", "ADJA"),
    w("Lehrer", "Lehrer", "NN"), w(".", ".", "$."),
]  # fmt: skip


def items(kind: str, sentences, **kwargs) -> list[ClozeItem]:  # type: ignore[no-untyped-def]
    analysis = analysis_of(sentences, **kwargs)
    ctx = ClozeContext(analysis=analysis, level="B2", vocabulary=())
    return [c.item for c in get_kind(kind).candidates(ctx)]


def test_it_asks_the_genitive_article_the_noun_form_decides() -> None:
    found = items("article", [JAHRESTAG])
    des = [i for i in found if "___ Ukraine-Kriegs" in i.text]
    assert len(des) == 1
    assert des[0].answer == "des" and set(des[0].options) == set(DEFINITE_FORMS)


def test_it_skips_articles_that_more_than_one_form_would_fill() -> None:
    found = items("article", [JAHRESTAG])
    # vor dem/den ersten Jahrestag: both are grammatical, the sentence does not decide.
    assert not any("vor ___ ersten" in i.text for i in found)
    # eine/einer Vertiefung: nominative/accusative or genitive/dative, only the verb decides.
    assert not any("___ Vertiefung" in i.text for i in found)


def test_a_sure_case_from_the_clause_analysis_decides_the_article() -> None:
    obj = Phrase(role="acc_object", start=11, end=15, head=12, text="eine Vertiefung ihrer Partnerschaft",
                 case="Acc", confidence=0.95)
    clause = Clause(index=0, sentence=0, kind="main", start=0, end=17, finite_verb=7, verb_tokens=(7, 15),
                    verb_lemma="vorantreiben", particle=15, subordinator=None, subject=None,
                    acc_objects=(obj,), dat_objects=(), pps=(), tense="Pres", mood="Ind")
    found = items("article", [JAHRESTAG], clauses=(clause,))
    eine = [i for i in found if "___ Vertiefung" in i.text]
    assert len(eine) == 1 and eine[0].answer == "eine" and set(eine[0].options) == set(INDEFINITE_FORMS)


def test_it_asks_the_adjective_ending_after_a_genitive_article() -> None:
    found = items("ending", [PUTIN])
    assert len(found) == 1
    assert "des chinesisch___ Top-Diplomaten" in found[0].text and found[0].answer == "en"


def test_it_skips_an_ending_the_phrase_does_not_decide() -> None:
    # gute/guter/guten Lehrer: nominative plural, nominative singular, accusative singular ...
    assert items("ending", [LEHRER]) == []


def test_it_asks_the_finite_verb_with_infinitive_and_tense_and_keeps_the_particle() -> None:
    found = items("verbform", [PUTIN])
    assert len(found) == 1
    item = found[0]
    assert item.answer == "kündigte" and item.hint == "ankündigen (Präteritum)"
    assert item.text.startswith("Präsident Wladimir Putin ___ am Mittwoch") and item.text.endswith("Wang Yi an.")


def test_reported_speech_is_asked_as_konjunktiv_one() -> None:
    found = {i.answer: i for i in items("verbform", [FREUE])}
    assert found["freue"].hint == "freuen (Konjunktiv I)"
    assert "sagte" not in found  # the quote's formula (…, sagte Wang) is no gap to practise (graded draw 4)


def test_sentence_initial_articles_keep_their_capital_in_the_options() -> None:
    sentence = [w("Das", "der", "ART"), w("sino-russische", "sino-russisch", "ADJA"),
                w("Verhältnis", "Verhältnis", "NN"), w("bleibt", "bleiben", "VVFIN"), w(".", ".", "$.")]  # fmt: skip
    found = items("article", [sentence])
    assert len(found) == 1 and found[0].answer == "Das" and "Dem" in found[0].options


def test_a_capitalised_article_inside_a_sentence_starts_a_title_not_a_gap() -> None:
    sentence = [w("Er", "er", "PPER"), w("spielte", "spielen", "VVFIN"), w("in", "in", "APPR"),
                w("Die", "der", "ART"), w("Freunde", "Freund", "NN"), w("von", "von", "APPR"),
                w("Eddie", "Eddie", "NE"), w("Coyle", "Coyle", "NE"), w(".", ".", "$.")]  # fmt: skip
    assert items("article", [sentence]) == []
    assert not [i for i in items("open", [sentence]) + items("choice", [sentence]) if i.answer == "Freunde"]


def test_wie_berichtet_is_no_finite_verb_to_ask() -> None:
    sentence = [w("Er", "er", "PPER"), w("trifft", "treffen", "VVFIN"), w(",", ",", "$,"),
                w("wie", "wie", "KOKOM"), w("berichtet", "berichten", "VVFIN"), w(",", ",", "$,"),
                w("den", "der", "ART"), w("Obmann", "Obmann", "NN"), w(".", ".", "$.")]  # fmt: skip
    assert [i.answer for i in items("verbform", [sentence])] == ["trifft"]  # a regular "klagt" is no gap


def test_a_participle_after_an_auxiliary_is_not_asked_as_a_finite_verb() -> None:
    sentence = [w("Danach", "danach", "ADV"), w("wurde", "werden", "VAFIN"), w("nichts", "nichts", "PIS"),
                w("zum", "zu", "APPRART"), w("Inhalt", "Inhalt", "NN"), w("verlautet", "verlauten", "VVFIN"),
                w(".", ".", "$.")]  # fmt: skip
    assert items("verbform", [sentence]) == []


def test_a_weak_past_form_in_reported_speech_is_not_hinted_as_praeteritum() -> None:
    # "dazu gehörten auch ..." beside "solle": the Konjunktiv II of reported speech (graded draw 5)
    analysis = analyze("All-in-Verträge solle es nur mit einer Überzahlung geben. Dazu gehörten auch regelmäßige "
                       "Erhöhungen der Gehälter. Im Mai gehörten die Firmen noch dem Staat.")
    found = [c.item for c in get_kind("verbform").candidates(ClozeContext(analysis=analysis, level="B1", vocabulary=()))]
    assert not any(i.answer == "gehörten" and i.sentence == 1 for i in found)
    assert any(i.answer == "gehörten" and i.sentence == 2 and i.hint == "gehören (Präteritum)" for i in found)
