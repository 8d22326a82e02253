"""A pack's cloze items: one item per passage, no answer on show, balanced forms and positions."""

from __future__ import annotations

from collections import Counter

from quizgen.cloze.base import hint_spells, spells
from quizgen.cloze.checks import shown_answers
from quizgen.cloze.passage import filled, gapped_text, item_span
from quizgen.cloze.selection import balance_positions, max_per_form, place_answer
from quizgen.pack import ClozeItem

SENTENCES = ("Die Ukraine fordert den Abzug.", "Russland lehnt den Abzug ab.", "Die Gespräche gehen weiter.")
TEXT = "Titel\n\n" + " ".join(SENTENCES[:2]) + "\n\n" + SENTENCES[2]


def item(iid: str, text: str, answer: str, sentence: int, kind: str = "open", **kw) -> ClozeItem:  # type: ignore[no-untyped-def]
    return ClozeItem(id=iid, kind=kind, text=text, answer=answer, sentence=sentence, answers=(answer,), **kw)


def test_hints_that_spell_the_answer_are_caught() -> None:
    assert spells("situation", "Situation") and spells("region", "Region") and spells("president", "Präsident")
    assert spells("importance", "Importanz")  # the same first five letters
    assert not spells("withdrawal", "Abzug")
    assert not hint_spells("A… (5 Buchstaben; engl. withdrawal)", "Abzug")
    assert hint_spells("S… (9 Buchstaben; engl. situation)", "Situation")
    assert not hint_spells("e… (5 Buchstaben; engl. narrow)", "engen")  # the labels are no content


def test_one_form_takes_at_most_two_fifths_of_a_kind() -> None:
    assert [max_per_form(n) for n in (1, 2, 3, 5, 10)] == [1, 1, 1, 2, 4]


def test_the_right_option_moves_over_the_positions_of_a_pack() -> None:
    items = tuple(item(f"i{k}", "Die ___ kommt.", "Wahl", k, kind="choice", options=("Wahl", "Zahl", "Qual", "Mahl"))
                  for k in range(8))
    placed = balance_positions(items, key="pack")
    positions = Counter(i.options.index("Wahl") for i in placed)
    assert set(positions) == {0, 1, 2, 3} and set(positions.values()) == {2}
    assert balance_positions(items, key="pack") == placed  # stable
    assert place_answer(("a", "b", "c"), "b", 0, key="x")[0] == "b"


def test_the_gapped_text_replaces_each_items_sentences_and_keeps_paragraphs() -> None:
    gap = item("g1", "Russland lehnt den ___ ab.", "Abzug", 1)
    assert filled(gap) == SENTENCES[1] and list(item_span(gap, SENTENCES)) == [1]
    passage = gapped_text(TEXT, SENTENCES, [gap])
    assert passage.plain() == "Titel\n\nDie Ukraine fordert den Abzug. Russland lehnt den ___ ab.\n\nDie Gespräche gehen weiter."


def test_an_item_in_another_numbering_or_rewritten_still_hides_its_sentence() -> None:
    moved = item("g2", "Russland lehnt den ___ ab.", "Abzug", 0)  # says sentence 0, is sentence 1
    assert list(item_span(moved, SENTENCES)) == [1]
    assert "lehnt den Abzug" not in gapped_text(TEXT, SENTENCES, [moved]).plain()


def test_an_answer_on_show_is_found() -> None:
    first = item("a", "Die Ukraine fordert den ___.", "Abzug", 0)
    second = item("b", "Russland lehnt den Abzug ___.", "ab", 1, kind="verbform")
    third = item("c", "Die ___ gehen weiter.", "Gespräche", 2)
    found = {(s.item, s.shown_by) for s in shown_answers([first, second, third], SENTENCES, TEXT)}
    assert ("a", "text") in found  # 'Abzug' stands in the second sentence
    assert ("c", "text") not in found
    overlapping = item("d", "Die Ukraine ___ den Abzug.", "fordert", 0, kind="verbform")
    pairs = {(s.item, s.shown_by) for s in shown_answers([first, overlapping], SENTENCES, TEXT)}
    assert ("a", "d") in pairs and ("d", "a") in pairs  # one sentence, two items
