"""GIFT is parsed back with a small GIFT reader and compared with the pack's items."""

from __future__ import annotations

import os
from pathlib import Path

from quizgen.exports.gaps import GAP
from quizgen.exports.gift import gift
from quizgen.pack import ClozeItem, LessonPack, Question
from tests.quizgen.export_packs import moskau_pack
from tests.quizgen.exports.moodle_readers import read_gift, shown

def parse_gift(source: str) -> tuple[str, dict[str, dict[str, object]]]:
    """(category, {name: {"type", "before", "after", "answers": [(text, is_right)]}}) as Moodle
    imports the file (tests/quizgen/exports/moodle_readers.py); "before" and "after" are the
    shown text around Moodle's blank."""
    category = ""
    questions: dict[str, dict[str, object]] = {}
    for question in read_gift(source):
        if question.qtype == "category":
            category = question.category
            continue
        text = shown(question.text, question.format)
        before, _, after = text.partition("_____")
        if question.qtype == "truefalse":
            answers = [("T" if question.answers[0][0] in ("T", "TRUE") else "F", True)]
        else:
            answers = [(shown(t, f) if question.qtype == "multichoice" else t, fraction == 1.0)
                       for t, fraction, f in question.answers]
        questions[question.name] = {"type": question.qtype, "before": before, "after": after,
                                    "answers": answers}
    return category, questions


def test_questions_come_back_with_their_answers():
    pack = moskau_pack()
    category, questions = parse_gift(gift(pack))
    assert category == ("$course$/top/Quizgen/Moskau-Besuch: Russland und China vertiefen "
                        "Partnerschaft")
    for item in pack.questions:
        parsed = questions[item.id]
        assert parsed["before"].strip() == item.question
        if item.kind == "truefalse":
            assert parsed["answers"] == [("T" if item.answer == "richtig" else "F", True)]
        elif item.kind == "choice":
            assert parsed["answers"] == [(option, i == item.correct)
                                         for i, option in enumerate(item.options)]
        else:
            assert {text for text, right in parsed["answers"] if right} == {
                item.answer, item.answer_short, *item.accepted}


def test_each_gap_becomes_a_missing_word_question():
    pack = moskau_pack()
    _, questions = parse_gift(gift(pack))
    bank = next(item for item in pack.cloze if item.kind == "wordbank")
    assert {f"{bank.id}-{n}" for n in (1, 2, 3)} <= set(questions)
    for item in pack.cloze:
        answers = item.answers or (item.answer,)
        for n, answer in enumerate(answers, start=1):
            parsed = questions[item.id if len(answers) == 1 else f"{item.id}-{n}"]
            rebuilt = parsed["before"] + GAP + parsed["after"]
            pieces = item.text.split(GAP)
            filled = pieces[0] + "".join(
                (GAP if other == n else other_answer) + piece
                for other, (other_answer, piece) in enumerate(zip(answers, pieces[1:]), 1))
            if item.kind in ("open", "verbform") and item.hint:
                filled = filled.replace(GAP, f"{GAP} ({item.hint})")
            assert rebuilt == filled
            assert [t for t, right in parsed["answers"] if right] == [answer]
            if item.options:
                assert {t for t, _ in parsed["answers"]} == set(item.options)


def test_special_characters_are_escaped():
    nasty = "Gilt {x} = 2 # 3 ~ 4: ja \\ nein?"
    question = Question(id="q:1", kind="choice", question=nasty, answer="a=b",
                        answer_short="a=b", options=("a=b", "{c}", "~d#:e"), correct=0)
    short = Question(id="q2", kind="wh", question="Was kostet es?", answer="12:30 = {x}",
                     answer_short="12:30", accepted=("~12",))
    cloze = ClozeItem(id="c1", kind="open", text="Um ___ Uhr: {los}", answer="12:30",
                      answers=("12:30",))
    pack = moskau_pack()
    odd = LessonPack(title="T", level="B1", text=pack.text, sentences=pack.sentences,
                     text_level=None, vocabulary=(), names=(), cloze=(cloze,),
                     questions=(question, short))
    source = gift(odd)
    _, questions = parse_gift(source)
    assert questions["q:1"]["before"].strip() == nasty
    assert questions["q:1"]["answers"] == [("a=b", True), ("{c}", False), ("~d#:e", False)]
    assert {t for t, _ in questions["q2"]["answers"]} == {"12:30 = {x}", "12:30", "~12"}
    assert questions["c1"]["before"] + GAP + questions["c1"]["after"] == cloze.text
    # every special character in the source is escaped
    assert "\\{x\\} \\= 2 \\# 3 \\~ 4\\: ja \\\\ nein?" in source


GOLDEN = Path(__file__).parents[1] / "golden" / "exports" / "moskau.gift.txt"


def test_gift_of_the_seed_pack_matches_the_golden_file():
    """Every change in the written GIFT shows up as a diff (QUIZGEN_UPDATE_GOLDEN=1 rewrites)."""
    text = gift(moskau_pack())
    if os.environ.get("QUIZGEN_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_hostile_titles_prompts_and_answers_come_back_from_moodles_importer_as_written():
    from quizgen.exports.moodle_xml import category_path
    from tests.quizgen.exports.hostile_pack import OPTIONS, PROMPT, TYPED, hostile_pack, one_line

    pack = hostile_pack()
    imported = [q for q in read_gift(gift(pack)) if q.qtype != "category"]
    category, questions = parse_gift(gift(pack))
    # no question of the title's or a prompt's making; q4 (its only answer has ->) is left out
    assert [q.name for q in imported] == ["q1", "q2", "q3", "c1", "c2", "c3-1", "c3-2"]
    assert category == category_path(pack) == "$course$/top/Quizgen/" + " ".join(pack.title.split()).replace("/", "//")
    prompt = one_line(PROMPT).strip()
    assert questions["q1"]["type"] == "multichoice" and questions["q1"]["before"].strip() == prompt
    assert questions["q1"]["answers"] == [(option, n == 1) for n, option in enumerate(OPTIONS)]
    assert questions["q2"]["type"] == "shortanswer"
    assert {text for text, right in questions["q2"]["answers"] if right} == set(TYPED)
    assert questions["q3"]["type"] == "truefalse" and questions["q3"]["answers"] == [("T", True)]
    c1 = questions["c1"]
    assert c1["type"] == "shortanswer"
    assert (c1["before"] + GAP + c1["after"]).strip() == one_line(
        PROMPT.replace("a=b", "a=b ___")).replace(GAP, GAP + " ({#1} <i>h</i> =x)").strip()
    assert questions["c2"]["type"] == "multichoice"
    assert questions["c2"]["before"] + GAP + questions["c2"]["after"] == "Vor ___ nach {1:MULTICHOICE:=x~y} ende."
    assert questions["c2"]["answers"] == [(option, n == 0) for n, option in enumerate(OPTIONS)]
    assert questions["c3-2"]["before"] + GAP + questions["c3-2"]["after"] == "Eins a& zwei ___ drei."
    assert [t for t, right in questions["c3-2"]["answers"] if right] == ["x#y } {"]
