"""GIFT, Moodle's plain-text quiz format, for the item kinds it can carry.

GIFT has one answer block per question, so a word-bank item with several gaps becomes one
question per gap (the other gaps filled in). Everything else maps one to one: choice ->
multiple choice, truefalse -> {T}/{F}, wh -> short answer with every accepted answer, a
cloze item -> a "missing word" question with the answer block where the gap is.
"""

from __future__ import annotations

import re
from pathlib import Path

from quizgen.exports.gaps import gap_answers, is_usable_cloze, is_usable_question, split_at_gaps
from quizgen.exports.moodle_xml import accepted_answers, category_path
from quizgen.exports.options import ExportOptions
from quizgen.kinds import AnswerMode, is_true, kind_of
from quizgen.pack import ClozeItem, LessonPack, Question

# GIFT's control characters; a backslash before one makes it plain text
SPECIAL = ("\\", "~", "=", "#", "{", "}", ":")


def escape(text: str) -> str:
    for char in SPECIAL:
        text = text.replace(char, "\\" + char)
    # a blank line would end the question
    return re.sub(r"\s*\n\s*", " ", text)


def _title(name: str) -> str:
    return f"::{escape(name)}::"


def question_gift(item: Question) -> str:
    head = _title(item.id) + escape(item.question)
    mode = kind_of(item).answer_mode
    if mode is AnswerMode.CHOICE and item.correct in range(len(item.options)):
        lines = [("=" if i == item.correct else "~") + escape(option)
                 for i, option in enumerate(item.options)]
        return head + " {\n" + "\n".join(lines) + "\n}"
    if mode is AnswerMode.TRUE_FALSE:
        return head + (" {T}" if is_true(item.answer) else " {F}")
    return head + " {" + " ".join("=" + escape(a) for a in accepted_answers(item)) + "}"


def _answer_block(item: ClozeItem, answer: str, options: tuple[str, ...]) -> str:
    if kind_of(item).has_options and options:
        choices = [("=" if option == answer else "~") + escape(option) for option in options]
        if answer not in options:
            choices.insert(0, "=" + escape(answer))
        return "{" + " ".join(choices) + "}"
    accepted = [answer, *(a for a in item.accepted if a != answer)]
    return "{" + " ".join("=" + escape(a) for a in accepted) + "}"


def cloze_gift(item: ClozeItem) -> list[str]:
    """One GIFT question per gap of the item."""
    pieces = split_at_gaps(item.text)
    answers = gap_answers(item)
    gaps = len(pieces) - 1
    questions = []
    for gap in range(gaps):
        before = "".join(pieces[i] + answers[i] for i in range(gap)) + pieces[gap]
        after = pieces[gap + 1] + "".join(answers[i] + pieces[i + 1]
                                          for i in range(gap + 1, gaps))
        name = item.id if gaps == 1 else f"{item.id}-{gap + 1}"
        hint = f" ({item.hint})" if kind_of(item).hint_beside_gap and item.hint else ""
        block = _answer_block(item, answers[gap], item.options)
        questions.append(_title(name) + escape(before) + block + escape(hint + after))
    return questions


def gift(pack: LessonPack) -> str:
    title = pack.title.replace("\n", " ")
    parts = [f"// {title} ({pack.level}). Made by Quizgen.",
             f"$CATEGORY: {category_path(pack)}"]
    for question in pack.questions:
        if is_usable_question(question):
            parts.append(question_gift(question))
    for item in pack.cloze:
        if is_usable_cloze(item):
            parts.extend(cloze_gift(item))
    return "\n\n".join(parts) + "\n"


def write_gift(pack: LessonPack, path: Path, options: ExportOptions | None = None) -> Path:
    path.write_text(gift(pack), encoding="utf-8")
    return path
