"""GIFT, Moodle's plain-text quiz format, for the item kinds it can carry.

GIFT has one answer block per question, so a word-bank item with several gaps becomes one
question per gap (the other gaps filled in). Everything else maps one to one: choice ->
multiple choice, truefalse -> {T}/{F}, wh -> short answer with every accepted answer, a
cloze item -> a "missing word" question with the answer block where the gap is.

Every text is written so that Moodle's GIFT importer (qformat_gift) reads back exactly it:
one line (a line break could end the question and start another), GIFT's control characters
escaped with a backslash, question texts and choices as ``[html]`` with their markup escaped
(``<b>`` in a prompt is shown, not rendered), and a start that GIFT would read as an answer
weight (``%50%``) or a text format (``[html]``) guarded. A typed answer containing ``->`` cannot
be written (GIFT would read the question as a matching one): it is left out, and a gap or
question left with no answer is left out of the file.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from quizgen.exports.gaps import gap_answers, is_usable_cloze, is_usable_question, split_at_gaps
from quizgen.exports.moodle_xml import accepted_answers, category_path
from quizgen.exports.options import ExportOptions
from quizgen.kinds import AnswerMode, is_true, kind_of
from quizgen.pack import ClozeItem, LessonPack, Question

# GIFT's control characters; a backslash before one makes it plain text
SPECIAL = ("\\", "~", "=", "#", "{", "}", ":")
# every character a reader of the file could take for a line break
_LINE_BREAK = re.compile(r"\s*[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+\s*")
_WEIGHT_START = re.compile(r"%-*[0-9]")  # %50% before an answer is its weight


def one_line(text: str) -> str:
    """The text with every line break a space: a blank line ends a GIFT question."""
    return _LINE_BREAK.sub(" ", text)


def escape(text: str) -> str:
    """Plain text with GIFT's control characters escaped, on one line."""
    text = one_line(text)
    for char in SPECIAL:
        text = text.replace(char, "\\" + char)
    return text


def html_text(text: str) -> str:
    """Text in ``[html]`` format that shows exactly ``text``: markup escaped, a leading ``%`` or
    ``[`` (an answer weight, a format name) as a character reference, then GIFT's escaping."""
    out = html.escape(one_line(text), quote=False)
    if out[:1] in ("%", "["):
        out = f"&#{ord(out[0])};" + out[1:]
    return escape(out)


def typed_answer(text: str) -> str | None:
    """A short answer as Moodle compares it with what is typed (plain, not HTML), with a weight
    and format written before it when it starts like one; None when GIFT cannot carry it."""
    text = one_line(text).strip()
    if not text or "->" in text:
        return None
    guard = "%100%" if _WEIGHT_START.match(text) else ""
    if text.startswith("["):
        guard += "[plain]"
    return guard + escape(text)


def _title(name: str) -> str:
    return f"::{escape(name)}::"


def _typed_block(answers: list[str]) -> str | None:
    written = [a for a in (typed_answer(answer) for answer in answers) if a]
    return "{" + " ".join("=" + a for a in written) + "}" if written else None


def question_gift(item: Question) -> str | None:
    head = _title(item.id) + "[html]" + html_text(item.question)
    mode = kind_of(item).answer_mode
    if mode is AnswerMode.CHOICE and item.correct in range(len(item.options)):
        lines = [("=" if i == item.correct else "~") + html_text(option)
                 for i, option in enumerate(item.options)]
        return head + " {\n" + "\n".join(lines) + "\n}"
    if mode is AnswerMode.TRUE_FALSE:
        return head + (" {T}" if is_true(item.answer) else " {F}")
    block = _typed_block(accepted_answers(item))
    return head + " " + block if block else None


def _answer_block(item: ClozeItem, answer: str, options: tuple[str, ...]) -> str | None:
    if kind_of(item).has_options and options:
        choices = [("=" if option == answer else "~") + html_text(option) for option in options]
        if answer not in options:
            choices.insert(0, "=" + html_text(answer))
        return "{" + " ".join(choices) + "}"
    return _typed_block([answer, *(a for a in item.accepted if a != answer)])


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
        if block is not None:
            questions.append(_title(name) + "[html]" + html_text(before) + block + html_text(hint + after))
    return questions


def gift(pack: LessonPack) -> str:
    # the category line is not unescaped by Moodle, except that \\ reads as one backslash
    category = one_line(category_path(pack)).replace("\\", "\\\\")
    parts = [f"// {one_line(pack.title)} ({pack.level}). Made by Quizgen.",
             f"$CATEGORY: {category}"]
    for question in pack.questions:
        if is_usable_question(question):
            written = question_gift(question)
            if written:
                parts.append(written)
    for item in pack.cloze:
        if is_usable_cloze(item):
            parts.extend(cloze_gift(item))
    return "\n\n".join(parts) + "\n"


def write_gift(pack: LessonPack, path: Path, options: ExportOptions | None = None) -> Path:
    path.write_text(gift(pack), encoding="utf-8")
    return path
