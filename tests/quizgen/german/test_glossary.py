"""The glossary: the core glossary first, then Ding's senses chosen by the sentence and the
article, compounds, participles, a confidence on every gloss and honest gaps."""

from __future__ import annotations

import gzip
from importlib import resources

from quizgen.german.compounds import compound_use, two_part_split
from quizgen.german.glossary import HIGH, LOW, NO_GLOSS, gloss, split_compound


def test_it_glosses_common_words_with_their_main_sense() -> None:
    assert gloss("Partnerschaft", "NOUN").gloss == "partnership"
    assert gloss("ankündigen", "VERB").gloss == "to announce"
    assert gloss("Krise", "NOUN").gloss == "crisis"


def test_core_glossary_words_are_glossed_with_high_confidence() -> None:
    found = gloss("Regierung", "NOUN")
    assert found.gloss == "government" and found.confidence == HIGH and found.note is None


def test_the_sentence_chooses_among_the_core_senses() -> None:
    assert gloss("besuchen", "VERB").gloss == "to visit"
    school = gloss("besuchen", "VERB", sentence_lemmas=frozenset({"Schule", "Kind"}))
    assert school.gloss == "to attend"
    assert gloss("Wahl", "NOUN", sentence_lemmas=frozenset({"Partei", "Stimme"})).gloss == "election"


def test_the_clauses_preposition_chooses_the_reflexive_verbs_sense() -> None:
    agree = gloss("sich verständigen", "VERB", context_lemmas=frozenset({"+", "+auf"}))
    assert agree.gloss == "to agree (on)" and agree.construction == "(auf + Akk.)"
    talk = gloss("sich verständigen", "VERB", context_lemmas=frozenset({"+", "+mit"}))
    assert talk.gloss is not None and "communicate" in talk.gloss


def test_it_looks_up_reflexive_verbs_with_and_without_sich() -> None:
    glad = gloss("sich freuen", "VERB").gloss
    assert glad is not None and ("glad" in glad or "happy" in glad or "pleased" in glad)
    developed = gloss("entwickeln", "VERB").gloss
    assert developed is not None and "develop" in developed


def test_the_article_context_picks_the_military_sense_of_a_dictionary_word() -> None:
    war = frozenset({"Krieg", "Truppe", "truppen", "Waffe", "Einmarsch", "Soldat", "Armee", "Angriff", "Front"})
    military = gloss("Abzug", "NOUN", context_lemmas=war)
    assert military.gloss is not None and ("withdrawal" in military.gloss or "pull-out" in military.gloss)


def test_an_ung_noun_gets_the_sense_that_names_its_verbs_action() -> None:
    assert gloss("Vertiefung", "NOUN").gloss == "deepening"  # not hollow, pit or well


def test_an_adjective_token_prefers_adjective_senses() -> None:
    assert gloss("vollständig", "ADJ").gloss == "complete; completely"


def test_a_compound_of_sure_parts_becomes_an_english_compound() -> None:
    visit = gloss("Moskau-Besuch", "NOUN")
    assert visit.gloss == "Moscow visit" and visit.confidence == HIGH  # the name in English
    assert gloss("Ukraine-Krieg", "NOUN").gloss == "Ukraine war"
    assert gloss("Friedensinitiative", "NOUN").gloss == "peace initiative"  # Ding's own entry


def test_a_compound_with_an_unsure_part_shows_its_parts_and_is_marked() -> None:
    found = gloss("Blorfenwahl", "NOUN")
    assert found.gloss is None or (found.confidence == LOW and "Wahl (" in found.gloss)


def test_a_word_without_entry_gets_no_invented_gloss() -> None:
    assert gloss("Xyzquatsch", "NOUN")[:2] == (None, NO_GLOSS)
    assert gloss("blorfen", "VERB")[:2] == (None, NO_GLOSS)
    assert gloss("Xyzquatsch", "NOUN").confidence is None


def test_participle_adjectives_get_an_english_participle() -> None:
    found = gloss("angekündigt", "ADJ")
    assert found.gloss == "announced" and "participle of ankündigen" in (found.note or "")
    assert "participle of steigen" in (gloss("gestiegen", "ADJ").note or "")  # strong verb, via ablaut
    assert gloss("angeboten", "ADJ").gloss == "offered"  # the core glossary has the adjective


def test_it_splits_compounds_into_common_parts() -> None:
    assert split_compound("Grundvoraussetzung") == ("Grund", "Voraussetzung")
    assert split_compound("Staatsgebiet") == ("Staat", "Gebiet")
    assert split_compound("Jahrestag") == ("Jahr", "Tag")  # not Jahr|Stag
    assert split_compound("Außenministeriumssprecherin") == ("Außenministerium", "Sprecherin")
    assert split_compound("Arbeitslosenquote") == ("arbeitslos", "Quote")  # fewer parts win a tie
    assert split_compound("Top-Diplomat") == ("Top", "Diplomat")


def test_common_and_suffixed_words_stay_whole() -> None:
    assert split_compound("Dialog") == ("Dialog",)
    assert split_compound("Partnerschaft") == ("Partnerschaft",)


def test_the_shipped_dictionary_states_its_licence_keeps_rare_compounds_and_is_under_8_mb() -> None:
    path = resources.files("quizgen") / "data" / "glossary.tsv.gz"
    assert len(path.read_bytes()) < 8_000_000
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        header = [next(fh) for _ in range(4)]
    assert any("GPL" in line and "later" in line for line in header)
    assert any("Ding" in line for line in header)
    assert gloss("Aalfischerei", "NOUN").gloss == "eel fishing"  # rare, but Ding has it


def test_a_compound_of_a_word_and_a_word_with_a_linking_s_keeps_its_parts_whole() -> None:
    found = gloss("Landratsamt", "NOUN")
    assert found.gloss is not None and "velvet" not in found.gloss and "office" in found.gloss


def test_a_womans_noun_without_entry_is_glossed_as_the_mans() -> None:
    assert gloss("Fahrerin", "NOUN").gloss == "driver"


def test_common_first_parts_are_glossed_as_in_compounds() -> None:
    assert gloss("Staatsagentur", "NOUN").gloss == "state agency"


def test_a_compound_splits_into_two_words_with_entries() -> None:
    assert two_part_split("Lebensmittelbereich")[::2] == ("Lebensmittel", "Bereich")  # not Leben|Mittel|Bereich
    assert two_part_split("Übergangsregierung")[::2] == ("Übergang", "Regierung")
    assert two_part_split("Landratsamt")[::2] == ("Landrat", "Amt")  # not Landrat|Samt
    assert two_part_split("Gesetzesänderung")[::2] == ("Gesetz", "Änderung")
    assert two_part_split("US-Speicherchip-Produzent") == ("US-Speicherchip", "COMPOUND", "Produzent", "US-Speicherchip")
    assert two_part_split("Facebook-Seite")[:2] == ("Facebook", "NAME")  # a name stays a name


def test_a_part_is_glossed_as_dings_compounds_use_it() -> None:
    annual = compound_use("Jahr", "mod")  # Jahresbericht: annual report
    assert annual is not None and annual.english == "annual" and annual.sure
    assert gloss("Jahresumsatz", "NOUN").gloss == "annual turnover"
    transitional = compound_use("Übergang", "mod")  # usable, but not sure enough on its own
    assert transitional is not None and transitional.english == "transitional" and not transitional.sure
    shown = gloss("Übergangsregierung", "NOUN")  # so the parts are shown, with their own glosses
    assert shown.confidence == LOW and "Übergang (transition)" in (shown.gloss or "")


def test_the_core_glossarys_sense_of_a_head_beats_the_compounds_usual_one() -> None:
    found = gloss("Handtor", "NOUN")  # -tor is mostly "gate" in Ding's compounds; the core says goal
    assert found.confidence == LOW and "Tor (goal)" in (found.gloss or "")


def test_a_head_of_pattern_follows_only_a_noun() -> None:
    assert gloss("IS-Chef", "NOUN").gloss == "IS head"  # an acronym goes first, as in English (US president)
    assert gloss("Vize-Chef", "NOUN").gloss == "vice head"  # not "head of vice"
    assert gloss("Fremdeinfluss", "NOUN").gloss == "foreign influence"


def test_a_compound_of_names_and_abbreviations_keeps_them() -> None:
    assert gloss("EU-Armee", "NOUN").gloss == "EU army"
    assert gloss("US-Speicherchip-Produzent", "NOUN").gloss == "US memory chip producer"


def test_a_compound_whose_parts_are_unsure_is_shown_split_and_marked() -> None:
    found = gloss("Tatobjekt", "NOUN")  # Tat- compounds are rarely "act ..."
    assert found.confidence == LOW and found.gloss is not None and " + " in found.gloss
    assert "act object" not in found.gloss


def test_a_participle_adjective_gets_the_participle_of_its_verbs_sense() -> None:
    assert gloss("verbessert", "ADJ").gloss == "improved"  # Ding's adjective: enhanced
    assert gloss("wachsend", "ADJ").gloss == "growing"  # a present participle
    assert gloss("gelassen", "ADJ").gloss == "calm; composed"  # a lexicalised adjective keeps Ding's sense


def test_a_verb_used_as_a_noun_gets_the_ing_form() -> None:
    found = gloss("Verhindern", "NOUN")
    assert found.gloss == "preventing" and "used as a noun" in (found.note or "")


def test_an_english_loan_word_is_glossed_as_itself() -> None:
    assert gloss("Provider", "NOUN").gloss == "provider"


def test_hyphenated_adjectives_are_glossed_part_by_part() -> None:
    assert gloss("österreichisch-deutsch", "ADJ").gloss == "Austrian-German"
