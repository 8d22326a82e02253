"""Moodle's own importers, ported to Python for the tests: what Moodle makes of our files.

``read_gift`` follows qformat_gift (question/format/gift/format.php: readquestions, readquestion,
escapedchar_pre/post, parse_text_with_format, the question-type rules and answer weights);
``read_cloze`` follows qtype_multianswer_extract_question (question/type/multianswer/
questiontype.php: ANSWER_REGEX and ANSWER_ALTERNATIVE_REGEX, html_entity_decode of answers).
``shown`` is the text a learner sees, given its Moodle text format. Only what our exports use is
ported; a construct the port does not know raises AssertionError, so a test cannot pass on it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

FORMATS = ("moodle", "html", "plain", "markdown")
_WEIGHT = re.compile(r"^%-*([0-9]{1,2})\.?([0-9]*)%")
_ESCAPES = (("\\:", "&&058;"), ("\\#", "&&035;"), ("\\=", "&&061;"), ("\\{", "&&123;"), ("\\}", "&&125;"),
            ("\\~", "&&126;"), ("\\n", "&&010"))
_PLACEHOLDERS = (("&&058;", ":"), ("&&035;", "#"), ("&&061;", "="), ("&&123;", "{"), ("&&125;", "}"),
                 ("&&126;", "~"), ("&&010", "\n"))


@dataclass
class ImportedQuestion:
    qtype: str
    name: str = ""
    text: str = ""
    format: str = "moodle"
    category: str = ""
    #: (text, fraction, format) per answer; shortanswer answers are compared with what is typed
    answers: list[tuple[str, float, str]] = field(default_factory=list)


def shown(text: str, fmt: str | None) -> str:
    """What a learner reads: HTML-ish formats must hold no markup of their own (a hostile ``<b>``
    would be rendered), and their character references are read as characters. Moodle XML's
    ``moodle_auto_format`` answers (short answers, true/false) are compared as typed."""
    if fmt in ("html", "moodle", "markdown"):
        assert "<" not in text and ">" not in text, f"markup reaches Moodle: {text!r}"
        return html.unescape(text)
    return text


def _php_trim(text: str) -> str:
    return text.strip(" \t\n\r\0\x0b")


def _pre(text: str) -> str:
    text = text.replace("\\\\", "&&092;")
    for escaped, placeholder in _ESCAPES:
        text = text.replace(escaped, placeholder)
    return text.replace("&&092;", "\\")


def _post(text: str) -> str:
    for placeholder, char in _PLACEHOLDERS:
        text = text.replace(placeholder, char)
    return text


def _with_format(text: str, default: str) -> tuple[str, str]:
    fmt = default
    if text.startswith("["):
        end = text.find("]")
        name = text[1:end] if end >= 0 else text[1:-1]
        if name in FORMATS:
            fmt, text = name, text[end + 1:]
    return _php_trim(_post(text)), fmt


def _comment(answer: str, default: str) -> tuple[str, str]:
    text, fmt = _with_format(_php_trim(answer.split("#", 1)[0]), default)
    return text, fmt


def _weight(answer: str) -> tuple[float, str]:
    match = _WEIGHT.match(answer)
    if not match:
        return -1.0, answer
    inner = answer[1:]
    end = inner.find("%")
    return float(inner[:end] or 0) / 100, inner[end + 1:]


def read_gift(source: str) -> list[ImportedQuestion]:
    """The questions Moodle imports from a GIFT file, in order (categories included)."""
    lines = source.split("\n")
    if "\r" in lines[0] and len(lines) == 1:
        lines = lines[0].split("\r")
    questions, current = [], []
    for line in [*lines, ""]:
        line = _php_trim(line)
        if line in ("", "0"):  # PHP's empty()
            if current:
                question = _read_question(current)
                if question is not None:
                    questions.append(question)
                current = []
        else:
            current.append(line)
    return questions


def _read_question(lines: list[str]) -> ImportedQuestion | None:
    lines = [" " if _php_trim(line).startswith("//") else line for line in lines]
    text = _php_trim("\n".join(lines))
    if not text:
        return None
    text = _pre(text)
    if text.startswith("$CATEGORY:"):
        return ImportedQuestion("category", category=_php_trim(text[10:]))
    name = ""
    if text.startswith("::"):
        text = text[2:]
        finish = text.find("::")
        assert finish >= 0, "a question name without its closing ::"
        name, text = _post(text[:finish]), _php_trim(text[finish + 2:])
    start, finish = text.find("{"), text.find("}")
    assert start >= 0 and finish >= 0, f"no answer block (Moodle: braceerror or a description): {text!r}"
    answertext = _php_trim(text[start + 1:finish])
    if text.endswith("}"):
        questiontext = text[:start] + text[finish + 1:]
    else:
        questiontext = text[:start] + "_____" + text[finish + 1:]
    assert "####" not in answertext, "general feedback in an answer block"
    qtext, fmt = _with_format(questiontext, "moodle")
    question = ImportedQuestion("", name=name, text=qtext, format=fmt)
    if answertext == "":
        question.qtype = "essay"
    elif answertext[0] == "#":
        question.qtype = "numerical"
    elif "~" in answertext:
        question.qtype = "multichoice"
        answers = answertext.replace("=", "~=").split("~")
        answers = answers[1:] if not _php_trim(answers[0]) else answers
        for answer in answers:
            answer = _php_trim(answer)
            if answer.startswith("="):
                fraction, answer = 1.0, answer[1:]
            else:
                fraction, answer = _weight(answer)
                fraction = max(fraction, 0.0)
            text_, afmt = _comment(answer, fmt)
            question.answers.append((text_, fraction, afmt))
    elif "=" in answertext and "->" in answertext:
        question.qtype = "match"
    else:
        check = answertext
        if answertext.find("#") > 0:
            check = _php_trim(answertext[:answertext.find("#")])
        if check in ("T", "TRUE", "F", "FALSE"):
            question.qtype = "truefalse"
            value, _ = _with_format(_php_trim(answertext.split("#", 1)[0]), fmt)
            question.answers.append((value, 1.0, fmt))
        else:
            question.qtype = "shortanswer"
            answers = answertext.split("=")
            answers = answers[1:] if not _php_trim(answers[0]) else answers
            for answer in answers:
                answer = _php_trim(answer)
                fraction, answer = _weight(answer)
                text_, afmt = _comment(answer, fmt)
                question.answers.append((text_, 1.0 if fraction < 0 else fraction, afmt))
    return question


# qtype_multianswer's regular expressions, as Moodle defines them
_FRACTION = r"=|%(-?[0-9]+(?:[.,][0-9]*)?)%"
_ANSWER = r".+?(?<!\\|&)(?<!&amp;)(?=[~#}]|$)"
_FEEDBACK = r".*?(?<!\\)(?=[~}]|$)"
_ALTERNATIVE = f"({_FRACTION})?({_ANSWER})(#({_FEEDBACK}))?"
_TYPES = (r"(NUMERICAL|NM)|(MULTICHOICE|MC)|(MULTICHOICE_V|MCV)|(MULTICHOICE_H|MCH)|(SHORTANSWER|SA|MW)|"
          r"(SHORTANSWER_C|SAC|MWC)|(MULTICHOICE_S|MCS)|(MULTICHOICE_VS|MCVS)|(MULTICHOICE_HS|MCHS)|"
          r"(MULTIRESPONSE|MR)|(MULTIRESPONSE_H|MRH)|(MULTIRESPONSE_S|MRS)|(MULTIRESPONSE_HS|MRHS)")
_ANSWER_REGEX = re.compile(r"\{([0-9]*):(" + _TYPES + r"):(" + _ALTERNATIVE + "(~" + _ALTERNATIVE + r")*)\}",
                           re.S)


@dataclass
class Gap:
    kind: str  # MULTICHOICE or SHORTANSWER
    #: (text as the learner sees it (a choice) or must type it (a short answer), fraction)
    choices: list[tuple[str, float]]


#: where a gap stands in the text ``read_cloze`` shows (Moodle puts ``{#n}`` there)
GAP_MARK = "\ue000"


def read_cloze(questiontext: str) -> tuple[str, list[Gap]]:
    """(the question text as shown, ``GAP_MARK`` where each gap is; the gaps) of an
    embedded-answers question text, as Moodle reads it."""
    gaps: list[Gap] = []
    text = questiontext
    while True:
        match = _ANSWER_REGEX.search(text)
        if match is None:
            break
        kind = match.group(2).split("_")[0]
        kind = {"MC": "MULTICHOICE", "SA": "SHORTANSWER", "MW": "SHORTANSWER"}.get(kind, kind)
        remaining = match.group(16)
        choices = []
        while True:
            alt = re.search("~?" + _ALTERNATIVE, remaining, re.S)
            if alt is None or not alt.group(0):
                break
            if alt.group(1) == "=":
                fraction = 1.0
            elif alt.group(2):
                fraction = float(alt.group(2).replace(",", ".")) / 100
            else:
                fraction = 0.0
            answer = html.unescape(alt.group(3)).replace("\\}", "}").replace("\\#", "#")
            if kind.startswith("MULTI"):
                answer = shown(answer, "html")
            choices.append((answer, fraction))
            remaining = remaining.split(alt.group(0), 1)[1]
        gaps.append(Gap(kind, choices))
        text = text.replace(match.group(0), f"{{#{len(gaps)}}}", 1)
    assert not re.search(r"\{#\d+\}", questiontext), "the text holds a gap placeholder of its own"
    for number in range(1, len(gaps) + 1):
        text = text.replace(f"{{#{number}}}", GAP_MARK, 1)
    return shown(text, "html"), gaps
