"""The one morphology: article, adjective and preposition tables and the readings they leave."""

from __future__ import annotations

from quizgen.german.conjugation import conjugate, is_separable, verb_form_features
from quizgen.german.morphology import (
    determiner_adjective_clash,
    adjective_ending,
    features_of_article,
    features_of_determiner,
    narrow,
    split_adjective_ending,
)
from quizgen.german.nouns import noun_features, noun_lemma


def test_it_reads_every_feature_of_an_article_form() -> None:
    assert features_of_article("des") == {("Gen", "Sing", "m"), ("Gen", "Sing", "n")}
    assert ("Dat", "Plur", None) in features_of_article("den")
    assert ("Acc", "Sing", "m") in features_of_article("den")
    assert features_of_article("einer") == {("Gen", "Sing", "f"), ("Dat", "Sing", "f")}


def test_it_declines_adjectives_weak_mixed_and_strong() -> None:
    assert adjective_ending(("Gen", "Sing", "m"), "weak") == "en"
    assert adjective_ending(("Nom", "Sing", "f"), "weak") == "e"
    assert adjective_ending(("Nom", "Sing", "m"), "mixed") == "er"
    assert adjective_ending(("Acc", "Sing", "n"), "mixed") == "es"
    assert adjective_ending(("Acc", "Sing", "m"), "mixed") == "en"
    assert adjective_ending(("Nom", "Plur", None), "mixed") == "en"  # keine neuen Ideen
    assert adjective_ending(("Dat", "Sing", "f"), "strong") == "er"
    assert adjective_ending(("Gen", "Plur", None), "strong") == "er"  # russischer Truppen
    assert adjective_ending(("Dat", "Sing", "n"), "strong") == "em"


def test_possessives_and_demonstratives_decline_like_ein_and_der() -> None:
    feats, declension = features_of_determiner("ihrer") or (frozenset(), "")
    assert declension == "mixed" and ("Gen", "Plur", None) in feats and ("Dat", "Sing", "f") in feats
    feats, declension = features_of_determiner("diesem") or (frozenset(), "")
    assert declension == "weak" and feats == {("Dat", "Sing", "m"), ("Dat", "Sing", "n")}
    assert features_of_determiner("und") is None


def test_the_noun_form_the_article_and_the_adjective_decide_the_case() -> None:
    feats = noun_features("Top-Diplomaten", "Top-diplomat")
    assert ("Gen", "Sing", "m") in feats and ("Nom", "Plur", None) in feats
    assert narrow(feats, determiner="des", adjectives=["chinesischen"]) == {("Gen", "Sing", "m")}
    # vor takes accusative or dative: dem decides here, without it both readings stay open.
    jahrestag = noun_features("Jahrestag", "Jahrestag")
    open_readings = narrow(jahrestag, preposition="vor")
    assert {f[0] for f in open_readings} == {"Dat", "Acc"}
    assert narrow(jahrestag, determiner="dem", preposition="vor") == {("Dat", "Sing", "m")}


def test_lexicon_spelling_of_hyphenated_lemmas() -> None:
    assert noun_lemma("Top-diplomat") == "Top-Diplomat"
    assert noun_lemma("Partnerschaft") == "Partnerschaft"


def test_it_splits_an_adjective_into_stem_and_ending() -> None:
    assert split_adjective_ending("chinesischen") == ("chinesisch", "en")
    assert split_adjective_ending("neue") == ("neu", "e")
    assert split_adjective_ending("gut") is None


def test_it_finds_tense_and_person_of_a_separable_verb_form() -> None:
    feats = verb_form_features("kündigte", "ankündigen")
    assert ("preterite", 2) in feats
    assert verb_form_features("ankündigte", "ankündigen")  # verb-final, particle joined
    assert conjugate("ankündigen", "preterite", 2) == "kündigte"
    assert conjugate("ankündigen", "preterite", 2, joined=True) == "ankündigte"
    assert is_separable("ankündigen") and not is_separable("vertiefen")


def test_konjunktiv_one_is_told_apart_in_the_third_person() -> None:
    feats = verb_form_features("freue", "freuen")
    assert ("konjunktiv1", 2) in feats and ("present", 2) not in feats


def test_an_adjective_ending_no_reading_of_its_determiner_allows_is_an_error_of_the_text() -> None:
    for det, adj in (("das", "englisches"), ("im", "vergangenem"), ("ein", "andere"), ("einem", "reine")):
        assert determiner_adjective_clash(det, adj), (det, adj)
    for det, adj in (("das", "englische"), ("im", "vergangenen"), ("ein", "anderes"), ("eine", "andere"),
                     ("den", "großen"), ("ein", "teurer"), ("die", "lila")):
        assert not determiner_adjective_clash(det, adj), (det, adj)
