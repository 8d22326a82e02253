"""Questions from nominalised events: the deverbal-noun lexicon and its derivation rules."""

from __future__ import annotations

import pytest

from quizgen.questions import nominalised_events
from quizgen.questions.nominalised_events import lookup
from tests.quizgen.question_records import build


@pytest.mark.parametrize(
    ("noun", "verb", "compound"),
    [
        ("Besuch", "besuchen", ""),
        ("Moskau-Besuch", "besuchen", "Moskau"),
        ("Staatsbesuch", "besuchen", ""),
        ("China-Reise", "reisen", "China"),
        ("Truppenabzug", "abziehen", ""),
        ("Rücktritt", "zurücktreten", ""),
        ("Wiederwahl", "wiederwählen", ""),
    ],
)
def test_it_finds_deverbal_nouns_and_compounds_in_the_lexicon(noun: str, verb: str, compound: str) -> None:
    found = lookup(noun)
    assert found is not None and found[0].verb == verb and found[1] == compound


def test_it_leaves_other_nouns_alone() -> None:
    assert lookup("Partnerschaft") is None
    assert lookup("Rede") is not None and lookup("Fernrede") is not None


def _generate(sentence: str) -> dict[str, str]:
    return {c.question: c.answer_short for c in nominalised_events.generate(build([sentence], []))}


def test_it_asks_who_visited_from_a_compound_and_a_genitive_agent() -> None:
    sentence = "bei/APPR einem/ART Moskau-Besuch/NN des/ART chinesischen/ADJA Top-Diplomaten/NN/Top-Diplomat Wang/NE Yi/NE ./$."
    assert _generate(sentence) == {"Wer besuchte Moskau?": "Wang Yi"}


def test_it_puts_the_agent_in_the_nominative() -> None:
    sentence = "bei/APPR einem/ART Moskau-Besuch/NN des/ART chinesischen/ADJA Top-Diplomaten/NN/Top-Diplomat Wang/NE Yi/NE ./$."
    cand = nominalised_events.generate(build([sentence], []))[0]
    assert cand.answer == "der chinesische Top-Diplomat Wang Yi"


def test_it_keeps_the_goal_of_a_journey() -> None:
    sentence = "Nach/APPR der/ART Reise/NN der/ART Kanzlerin/NN Angela/NE Merkel/NE nach/APPR Peking/NE ./$."
    assert _generate(sentence) == {"Wer reiste nach Peking?": "Angela Merkel"}


def test_it_asks_about_the_patient_of_an_election_in_the_passive() -> None:
    sentence = "Die/ART Wahl/NN des/ART Politikers/NN/Politiker Hans/NE Meier/NE zum/APPRART Bürgermeister/NN ./$."
    assert _generate(sentence) == {"Wer wurde zum Bürgermeister gewählt?": "Hans Meier"}


def test_it_needs_a_named_agent() -> None:
    assert _generate("Der/ART Besuch/NN des/ART Ministers/NN/Minister in/APPR Moskau/NE ./$.") == {}
