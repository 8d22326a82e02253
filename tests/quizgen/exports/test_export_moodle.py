"""Moodle XML is parsed back into questions and compared with the pack's items."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

from quizgen.exports.gaps import GAP
from quizgen.exports.moodle_xml import moodle_xml
from quizgen.pack import ClozeItem, LessonPack
from tests.quizgen.export_packs import moskau_pack

_EMBEDDED = re.compile(r"\{1:(MULTICHOICE|SHORTANSWER):((?:\\.|[^\\}])*)\}")


def _unescape_embedded(text: str) -> str:
    return html.unescape(re.sub(r"\\(.)", r"\1", text))


def parse_embedded(body: str) -> list[tuple[str, bool]]:
    """Choices of one embedded answer: (text, is_right)."""
    choices = re.split(r"(?<!\\)~", body)
    return [(_unescape_embedded(c.lstrip("=")), c.startswith("=")) for c in choices]


def parse(xml: str) -> dict[str, object]:
    root = ET.fromstring(xml)
    parsed: dict[str, object] = {"questions": {}}
    for question in root.findall("question"):
        kind = question.get("type")
        if kind == "category":
            parsed["category"] = question.findtext("category/text")
            continue
        name = question.findtext("name/text").split()[0]
        text = question.findtext("questiontext/text")
        answers = [(html.unescape(a.findtext("text")), a.get("fraction"))
                   for a in question.findall("answer")]
        gaps = [(m.group(1), parse_embedded(m.group(2))) for m in _EMBEDDED.finditer(text)]
        plain = html.unescape(_EMBEDDED.sub(GAP, text))
        parsed["questions"][name] = {"type": kind, "text": plain, "answers": answers,
                                     "gaps": gaps, "feedback":
                                     question.findtext("generalfeedback/text")}
    return parsed


def test_one_category_per_article():
    parsed = parse(moodle_xml(moskau_pack()))
    assert parsed["category"] == ("$course$/top/Quizgen/Moskau-Besuch: Russland und China "
                                  "vertiefen Partnerschaft")


def test_questions_come_back_with_their_moodle_types_and_answers():
    pack = moskau_pack()
    questions = parse(moodle_xml(pack))["questions"]
    assert len(questions) == len(pack.questions) + len(pack.cloze)
    for item in pack.questions:
        parsed = questions[item.id]
        assert parsed["text"] == item.question
        if item.kind == "choice":
            assert parsed["type"] == "multichoice"
            assert [text for text, _ in parsed["answers"]] == list(item.options)
            assert [f for _, f in parsed["answers"]].index("100") == item.correct
        elif item.kind == "truefalse":
            assert parsed["type"] == "truefalse"
            right = dict((f, t) for t, f in parsed["answers"])["100"]
            assert right == ("true" if item.answer == "richtig" else "false")
        else:
            assert parsed["type"] == "shortanswer"
            accepted = {text for text, fraction in parsed["answers"] if fraction == "100"}
            assert accepted == {item.answer, item.answer_short, *item.accepted}
        assert pack.sentences[item.sentence] in parsed["feedback"]


def test_cloze_items_become_embedded_answers_with_every_gap():
    pack = moskau_pack()
    questions = parse(moodle_xml(pack))["questions"]
    for item in pack.cloze:
        parsed = questions[item.id]
        assert parsed["type"] == "cloze"
        expected_text = item.text
        if item.kind in ("open", "verbform") and item.hint:
            expected_text = item.text.replace(GAP, f"{GAP} ({item.hint})")
        assert parsed["text"] == expected_text
        answers = item.answers or (item.answer,)
        assert len(parsed["gaps"]) == len(answers)
        for (kind, choices), answer in zip(parsed["gaps"], answers):
            assert [text for text, right in choices if right] == [answer]
            if item.options:
                assert kind == "MULTICHOICE"
                assert {text for text, _ in choices} == set(item.options)
            else:
                assert kind == "SHORTANSWER"


def test_special_characters_survive_the_embedded_syntax():
    pack = moskau_pack()
    item = ClozeItem(id="x1", kind="choice", text='Er sagte: "a/b" ist ___ & mehr.',
                     answer="{1} ~ #2", options=("{1} ~ #2", 'C:\\dir "x"', "<b>"),
                     answers=("{1} ~ #2",))
    odd = LessonPack(title="A/B & <Test>", level="B1", text=pack.text,
                     sentences=pack.sentences, text_level=None, vocabulary=(), names=(),
                     cloze=(item,))
    parsed = parse(moodle_xml(odd))
    assert parsed["category"] == "$course$/top/Quizgen/A//B & <Test>"
    gap = parsed["questions"]["x1"]
    assert gap["text"] == item.text
    ((_, choices),) = gap["gaps"]
    assert choices == [("{1} ~ #2", True), ('C:\\dir "x"', False), ("<b>", False)]
