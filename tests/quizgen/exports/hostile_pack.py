"""A lesson pack whose title, prompts, options and answers are made of the export formats' own
syntax, for the round trips through Moodle's importers (issue 15, finding 10)."""

from __future__ import annotations

import re
from dataclasses import replace

from quizgen.pack import ClozeItem, LessonPack, Question
from tests.quizgen.export_packs import moskau_pack

TITLE = "Titel\n\n::evil::Was ist 1+1? {=2}\r\n// x \\ {1:SHORTANSWER:=a} [html]<script>alert(1)</script>"
PROMPT = ("[html]<b>fett</b> {1:SHORTANSWER:=x} {#1} ::n:: a=b ~c #d %50% \\ ->\u2028\n\n"
          "::neu:: Frage? {=x}\r")
OPTIONS = ("%50%teil", "=gleich", "~tilde", "[html]<i>x</i>", "x#y } {", "a&", "\\", "a->b")
TYPED = ("%50%teil", "=gleich", "[plain]x", "x#y } {", "a&", "a\\", "<b>")


def one_line(text: str) -> str:
    """What the exports make of line breaks: one space (GIFT; Moodle XML keeps them in texts)."""
    return re.sub(r"\s*[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+\s*", " ", text)


def hostile_pack() -> LessonPack:
    questions = (
        Question(id="q1", kind="choice", question=PROMPT, answer=OPTIONS[1], answer_short=OPTIONS[1],
                 options=OPTIONS, correct=1),
        Question(id="q2", kind="wh", question=PROMPT, answer=TYPED[0], answer_short=TYPED[1], accepted=TYPED[2:]),
        Question(id="q3", kind="truefalse", question=PROMPT, answer="richtig", answer_short="richtig"),
        Question(id="q4", kind="wh", question="Nur ein Pfeil?", answer="a->b", answer_short="a->b"),
    )
    cloze = (
        ClozeItem(id="c1", kind="open", text=PROMPT.replace("a=b", "a=b ___"), answer=TYPED[0],
                  accepted=TYPED[1:], hint="{#1} <i>h</i> =x", answers=(TYPED[0],)),
        ClozeItem(id="c2", kind="choice", text="Vor ___ nach {1:MULTICHOICE:=x~y} ende.", answer=OPTIONS[0],
                  options=OPTIONS, answers=(OPTIONS[0],)),
        ClozeItem(id="c3", kind="wordbank", text="Eins ___ zwei ___ drei.", answer="a& | x#y } {",
                  options=("a&", "x#y } {", "%50%teil"), answers=("a&", "x#y } {")),
    )
    return replace(moskau_pack(), title=TITLE, questions=questions, cloze=cloze)
