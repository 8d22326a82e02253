"""Two kinds that exist only in tests, registered the way a new kind module would be.

They prove that every consumer reads the kind's description: no export and nothing in the
site names them, yet they are exported, printed and offered (tests/quizgen/test_kinds.py,
tests/learnsite/test_kind_descriptions.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from quizgen.cloze import KINDS
from quizgen.cloze.base import ClozeContext
from quizgen.kinds import AnswerMode, ExerciseKind, Section
from quizgen.pack import ClozeItem, Question
from quizgen.questions.registry import GENERATORS, QuestionGenerator

SYNONYM = ExerciseKind(
    section=Section.CLOZE,
    name="synonym",
    label="Cloze: synonyms",
    instruction="Choose the word that means the same.",
    answer_mode=AnswerMode.CHOICE,
    has_options=True,
    worksheet="choice",
    default_count=2,
)
WHO_SAID = ExerciseKind(
    section=Section.QUESTION,
    name="whosaid",
    label="Questions: who said it",
    instruction="Name the speaker.",
    answer_mode=AnswerMode.TYPED,
    worksheet="wh",
    default_count=2,
)


class SynonymKind:
    description = SYNONYM
    name = SYNONYM.name

    def candidates(self, ctx: ClozeContext) -> list:
        return []


@contextmanager
def registered(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Both kinds in their registries (one line each, as in a kind's own module)."""
    monkeypatch.setitem(KINDS, SYNONYM.name, SynonymKind())
    monkeypatch.setitem(GENERATORS, WHO_SAID.name, QuestionGenerator(WHO_SAID, lambda analysis, seed, previous: []))
    yield


SYNONYM_ITEM = ClozeItem(
    id="syn1", kind="synonym", text="Der Außenminister ___ den Besuch.", answer="kündigte an",
    options=("gab bekannt", "kündigte an", "sagte ab"), sentence=1, answers=("kündigte an",),
)
WHO_SAID_ITEM = Question(
    id="who1", kind="whosaid", question="Wer sagte „Die internationalen Beziehungen sind heute kompliziert“?",
    answer="Putin", answer_short="Putin", sentence=5, score=0.9,
)
