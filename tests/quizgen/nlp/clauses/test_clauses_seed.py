"""Clause analysis of the seed article (acceptance criteria of issue 2) and of real sentences.

The pipeline here is the tags-only one (sentencizer + HanTa + the clause rules), so the rules
are tested without the trained parser; the trained pipeline only adds evidence.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import quizgen.nlp.clauses.component  # noqa: F401
import quizgen.nlp.hanta_component  # noqa: F401
from quizgen.analysis import Clause

from tests.shared_data import SEED  # noqa: E402


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("quizgen_hanta")
    nlp.add_pipe("quizgen_clauses")
    return nlp


@pytest.fixture(scope="module")
def seed(nlp: Language) -> Doc:
    return nlp(SEED.read_text(encoding="utf-8"))


def clause_with(doc: Doc, verb_lemma: str) -> Clause:
    found = [c for c in doc._.clauses if c.verb_lemma == verb_lemma]
    assert found, [c.verb_lemma for c in doc._.clauses]
    return found[0]


def only_clause(nlp: Language, text: str, verb_lemma: str) -> Clause:
    return clause_with(nlp(text), verb_lemma)


def test_putin_announces_in_a_main_clause_with_the_full_particle_verb(seed: Doc) -> None:
    clause = clause_with(seed, "ankündigen")
    assert clause.kind == "main"
    assert clause.subject is not None and clause.subject.text == "Präsident Wladimir Putin"
    assert clause.subject.case == "Nom"
    assert seed[clause.particle].text == "an"
    assert clause.tense == "Past" and clause.mood == "Ind"


def test_the_ukraine_demands_the_whole_withdrawal_as_one_accusative_object(seed: Doc) -> None:
    clause = clause_with(seed, "fordern")
    assert clause.subject is not None and clause.subject.text == "Die Ukraine"
    assert clause.subject.case == "Nom"
    assert [p.text for p in clause.acc_objects] == [
        "den vollständigen Abzug russischer Truppen von ihrem Staatsgebiet, inklusive der Krim"
    ]
    assert clause.acc_objects[0].confidence >= 0.9


def test_xi_visits_russia_in_a_subordinate_clause(seed: Doc) -> None:
    clause = clause_with(seed, "besuchen")
    assert clause.kind == "sub" and clause.subordinator == "dass"
    assert clause.subject is not None and clause.subject.text == "Staatschef Xi Jinping"
    assert [p.text for p in clause.acc_objects] == ["Russland"]
    assert clause.tense == "Fut" and clause.mood == "Sub"


def test_reflexive_verbs_get_sich_in_their_lemma(seed: Doc) -> None:
    clause = clause_with(seed, "sich freuen")
    assert clause.reflexive and clause.subject is not None and clause.subject.text == "er"
    assert clause.mood == "Sub"  # Konjunktiv I in reported speech


def test_a_dative_object_after_the_subject_of_sagen(nlp: Language) -> None:
    clause = only_clause(nlp, "„Die Lage ist kompliziert“, sagte Putin der russischen Staatsagentur.", "sagen")
    assert clause.subject is not None and clause.subject.text == "Putin"
    assert [p.text for p in clause.dat_objects] == ["der russischen Staatsagentur"]


def test_zufolge_makes_a_pp_not_an_object(seed: Doc) -> None:
    clause = [c for c in seed._.clauses if c.verb_lemma == "sagen" and "Tass" in seed[c.start : c.end].text][0]
    assert clause.dat_objects == ()
    assert [(p.preposition, p.case) for p in clause.pps] == [("zufolge", "Dat")]


def test_passive_perfect_and_modal_clauses(nlp: Language) -> None:
    passive = only_clause(nlp, "Das Buch wurde von der Lehrerin gelesen.", "lesen")
    assert passive.voice == "Pass" and passive.tense == "Past"
    assert passive.subject is not None and passive.subject.text == "Das Buch"
    assert [p.preposition for p in passive.pps] == ["von"]
    perfect = only_clause(nlp, "Er hat dem Mann das Buch gegeben.", "geben")
    assert perfect.tense == "Perf" and perfect.voice == "Act"
    assert [p.text for p in perfect.dat_objects] == ["dem Mann"]
    assert [p.text for p in perfect.acc_objects] == ["das Buch"]
    modal = only_clause(nlp, "Xi will das Positionspapier im Februar vorstellen.", "vorstellen")
    assert modal.tense == "Pres" and modal.subject is not None and modal.subject.text == "Xi"
    assert [p.text for p in modal.acc_objects] == ["das Positionspapier"]


def test_relative_clause_and_the_main_clause_around_it(nlp: Language) -> None:
    doc = nlp("Der Mann, den ich gestern traf, hat ein Auto gekauft.")
    relative = clause_with(doc, "treffen")
    assert relative.kind == "sub" and relative.subordinator == "den"
    assert relative.subject is not None and relative.subject.text == "ich"
    assert [p.text for p in relative.acc_objects] == ["den"]
    main = clause_with(doc, "kaufen")
    assert main.kind == "main" and main.subject is not None and main.subject.text == "Der Mann"
    assert [p.text for p in main.acc_objects] == ["ein Auto"]


def test_coordinated_clauses_are_separate(nlp: Language) -> None:
    doc = nlp("Wang hob hervor, dass die Beziehungen dem Druck standgehalten hätten und dass Krisen gewisse Chancen bieten.")
    hold = clause_with(doc, "standhalten")
    offer = clause_with(doc, "bieten")
    assert hold.kind == offer.kind == "sub"
    assert [p.text for p in hold.dat_objects] == ["dem Druck"]
    assert hold.tense == "Pqp" and hold.mood == "Sub"
    assert offer.subject is not None and offer.subject.text == "Krisen"
    assert [p.text for p in offer.acc_objects] == ["gewisse Chancen"]
    assert clause_with(doc, "hervorheben").kind == "main"


def test_noun_phrase_case_is_written_to_every_token(seed: Doc) -> None:
    start = next(t.i for t in seed if t.text == "den" and seed[t.i + 1].text == "vollständigen")
    for tok in seed[start : start + 3]:
        assert tok.morph.get("Case") == ["Acc"], tok.text
        assert tok.morph.get("Number") == ["Sing"], tok.text
        assert tok.morph.get("Gender") == ["Masc"], tok.text


@pytest.mark.slow
def test_analyze_fills_clauses_with_the_shipped_pipeline() -> None:
    from quizgen.nlp.analyze import analyze

    analysis = analyze(SEED.read_text(encoding="utf-8"))
    demand = [c for c in analysis.clauses if c.verb_lemma == "fordern"][0]
    assert demand.subject is not None and demand.subject.text == "Die Ukraine"
    assert [p.text for p in demand.acc_objects] == [
        "den vollständigen Abzug russischer Truppen von ihrem Staatsgebiet, inklusive der Krim"
    ]
    visit = [c for c in analysis.clauses if c.verb_lemma == "besuchen"][0]
    assert visit.kind == "sub" and visit.subject is not None and visit.subject.text == "Staatschef Xi Jinping"
    assert analysis.span_text(visit.start, visit.end).startswith("dass Staatschef")
