"""Quizgen: German news text to lesson packs (vocabulary, cloze, comprehension questions)."""

from __future__ import annotations

from quizgen.analysis import Analysis, Clause, Entity, NounInfo, Phrase, Sentence, Token
from quizgen.nlp.analyze import analyze, analyze_many
from quizgen.errors import QuizgenError

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "Clause",
    "Entity",
    "NounInfo",
    "Phrase",
    "QuizgenError",
    "Sentence",
    "Token",
    "analyze",
    "analyze_many",
]
