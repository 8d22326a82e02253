"""Case, number and gender from articles, adjective endings, pronouns, prepositions and nouns."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from quizgen.german import reading_masks as cm
from quizgen.nlp.clauses.phrases import PhraseChunker


def readings(mask: int) -> set[str]:
    return {f"{c}.{s}" for ci, c in enumerate(cm.CASES) for si, s in enumerate(cm.SLOTS) if mask & cm.bit(ci, si)}


def test_definite_articles_allow_exactly_their_paradigm_cells() -> None:
    assert readings(cm.determiner_mask("den")[0]) == {"Acc.Masc", "Dat.Plur"}
    assert readings(cm.determiner_mask("des")[0]) == {"Gen.Masc", "Gen.Neut"}
    assert readings(cm.determiner_mask("der")[0]) == {"Nom.Masc", "Dat.Fem", "Gen.Fem", "Gen.Plur"}


def test_ein_words_without_ending_are_nominative_masculine_or_neuter() -> None:
    mask, declension = cm.determiner_mask("unser")
    assert readings(mask) == {"Nom.Masc", "Nom.Neut", "Acc.Neut"} and declension == "mixed"
    assert readings(cm.determiner_mask("ihrem")[0]) == {"Dat.Masc", "Dat.Neut"}
    assert readings(cm.determiner_mask("keinen")[0]) == {"Acc.Masc", "Dat.Plur"}


def test_adjective_endings_depend_on_the_determiner() -> None:
    assert readings(cm.adjective_mask("guter", "strong")) == {"Nom.Masc", "Dat.Fem", "Gen.Fem", "Gen.Plur"}
    assert readings(cm.adjective_mask("guter", "mixed")) == {"Nom.Masc"}  # ein guter
    assert "Nom.Masc" in readings(cm.adjective_mask("gute", "weak"))
    assert "Nom.Masc" not in readings(cm.adjective_mask("guten", "weak"))
    assert cm.adjective_mask("Berliner", "strong") == cm.ALL  # invariable


def test_the_indefinite_article_has_no_plural_but_kein_has() -> None:
    assert readings(cm.determiner_mask("eine")[0]) == {"Nom.Fem", "Acc.Fem"}
    assert readings(cm.determiner_mask("keine")[0]) == {"Nom.Fem", "Acc.Fem", "Nom.Plur", "Acc.Plur"}


def test_personal_pronouns_carry_case_and_person() -> None:
    mask, persons = cm.pronoun_mask("ihn")
    assert readings(mask) == {"Acc.Masc"} and persons == {3}
    mask, persons = cm.pronoun_mask("wir")
    assert readings(mask) == {"Nom.Plur"} and persons == {1}
    assert cm.cases_of(cm.pronoun_mask("Ihnen")[0]) == ("Dat",)


def test_prepositions_govern_their_case() -> None:
    assert cm.cases_of(cm.preposition_mask("mit", "mit")) == ("Dat",)
    assert cm.cases_of(cm.preposition_mask("für", "für")) == ("Acc",)
    assert set(cm.cases_of(cm.preposition_mask("in", "in"))) == {"Acc", "Dat"}
    # genitive; the dative only in the plural, for phrases that do not show the genitive
    assert readings(cm.preposition_mask("wegen", "wegen")) == {f"Gen.{s}" for s in cm.SLOTS} | {"Dat.Plur"}
    assert set(cm.cases_of(cm.preposition_mask("dank", "dank"))) == {"Dat", "Gen"}
    assert cm.cases_of(cm.preposition_mask("am", "an")) == ("Dat",)


def test_noun_forms_from_the_lexicon_narrow_the_case() -> None:
    assert cm.cases_of(cm.noun_mask("Ländern", "Land")) == ("Dat",)
    assert cm.numbers_of(cm.noun_mask("Ländern", "Land")) == ("Plur",)
    assert cm.genders_of(cm.noun_mask("Abzug", "Abzug")) == ("Masc",)


def test_one_contradicting_word_does_not_empty_the_reading() -> None:
    assert cm.narrow(cm.spec("NM"), cm.spec("DF")) == cm.spec("NM")


def chunk(words: list[str], tags: list[str], lemmas: list[str]) -> tuple[Doc, list]:
    doc = Doc(spacy.blank("de").vocab, words=words, tags=tags, lemmas=lemmas)
    return doc, PhraseChunker(doc, list(range(len(doc)))).chunks()


def test_den_vollstaendigen_abzug_is_accusative_singular_masculine() -> None:
    doc, chunks = chunk(["den", "vollständigen", "Abzug"], ["ART", "ADJA", "NN"], ["der", "vollständig", "Abzug"])
    assert len(chunks) == 1
    assert cm.features_of(chunks[0].mask) == {"Case": "Acc", "Number": "Sing", "Gender": "Masc"}


def test_the_preposition_decides_between_dative_and_genitive_of_der() -> None:
    doc, chunks = chunk(["mit", "der", "Regierung"], ["APPR", "ART", "NN"], ["mit", "der", "Regierung"])
    assert chunks[0].kind == "pp" and cm.features_of(chunks[0].mask)["Case"] == "Dat"


def test_a_genitive_attribute_stays_inside_its_noun_phrase() -> None:
    doc, chunks = chunk(
        ["den", "Abzug", "russischer", "Truppen"], ["ART", "NN", "ADJA", "NN"], ["der", "Abzug", "russisch", "Truppe"]
    )
    assert [(c.start, c.end) for c in chunks] == [(0, 4)]
    assert cm.cases_of(chunks[0].attached[0].mask) == ("Gen",)
