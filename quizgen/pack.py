"""The lesson pack: the frozen records generators produce and exports and the site consume.

The JSON field names (``LessonPack.to_dict``) are a contract other tools read: add fields,
never rename them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

LEVELS: tuple[str, ...] = ("A1", "A2", "B1", "B2", "C1", "C2")


#: how lists (word list, worksheet, CSV, Anki back) mark a gloss of low confidence
UNCERTAIN_MARK = "(?)"


@dataclass(frozen=True)
class VocabEntry:
    """One word a learner should know, as it goes on a card."""

    lemma: str  # ankündigen, Partnerschaft, vollständig
    display: str  # die Partnerschaft, ankündigen, sich freuen
    pos: str  # UPOS: NOUN, VERB, ADJ, ADV
    gender: str | None  # m, f, n for nouns
    plural: str | None  # die Partnerschaften (None: no plural known)
    gloss: str | None  # English; None means the glossary has none
    gloss_note: str | None  # "sense uncertain", "no gloss in the glossary" ...
    zipf: float  # wordfreq Zipf frequency of the lemma
    cefr: str  # estimated level, see quizgen.german.cefr_estimate
    band: int  # frequency band 1 (most frequent) .. 5
    count: int  # occurrences in the text
    example: str  # first sentence it occurs in, the occurrence marked **like this**
    sentence: int  # index of that sentence
    parts: tuple[str, ...] = ()  # compound parts: Grund|Voraussetzung
    forms: tuple[str, ...] = ()  # the forms seen in the text
    # "high": from the core glossary, or a clear dictionary sense, or a compound of sure parts;
    # "low": uncertain (two senses close, a compound's parts shown apart); None: no gloss
    gloss_confidence: str | None = None
    # a key word: one of the 8-15 words (fewer in a short text) that carry this article and are
    # worth learning at the pack's level (quizgen.lesson.key_words); key_score says how strongly
    # (how central to the article times how useful to learn), for every entry
    key: bool = False
    key_score: float = 0.0

    @property
    def shown_gloss(self) -> str | None:
        """The gloss as lists show it: an uncertain one marked ``(?)``."""
        if self.gloss and self.gloss_confidence == "low":
            return f"{self.gloss} {UNCERTAIN_MARK}"
        return self.gloss


@dataclass(frozen=True)
class NameEntry:
    """A person, place or organisation named in the text (kept out of the vocabulary)."""

    text: str
    type: str  # PER, LOC, ORG, OTH
    count: int
    sentence: int


@dataclass(frozen=True)
class ClozeItem:
    """A gap exercise. ``text`` marks each gap with ``___``."""

    id: str  # stable for the same text
    kind: str  # open, choice, wordbank, article, ending, verbform
    text: str
    answer: str  # for wordbank: the answers joined by " | " in gap order
    options: tuple[str, ...] = ()  # choice kinds: the answer among them; wordbank: the bank
    hint: str | None = None
    sentence: int = 0  # index of the (first) sentence
    answers: tuple[str, ...] = ()  # every gap's answer in order (wordbank has several)
    accepted: tuple[str, ...] = ()  # other answers a typed check accepts
    lemma: str | None = None
    pos: str | None = None


@dataclass(frozen=True)
class Question:
    """A comprehension question whose answer is taken from the text."""

    id: str
    kind: str  # wh, truefalse, choice
    question: str
    answer: str  # the full constituent; for truefalse "richtig" or "falsch"
    answer_short: str
    accepted: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    correct: int | None = None  # index into options
    sentence: int = 0  # index of the evidence sentence
    score: float = 0.0  # the ranker's confidence 0..1
    wh_word: str | None = None  # Wer, Was, Wen, Wem, Wo, Wann, Warum ...


@dataclass(frozen=True)
class TextLevel:
    """How hard the text is, with where each figure comes from."""

    words: int
    sentences: int
    amstad: float  # Flesch reading ease, Amstad's German formula (textstat)
    wiener: float  # Wiener Sachtextformel 1 (textstat)
    cefr: str  # estimated
    share_above_level: float  # share of content words above the chosen level (0..1)
    method: str = "textstat (Amstad, WSTF 1) and wordfreq Zipf bands; CEFR is an estimate"


@dataclass(frozen=True)
class LessonPack:
    title: str
    level: str
    text: str
    sentences: tuple[str, ...]
    text_level: TextLevel | None
    vocabulary: tuple[VocabEntry, ...]
    names: tuple[NameEntry, ...]
    cloze: tuple[ClozeItem, ...]
    questions: tuple[Question, ...] = ()
    source: str = ""  # file name or URL
    generator: str = ""  # quizgen version and pipeline
    extra: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        extra = data.pop("extra", None) or {}
        for key, value in extra.items():  # more fields (notes, sources); never overrides one
            data.setdefault(key, value)
        return data
