"""Distractors fit the gap's grammar, stay near the answer's frequency and are never right."""

from __future__ import annotations

from quizgen.lesson.distractors import (
    MAX_ZIPF_GAP,
    adjective_distractors,
    candidate_words,
    noun_distractors,
    same_field,
    zipf,
)
from quizgen.german.nouns import noun_case_numbers, noun_gender


def test_candidate_lists_hold_checked_words_of_each_class() -> None:
    nouns = {w.lemma for w in candidate_words("NOUN")}
    adjectives = {w.lemma for w in candidate_words("ADJ")}
    verbs = {w.lemma for w in candidate_words("VERB")}
    assert {"Haus", "Partnerschaft", "Garage"} <= nouns
    assert "NASA" not in nouns and "Guardian" not in nouns  # acronyms, names
    assert {"schnell", "russisch"} <= adjectives and "sein" not in adjectives
    assert {"machen", "fordern"} <= verbs and "haben" not in verbs


def test_noun_distractors_take_gender_and_the_gaps_form() -> None:
    readings = {("Dat", "Plur", None)}
    got = noun_distractors("Land", "Ländern", readings, exclude=set(), key="k1")
    assert got is not None and len(set(got)) == 3
    for form in got:
        assert ("Dat", "Plur") in noun_case_numbers(form)
        lemma = next(w.lemma for w in candidate_words("NOUN") if ("Dat", "Plur") in noun_case_numbers(form, w.lemma))
        assert noun_gender(lemma) == "n"


def test_noun_distractors_keep_one_form_across_open_readings() -> None:
    # "eine ___" is nominative or accusative: the distractor must read the same in both.
    readings = {("Nom", "Sing", "f"), ("Acc", "Sing", "f")}
    got = noun_distractors("Vertiefung", "Vertiefung", readings, exclude=set(), key="k2")
    assert got is not None
    for form in got:
        assert {("Nom", "Sing"), ("Acc", "Sing")} <= noun_case_numbers(form)
        assert abs(zipf(form) - zipf("Vertiefung")) <= MAX_ZIPF_GAP + 0.01


def test_words_of_the_text_and_abstract_nouns_are_never_offered() -> None:
    readings = {("Nom", "Sing", "f"), ("Acc", "Sing", "f")}
    first = noun_distractors("Partnerschaft", "Partnerschaft", readings, exclude=set(), key="k3")
    assert first is not None
    again = noun_distractors("Partnerschaft", "Partnerschaft", readings, exclude={first[0].lower()}, key="k3")
    assert again is not None and first[0] not in again
    for form in first + again:
        assert not form.endswith(("ung", "heit", "keit", "schaft", "ion"))


def test_distractors_are_stable_for_the_same_key() -> None:
    readings = {("Acc", "Sing", "m")}
    one = noun_distractors("Abzug", "Abzug", readings, exclude=set(), key="item-1")
    two = noun_distractors("Abzug", "Abzug", readings, exclude=set(), key="item-1")
    assert one == two


def test_no_distractor_shares_the_answers_field_in_the_glossary() -> None:
    # Kompanie is a military unit like Truppe: it would be right in "Abzug russischer ___".
    assert same_field(None, "Truppe", "Kompanie", "NOUN")
    assert not same_field(None, "Truppe", "Garage", "NOUN")
    readings = {("Gen", "Plur", None)}
    for key in ("a", "b", "c", "d", "e", "f"):
        got = noun_distractors("Truppe", "Truppen", readings, exclude=set(), key=key)
        assert got is not None and "Kompanien" not in got


def test_unknown_nouns_get_no_distractors() -> None:
    assert noun_distractors("Blorfung", "Blorfung", {("Nom", "Sing", "f")}, exclude=set(), key="x") is None


def test_adjective_distractors_carry_the_same_ending() -> None:
    got = adjective_distractors("chinesisch", "chinesischen", "en", exclude=set(), key="k")
    assert got is not None and all(form.endswith("en") for form in got)
    assert "großen" not in got and "hohen" not in got  # general adjectives often fit too
