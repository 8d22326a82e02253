"""Vocabulary practice in the browser, for learners without Anki: flash cards from the pack's
vocabulary (the English gloss on the front, the German word to type), checked as forgivingly
as the quiz's answers (quizgen.lesson.answer_check). Nothing is recorded: it is practice."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from learnsite.quizzes.feedback import NOTE_TEXTS
from learnsite.quizzes.reading import POS_LABELS
from quizgen.lesson.answer_check import check_answer

_VALENCY = re.compile(r"\s*\([^)]*\)")
_ARTICLES = ("der ", "die ", "das ")


@dataclass(frozen=True)
class Card:
    index: int  # the entry's place in the vocabulary list
    front: str  # the English gloss
    pos: str
    answer: str  # the German as the list shows it: die Partnerschaft, sich freuen
    example: str  # the sentence from the text, the word gapped


def _gapped(example: str) -> str:
    return re.sub(r"\*\*[^*]+\*\*", "___", example)


def practice_cards(pack: dict[str, Any]) -> list[Card]:
    """One card per vocabulary entry with a gloss (without one there is nothing to ask); the text's
    key words first where the pack marks them."""
    cards = []
    entries = list(enumerate(pack.get("vocabulary") or []))
    entries.sort(key=lambda pair: not pair[1].get("key"))
    for index, entry in entries:
        gloss, display = entry.get("gloss"), entry.get("display") or entry.get("lemma")
        if not gloss or not display:
            continue
        cards.append(Card(index=index, front=gloss, pos=str(POS_LABELS.get(entry.get("pos"), "")),
                          answer=_VALENCY.sub("", display).strip(), example=_gapped(entry.get("example") or "")))
    return cards


@dataclass(frozen=True)
class PracticeVerdict:
    correct: bool
    message: str
    expected: str


def practice_check(*, card: Card, typed: str) -> PracticeVerdict:
    """Check a typed German word against the card; a noun without its article counts, with a word
    that the article belongs to it."""
    expected = card.answer
    lemma = expected.removeprefix("sich ")
    verdict = check_answer(typed, expected, accepted=(lemma,) if lemma != expected else ())
    if not verdict.correct:
        return PracticeVerdict(False, _("Not quite. It is: %(expected)s") % {"expected": expected}, expected)
    typed_clean = " ".join(typed.split()).casefold()
    if expected.casefold().startswith(_ARTICLES) and not typed_clean.startswith(_ARTICLES):
        return PracticeVerdict(True, _("Right. Learn it with its article: %(expected)s") % {"expected": expected},
                               expected)
    if verdict.note in NOTE_TEXTS and verdict.note != "accepted":
        return PracticeVerdict(True, str(NOTE_TEXTS[verdict.note]) % {"expected": expected}, expected)
    return PracticeVerdict(True, _("Right!"), expected)
