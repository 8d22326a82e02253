"""The question generators by name, each with the kind of question it makes.

Adding a kind: one module (its generator and its ``ExerciseKind``), one line here, one test
file. Several generators may make the same kind (W-questions come from three).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from quizgen.analysis import Analysis
from quizgen.errors import QuestionGeneratorError
from quizgen.kinds import ExerciseKind
from quizgen.questions import multiple_choice, nominalised_events, reasons, reported_speech, truefalse, wh_questions
from quizgen.questions.candidate import QuestionCandidate

Generate = Callable[[Analysis, int, list[QuestionCandidate]], list[QuestionCandidate]]


@dataclass(frozen=True)
class QuestionGenerator:
    """``generate(analysis, seed, previous)`` makes candidates of ``kind``."""

    kind: ExerciseKind
    generate: Generate


# Order matters: ``choice`` builds on the W-questions generated before it.
GENERATORS: dict[str, QuestionGenerator] = {
    "wh": QuestionGenerator(wh_questions.KIND, lambda analysis, seed, previous: wh_questions.generate(analysis)),
    "nominalised_events": QuestionGenerator(
        wh_questions.KIND, lambda analysis, seed, previous: nominalised_events.generate(analysis)),
    "reported_speech": QuestionGenerator(
        wh_questions.KIND, lambda analysis, seed, previous: reported_speech.generate(analysis)),
    "reasons": QuestionGenerator(wh_questions.KIND, lambda analysis, seed, previous: reasons.generate(analysis)),
    "truefalse": QuestionGenerator(
        truefalse.KIND, lambda analysis, seed, previous: truefalse.generate(analysis, seed=seed)),
    "choice": QuestionGenerator(
        multiple_choice.KIND, lambda analysis, seed, previous: multiple_choice.generate(analysis, seed=seed, previous=previous)),
}


def question_kinds() -> dict[str, ExerciseKind]:
    """The kinds of question the generators make, by name, in generator order."""
    return {generator.kind.name: generator.kind for generator in GENERATORS.values()}


def get_generator(name: str) -> QuestionGenerator:
    """The generator called ``name``; raises with the known names when there is none."""
    try:
        return GENERATORS[name]
    except KeyError:
        known = ", ".join(GENERATORS)
        raise QuestionGeneratorError(
            f"There is no question generator called {name!r}. Use one of: {known}."
        ) from None
