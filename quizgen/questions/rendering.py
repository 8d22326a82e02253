"""A compact, readable text rendering of questions: golden files and review diffs use it."""

from __future__ import annotations

from collections.abc import Iterable

from quizgen.kinds import AnswerMode, kind_of
from quizgen.pack import Question


def render_questions(questions: Iterable[Question]) -> str:
    """One block per question: kind, sentence and score, the question, options, answer."""
    lines: list[str] = []
    for q in questions:
        head = f"[{q.kind} s{q.sentence} {q.score:.2f}]"
        lines.append(f"{head} {q.question}")
        if kind_of(q).answer_mode is AnswerMode.CHOICE:
            for k, option in enumerate(q.options):
                mark = "*" if k == q.correct else " "
                lines.append(f"    {mark} {'abc'[k]}) {option}")
        answer = q.answer if q.answer == q.answer_short else f"{q.answer}  (kurz: {q.answer_short})"
        lines.append(f"    => {answer}")
    return "\n".join(lines) + ("\n" if lines else "")
