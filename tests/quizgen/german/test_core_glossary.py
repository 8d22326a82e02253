"""The core glossary file: every line well-formed, the senses' notation, the sense choice."""

from __future__ import annotations

from importlib import resources

from quizgen.german.core_glossary import CoreEntry, all_entries, choose_sense, core_entry, parse_line, parse_senses


def test_every_line_of_the_shipped_core_glossary_parses() -> None:
    path = resources.files("quizgen") / "data" / "core_glossary.tsv"
    entries = [parse_line(line) for line in path.read_text(encoding="utf-8").splitlines()]
    found = [e for e in entries if e is not None]
    assert len(found) == len(all_entries()) >= 400
    assert all(1 <= len(e.senses) <= 3 for e in found)
    assert len({(e.lemma, e.pos) for e in found}) == len(found)  # no lemma twice


def test_every_noun_has_its_article_or_is_plural_only() -> None:
    nouns = [e for e in all_entries() if e.pos == "NOUN"]
    missing = [e.lemma for e in nouns if e.construction not in ("der", "die", "das") and "Pl." not in e.construction]
    assert len(missing) <= len(nouns) // 20, missing[:20]


def test_cues_and_prepositions_are_read_from_braces() -> None:
    senses = parse_senses("to visit | to attend {Schule Kurs +an}")
    assert senses[0].english == "to visit" and senses[0].cues == ()
    assert senses[1].english == "to attend" and senses[1].cues == ("schule", "kurs")
    assert senses[1].prepositions == ("an",)


def test_the_first_sense_is_the_default_and_a_cue_in_the_sentence_wins() -> None:
    entry = CoreEntry("besuchen", "VERB", "", parse_senses("to visit | to attend {Schule}"), "A1")
    assert choose_sense(entry)[1].english == "to visit"
    assert choose_sense(entry, sentence=frozenset({"Hochschule"}))[1].english == "to attend"
    # the article alone does not move a word off its everyday first sense ...
    assert choose_sense(entry, article=frozenset({"Schule"}))[1].english == "to visit"
    # ... but it decides between senses that all need a cue
    cued = CoreEntry("Band", "NOUN", "", parse_senses("volume {Buch} | band {Musik}"), "B1")
    assert choose_sense(cued, article=frozenset({"Musik"}))[1].english == "band"


def test_a_sense_that_wants_a_preposition_loses_without_it() -> None:
    entry = CoreEntry("sorgen", "VERB", "", parse_senses("to ensure {+für} | to worry {sich}"), "B1")
    assert choose_sense(entry, prepositions=frozenset({"für"}))[0] == 0
    assert choose_sense(entry, prepositions=frozenset(), sentence=frozenset({"sich"}))[0] == 1


def test_schaetzen_is_to_appreciate_an_initiative_and_to_estimate_a_number() -> None:
    # "Russland schätze die ... Friedensinitiative" (the seed) was glossed "to estimate"
    entry = core_entry("schätzen", "VERB")
    assert entry is not None
    assert choose_sense(entry, sentence=frozenset({"Russland", "Friedensinitiative"}))[1].english.startswith("to appreciate")
    assert choose_sense(entry, sentence=frozenset({"Schaden", "Millionen"}))[1].english == "to estimate"
