"""Texts that are no article get a clear message and no pack (issue 11, point 8)."""

from __future__ import annotations

import pytest

from quizgen.errors import NotAnArticleError
from quizgen.lesson.make import make_pack
from quizgen.nlp.analyze import analyze
from quizgen.text.article_checks import agreement_slip, check_article, glued_on
from tests.shared_data import SEED

REMOVED = (
    "Explosion auf der Einkaufsstraße: 40 Verletzte. Der Volltext dieses auf Agenturmeldungen basierenden "
    "Artikels steht aus rechtlichen Gründen nicht mehr zur Verfügung."
)
LIST = "\n".join(["Zutaten:", "200 g Mehl", "3 Eier", "1 Prise Salz", "250 ml Milch", "Butter für die Pfanne"])


def test_a_removal_notice_is_refused_with_what_to_do() -> None:
    with pytest.raises(NotAnArticleError, match="taken down.*Paste the full text"):
        make_pack(REMOVED)


def test_a_headline_alone_is_refused() -> None:
    with pytest.raises(NotAnArticleError, match="at least 3"):
        make_pack("Neue Straßenbahnlinie verbindet Kelsbach mit dem Hafenviertel.")


def test_a_list_is_refused() -> None:
    with pytest.raises(NotAnArticleError, match="list"):
        check_article(analyze(LIST))


def test_an_article_passes() -> None:
    check_article(analyze(SEED.read_text(encoding="utf-8")))


def test_a_heading_run_into_a_sentence_is_found_and_a_whole_sentence_is_not() -> None:
    # Flattened news text (10kGNAD, corpus article 315) runs subheadings into the next sentence.
    analysis = analyze(
        "Der Verbrauch stieg im Jahr 2015 leicht an. Sparsamere Motoren Beim Absatz von Benzin setzt sich "
        "der Trend fort. Die Stadt wünscht Ihnen am Ende viel Spaß. Sie sagte: Die Lage ist ernst."
    )
    verdicts = [glued_on(analysis, s.index) for s in analysis.sentences]
    assert any("Motoren Beim" in v for v in verdicts)
    assert [v for v in verdicts if v and "Motoren" not in v] == []  # Ihnen, am Ende, after a colon: whole


def test_an_ending_error_of_the_text_is_found_only_inside_one_phrase() -> None:
    analysis = analyze(
        "Im vergangenem Jahr stiegen die Mieten stark an. Ein vergangene Woche erschienener Bericht sieht "
        "Risiken. Das neue Haus ist groß. Die griechischen Zeitung Ekathimerini berichtete das. Banken, "
        "die hohe Einlagen haben, zahlen mehr. Die großen Zeitungen berichten."
    )
    verdicts = [agreement_slip(analysis, s.index) for s in analysis.sentences]
    assert "vergangenem Jahr" in verdicts[0] and "griechischen Zeitung" in verdicts[3]
    assert verdicts[1:3] + verdicts[4:] == ["", "", "", ""]  # a relative "die" before a plural: no error
