"""Comprehension questions with answers from the text: W-questions, Richtig/Falsch, a/b/c.

``build_questions(analysis)`` overgenerates candidates with every registered generator,
scores them and returns the best, about one per 35 words, spread over the text.
"""

from __future__ import annotations

from quizgen.analysis import Analysis
from quizgen.errors import InputError
from quizgen.pack import LEVELS, Question
from quizgen.questions.candidate import QuestionCandidate
from quizgen.questions.ranking import default_count, select
from quizgen.questions.registry import GENERATORS, get_generator

__all__ = ["build_questions", "candidates"]


def candidates(analysis: Analysis, *, seed: int = 0, generators: tuple[str, ...] | None = None) -> list[QuestionCandidate]:
    """Every candidate question of every generator (before ranking), in generator order."""
    out: list[QuestionCandidate] = []
    for name in generators or tuple(GENERATORS):
        out.extend(get_generator(name).generate(analysis, seed, list(out)))
    return out


def build_questions(
    analysis: Analysis, *, level: str = "B1", n: int | None = None, seed: int = 0
) -> tuple[Question, ...]:
    """The best ``n`` comprehension questions (default: one per 35 words) in text order."""
    if level not in LEVELS:
        raise InputError(f"Unknown level {level!r}: choose one of {', '.join(LEVELS)}.")
    if n is not None and n < 0:
        raise InputError("The number of questions cannot be negative: give 0 or more.")
    words = sum(1 for t in analysis.tokens if any(ch.isalpha() for ch in t.text))
    count = default_count(words) if n is None else n
    if count == 0 or not analysis.tokens:
        return ()
    chosen = select(candidates(analysis, seed=seed), count, level=level)
    return tuple(c.to_question(s) for c, s in chosen)
