"""The quiz as a LessonPack again (with the teacher's edits), for the export downloads."""

from __future__ import annotations

import dataclasses

from learnsite.quizzes.models import Item, Quiz
from quizgen.errors import QuizgenError
from quizgen.exports import EXPORT_FORMATS, export_bytes
from quizgen.exports.json_export import pack_from_dict
from quizgen.pack import ClozeItem, LessonPack, Question


class NothingToExportError(QuizgenError):
    code = "nothing_to_export"


def _cloze(item: Item) -> ClozeItem:
    answers = tuple(item.gap_answers) if item.kind == "wordbank" else (item.answer,)
    return ClozeItem(
        id=item.generated_id or f"item-{item.pk}", kind=item.kind, text=item.prompt, answer=item.answer,
        options=tuple(item.options), hint=item.hint or None, sentence=item.sentence_index,
        answers=answers, accepted=tuple(item.accepted),
    )


def _question(item: Item) -> Question:
    options = tuple(item.options)
    correct = options.index(item.answer) if item.answer in options else None
    return Question(
        id=item.generated_id or f"item-{item.pk}", kind=item.kind, question=item.prompt, answer=item.answer,
        answer_short=item.answer, accepted=tuple(item.accepted), options=options, correct=correct,
        sentence=item.sentence_index,
    )


def quiz_lesson_pack(*, quiz: Quiz) -> LessonPack:
    """The generated pack with the quiz's items as the teacher left them, in their order."""
    if not quiz.pack:
        raise NothingToExportError("This quiz has not been generated yet: generate it first, then download.")
    data = dict(quiz.pack, cloze=[], questions=[])
    pack = pack_from_dict(data)
    items = list(quiz.items.all())
    return dataclasses.replace(
        pack,
        cloze=tuple(_cloze(i) for i in items if i.section == Item.Section.CLOZE),
        questions=tuple(_question(i) for i in items if i.section == Item.Section.QUESTION),
    )


def quiz_export(*, quiz: Quiz, name: str, for_learner: bool) -> tuple[str, bytes, str]:
    """(file name, content, media type) of one export; learners get only the learner formats."""
    fmt = EXPORT_FORMATS.get(name)
    if fmt is None or (for_learner and not fmt.for_learners):
        raise NothingToExportError(f"There is no download called {name!r} here.")
    file_name, content = export_bytes(quiz_lesson_pack(quiz=quiz), name)
    return file_name, content, fmt.media_type


def export_choices(*, for_learner: bool) -> list[tuple[str, str]]:
    return [(f.name, f.label) for f in EXPORT_FORMATS.values() if f.for_learners or not for_learner]
