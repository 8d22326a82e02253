"""Open, choice and word-bank gaps on hand-built analyses."""

from __future__ import annotations

from quizgen.cloze import get_kind
from quizgen.cloze.base import ClozeContext
from quizgen.german.nouns import noun_case_numbers
from quizgen.pack import ClozeItem, VocabEntry
from quizgen.cloze.open_gap import _too_easy

from tests.quizgen.cloze_records import analysis_of, w

ABZUG = [
    w("Die", "der", "ART"), w("Ukraine", "Ukraine", "NE"), w("fordert", "fordern", "VVFIN"),
    w("den", "der", "ART"), w("vollständigen", "vollständig", "ADJA"), w("Abzug", "Abzug", "NN"),
    w("russischer", "russisch", "ADJA"), w("Truppen", "Truppe", "NN"), w("von", "von", "APPR"),
    w("ihrem", "ihr", "PPOSAT"), w("Staatsgebiet", "Staatsgebiet", "NN"), w(".", ".", "$."),
]  # fmt: skip
PARTNER = [
    w("Sie", "sie", "PPER"), w("treiben", "treiben", "VVFIN"), w("eine", "ein", "ART"),
    w("Vertiefung", "Vertiefung", "NN"), w("ihrer", "ihr", "PPOSAT"),
    w("Partnerschaft", "Partnerschaft", "NN"), w("voran", "voran", "PTKVZ"), w(".", ".", "$."),
]  # fmt: skip
UNTERSUCHUNG = [
    w("Die", "der", "ART"), w("Polizei", "Polizei", "NN"), w("bestätigte", "bestätigen", "VVFIN"),
    w("am", "an", "APPRART"), w("Montag", "Montag", "NN"), w("nach", "nach", "APPR"), w("dem", "der", "ART"),
    w("Unfall", "Unfall", "NN"), w("eine", "ein", "ART"), w("zweite", "zweit", "ADJA"),
    w("Untersuchung", "Untersuchung", "NN"), w(".", ".", "$."),
]  # fmt: skip
GESPRAECH = [
    w("Bei", "bei", "APPR"), w("einem", "ein", "ART"), w("Gespräch", "Gespräch", "NN"),
    w("mit", "mit", "APPR"), w("dem", "der", "ART"), w("russischen", "russisch", "ADJA"),
    w("Außenminister", "Außenminister", "NN"), w("Sergej", "Sergej", "NE"),
    w("Lawrow", "Lawrow", "NE"), w("lachte", "lachen", "VVFIN"), w("Wang", "Wang", "NE"), w(".", ".", "$."),
]  # fmt: skip


def candidates(kind: str, sentences, *, level: str = "B2", vocabulary=(), **kwargs) -> list[ClozeItem]:  # type: ignore[no-untyped-def]
    ctx = ClozeContext(analysis=analysis_of(sentences, **kwargs), level=level, vocabulary=tuple(vocabulary))
    return [c.item for c in get_kind(kind).candidates(ctx)]


def entry(lemma: str, gloss: str) -> VocabEntry:
    return VocabEntry(lemma=lemma, display=lemma, pos="NOUN", gender=None, plural=None, gloss=gloss,
                      gloss_note=None, zipf=3.0, cefr="B2", band=3, count=1, example="", sentence=0)  # fmt: skip


def test_open_gap_on_an_inflected_word_gives_first_letter_length_and_sense() -> None:
    glossed = [entry("vollständig", "complete"), entry("Truppe", "troops")]
    found = {i.answer: i for i in candidates("open", [ABZUG], vocabulary=glossed)}
    assert found["vollständigen"].hint == "v… (13 Buchstaben; engl. complete)"
    assert found["vollständigen"].text == "Die Ukraine fordert den ___ Abzug russischer Truppen von ihrem Staatsgebiet."
    # "russischer ___": Truppe (genitive singular) would be grammatical too.
    assert "Truppen" not in found
    # never the lemma: it spells the answer
    assert all(i.hint and "vollständig " not in i.hint for i in found.values())


def test_open_gap_needs_a_sure_gloss_that_does_not_spell_the_answer() -> None:
    plain = {i.answer for i in candidates("open", [ABZUG])}
    assert "Staatsgebiet" not in plain and "vollständigen" not in plain  # nothing helps without telling
    glossed = {i.answer: i for i in candidates("open", [ABZUG], vocabulary=[entry("Staatsgebiet", "national territory")])}
    assert glossed["Staatsgebiet"].hint == "S… (12 Buchstaben; engl. national territory)"
    # an English cognate spells the German word (edit distance 2 or the same first five letters)
    cognate = {i.answer for i in candidates("open", [ABZUG], vocabulary=[entry("Staatsgebiet", "staatsgebeit")])}
    assert "Staatsgebiet" not in cognate
    # "den vollständigen ___" could be Abzug or Abzügen: no open gap even with a gloss.
    assert "Abzug" not in {i.answer for i in candidates("open", [ABZUG], vocabulary=[entry("Abzug", "withdrawal")])}


def test_open_gaps_at_low_levels_need_a_word_met_twice_or_very_common() -> None:
    rare = [(t if t[0] != "vollständigen" else w("heimlichen", "heimlich", "ADJA")) for t in ABZUG]
    glossed = [entry("heimlich", "secret"), entry("vollständig", "complete")]
    low = {i.answer for i in candidates("open", [rare], level="A2", vocabulary=glossed)}
    assert "heimlichen" not in low  # below Zipf 4.5 and only here
    assert "heimlichen" in {i.answer for i in candidates("open", [rare], level="B2", vocabulary=glossed)}
    assert "heimlichen" in {i.answer for i in candidates("open", [rare, rare], level="A2", vocabulary=glossed)}
    assert "vollständigen" in {i.answer for i in candidates("open", [ABZUG], level="A2", vocabulary=glossed)}


def test_open_gaps_skip_names_and_titles_before_names() -> None:
    found = {i.answer for i in candidates("open", [GESPRAECH])} | {i.answer for i in candidates("choice", [GESPRAECH])}
    assert not found & {"Außenminister", "Sergej", "Lawrow", "Wang"}


def test_choice_offers_three_nouns_of_the_same_form_and_field_and_none_from_the_text() -> None:
    found = {i.answer: i for i in candidates("choice", [UNTERSUCHUNG], vocabulary=[entry("Untersuchung", "examination")])}
    item = found["Untersuchung"]
    assert len(item.options) == 4 and len(set(item.options)) == 4 and "Untersuchung" in item.options
    text_words = {t.lower() for t in item.text.replace(".", "").split()}
    for option in item.options:
        assert option.lower() not in text_words or option == "Untersuchung"
        assert ("Acc", "Sing") in noun_case_numbers(option)


def test_choice_options_are_shuffled_the_same_way_every_run() -> None:
    glossed = [entry("Untersuchung", "examination")]
    one = [i.options for i in candidates("choice", [UNTERSUCHUNG], vocabulary=glossed)]
    assert one and one == [i.options for i in candidates("choice", [UNTERSUCHUNG], vocabulary=glossed)]


def test_choice_never_asks_an_adjective() -> None:
    assert all(i.pos == "NOUN" for i in candidates("choice", [ABZUG, PARTNER]))


def test_word_bank_gaps_cannot_be_swapped_by_form() -> None:
    sentences = [ABZUG, PARTNER, GESPRAECH]
    # extras only for derived abstract nouns (quizgen.lesson.distractors.options_for): Vertiefung
    found = candidates("wordbank", sentences, vocabulary=[entry("Vertiefung", "intensification")])
    assert found, "three sentences with fitting nouns make a word bank"
    item = found[0]
    assert item.text.count("___") == len(item.answers) >= 3
    assert set(item.answers) < set(item.options)
    assert 1 <= len(item.options) - len(item.answers) <= 2
    assert item.answer == " | ".join(item.answers)


def test_choice_needs_a_sentence_long_enough_to_rule_the_distractors_out() -> None:
    short = [w("Danach", "danach", "ADV"), w("flüchtete", "flüchten", "VVFIN"), w("die", "der", "ART"),
             w("Gruppe", "Gruppe", "NN"), w(".", ".", "$.")]  # fmt: skip
    assert candidates("choice", [short]) == []
    assert candidates("choice", [UNTERSUCHUNG], vocabulary=[entry("Untersuchung", "examination")])  # eleven words


def test_no_gloss_hint_for_a_nominalised_verb() -> None:
    sentence = [w("Everton", "Everton", "NE"), w("gab", "geben", "VVFIN"), w("Bournemouth", "Bournemouth", "NE"),
                w("das", "der", "ART"), w("Nachsehen", "Nachsehen", "NN"), w(".", ".", "$.")]  # fmt: skip
    found = candidates("open", [sentence], vocabulary=[entry("Nachsehen", "eyesight")])
    assert "Nachsehen" not in {i.answer for i in found}


def test_from_b1_on_an_open_gap_never_asks_a_basic_word() -> None:
    # Menschen (engl. people), Krieg (engl. war): with the hint a translation (graded draw 4)
    assert _too_easy("Mensch", "NOUN") and _too_easy("Krieg", "NOUN") and _too_easy("Fleisch", "NOUN")
    assert not _too_easy("Vereinbarung", "NOUN") and not _too_easy("Annäherung", "NOUN")
