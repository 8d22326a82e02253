"""Moodle XML: comprehension questions and cloze items in one category per article.

Question kinds map to Moodle types: choice -> multichoice, truefalse -> truefalse,
wh -> shortanswer (with every accepted answer), cloze items -> cloze (Moodle's
"embedded answers", type name ``cloze`` in the XML, ``multianswer`` inside Moodle).

Every text reads back as itself in Moodle's importers: HTML texts are escaped, and in a cloze
text, whose braces Moodle parses (``{1:SHORTANSWER:=x}``, ``{#1}``), every brace of our own text
is a character reference; inside an embedded answer every character its syntax uses (``~ # } \\``,
a leading ``=`` or ``%``) is one too, which Moodle decodes after parsing.
"""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
from pathlib import Path

from quizgen.exports.gaps import (
    gap_answers,
    is_usable_cloze,
    is_usable_question,
    sentence,
    split_at_gaps,
)
from quizgen.exports.options import ExportOptions
from quizgen.kinds import AnswerMode, is_true, kind_of
from quizgen.pack import ClozeItem, LessonPack, Question

CATEGORY_ROOT = "$course$/top/Quizgen"
# characters with a meaning inside an embedded answer {1:MULTICHOICE:...}, or in the HTML it is
_EMBEDDED_REFERENCES = {char: f"&#{ord(char)};" for char in '&<>"{}~#\\/'}


def category_path(pack: LessonPack) -> str:
    # "/" separates category levels; Moodle reads "//" as a slash inside a name
    title = " ".join(pack.title.split())
    return f"{CATEGORY_ROOT}/{title.replace('/', '//')}"


def cloze_html(text: str) -> str:
    """Text of a cloze question as HTML, its braces as character references: Moodle would read
    ``{1:SHORTANSWER:...}`` or ``{#1}`` in it as a gap."""
    return html.escape(text, quote=False).replace("{", "&#123;").replace("}", "&#125;")


def escape_embedded(text: str, *, choice: bool = False) -> str:
    """An answer as it stands inside Moodle's embedded-answer syntax: every character the syntax
    reads as a character reference (Moodle decodes them after parsing). A ``choice`` is shown as
    HTML once decoded, so its markup is escaped first; a short answer is compared as typed."""
    if choice:
        text = html.escape(text, quote=False)
    out = "".join(_EMBEDDED_REFERENCES.get(char, char) for char in text)
    if out[:1] in ("=", "%"):  # a correct mark, a weight
        out = f"&#{ord(out[0])};" + out[1:]
    return out


def _text(parent: ET.Element, tag: str, value: str, fmt: str | None = "html") -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(element, "text").text = value
    return element


def _question(root: ET.Element, kind: str, name: str, text: str, feedback: str) -> ET.Element:
    question = ET.SubElement(root, "question", {"type": kind})
    _text(question, "name", name, fmt=None)
    _text(question, "questiontext", text)
    _text(question, "generalfeedback", feedback)
    ET.SubElement(question, "defaultgrade").text = "1"
    ET.SubElement(question, "penalty").text = "0.3333333"
    ET.SubElement(question, "hidden").text = "0"
    return question


def _answer(question: ET.Element, text: str, fraction: int, fmt: str = "html") -> None:
    answer = _text(question, "answer", text, fmt=fmt)
    answer.set("fraction", str(fraction))
    _text(answer, "feedback", "")


def _feedback(pack: LessonPack, index: int) -> str:
    evidence = sentence(pack, index)
    return f"Im Text: {html.escape(evidence)}" if evidence else ""


def add_question(root: ET.Element, pack: LessonPack, item: Question) -> None:
    name = f"{item.id} {item.question}"[:100]
    feedback = _feedback(pack, item.sentence)
    mode = kind_of(item).answer_mode
    if mode is AnswerMode.CHOICE and item.correct in range(len(item.options)):
        question = _question(root, "multichoice", name, html.escape(item.question), feedback)
        ET.SubElement(question, "single").text = "true"
        ET.SubElement(question, "shuffleanswers").text = "true"
        ET.SubElement(question, "answernumbering").text = "abc"
        for index, option in enumerate(item.options):
            _answer(question, html.escape(option), 100 if index == item.correct else 0)
    elif mode is AnswerMode.TRUE_FALSE:
        question = _question(root, "truefalse", name, html.escape(item.question), feedback)
        right = is_true(item.answer)
        _answer(question, "true", 100 if right else 0, fmt="moodle_auto_format")
        _answer(question, "false", 0 if right else 100, fmt="moodle_auto_format")
    else:
        question = _question(root, "shortanswer", name, html.escape(item.question), feedback)
        ET.SubElement(question, "usecase").text = "0"
        for answer in accepted_answers(item):
            # Moodle's own escaping for shortanswer: "*" is a wildcard
            _answer(question, answer.replace("*", "\\*"), 100, fmt="moodle_auto_format")


def accepted_answers(item: Question) -> list[str]:
    """Every answer a typed check accepts, the short one first, without repeats."""
    out: list[str] = []
    for answer in (item.answer_short, item.answer, *item.accepted):
        if answer and answer not in out:
            out.append(answer)
    return out


def embedded_answer(item: ClozeItem, answer: str) -> str:
    """One gap in Moodle's embedded-answer syntax."""
    if kind_of(item).has_options and item.options:
        choices = [("=" if option == answer else "") + escape_embedded(option, choice=True)
                   for option in item.options]
        if answer not in item.options:
            choices.insert(0, "=" + escape_embedded(answer, choice=True))
        return "{1:MULTICHOICE:" + "~".join(choices) + "}"
    accepted = [answer, *(a for a in item.accepted if a != answer)]
    return "{1:SHORTANSWER:" + "~".join("=" + escape_embedded(a) for a in accepted) + "}"


def cloze_question_text(item: ClozeItem) -> str:
    pieces = split_at_gaps(item.text)
    answers = gap_answers(item)
    out = [cloze_html(pieces[0])]
    for index, piece in enumerate(pieces[1:]):
        out.append(embedded_answer(item, answers[index]))
        if kind_of(item).hint_beside_gap and item.hint:
            out.append(f" ({cloze_html(item.hint)})")
        out.append(cloze_html(piece))
    return "".join(out)


def add_cloze(root: ET.Element, pack: LessonPack, item: ClozeItem) -> None:
    question = _question(root, "cloze", f"{item.id} ({item.kind})", cloze_question_text(item),
                         _feedback(pack, item.sentence))
    # Moodle ignores defaultgrade for cloze: each gap is worth one mark
    question.remove(question.find("defaultgrade"))  # type: ignore[arg-type]


def moodle_xml(pack: LessonPack) -> str:
    root = ET.Element("quiz")
    category = ET.SubElement(root, "question", {"type": "category"})
    _text(category, "category", category_path(pack), fmt=None)
    _text(category, "info", html.escape(f"{pack.title} ({pack.level}). Made by Quizgen."))
    for question in pack.questions:
        if is_usable_question(question):
            add_question(root, pack, question)
    for item in pack.cloze:
        if is_usable_cloze(item):
            add_cloze(root, pack, item)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def write_moodle_xml(pack: LessonPack, path: Path, options: ExportOptions | None = None) -> Path:
    path.write_text(moodle_xml(pack), encoding="utf-8")
    return path
