"""What a learner sees about an item: its gaps and inputs, and the feedback after answering."""

from __future__ import annotations

import random
from dataclasses import dataclass

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from learnsite.quizzes.models import Answer, Attempt, Item
from quizgen.cloze.selection import place_answer
from quizgen.kinds import TRUE_FALSE_ANSWERS, AnswerMode

# The keys of quizgen.lesson.answer_check.NOTES, in the interface language.
NOTE_TEXTS = {
    "accepted": _("The text itself has: %(expected)s"),
    "umlaut_spelling": _("With umlauts it is spelled: %(expected)s"),
    "sharp_s_spelling": _("With ß it is spelled: %(expected)s"),
    "capitalisation": _("Mind the capitals: %(expected)s"),
    "capitalisation_matters": _("Capitalisation is the point here."),
    "typo": _("A small spelling mistake; it is spelled: %(expected)s"),
    "wrong_article": _("The word is right, the article is not."),
    "wrong_ending": _("The word is right, the ending is not."),
    "incomplete": _("Almost: the word is not complete."),
}

TRUEFALSE_LABELS = dict(zip(TRUE_FALSE_ANSWERS, (_("Richtig (true)"), _("Falsch (false)")), strict=True))
#: where the learner picks from the item's options (other items are typed)
PICKED_IN_GAPS = (AnswerMode.CHOICE, AnswerMode.WORD_BANK)
PICKED_AS_QUESTION = (AnswerMode.CHOICE, AnswerMode.TRUE_FALSE)


@dataclass(frozen=True)
class Piece:
    text: str
    gap: int | None  # index of the gap that follows the text, or None for the last piece


@dataclass(frozen=True)
class TakeItem:
    """One item as the learner page renders it."""

    item: Item
    number: int
    pieces: list[Piece]
    widget: str  # "text", "select" (cloze gaps) or "radio" (questions)
    bank: bool  # the options are a word bank shown above the text
    gap_width: int  # characters of a typed gap
    options: list[tuple[str, str]]  # (value, label)
    answer: Answer | None
    given: list[str]
    instruction: str
    note: str

    @property
    def is_question(self) -> bool:
        return self.item.section == Item.Section.QUESTION


def _picks_one(item: Item) -> bool:
    """The learner picks the one right option among the item's (a choice gap, an a/b/c question)."""
    return item.exercise_kind.answer_mode is AnswerMode.CHOICE and len(item.gap_answers) == 1 and item.answer in item.options


def option_positions(attempt: Attempt, items: list[Item]) -> dict[int, int]:
    """Where the right option stands for this learner, item by item: each position about
    equally often over the attempt, in an order of its own (stable for the attempt)."""
    positions: dict[int, int] = {}
    cycles: dict[int, list[int]] = {}
    used: dict[int, int] = {}
    for item in items:
        if not _picks_one(item):
            continue
        size = len(item.options)
        if size not in cycles:
            cycles[size] = list(range(size))
            random.Random(f"attempt-{attempt.pk}-{size}").shuffle(cycles[size])
        positions[item.pk] = cycles[size][used.get(size, 0) % size]
        used[size] = used.get(size, 0) + 1
    return positions


def _ordered_options(item: Item, attempt: Attempt | None, position: int | None) -> list[str]:
    """The item's options as this learner sees them: the right one at ``position``, a word
    bank shuffled, both stable for the attempt (true/false keeps its order)."""
    options = list(item.options)
    if attempt is None or item.exercise_kind.answer_mode is AnswerMode.TRUE_FALSE:
        return options
    key = f"attempt-{attempt.pk}-item-{item.pk}"
    if position is not None and _picks_one(item):
        return list(place_answer(tuple(options), item.answer, position, key=key))
    if item.exercise_kind.answer_mode is AnswerMode.WORD_BANK:
        random.Random(key).shuffle(options)
    return options


def take_item(item: Item, number: int, answer: Answer | None, *, attempt: Attempt | None = None,
              position: int | None = None) -> TakeItem:
    """What the learner sees of ``item``; with ``attempt`` its options stand in the learner's
    own order (``position``: where the right one goes, from ``option_positions``)."""
    kind = item.exercise_kind
    given = list(kind.decode_answer(answer.given)) if answer else []
    if item.section == Item.Section.CLOZE:
        parts = item.prompt.split("___")
        pieces = [Piece(text=part, gap=i if i < len(parts) - 1 else None) for i, part in enumerate(parts)]
        widget = "select" if kind.answer_mode in PICKED_IN_GAPS and item.options else "text"
    else:
        pieces = [Piece(text=item.prompt, gap=None)]
        widget = "radio" if kind.answer_mode in PICKED_AS_QUESTION and item.options else "text"
    ordered = _ordered_options(item, attempt, position)
    if kind.answer_mode is AnswerMode.TRUE_FALSE:
        options = [(o, str(TRUEFALSE_LABELS.get(o.lower(), o))) for o in ordered]
    else:
        options = [(o, o) for o in ordered]
    note = ""
    if answer and answer.teacher_verdict:
        note = str(_("Your teacher counted this answer as right."))
    elif answer and answer.note in NOTE_TEXTS:
        note = str(NOTE_TEXTS[answer.note]) % {"expected": item.answer}
    return TakeItem(item=item, number=number, pieces=pieces, widget=widget,
                    bank=kind.answer_mode is AnswerMode.WORD_BANK, gap_width=kind.gap_width, options=options,
                    answer=answer, given=given, instruction=gettext(kind.instruction), note=note)
