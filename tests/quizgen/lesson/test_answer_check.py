"""Behaviour of the forgiving answer check (quizgen.lesson.answer_check)."""

from __future__ import annotations

import pytest

from quizgen.lesson.answer_check import AnswerVerdict, check_answer, damerau_levenshtein, note_text


def test_a_letter_perfect_answer_is_right_and_exact():
    verdict = check_answer("Präsident", "Präsident")
    assert verdict == AnswerVerdict(True, True, None, "Präsident")


@pytest.mark.parametrize(
    ("given", "expected"),
    [("Praesident", "Präsident"), ("groesser", "größer"), ("Buerger", "Bürger"), ("AEMTER", "Ämter")],
)
def test_it_accepts_ae_oe_ue_for_umlauts(given, expected):
    verdict = check_answer(given, expected)
    assert verdict.correct and not verdict.exact
    assert verdict.note == "umlaut_spelling"


@pytest.mark.parametrize(("given", "expected"), [("hiess", "hieß"), ("Strasse", "Straße"), ("STRASSE", "Straße")])
def test_ss_for_sharp_s_is_right_and_named_as_sharp_s_not_as_an_umlaut(given, expected):
    """Regression (issue 14): "hiess" was told "With umlauts it is spelled: hieß"; ß is no umlaut."""
    verdict = check_answer(given, expected)
    assert verdict.correct and verdict.note == "sharp_s_spelling"
    assert note_text(verdict) == f"Right. With ß it is spelled: {expected}"


@pytest.mark.parametrize(("given", "expected"), [("Kündigte", "kündigte"), ("Am Mittwoch", "am Mittwoch")])
def test_a_capital_at_the_start_of_the_answer_is_not_a_mistake(given, expected):
    """Regression (issue 14): a capital at the start (a phone puts one there) gave "Mind the capitals"."""
    assert check_answer(given, expected) == AnswerVerdict(True, True, None, expected)


def test_a_capital_at_the_start_counts_where_capitalisation_is_the_point():
    assert not check_answer("Kündigte", "kündigte", case_matters=True).correct


@pytest.mark.parametrize(("given", "expected"), [("Bedeutun", "Bedeutung"), ("Entwicklun", "Entwicklung")])
def test_a_word_cut_short_is_not_forgiven_as_a_typo(given, expected):
    """Regression (issue 14): "Bedeutun" counted as fully right for "Bedeutung"."""
    verdict = check_answer(given, expected)
    assert not verdict.correct and verdict.note == "incomplete"


def test_a_typo_inside_the_word_is_still_forgiven():
    assert check_answer("Bedeutnug", "Bedeutung").correct


@pytest.mark.parametrize(("given", "expected"), [("die Forschungsanlage", "Forschungsanlage"),
                                                 ("erste Plasma", "das erste Plasma"),
                                                 ("Forschungsanlage", "die Forschungsanlage")])
def test_a_leading_article_may_be_given_or_left_out(given, expected):
    """Regression (issue 14): "die Forschungsanlage" was wrong for "Forschungsanlage" while
    "erste Plasma" was right for "das erste Plasma"."""
    verdict = check_answer(given, expected)
    assert verdict.correct and verdict.note is None


def test_a_different_leading_article_is_still_a_wrong_article():
    assert check_answer("der erste Plasma", "das erste Plasma").note == "wrong_article"


def test_an_article_answer_does_not_take_a_noun_with_it():
    assert not check_answer("die Forschungsanlage", "die").correct


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
