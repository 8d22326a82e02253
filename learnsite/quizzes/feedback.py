"""What a learner sees about an item: its gaps and inputs, and the feedback after answering."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from learnsite.quizzes.models import Answer, Item

# The keys of quizgen.lesson.answer_check.NOTES, in the interface language.
NOTE_TEXTS = {
    "accepted": _("The text itself has: %(expected)s"),
    "umlaut_spelling": _("With umlauts it is spelled: %(expected)s"),
    "capitalisation": _("Mind the capitals: %(expected)s"),
    "capitalisation_matters": _("Capitalisation is the point here."),
    "typo": _("A small spelling mistake; it is spelled: %(expected)s"),
    "wrong_article": _("The word is right, the article is not."),
    "wrong_ending": _("The word is right, the ending is not."),
}

KIND_INSTRUCTIONS = {
    ("cloze", "open"): _("Fill in the gap."),
    ("cloze", "choice"): _("Choose the word that fits the gap."),
    ("cloze", "wordbank"): _("Fill the gaps with words from the bank."),
    ("cloze", "article"): _("Fill in the article."),
    ("cloze", "ending"): _("Fill in the ending."),
    ("cloze", "verbform"): _("Fill in the verb in the right form."),
    ("question", "wh"): _("Answer with words from the text."),
    ("question", "truefalse"): _("True or false?"),
    ("question", "choice"): _("Choose the right answer."),
}

TRUEFALSE_LABELS = {"richtig": _("Richtig (true)"), "falsch": _("Falsch (false)")}


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
    options: list[tuple[str, str]]  # (value, label)
    answer: Answer | None
    given: list[str]
    instruction: str
    note: str

    @property
    def is_question(self) -> bool:
        return self.item.section == Item.Section.QUESTION


def take_item(item: Item, number: int, answer: Answer | None) -> TakeItem:
    given = [g.strip() for g in answer.given.split("|")] if answer else []
    if item.section == Item.Section.CLOZE:
        parts = item.prompt.split("___")
        pieces = [Piece(text=part, gap=i if i < len(parts) - 1 else None) for i, part in enumerate(parts)]
        widget = "select" if item.kind in ("choice", "wordbank") and item.options else "text"
    else:
        pieces = [Piece(text=item.prompt, gap=None)]
        widget = "radio" if item.kind in ("truefalse", "choice") and item.options else "text"
    if item.kind == "truefalse":
        options = [(o, str(TRUEFALSE_LABELS.get(o.lower(), o))) for o in item.options]
    else:
        options = [(o, o) for o in item.options]
    note = ""
    if answer and answer.note in NOTE_TEXTS:
        note = str(NOTE_TEXTS[answer.note]) % {"expected": item.answer}
    return TakeItem(item=item, number=number, pieces=pieces, widget=widget, options=options, answer=answer,
                    given=given, instruction=str(KIND_INSTRUCTIONS.get((item.section, item.kind), "")), note=note)
