"""The glossary: senses chosen by part of speech and context, compounds, honest gaps."""

from __future__ import annotations

import gzip
from importlib import resources

from quizgen.german.glossary import NO_GLOSS, gloss, split_compound


def test_it_glosses_common_words_with_their_main_sense() -> None:
    assert gloss("Partnerschaft", "NOUN").gloss == "partnership"
    assert gloss("ankündigen", "VERB").gloss == "to announce"
    assert gloss("Krise", "NOUN").gloss == "crisis"


def test_it_looks_up_reflexive_verbs_with_and_without_sich() -> None:
    glad, _ = gloss("sich freuen", "VERB")
    assert glad is not None and "glad" in glad
    developed, _ = gloss("entwickeln", "VERB")  # not listed alone: falls back to "sich entwickeln"
    assert developed is not None and "develop" in developed


def test_the_article_context_picks_the_military_sense_of_abzug() -> None:
    plain, _ = gloss("Abzug", "NOUN")
    war = frozenset({"Krieg", "Truppe", "truppen", "Waffe", "Einmarsch", "Soldat", "Armee", "Angriff", "Front"})
    military, note = gloss("Abzug", "NOUN", context_lemmas=war)
    assert plain == "discount"
    assert military is not None and "pull-out" in military
    assert note is not None and "uncertain" in note  # trigger is military too: it says so


def test_an_adjective_token_prefers_adjective_senses() -> None:
    assert gloss("vollständig", "ADJ").gloss == "complete"


def test_an_unknown_compound_is_glossed_word_by_word_and_says_so() -> None:
    found, note = gloss("Friedensinitiative", "NOUN")
    assert found == "peace initiative"
    assert note is not None and "from its parts (Frieden + Initiative)" in note
    assert gloss("Ukraine-Krieg", "NOUN").gloss == "Ukraine war"  # a name part stays as it is


def test_a_word_without_entry_gets_no_invented_gloss() -> None:
    assert gloss("Xyzquatsch", "NOUN") == (None, NO_GLOSS)
    assert gloss("blorfen", "VERB") == (None, NO_GLOSS)


def test_participle_adjectives_borrow_the_verbs_gloss() -> None:
    found, note = gloss("angekündigt", "ADJ")
    assert found == "to announce" and note is not None and "participle of ankündigen" in note
    assert "participle of steigen" in (gloss("gestiegen", "ADJ").note or "")  # strong verb, via ablaut
    assert "participle of anbieten" in (gloss("angeboten", "ADJ").note or "")
    assert "participle of verkaufen" in (gloss("verkauft", "ADJ").note or "")  # no ge- after ver-


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


def test_the_shipped_glossary_states_its_licence_and_is_small() -> None:
    path = resources.files("quizgen") / "data" / "glossary.tsv.gz"
    assert len(path.read_bytes()) < 1_000_000
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        header = [next(fh) for _ in range(4)]
    assert any("GPL" in line and "later" in line for line in header)
    assert any("Ding" in line for line in header)


def test_the_clauses_preposition_picks_the_verbs_sense() -> None:
    with_mit, _ = gloss("rechnen", "VERB", context_lemmas=frozenset({"+", "+mit"}))
    without, _ = gloss("rechnen", "VERB", context_lemmas=frozenset({"+"}))
    assert with_mit is not None and ("reckon" in with_mit or "figure on" in with_mit)
    assert without == "to count"


def test_common_first_parts_are_glossed_as_in_compounds() -> None:
    assert gloss("Bundespräsidentschaftswahl", "NOUN").gloss == "federal presidential elections"
    assert gloss("Staatsagentur", "NOUN").gloss == "state agency"
