"""The question generators by name. Adding a kind: one module, one line here, one test file."""

from __future__ import annotations

from collections.abc import Callable

from quizgen.analysis import Analysis
from quizgen.errors import QuizgenError
from quizgen.questions import multiple_choice, nominalised_events, reported_speech, truefalse, wh_questions
from quizgen.questions.candidate import QuestionCandidate

Generator = Callable[[Analysis, int, list[QuestionCandidate]], list[QuestionCandidate]]


class UnknownQuestionGeneratorError(QuizgenError):
    code = "unknown_question_generator"


# Order matters: ``choice`` builds on the W-questions generated before it.
GENERATORS: dict[str, Generator] = {
    "wh": lambda analysis, seed, previous: wh_questions.generate(analysis),
    "nominalised_events": lambda analysis, seed, previous: nominalised_events.generate(analysis),
    "reported_speech": lambda analysis, seed, previous: reported_speech.generate(analysis),
    "truefalse": lambda analysis, seed, previous: truefalse.generate(analysis, seed=seed),
    "choice": lambda analysis, seed, previous: multiple_choice.generate(analysis, seed=seed, previous=previous),
}


def get_generator(name: str) -> Generator:
    """The generator called ``name``; raises with the known names when there is none."""
    try:
        return GENERATORS[name]
    except KeyError:
        known = ", ".join(GENERATORS)
        raise UnknownQuestionGeneratorError(
            f"There is no question generator called {name!r}. Use one of: {known}."
        ) from None
