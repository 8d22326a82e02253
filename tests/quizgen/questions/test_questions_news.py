"""The questions news needs (issue 11, point 6): reasons, numbers, sources kept, on real text."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.analysis import Analysis
from quizgen.nlp.analyze import analyze
from quizgen.questions import candidates

DEMO = Path(__file__).parents[3] / "learnsite" / "demo" / "kelsbach-strassenbahn.txt"


@pytest.fixture(scope="module")
def demo() -> Analysis:
    return analyze(DEMO.read_text(encoding="utf-8"))


def test_it_asks_why_from_a_weil_clause(demo: Analysis) -> None:
    why = {c.question: c.answer for c in candidates(demo) if c.wh_word == "Warum"}
    assert why["Warum verzögerten sich die Arbeiten um fast ein Jahr?"] == "weil im Hafenviertel alte Leitungen im Boden lagen"


def test_a_reported_reason_keeps_its_source(demo: Analysis) -> None:
    assert any(c.question.startswith("Warum ist die neue Verbindung laut Martina Albers") for c in candidates(demo))


def test_it_asks_how_many_and_makes_a_number_false(demo: Analysis) -> None:
    cands = candidates(demo)
    assert any(c.question.startswith("Wie viele neue Fahrzeuge") and c.answer_short == "zwölf" for c in cands)
    assert any(c.kind == "truefalse" and c.answer == "falsch" and "133 Millionen" in c.question for c in cands)


def test_a_title_and_a_later_short_mention_make_a_person(demo: Analysis) -> None:
    cut = [c for c in candidates(demo) if c.question == "Wer schnitt um zehn Uhr das rote Band durch?"]
    assert cut and cut[0].answer_short == "Martina Albers" and "Albers" in cut[0].accepted
