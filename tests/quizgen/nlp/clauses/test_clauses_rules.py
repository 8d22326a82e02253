"""The clause rules on hand-built Docs: tags and lemmas only, then with a parse as extra evidence."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import quizgen.nlp.clauses.component  # noqa: F401
from quizgen.analysis import Clause


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("de")
    nlp.add_pipe("quizgen_clauses")
    return nlp


def build(nlp: Language, spec: str, **kwargs) -> Doc:
    """A Doc from ``word/TAG/lemma`` items."""
    words, tags, lemmas = zip(*(item.split("/") for item in spec.split()))
    return Doc(nlp.vocab, words=list(words), tags=list(tags), lemmas=list(lemmas), **kwargs)


def analyse(nlp: Language, spec: str) -> tuple[Clause, ...]:
    doc = build(nlp, spec, sent_starts=[True] + [False] * (len(spec.split()) - 1))
    return nlp.get_pipe("quizgen_clauses")(doc)._.clauses


def test_an_accusative_article_makes_an_object_even_in_the_vorfeld(nlp: Language) -> None:
    (clause,) = analyse(nlp, "Den/ART/der Mann/NN/Mann sieht/VVFIN/sehen die/ART/der Frau/NN/Frau ./$./.")
    assert clause.subject is not None and clause.subject.text == "die Frau"
    assert [p.text for p in clause.acc_objects] == ["Den Mann"]
    assert clause.subject.confidence > 0.8


def test_agreement_with_the_finite_verb_picks_the_plural_subject(nlp: Language) -> None:
    (clause,) = analyse(nlp, "Das/ART/der Buch/NN/Buch lesen/VVFIN/lesen die/ART/der Kinder/NN/Kind ./$./.")
    assert clause.subject is not None and clause.subject.text == "die Kinder"
    assert [p.text for p in clause.acc_objects] == ["Das Buch"]


def test_ambiguous_case_gives_a_low_confidence(nlp: Language) -> None:
    (clause,) = analyse(nlp, "Die/ART/der Frau/NN/Frau sieht/VVFIN/sehen die/ART/der Katze/NN/Katze ./$./.")
    assert clause.subject is not None and clause.subject.text == "Die Frau"
    threshold = nlp.get_pipe("quizgen_clauses").dep_threshold  # below it, the parse is not relabelled
    assert clause.subject.confidence < threshold and clause.acc_objects[0].confidence < threshold


def test_dative_and_accusative_objects_in_a_perfect_clause(nlp: Language) -> None:
    (clause,) = analyse(
        nlp, "Er/PPER/er hat/VAFIN/haben dem/ART/der Kind/NN/Kind einen/ART/ein Ball/NN/Ball geschenkt/VVPP/schenken ./$./."
    )
    assert clause.verb_lemma == "schenken" and clause.tense == "Perf"
    assert [p.text for p in clause.dat_objects] == ["dem Kind"]
    assert [p.text for p in clause.acc_objects] == ["einen Ball"]


def test_modal_passive_in_a_subordinate_clause(nlp: Language) -> None:
    clauses = analyse(
        nlp,
        "Er/PPER/er sagt/VVFIN/sagen ,/$,/, dass/KOUS/dass das/ART/der Haus/NN/Haus gebaut/VVPP/bauen "
        "werden/VAINF/werden muss/VMFIN/müssen ./$./.",
    )
    sub = [c for c in clauses if c.kind == "sub"][0]
    assert sub.verb_lemma == "bauen" and sub.voice == "Pass" and sub.tense == "Pres"
    assert sub.subject is not None and sub.subject.text == "das Haus"


def test_konjunktiv_two_and_pluperfect(nlp: Language) -> None:
    clauses = analyse(
        nlp,
        "Sie/PPER/sie sagten/VVFIN/sagen ,/$,/, dass/KOUS/dass sie/PPER/sie gewonnen/VVPP/gewinnen "
        "hätten/VAFIN/haben ./$./.",
    )
    sub = [c for c in clauses if c.kind == "sub"][0]
    assert sub.tense == "Pqp" and sub.mood == "Sub"
    main = [c for c in clauses if c.kind == "main"][0]
    assert main.tense == "Past" and main.mood == "Ind"


def test_um_zu_infinitive_is_its_own_clause_without_subject(nlp: Language) -> None:
    clauses = analyse(
        nlp,
        "Sie/PPER/sie kam/VVFIN/kommen ,/$,/, um/KOUI/um den/ART/der Vertrag/NN/Vertrag zu/PTKZU/zu "
        "unterschreiben/VVINF/unterschreiben ./$./.",
    )
    inf = [c for c in clauses if c.subordinator == "um"][0]
    assert inf.subject is None and inf.finite_verb is None
    assert [p.text for p in inf.acc_objects] == ["den Vertrag"]
    assert inf.verb_lemma == "unterschreiben"


def test_confident_roles_are_relabelled_on_a_parsed_doc(nlp: Language) -> None:
    # a parse with wrong labels: the rules fix the labels and attach to the content verb
    spec = "Den/ART/der Mann/NN/Mann hat/VAFIN/haben die/ART/der Frau/NN/Frau gesehen/VVPP/sehen ./$./."
    doc = build(nlp, spec, heads=[1, 2, 2, 4, 2, 2, 2], deps=["det", "nsubj", "ROOT", "det", "obj", "aux", "punct"])
    doc = nlp.get_pipe("quizgen_clauses")(doc)
    assert (doc[1].dep_, doc[1].head.text) == ("obj", "gesehen")
    assert (doc[4].dep_, doc[4].head.text) == ("nsubj", "gesehen")
    assert doc[1].morph.get("Case") == ["Acc"] and doc[4].morph.get("Case") == ["Nom"]


def test_a_relative_pronoun_tagged_as_article_is_recognised_by_failed_agreement(nlp: Language) -> None:
    clauses = analyse(
        nlp,
        "Es/PPER/es gibt/VVFIN/geben Technologien/NN/Technologie ,/$,/, die/ART/der Kohlenstoff/NN/Kohlenstoff "
        "entfernen/VVFIN/entfernen ./$./.",
    )
    relative = [c for c in clauses if c.verb_lemma == "entfernen"][0]
    assert relative.kind == "sub" and relative.subordinator == "die"
    assert relative.subject is not None and relative.subject.text == "die"
    assert [p.text for p in relative.acc_objects] == ["Kohlenstoff"]


def test_an_apposition_before_the_finite_verb_is_not_a_second_subject(nlp: Language) -> None:
    clauses = analyse(
        nlp,
        "Kammenos/NE/Kammenos ,/$,/, zugleich/ADV/zugleich Chef/NN/Chef der/ART/der Partei/NN/Partei ,/$,/, "
        "warf/VVFIN/werfen der/ART/der Türkei/NE/Türkei Versagen/NN/Versagen vor/PTKVZ/vor ./$./.",
    )
    (clause,) = clauses
    assert clause.verb_lemma == "vorwerfen"
    assert clause.subject is not None and clause.subject.text == "Kammenos"
    assert [p.text for p in clause.dat_objects] == ["der Türkei"]


def test_a_year_ends_the_pp_before_a_predicative_noun(nlp: Language) -> None:
    (clause,) = analyse(
        nlp, "Er/PPER/er ist/VAFIN/sein seit/APPR/seit 1988/CARD/1988 Finanzminister/NN/Finanzminister ./$./."
    )
    assert [p.text for p in clause.pps] == ["seit 1988"]
    assert [p.text for p in clause.other if p.role == "predicative"] == ["Finanzminister"]


def test_a_participle_the_tagger_read_as_finite_still_makes_a_perfect(nlp: Language) -> None:
    (clause,) = analyse(
        nlp,
        "Nun/ADV/nun haben/VAFIN/haben Forscher/NN/Forscher ein/ART/ein Verfahren/NN/Verfahren "
        "entwickelt/VVFIN/entwickeln ./$./.",
    )
    assert clause.verb_lemma == "entwickeln" and clause.tense == "Perf"
    assert clause.subject is not None and clause.subject.text == "Forscher"


def test_clauses_survive_doc_serialisation(nlp: Language) -> None:
    spec = "Er/PPER/er hat/VAFIN/haben den/ART/der Ball/NN/Ball geworfen/VVPP/werfen ./$./."
    doc = nlp.get_pipe("quizgen_clauses")(build(nlp, spec, sent_starts=[True] + [False] * 5))
    restored = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert restored._.clauses == doc._.clauses
    assert [p.text for p in restored._.clauses[0].acc_objects] == ["den Ball"]


def test_und_deren_after_a_main_clause_is_a_noun_phrase_not_a_relative_clause(nlp: Language) -> None:
    """From a corpus article: the split left 'Wer hat über die Pfeiffer HandelsgmbH?' as a question."""
    (clause,) = analyse(nlp, "Das/ART/der Gericht/NN/Gericht hat/VAFIN/haben über/APPR/über die/ART/der "
                             "Firma/NN/Firma und/KON/und deren/PRELAT/der Tochter/NN/Tochter eine/ART/ein "
                             "Buße/NN/Buße verhängt/VVPP/verhängen ./$./.")
    assert clause.kind == "main" and clause.verb_lemma == "verhängen"


def test_und_der_after_a_relative_clause_opens_a_second_one(nlp: Language) -> None:
    clauses = analyse(nlp, "Er/PPER/er kennt/VVFIN/kennen den/ART/der Mann/NN/Mann ,/$,/, der/PRELS/der "
                           "das/ART/der Haus/NN/Haus kaufte/VVFIN/kaufen und/KON/und den/PRELS/der "
                           "alle/PIS/alle mögen/VVFIN/mögen ./$./.")
    assert [c.verb_lemma for c in clauses] == ["kennen", "kaufen", "mögen"]


def test_what_a_measure_measures_belongs_to_its_phrase(nlp: Language) -> None:
    # "Nach drei Jahren Bauzeit": Bauzeit is no subject of its own (the demo article's first clause)
    (clause,) = analyse(nlp, "Nach/APPR/nach drei/CARD/drei Jahren/NN/Jahr Bauzeit/NN/Bauzeit hat/VAFIN/haben "
                             "die/ART/der Stadt/NN/Stadt die/ART/der Linie/NN/Linie eröffnet/VVPP/eröffnen ./$./.")
    assert [p.text for p in clause.pps] == ["Nach drei Jahren Bauzeit"]
    assert clause.subject is None or clause.subject.text != "Bauzeit"
