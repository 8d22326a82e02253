"""Which sentences may carry a gap: whole German sentences that stand on their own."""

from __future__ import annotations

from quizgen.cloze.sentences import sentence_uses

from tests.quizgen.cloze_records import analysis_of, w

PLAIN = [
    w("Die", "der", "ART"), w("Ukraine", "Ukraine", "NE"), w("fordert", "fordern", "VVFIN"),
    w("den", "der", "ART"), w("vollständigen", "vollständig", "ADJA"), w("Abzug", "Abzug", "NN"),
    w("russischer", "russisch", "ADJA"), w("Truppen", "Truppe", "NN"), w(".", ".", "$."),
]  # fmt: skip


def words(text: str, tag: str = "ADV") -> list[tuple[str, str, str, str]]:
    out = []
    for form in text.split():
        if form in (".", ",", "„", "“", "”", '"', ".“"):
            out.append(w(form, form, "$." if form == "." else "$,"))
        else:
            out.append(w(form, form.lower(), "VVFIN" if form in ("geht", "entwickelt", "sagte", "ist") else tag))
    return out


def test_a_plain_sentence_takes_every_kind_of_gap() -> None:
    (use,) = sentence_uses(analysis_of([PLAIN]))
    assert use.any_gap and use.content_gap


def test_a_sentence_that_leans_on_the_one_before_takes_no_gap() -> None:
    dabei = [w("Dabei", "dabei", "PAV"), *PLAIN[2:]]
    darauf = [w("Darauf", "darauf", "PAV"), *PLAIN[2:]]
    uses = sentence_uses(analysis_of([PLAIN, dabei, darauf]))
    assert [u.any_gap for u in uses] == [True, False, False]
    assert "leans on the sentence before" in uses[1].reason


def test_a_quote_over_several_sentences_takes_no_gap_in_any_of_them() -> None:
    opening = words("Putin sagte : „ Alles geht voran , entwickelt sich sehr .")
    middle = words("Russland entwickelt sich weiter und weiter und weiter .")
    closing = words("China geht neue Wege in diesem Jahr . “")
    uses = sentence_uses(analysis_of([PLAIN, opening, middle, closing]))
    assert [u.any_gap for u in uses] == [True, False, False, False]
    assert uses[2].reason == "part of a quote over several sentences"


def test_an_english_tweet_and_a_heading_take_no_gap() -> None:
    tweet = words("All good in the hood guys and thanks for the messages ist .")
    heading = [w("Neue", "neu", "ADJA"), w("Bibliothek", "Bibliothek", "NN"), w("in", "in", "APPR"),
               w("der", "der", "ART"), w("Stadt", "Stadt", "NN")]
    uses = sentence_uses(analysis_of([tweet, heading, PLAIN]))
    assert uses[0].reason == "not German"
    assert uses[1].reason.startswith("no finite verb")
    assert uses[2].any_gap


def test_content_gaps_need_a_sentence_that_names_its_person() -> None:
    er = [w("Zuvor", "zuvor", "ADV"), w("hatte", "haben", "VAFIN"), w("er", "er", "PPER"),
          w("den", "der", "ART"), w("vollständigen", "vollständig", "ADJA"), w("Abzug", "Abzug", "NN"),
          w("der", "der", "ART"), w("Truppen", "Truppe", "NN"), w("gefordert", "fordern", "VVPP"), w(".", ".", "$.")]
    (use,) = sentence_uses(analysis_of([er]))
    assert use.any_gap and not use.content_gap and "'er'" in use.reason
