"""What each exercise kind is, described once: how it is answered, its gaps, options, label.

Every cloze kind and question kind has one frozen ``ExerciseKind`` beside its generator, in
the kind's own module; the registries (``quizgen.cloze.KINDS``, ``quizgen.questions.registry``)
list them. Every consumer reads the description instead of testing kind names: the exports
(Anki, GIFT, Moodle XML, the worksheet) and the site (its choices and labels, the forms, the
learner's page, the answer check, the mapping of packs to rows), as every note of genanki
refers to its one ``Model``.

The answers of an item with several gaps travel as one text, joined by ``" | "``
(``encode_answers`` / ``decode_answers`` are the one place that knows it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from quizgen.errors import KindError
from quizgen.pack import ClozeItem, Question

ANSWER_SEPARATOR = " | "
#: a true-false question's answer is one of these, the true one first (the pack's contract)
TRUE_FALSE_ANSWERS: tuple[str, str] = ("richtig", "falsch")


class Section(StrEnum):
    """The two families of items: gap texts and questions on the text."""

    CLOZE = "cloze"
    QUESTION = "question"


class AnswerMode(StrEnum):
    """How a learner gives the answer."""

    TYPED = "typed"  # types it; the check forgives umlaut spellings, capitals, small typos
    CHOICE = "choice"  # picks one of the item's options
    TRUE_FALSE = "truefalse"  # says richtig or falsch
    WORD_BANK = "wordbank"  # fills several gaps from one bank of words (the answers and extras)


def is_true(answer: str) -> bool:
    """A true-false answer says true (richtig); anything else counts as false."""
    return answer.strip().lower() == TRUE_FALSE_ANSWERS[0]


def encode_answers(answers: Sequence[str]) -> str:
    """Several gaps' answers as one text, in gap order: ``"Krieg | Frieden"``."""
    return ANSWER_SEPARATOR.join(answer.strip() for answer in answers)


def decode_answers(text: str) -> tuple[str, ...]:
    """The answers ``encode_answers`` joined; a bare ``|`` (typed by a teacher) separates too."""
    return tuple(part.strip() for part in text.split(ANSWER_SEPARATOR.strip()))


@dataclass(frozen=True)
class ExerciseKind:
    """One kind of exercise as every consumer needs to know it; ``name`` is the item's ``kind``."""

    section: Section
    name: str
    #: what teachers read (the site's choices and badges), in English; the site translates it
    label: str
    #: what the learner is told to do, in English; the site translates it
    instruction: str
    answer_mode: AnswerMode
    #: items have several gaps, and their ``answer`` is the gaps' answers encoded as one text
    several_gaps: bool = False
    #: items carry options: the answer among them (choice, article, ending) or the word bank
    has_options: bool = False
    #: options every item of the kind has, when the generator gives none (richtig / falsch)
    fixed_options: tuple[str, ...] = ()
    #: the worksheet exercise that prints items of the kind (None: not on worksheets)
    worksheet: str | None = None
    #: how many items of the kind a pack and a new quiz get unless asked otherwise
    default_count: int = 3
    #: characters a typed gap needs on screen (an ending is short, a verb form long)
    gap_width: int = 12
    #: the gap is a word's ending after its stem (erst___): typing the whole word means the ending
    gap_after_stem: bool = False
    #: on a worksheet's gapped text its answers stand in the word bank (content words); the
    #: other gaps show their hint (a verb's infinitive) or are grammar (an article, an ending)
    in_word_bank: bool = False

    @property
    def key(self) -> str:
        """``"section:name"``: the kind's name among both sections (``cloze:choice``)."""
        return f"{self.section}:{self.name}"

    @property
    def picked(self) -> bool:
        """The learner picks the answer instead of typing it: it is right letter for letter."""
        return self.answer_mode is not AnswerMode.TYPED

    @property
    def hint_beside_gap(self) -> bool:
        """The item's hint stands next to the typed gap (a verb's infinitive); kinds with
        options show the options there instead."""
        return self.section is Section.CLOZE and not self.has_options

    def encode_answer(self, answers: Sequence[str]) -> str:
        """The item's one answer text: several gaps' answers encoded, one gap's as it is."""
        if self.several_gaps:
            return encode_answers(answers)
        return answers[0].strip() if answers else ""

    def decode_answer(self, answer: str) -> tuple[str, ...]:
        """Each gap's answer from the item's answer text (the inverse of ``encode_answer``)."""
        return decode_answers(answer) if self.several_gaps else (answer,)


def exercise_kinds(section: Section | str | None = None) -> tuple[ExerciseKind, ...]:
    """Every registered kind (cloze kinds, then question kinds) in registry order."""
    from quizgen.cloze import KINDS as CLOZE_KINDS
    from quizgen.questions.registry import question_kinds

    kinds = [kind.description for kind in CLOZE_KINDS.values()] + list(question_kinds().values())
    return tuple(kind for kind in kinds if section is None or kind.section == section)


def exercise_kind(section: Section | str, name: str) -> ExerciseKind:
    """The description of one kind; raises KindError for a kind no module registers."""
    for kind in exercise_kinds(section):
        if kind.name == name:
            return kind
    known = ", ".join(kind.name for kind in exercise_kinds(section)) or "none"
    raise KindError(f"There is no {section} kind {name!r}. Known {section} kinds: {known}.")


def exercise_kind_by_key(key: str) -> ExerciseKind:
    """The kind of a ``"section:name"`` key, as the site's forms and jobs name kinds."""
    section, _, name = key.partition(":")
    if section not in tuple(Section):
        raise KindError(f"{key!r} names no exercise kind: write section:kind, as in cloze:open.")
    return exercise_kind(section, name)


def kind_of(item: ClozeItem | Question) -> ExerciseKind:
    """The description of a pack item's kind."""
    section = Section.CLOZE if isinstance(item, ClozeItem) else Section.QUESTION
    return exercise_kind(section, item.kind)


__all__ = [
    "ANSWER_SEPARATOR",
    "TRUE_FALSE_ANSWERS",
    "AnswerMode",
    "ExerciseKind",
    "Section",
    "decode_answers",
    "encode_answers",
    "exercise_kind",
    "exercise_kind_by_key",
    "exercise_kinds",
    "is_true",
    "kind_of",
]
