"""Behaviour of the forgiving answer check (quizgen.lesson.answer_check)."""

from __future__ import annotations

import pytest

from quizgen.lesson.answer_check import AnswerVerdict, check_answer, damerau_levenshtein, note_text


def test_a_letter_perfect_answer_is_right_and_exact():
    verdict = check_answer("Präsident", "Präsident")
    assert verdict == AnswerVerdict(True, True, None, "Präsident")


@pytest.mark.parametrize(
    ("given", "expected"),
    [("Praesident", "Präsident"), ("groesser", "größer"), ("Strasse", "Straße"),
     ("Buerger", "Bürger"), ("AEMTER", "Ämter")],
)
def test_it_accepts_ae_oe_ue_ss_for_umlauts_and_sharp_s(given, expected):
    verdict = check_answer(given, expected)
    assert verdict.correct and not verdict.exact
    assert verdict.note == "umlaut_spelling"


def test_it_forgives_capitalisation_with_a_note():
    verdict = check_answer("präsident", "Präsident")
    assert verdict.correct and not verdict.exact
    assert verdict.note == "capitalisation"


def test_capitalisation_counts_when_the_item_says_it_matters():
    verdict = check_answer("präsident", "Präsident", case_matters=True)
    assert not verdict.correct
    assert verdict.note == "capitalisation_matters"


def test_surrounding_whitespace_and_punctuation_are_ignored():
    verdict = check_answer('  „Moskau“. ', "Moskau")
    assert verdict.correct and verdict.exact


@pytest.mark.parametrize(
    ("given", "expected"),
    [("Regirung", "Regierung"), ("Mokau", "Moskau"), ("Kreml", "Kremel")],
)
def test_one_typo_in_a_word_of_three_to_nine_letters_is_right_with_a_note(given, expected):
    verdict = check_answer(given, expected)
    assert verdict.correct and not verdict.exact
    assert verdict.note == "typo"


def test_an_adjacent_swap_counts_as_one_typo():
    assert damerau_levenshtein("Besuhc", "Besuch") == 1
    assert check_answer("Besuhc", "Besuch").note == "typo"


def test_two_typos_in_a_short_word_are_wrong():
    verdict = check_answer("Regirunk", "Regierung")
    assert not verdict.correct


def test_two_typos_in_a_long_word_are_forgiven_but_three_are_not():
    assert check_answer("Zusammenarbiet", "Zusammenarbeit").correct  # swap: one typo
    assert check_answer("Zusamenarbiet", "Zusammenarbeit").correct  # two typos
    assert not check_answer("Zusamenarbiett", "Zusammenarbeit").correct  # three


def test_words_under_three_letters_get_no_typo():
    assert not check_answer("au", "an").correct


def test_an_accepted_alternative_is_right_and_names_the_texts_answer():
    verdict = check_answer("Putin", "der russische Präsident Wladimir Putin", accepted=("Putin",))
    assert verdict.correct and verdict.exact
    assert verdict.note == "accepted"
    assert "der russische Präsident Wladimir Putin" in note_text(verdict)


def test_accepted_alternatives_are_forgiven_like_the_answer():
    verdict = check_answer("Praesident Putin", "Wladimir Putin", accepted=("Präsident Putin",))
    assert verdict.correct and verdict.note == "umlaut_spelling"


def test_the_right_stem_with_the_wrong_ending_is_wrong_with_a_note():
    verdict = check_answer("Abzug", "Abzuges")
    assert not verdict.correct
    assert verdict.note == "wrong_ending"
    assert note_text(verdict) == "Right word, wrong ending: Abzuges"


def test_a_one_letter_ending_change_is_not_excused_as_a_typo():
    verdict = check_answer("schönen", "schöner")
    assert not verdict.correct and verdict.note == "wrong_ending"


def test_a_wrong_article_is_wrong_with_a_note_not_a_typo():
    verdict = check_answer("der", "den")
    assert not verdict.correct
    assert verdict.note == "wrong_article"


def test_a_wrong_article_before_the_right_noun_is_explained():
    verdict = check_answer("der Besuch", "den Besuch")
    assert not verdict.correct and verdict.note == "wrong_article"


def test_noun_capitalisation_is_not_the_point_in_an_ending_gap():
    verdict = check_answer("abzuges", "Abzuges")
    assert verdict.correct and verdict.note == "capitalisation"


def test_an_unrelated_word_is_simply_wrong():
    verdict = check_answer("Berlin", "Moskau")
    assert verdict == AnswerVerdict(False, False, None, "Moskau")


def test_an_empty_answer_is_wrong_and_says_so():
    verdict = check_answer("  ?! ", "Moskau")
    assert not verdict.correct and verdict.note == "empty"


def test_a_multi_word_answer_with_a_typo_in_one_word_is_right():
    verdict = check_answer("am Dienstg", "am Dienstag")
    assert verdict.correct and verdict.note == "typo"
