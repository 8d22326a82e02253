"""Lesson packs and quiz rows, both ways: the one place that knows both shapes.

A generated pack's items become ``ItemDraft`` rows (``drafts_from_pack``); a quiz's rows, as
the teacher left them, become a pack again for the exports (``quiz_lesson_pack``). How a kind's
answer is stored (a word bank's gaps encoded as one text, an a/b/c question's right option,
the fixed richtig / falsch) is read from the kind's description in quizgen.kinds.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from learnsite.quizzes.models import Item, Quiz
from learnsite.quizzes.refusals import NothingToExport
from quizgen.exports.json_export import pack_from_dict
from quizgen.kinds import AnswerMode, exercise_kinds, kind_of
from quizgen.pack import ClozeItem, LessonPack, Question


@dataclass(frozen=True)
class ItemDraft:
    """The fields of one Item row before it has a quiz and a position."""

    section: str
    kind: str
    prompt: str
    answer: str
    accepted: tuple[str, ...]
    options: tuple[str, ...]
    hint: str
    evidence: str
    sentence_index: int
    generated_id: str


def _sentence(pack: LessonPack, index: int) -> str:
    return pack.sentences[index] if 0 <= index < len(pack.sentences) else ""


def draft_from_cloze(pack: LessonPack, item: ClozeItem) -> ItemDraft:
    kind = kind_of(item)
    return ItemDraft(
        section=Item.Section.CLOZE,
        kind=item.kind,
        prompt=item.text,
        answer=kind.encode_answer(item.answers) if kind.several_gaps and item.answers else item.answer,
        accepted=tuple(item.accepted),
        options=tuple(item.options),
        hint=item.hint or "",
        evidence=_sentence(pack, item.sentence),
        sentence_index=item.sentence,
        generated_id=item.id,
    )


def draft_from_question(pack: LessonPack, question: Question) -> ItemDraft:
    kind = kind_of(question)
    answer = question.answer
    correct = question.correct
    if kind.answer_mode is AnswerMode.CHOICE and correct is not None and correct < len(question.options):
        answer = question.options[correct]  # the row keeps the right option itself
    accepted = tuple(
        dict.fromkeys(a for a in (question.answer_short, *question.accepted) if a and a != answer)
    )
    return ItemDraft(
        section=Item.Section.QUESTION,
        kind=question.kind,
        prompt=question.question,
        answer=answer,
        accepted=accepted,
        options=tuple(question.options) or kind.fixed_options,
        hint="",
        evidence=_sentence(pack, question.sentence),
        sentence_index=question.sentence,
        generated_id=question.id,
    )


def drafts_from_pack(pack: LessonPack, counts: Mapping[str, int]) -> list[ItemDraft]:
    """The pack's items, at most ``counts["section:kind"]`` of each kind, in the pack's order."""
    known = {kind.key for kind in exercise_kinds()}
    taken: dict[str, int] = {}
    drafts: list[ItemDraft] = []
    candidates = [draft_from_cloze(pack, c) for c in pack.cloze if f"cloze:{c.kind}" in known]
    candidates += [draft_from_question(pack, q) for q in pack.questions if f"question:{q.kind}" in known]
    for draft in candidates:
        key = f"{draft.section}:{draft.kind}"
        if taken.get(key, 0) >= counts.get(key, 0):
            continue
        taken[key] = taken.get(key, 0) + 1
        drafts.append(draft)
    return drafts


def pack_summary(pack: LessonPack) -> dict[str, Any]:
    """What the review and learner pages show besides the items (sentences, level, words)."""
    data = pack.to_dict()
    data.pop("cloze", None)
    data.pop("questions", None)
    return data


def cloze_from_item(item: Item) -> ClozeItem:
    return ClozeItem(
        id=item.generated_id or f"item-{item.pk}", kind=item.kind, text=item.prompt, answer=item.answer,
        options=tuple(item.options), hint=item.hint or None, sentence=item.sentence_index,
        answers=tuple(item.gap_answers), accepted=tuple(item.accepted),
    )


def question_from_item(item: Item) -> Question:
    options = tuple(item.options)
    correct = options.index(item.answer) if item.answer in options else None
    return Question(
        id=item.generated_id or f"item-{item.pk}", kind=item.kind, question=item.prompt, answer=item.answer,
        answer_short=item.answer, accepted=tuple(item.accepted), options=options, correct=correct,
        sentence=item.sentence_index,
    )


def quiz_lesson_pack(*, quiz: Quiz, items: Iterable[Item] | None = None) -> LessonPack:
    """The generated pack with the quiz's items as the teacher left them, in their order (only
    ``items``, when given), and the quiz's title as it is now (renamed, and whole: the exports
    shorten nothing)."""
    if not quiz.pack:
        raise NothingToExport(_("This quiz has not been generated yet: generate it first, then download."))
    pack = pack_from_dict(dict(quiz.pack, cloze=[], questions=[]))
    items = list(quiz.current_items.all() if items is None else items)
    return dataclasses.replace(
        pack,
        title=quiz.title,
        cloze=tuple(cloze_from_item(i) for i in items if i.section == Item.Section.CLOZE),
        questions=tuple(question_from_item(i) for i in items if i.section == Item.Section.QUESTION),
    )
