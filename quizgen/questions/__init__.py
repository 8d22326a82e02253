"""Comprehension questions with answers from the text: W-questions, Richtig/Falsch, a/b/c.

``build_questions(analysis)`` overgenerates candidates with every registered generator, each
naming the fact (clause) it asks; ``ranking.select`` keeps the best of the most important
facts, one question per fact, each W- and a/b/c question verified by parsing it
(``verification.py``): at most one per 40 words, fewer when the text offers fewer good ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from quizgen.analysis import Analysis
from quizgen.errors import InputError
from quizgen.pack import LEVELS, Question
from quizgen.questions.candidate import QuestionCandidate
from quizgen.questions.ranking import default_count, select
from quizgen.questions.facts import article_facts
from quizgen.questions.registry import GENERATORS, get_generator
from quizgen.questions.verification import verify

__all__ = ["build_questions", "candidates"]


def candidates(analysis: Analysis, *, seed: int = 0, generators: tuple[str, ...] | None = None) -> list[QuestionCandidate]:
    """Every candidate question of every generator (before ranking), in generator order, each
    with the importance of the fact it asks."""
    out: list[QuestionCandidate] = []
    for name in generators or tuple(GENERATORS):
        out.extend(get_generator(name).generate(analysis, seed, list(out)))
    facts = article_facts(analysis)
    return [replace(c, importance=facts.importance(c.clause)) for c in out]


def _verified(analysis: Analysis, cands: Sequence[QuestionCandidate]) -> list[bool]:
    return [v.ok for v in verify(analysis, cands)]


def build_questions(
    analysis: Analysis, *, level: str = "B1", n: int | None = None, seed: int = 0
) -> tuple[Question, ...]:
    """The best ``n`` comprehension questions (default: up to one per 40 words) in text order."""
    if level not in LEVELS:
        raise InputError(f"Unknown level {level!r}: choose one of {', '.join(LEVELS)}.")
    if n is not None and n < 0:
        raise InputError("The number of questions cannot be negative: give 0 or more.")
    words = sum(1 for t in analysis.tokens if any(ch.isalpha() for ch in t.text))
    count = default_count(words) if n is None else n
    if count == 0 or not analysis.tokens:
        return ()
    chosen = select(analysis, candidates(analysis, seed=seed), count, level=level, verifier=_verified)
    return tuple(c.to_question(s) for c, s in chosen)
