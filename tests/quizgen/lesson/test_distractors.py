"""Distractors fit the gap's grammar, share the answer's semantic class and never fit the gap."""

from __future__ import annotations

from dataclasses import replace

from quizgen.german.nouns import noun_case_numbers, noun_gender
from quizgen.lesson.distractors import (
    MAX_ZIPF_ABOVE,
    MAX_ZIPF_GAP,
    MIN_CLASS_CONFIDENCE,
    NounSlot,
    TopicNoun,
    candidate_words,
    collocates,
    noun_distractors,
    options_for,
    shares_gloss,
    zipf,
)
from quizgen.lesson.semantic_classes import gloss_class, near_in_tree, word_class


def slot(lemma: str, form: str, readings, *, gloss: str | None = None, frames=frozenset(), sentence=frozenset()):
    return NounSlot(lemma=lemma, form=form, readings=readings,
                    word_class=gloss_class(gloss, "NOUN") if gloss else word_class(lemma, "NOUN"),
                    sentence=frozenset(sentence), frames=frozenset(frames), gloss=gloss)


def test_candidate_lists_hold_checked_words_of_each_class() -> None:
    nouns = {w.lemma for w in candidate_words("NOUN")}
    assert {"Haus", "Partnerschaft", "Garage"} <= nouns
    assert "NASA" not in nouns and "Guardian" not in nouns  # acronyms, names


def test_distractors_take_gender_form_and_the_answers_semantic_class() -> None:
    readings = {("Dat", "Plur", None)}
    answer = slot("Untersuchung", "Untersuchungen", readings, gloss="examination")
    got = noun_distractors(answer, exclude=set(), key="k1")
    assert got is not None and len(set(got)) == 3
    for form in got:
        assert ("Dat", "Plur") in noun_case_numbers(form)
        lemma = next(w.lemma for w in candidate_words("NOUN") if ("Dat", "Plur") in noun_case_numbers(form, w.lemma))
        assert noun_gender(lemma) == "f"
        found = word_class(lemma, "NOUN")
        assert found.name == "act" and found.confidence >= MIN_CLASS_CONFIDENCE  # an examination is an act
        assert zipf(lemma) <= zipf("Untersuchung") + MAX_ZIPF_ABOVE + 0.01  # never a more general word


def test_distractors_keep_one_form_across_open_readings_and_the_frequency() -> None:
    # "eine ___" is nominative or accusative: the distractor must read the same in both.
    readings = {("Nom", "Sing", "f"), ("Acc", "Sing", "f")}
    got = noun_distractors(slot("Forderung", "Forderung", readings, gloss="demand"), exclude=set(), key="k2")
    assert got is not None
    for form in got:
        assert {("Nom", "Sing"), ("Acc", "Sing")} <= noun_case_numbers(form)
        assert abs(zipf(form) - zipf("Forderung")) <= MAX_ZIPF_GAP + 0.01


def test_no_synonym_no_near_word_and_nothing_sensitive() -> None:
    # Rückzug means what Abzug means (withdrawal); Moschee, Kirche, Türke are never distractors.
    assert shares_gloss("Abzug", "withdrawal; pull-out", "Rückzug")
    invasion, attack = gloss_class("invasion", "NOUN"), gloss_class("attack", "NOUN")
    assert invasion.too_close(attack) or near_in_tree(invasion, attack)  # an invasion is an attack
    assert word_class("Moschee", "NOUN").sensitive and word_class("Türke", "NOUN").sensitive
    assert shares_gloss("Truppe", None, "Kompanie")
    assert not shares_gloss("Truppe", None, "Garage")


def test_the_articles_own_words_come_first_unless_they_frame_the_gap_alike() -> None:
    readings = {("Acc", "Sing", "f")}
    answer = slot("Annexion", "Annexion", readings, gloss="annexation", frames={"völkerrechtswidrig", "verurteilen"})
    blockade = TopicNoun("Blockade", "f", gloss_class("blockade", "NOUN"), zipf("Blockade"), frozenset({"russisch"}))
    got = noun_distractors(answer, exclude={"blockade"}, key="k", topic=(blockade,), n=1)
    assert got == ("Blockade",)  # a word of the text, offered because it is the article's own
    framed = TopicNoun("Blockade", "f", blockade.word_class, blockade.zipf, frozenset({"verurteilen"}))
    again = noun_distractors(answer, exclude={"blockade"}, key="k", topic=(framed,), n=1)
    assert again is None or "Blockade" not in again


def test_a_word_the_dictionary_puts_with_the_gaps_verb_is_left_out() -> None:
    # Ding names übernehmen beside Verantwortung: with übernehmen framing the gap it may fit.
    answer = slot("Führung", "Führung", {("Acc", "Sing", "f")}, gloss="leadership", frames={"übernehmen"})
    assert collocates(answer, "Verantwortung")
    assert not collocates(answer, "Garage")


def test_distractors_are_stable_for_the_same_key_and_words_of_the_text_are_left_out() -> None:
    readings = {("Nom", "Sing", "f"), ("Acc", "Sing", "f")}
    answer = slot("Forderung", "Forderung", readings, gloss="demand")
    one = noun_distractors(answer, exclude=set(), key="item-1")
    assert one == noun_distractors(answer, exclude=set(), key="item-1")
    assert one is not None
    again = noun_distractors(answer, exclude={one[0].lower()}, key="item-1")
    assert again is not None and one[0] not in again


def test_person_answers_and_unknown_nouns_get_no_options() -> None:
    assert noun_distractors(slot("Blorfung", "Blorfung", {("Nom", "Sing", "f")}), exclude=set(), key="x") is None
    # a colleague, a passer-by, an engineer stand in for each other in almost any slot
    assert noun_distractors(slot("Ingenieur", "Ingenieur", {("Nom", "Sing", "m")}, gloss="engineer"),
                            exclude=set(), key="x") is None
    # a fixed phrase: unter die Lupe nehmen
    lupe = slot("Lupe", "Lupe", {("Acc", "Sing", "f")}, gloss="magnifying glass", frames={"unter", "nehmen"})
    assert noun_distractors(lupe, exclude=set(), key="x") is None


def test_only_classes_where_a_wrong_word_can_be_plausible_get_options() -> None:
    # a wrong medium fits where a medium does (ein neues Video / Heft zeigt): only derived
    # abstract nouns, which carry their verb's frame, get options
    assert not options_for(slot("Video", "Video", {("Nom", "Sing", "n")}, gloss="video"))
    assert options_for(slot("Gründung", "Gründung", {("Dat", "Sing", "f")}, gloss="founding"))
    # an artifact among artifacts (Koffer / Teppich for Raum) or a group among groups (Tabelle /
    # Spezies for Koalition) is absurd: no options; nor for a class the gloss only guesses
    assert noun_distractors(slot("Kamera", "Kameras", {("Dat", "Plur", None)}, gloss="camera"), exclude=set(), key="x") is None
    assert noun_distractors(slot("Koalition", "Koalition", {("Acc", "Sing", "f")}, gloss="coalition"), exclude=set(), key="x") is None
    guessed = slot("Abkommen", "Abkommen", {("Acc", "Sing", "n")}, gloss="agreement")
    assert guessed.word_class is not None and guessed.word_class.confidence < MIN_CLASS_CONFIDENCE
    assert not options_for(guessed)


def test_a_bare_noun_after_a_preposition_of_place_gets_no_options() -> None:
    # an die Adresse von, aus der Distanz, auf dem Konto: fixed phrases, nothing to choose from
    readings = {("Dat", "Sing", "f")}
    bare = slot("Untersuchung", "Untersuchung", readings, gloss="examination")
    assert options_for(bare)
    assert not options_for(replace(bare, preposition="aus"))
    assert options_for(replace(bare, preposition="aus", modified=True))
    assert options_for(replace(bare, preposition="wegen"))
