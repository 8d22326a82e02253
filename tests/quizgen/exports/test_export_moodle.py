"""Moodle XML is parsed back into questions and compared with the pack's items."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from quizgen.exports.gaps import GAP
from quizgen.exports.moodle_xml import moodle_xml
from quizgen.pack import ClozeItem, LessonPack
from tests.quizgen.export_packs import moskau_pack
from tests.quizgen.exports.moodle_readers import GAP_MARK, read_cloze, shown

def parse(xml: str) -> dict[str, object]:
    """The category and {name: {"type", "text", "answers", "gaps", "feedback"}} as Moodle imports
    the file: cloze texts through its embedded-answers reader (moodle_readers.read_cloze), the
    gaps as (MULTICHOICE or SHORTANSWER, [(text, is_right)]), GAP where each gap stands."""
    root = ET.fromstring(xml)
    parsed: dict[str, object] = {"questions": {}}
    for question in root.findall("question"):
        kind = question.get("type")
        if kind == "category":
            parsed["category"] = question.findtext("category/text")
            continue
        name = question.findtext("name/text").split()[0]
        text = question.findtext("questiontext/text")
        answers = [(shown(a.findtext("text"), a.get("format")), a.get("fraction"))
                   for a in question.findall("answer")]
        gaps: list[tuple[str, list[tuple[str, bool]]]] = []
        if kind == "cloze":
            text, read = read_cloze(text)
            text = text.replace(GAP_MARK, GAP)
            gaps = [(gap.kind, [(choice, fraction == 1.0) for choice, fraction in gap.choices]) for gap in read]
        else:
            text = shown(text, "html")
        parsed["questions"][name] = {"type": kind, "text": text, "answers": answers, "gaps": gaps,
                                     "feedback": question.findtext("generalfeedback/text")}
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


def test_hostile_titles_prompts_and_answers_come_back_from_moodles_importer_as_written():
    from tests.quizgen.exports.hostile_pack import OPTIONS, PROMPT, TITLE, TYPED, hostile_pack

    parsed = parse(moodle_xml(hostile_pack()))
    PROMPT = PROMPT.replace("\r\n", "\n").replace("\r", "\n")  # as every XML parser reads line ends
    assert parsed["category"] == "$course$/top/Quizgen/" + " ".join(TITLE.split()).replace("/", "//")
    questions = parsed["questions"]
    assert questions["q1"]["type"] == "multichoice" and questions["q1"]["text"] == PROMPT
    assert questions["q1"]["answers"] == [(option, "100" if n == 1 else "0") for n, option in enumerate(OPTIONS)]
    c1 = questions["c1"]
    assert c1["text"] == PROMPT.replace("a=b", "a=b ___").replace(GAP, GAP + " ({#1} <i>h</i> =x)")
    ((kind, choices),) = c1["gaps"]
    assert kind == "SHORTANSWER" and choices == [(answer, True) for answer in TYPED]
    c2 = questions["c2"]
    assert c2["text"] == "Vor ___ nach {1:MULTICHOICE:=x~y} ende."
    ((kind, choices),) = c2["gaps"]
    assert kind == "MULTICHOICE" and choices == [(option, n == 0) for n, option in enumerate(OPTIONS)]
    assert [[text for text, right in choices if right] for _, choices in questions["c3"]["gaps"]] == [
        ["a&"], ["x#y } {"]]
