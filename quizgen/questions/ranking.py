"""Rank overgenerated candidates and keep the best N, spread over the text, one per fact.

The score multiplies the generator's confidence (which carries the clause analysis'
confidence) by penalties for long questions and long answers. Selection is greedy by score
under a quota per kind (about 40% W-questions, 35% Richtig/Falsch, 25% a/b/c),
at most one question per sentence while other sentences have candidates, and never two
candidates with the same fact. Default N: one question per 35 words.
"""

from __future__ import annotations

import math

from quizgen.questions.candidate import QuestionCandidate

WORDS_PER_QUESTION = 35
# Below this the analysis was unsure (case-ambiguous subject and object, a guessed role):
# precision over recall, such candidates are never offered.
MIN_SCORE = 0.62
KIND_SHARE = {"wh": 0.4, "truefalse": 0.35, "choice": 0.25}
# Longer questions are not offered at all: a learner at the level loses the thread.
MAX_QUESTION_WORDS = {"A1": 12, "A2": 14, "B1": 18, "B2": 20, "C1": 22, "C2": 22}
# Up to a dozen words a question reads in one go; each word beyond costs 4% of the score, so a
# question at the B1 limit (18 words) keeps 76% and loses to a shorter one about the same fact.
EASY_QUESTION_WORDS = 12
PER_EXTRA_QUESTION_WORD = 0.04
# A question of one or two words (Wer sprach?) does not say which fact it asks about.
MIN_CLEAR_QUESTION_WORDS = 3
VAGUE_QUESTION_FACTOR = 0.6
# An answer to type or to choose should be a phrase, not a clause: one of more than 8 words is
# hard to type exactly and to check (x 0.9), one of more than 12 is a clause retold (x 0.7).
# Richtig/Falsch answers are one word and are not judged by this.
LONG_ANSWER_WORDS = 8
LONG_ANSWER_FACTOR = 0.9
VERY_LONG_ANSWER_WORDS = 12
VERY_LONG_ANSWER_FACTOR = 0.7


def default_count(words: int) -> int:
    return max(1, round(words / WORDS_PER_QUESTION))


def score(cand: QuestionCandidate, *, level: str = "B1") -> float:
    """The ranker's confidence that a candidate is a good question, 0..1."""
    q_words = len(cand.question.split())
    if q_words > MAX_QUESTION_WORDS.get(level, MAX_QUESTION_WORDS["B1"]):
        return 0.0
    s = cand.confidence
    if q_words > EASY_QUESTION_WORDS:
        s *= 1.0 - PER_EXTRA_QUESTION_WORD * (q_words - EASY_QUESTION_WORDS)
    if q_words < MIN_CLEAR_QUESTION_WORDS:
        s *= VAGUE_QUESTION_FACTOR
    if cand.kind != "truefalse":
        a_words = len(cand.answer.split())
        if a_words > VERY_LONG_ANSWER_WORDS:
            s *= VERY_LONG_ANSWER_FACTOR
        elif a_words > LONG_ANSWER_WORDS:
            s *= LONG_ANSWER_FACTOR
    return max(0.0, min(1.0, s))


def select(candidates: list[QuestionCandidate], n: int, *, level: str = "B1") -> list[tuple[QuestionCandidate, float]]:
    """The best ``n`` candidates in text order, with their scores."""
    scored = sorted(
        ((c, score(c, level=level)) for c in candidates),
        key=lambda cs: (-cs[1], cs[0].sentence, cs[0].question),
    )
    scored = [(c, s) for c, s in scored if s >= MIN_SCORE]
    quota = {kind: max(1, math.ceil(n * share)) for kind, share in KIND_SHARE.items()}
    initial = dict(quota)
    chosen: list[tuple[QuestionCandidate, float]] = []
    facts: set[str] = set()
    per_sentence: dict[int, int] = {}
    asked: set[tuple[str, str]] = set()

    def fits(cand: QuestionCandidate, cap: int) -> bool:
        if cand.fact in facts or per_sentence.get(cand.sentence, 0) >= cap:
            return False
        return (cand.question, cand.answer_short) not in asked

    def add(cand: QuestionCandidate, s: float) -> None:
        chosen.append((cand, s))
        facts.add(cand.fact)
        asked.add((cand.question, cand.answer_short))
        per_sentence[cand.sentence] = per_sentence.get(cand.sentence, 0) + 1
        quota[cand.kind] = quota.get(cand.kind, 0) - 1

    # Pass 1: one per sentence, the kind furthest below its quota picks next.
    while len(chosen) < n:
        for kind in sorted(quota, key=lambda k: -quota[k] / initial[k]):
            if quota[kind] <= 0:
                continue
            best = next(((c, s) for c, s in scored if c.kind == kind and fits(c, 1)), None)
            if best is not None:
                add(*best)
                break
        else:
            break
    # Pass 2 and 3: any kind, then two per sentence.
    for cap in (1, 2):
        for cand, s in scored:
            if len(chosen) >= n:
                break
            if fits(cand, cap):
                add(cand, s)
    return sorted(chosen, key=lambda cs: (cs[0].sentence, -cs[1]))
