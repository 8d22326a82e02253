"""The working record of a question before ranking: what it asks, its answer and its evidence."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace

from quizgen.pack import Question


@dataclass(frozen=True)
class QuestionCandidate:
    """One generated question with what the ranker needs to judge it."""

    kind: str  # wh, truefalse, choice
    question: str
    answer: str
    answer_short: str
    sentence: int
    confidence: float  # the generator's confidence 0..1 (analysis + pattern)
    fact: str  # identifies the fact asked: two candidates with the same fact are one question
    wh_word: str | None = None
    answer_type: str = "THING"  # PER, LOC, ORG, OTH, NUM, TIME, THING, CLAUSE
    accepted: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    correct: int | None = None
    span: tuple[int, int] = (0, 0)  # tokens of the answer in the text (for coverage)
    notes: tuple[str, ...] = field(default=())  # why the score is what it is (debugging)
    role: str = ""  # what the W-word stands for: subject, acc_object, dat_object, pp, reason, said, event, statement
    verb_lemma: str = ""  # the verb of the question's clause (valency checks)
    wh_phrase: str = ""  # the whole Vorfeld when it is more than the W-word (Wie viele Menschen)
    clause: int | None = None  # index of the source clause in Analysis.clauses
    importance: float = 0.0  # how central the asked fact is to the article, 0..1 (facts.py)

    def with_confidence(self, confidence: float) -> QuestionCandidate:
        return replace(self, confidence=confidence)

    def to_question(self, score: float) -> Question:
        return Question(
            id=question_id(self.kind, self.question, self.sentence),
            kind=self.kind,
            question=self.question,
            answer=self.answer,
            answer_short=self.answer_short,
            accepted=self.accepted,
            options=self.options,
            correct=self.correct,
            sentence=self.sentence,
            score=round(score, 3),
            wh_word=self.wh_word,
        )


def question_id(kind: str, question: str, sentence: int) -> str:
    """A stable id: the same question on the same sentence keeps its id across runs."""
    digest = hashlib.sha1(f"{kind}|{sentence}|{question}".encode()).hexdigest()[:12]
    return f"q-{digest}"


def accepted_forms(*forms: str) -> tuple[str, ...]:
    """Answers a typed check accepts: each form, without a leading article, de-duplicated."""
    out: list[str] = []
    articles = ("der ", "die ", "das ", "den ", "dem ", "des ", "ein ", "eine ", "einen ", "einem ", "einer ")
    for form in forms:
        form = form.strip()
        if not form:
            continue
        for variant in (form, *(form[len(a) :] for a in articles if form.lower().startswith(a))):
            if variant and variant not in out:
                out.append(variant)
    return tuple(out)
