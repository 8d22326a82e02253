"""HanTa's output corrected towards UD conventions: general lemma rules and learned tables."""

from __future__ import annotations

from quizgen.nlp.hanta_component import HantaRules
from quizgen.nlp.lemma_rules import fix_lemma
from quizgen.nlp.stts import hanta_to_stts


def test_a_hyphenated_compound_keeps_the_capital_after_the_hyphen():
    assert fix_lemma("Moskau-Besuchs", "NN", "Moskau-besuch") == "Moskau-Besuch"


def test_acronyms_and_names_are_their_own_lemma():
    assert fix_lemma("SPD", "NE", "Spd") == "SPD"
    assert fix_lemma("Thomann", "NE", "Thoman") == "Thomann"
    assert fix_lemma("Russland", "NE", "Rußland") == "Russland"


def test_a_genitive_name_loses_its_s():
    assert fix_lemma("Obamas", "NE", "Obama") == "Obama"


def test_hanta_punctuation_and_nominalisation_tags_become_stts():
    assert hanta_to_stts("$(") == "$("
    assert hanta_to_stts("VV(FIN)") == "VVFIN"
    assert hanta_to_stts("NNA") == "NN"
    assert hanta_to_stts("PAV") == "PROAV"


def test_learned_fixes_win_over_the_general_rules_and_upos_exceptions_over_the_tag_map():
    rules = HantaRules(
        lemma_fixes={"ihn\tPPER": "er"},
        upos={"PIS": "PRON"},
        upos_by_lemma={"PIS\tein": "DET"},
        defer_upos=frozenset({"ADJD"}),
    )
    assert rules.lemma("ihn", "PPER", "ihn") == "er"
    assert rules.lemma("ihm", "PPER", "ihm") == "ihm"
    assert rules.upos_for("PIS", "ein") == "DET"
    assert rules.upos_for("PIS", "alle") == "PRON"
    assert rules.upos_for("ADJD", "schnell") is None  # left to the morphologizer
    assert rules.upos_for("APPRART", "an") == "ADP"  # unseen tag: the standard map


def test_an_acronym_in_a_compound_keeps_its_case():
    assert fix_lemma("US-Präsidenten", "NN", "Us-Präsident") == "US-Präsident"
    assert fix_lemma("KHM-Spitze", "NN", "Khm-Spitze") == "KHM-Spitze"
    assert fix_lemma("iPhone-Nutzer", "NN", "Iphone-Nutzer") == "iPhone-Nutzer"
    assert fix_lemma("US-amerikanische", "ADJA", "us-amerikanisch") == "US-amerikanisch"
    assert fix_lemma("EU-weit", "ADJD", "eu-weit") == "EU-weit"


def test_an_acronym_keeps_its_case_whatever_the_tag():
    assert fix_lemma("iPhone-Tricks", "ADV", "iphone-tricks") == "iPhone-Tricks"
