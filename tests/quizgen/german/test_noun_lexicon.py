from __future__ import annotations

from quizgen.german.nouns import noun_case_numbers, noun_forms, noun_info, noun_lemmas_of_form


def test_it_knows_article_and_plural_of_seed_nouns() -> None:
    assert noun_info("Partnerschaft") is not None
    assert (noun_info("Partnerschaft").article, noun_info("Partnerschaft").plural) == ("die", "Partnerschaften")
    assert (noun_info("Abzug").article, noun_info("Abzug").plural) == ("der", "Abzüge")
    assert noun_info("Staatsgebiet").article == "das"


def test_it_inflects_hyphenated_compounds_like_their_last_part() -> None:
    info = noun_info("Moskau-Besuch")
    assert info is not None and info.article == "der" and info.plural == "Moskau-Besuche"


def test_it_gives_case_forms_and_reads_them_back() -> None:
    assert noun_forms("Abzug")[("Dat", "Plur")] == "Abzügen"
    assert ("Dat", "Plur") in noun_case_numbers("Abzügen")
    assert ("Nom", "Sing") not in noun_case_numbers("Abzügen")
    assert "Abzug" in noun_lemmas_of_form("Abzüge")


def test_it_says_none_for_unknown_words() -> None:
    assert noun_info("Quizgenwortxyz") is None
