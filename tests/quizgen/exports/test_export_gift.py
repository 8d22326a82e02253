"""GIFT is parsed back with a small GIFT reader and compared with the pack's items."""

from __future__ import annotations

import os
import re
from pathlib import Path

from quizgen.exports.gaps import GAP
from quizgen.exports.gift import gift
from quizgen.pack import ClozeItem, LessonPack, Question
from tests.quizgen.export_packs import moskau_pack

_UNESCAPED = r"(?<!\\)"


def _plain(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def parse_gift(source: str) -> tuple[str, dict[str, dict[str, object]]]:
    category = ""
    questions: dict[str, dict[str, object]] = {}
    for block in source.split("\n\n"):
        block = block.strip()
        if block.startswith("//"):
            continue
        if block.startswith("$CATEGORY:"):
            category = block.removeprefix("$CATEGORY:").strip()
            continue
        match = re.fullmatch(r"::((?:\\.|[^:\\])*)::(.*)", block, re.S)
        assert match, block
        name, rest = _plain(match.group(1)), match.group(2)
        opened = re.search(_UNESCAPED + r"\{", rest)
        closed = re.search(_UNESCAPED + r"\}", rest[opened.end():])
        before, body = rest[: opened.start()], rest[opened.end(): opened.end() + closed.start()]
        after = rest[opened.end() + closed.end():]
        body = body.strip()
        if body in ("T", "F"):
            answers = [(body, True)]
        else:
            parts = re.split(_UNESCAPED + r"([=~])", body)
            answers = [(_plain(text.strip()), mark == "=")
                       for mark, text in zip(parts[1::2], parts[2::2])]
        questions[name] = {"before": _plain(before), "after": _plain(after),
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
