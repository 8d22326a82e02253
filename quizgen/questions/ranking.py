"""Choose a pack's questions from the overgenerated candidates: the main facts first, each
fact once, every W- and a/b/c question verified, half of the statements false.

Each candidate gets a quality (how likely a teacher keeps it: the hand-set ``score``) and the
importance of the fact it asks (``facts.py``); a candidate below ``MIN_SCORE`` is never
offered, nor a W-question whose probability of being kept, by the model ``ranker.py`` learned
from our rubric labels, is below the model's cut. The model filters W-questions only: our
graders called nearly every true statement that keeps the text's words "copied" (1 of 321 OK)
and the a/b/c options of the labelled generator poor (6 of 135 OK), so as a filter of those
kinds it would leave packs without statements, half true and half false as they must be. The rest are
taken greedily by quality times importance, under these rules:

- one question per fact (clause) and none that asks what a chosen one asks (the same answer,
  or most of the same words from the same sentence), across all kinds;
- a question or statement only when it passes the parse check of ``verification.py`` (checked
  lazily, best first, so only questions that could be chosen cost a parse);
- about 45% W-questions, 35% Richtig/Falsch, 20% a/b/c while candidates of each kind remain;
- as many false as true statements (a false one first, so at most one more false), and at
  most 30% of the statements copied word for word from the text;
- one question per sentence while other sentences still have candidates;
- no candidate of a shape teachers cross out (``crossed_out.py``).

The chosen questions come back in text order.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence

from quizgen.analysis import Analysis
from quizgen.german.word_lists import COPULAR_VERBS
from quizgen.questions.candidate import QuestionCandidate
from quizgen.questions.crossed_out import crossed_out
from quizgen.questions.facts import Facts, article_facts
from quizgen.questions.ranker import learned_score, learned_threshold

WORDS_PER_QUESTION = 40
MIN_QUESTIONS, MAX_QUESTIONS = 3, 12
# Below this the analysis was unsure (case-ambiguous subject and object, a guessed role):
# precision over recall, such candidates are never offered.
MIN_SCORE = 0.62
KIND_SHARE = {"wh": 0.45, "truefalse": 0.35, "choice": 0.2}
MAX_QUESTION_WORDS = {"A1": 12, "A2": 14, "B1": 18, "B2": 20, "C1": 22, "C2": 22}
#: the share of a pack's statements that may be copied word for word from the text
MAX_COPIED_SHARE = 0.3
#: how much the importance of the fact weighs against the quality of the question
IMPORTANCE_WEIGHT = 0.65
#: a kind short of its share takes a fact only when its question is nearly as good as the fact's best
FACT_MARGIN = 0.03
#: candidates verified per parse batch
VERIFY_BATCH = 4

# Penalties of the score, each with why: a question a learner takes in at one reading; one
# that says which fact it asks; an answer short enough to type and to check.
LONG_QUESTION_WORDS = 12  # beyond this, each word costs PER_EXTRA_QUESTION_WORD
PER_EXTRA_QUESTION_WORD = 0.04
SHORT_QUESTION_WORDS, SHORT_QUESTION_FACTOR = 3, 0.6
LONG_ANSWER_WORDS, LONG_ANSWER_FACTOR = 12, 0.7
MEDIUM_ANSWER_WORDS, MEDIUM_ANSWER_FACTOR = 8, 0.9
#: a weekday alone dates an event only relative to the day the text was written
WEEKDAY_ONLY_FACTOR = 0.75
COPIED_FACTOR = 0.9
#: "Was ist weiterhin aktiv?": a copula with an adjective rarely asks what matters
COPULA_FACTOR = 0.85
_WORD = re.compile(r"[\wÄÖÜäöüß-]+")
_STOP = frozenset(
    """der die das den dem des ein eine einen einem einer eines und oder in im am an auf aus bei
    mit nach von vom zu zum zur für über unter vor um als wie wer was wen wem wo wann warum
    viele viel hat haben hatte hatten ist sind war waren wird werden wurde wurden sich nicht
    auch noch schon es er sie laut seit bis durch gegen richtig falsch""".split()
)
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")

Verifier = Callable[[Analysis, Sequence[QuestionCandidate]], Sequence[bool]]


def default_count(words: int) -> int:
    """How many questions a text of ``words`` words gets at most: one per 40 words, 3 to 12."""
    return max(MIN_QUESTIONS, min(MAX_QUESTIONS, round(words / WORDS_PER_QUESTION)))


def score(cand: QuestionCandidate, *, level: str = "B1") -> float:
    """The ranker's confidence that a candidate is a good question, 0..1."""
    q_words = len(cand.question.split())
    if q_words > MAX_QUESTION_WORDS.get(level, 18):
        return 0.0
    s = cand.confidence
    if q_words > LONG_QUESTION_WORDS:
        s *= 1.0 - PER_EXTRA_QUESTION_WORD * (q_words - LONG_QUESTION_WORDS)
    if q_words < SHORT_QUESTION_WORDS:
        s *= SHORT_QUESTION_FACTOR
    if cand.kind != "truefalse" and cand.answer_type not in ("CLAUSE", "REASON"):
        a_words = len(cand.answer.split())
        if a_words > LONG_ANSWER_WORDS:
            s *= LONG_ANSWER_FACTOR
        elif a_words > MEDIUM_ANSWER_WORDS:
            s *= MEDIUM_ANSWER_FACTOR
    if cand.wh_word == "Wann" and any(cand.answer_short.endswith(day) for day in WEEKDAYS):
        s *= WEEKDAY_ONLY_FACTOR
    if cand.kind == "truefalse" and _copied(cand):
        s *= COPIED_FACTOR
    if cand.verb_lemma in COPULAR_VERBS and cand.kind != "truefalse" and cand.role != "reason":
        s *= COPULA_FACTOR
    return max(0.0, min(1.0, s))


def quality(analysis: Analysis, cand: QuestionCandidate, *, level: str = "B1") -> tuple[float, float | None]:
    """(the hand-set ``score``, the learned probability that a teacher keeps the candidate or
    None when no model is shipped); the score is 0 for a question too long for the level."""
    hand = score(cand, level=level)
    if hand == 0.0:
        return 0.0, None
    return hand, learned_score(analysis, cand)


def _copied(cand: QuestionCandidate) -> bool:
    return any("copied" in note for note in cand.notes)


def content_words(cand: QuestionCandidate) -> frozenset[str]:
    text = cand.question if cand.kind == "truefalse" else f"{cand.question} {cand.answer}"
    return frozenset(w.lower() for w in _WORD.findall(text) if w.lower() not in _STOP and len(w) > 2)


def same_fact(a: QuestionCandidate, b: QuestionCandidate) -> bool:
    """Whether two candidates ask one fact: the same clause, the same answer, or mostly the
    same words from the same sentence."""
    if a.fact == b.fact:
        return True
    if a.kind != "truefalse" and b.kind != "truefalse" and a.answer_short.lower() == b.answer_short.lower():
        return True
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return False
    shared = len(wa & wb)
    if a.sentence == b.sentence and shared >= 0.5 * min(len(wa), len(wb)):
        return True
    if a.verb_lemma and a.verb_lemma == b.verb_lemma and shared >= 2:
        return True  # "sagt seine Reise ab" twice, once by name and once by title
    return shared >= 0.6 * min(len(wa), len(wb)) and shared >= 3


def select(
    analysis: Analysis,
    candidates: list[QuestionCandidate],
    n: int,
    *,
    level: str = "B1",
    verifier: Verifier | None = None,
    facts: Facts | None = None,
) -> list[tuple[QuestionCandidate, float]]:
    """The best ``n`` candidates in text order, with their scores."""
    facts = facts or article_facts(analysis)
    threshold = learned_threshold()
    scored: list[tuple[QuestionCandidate, float]] = []
    for cand in candidates:
        hand, learned = quality(analysis, cand, level=level)
        if hand < MIN_SCORE or crossed_out(analysis, cand):
            continue
        if learned is not None and threshold is not None and cand.kind == "wh" and learned < threshold:
            continue  # the model learned from our labels that such W-questions are rarely kept
        scored.append((cand, hand))
    def value(cs: tuple[QuestionCandidate, float]) -> float:
        return cs[1] * (1 - IMPORTANCE_WEIGHT + IMPORTANCE_WEIGHT * facts.importance(cs[0].clause))

    ranked = sorted(scored, key=lambda cs: (-value(cs), cs[0].sentence, cs[0].question))
    best_of_fact: dict[str, float] = {}
    for cs in ranked:
        best_of_fact.setdefault(cs[0].fact, value(cs))
    passes = _Verification(analysis, [c for c, _ in ranked], verifier)
    picker = _Picker(n)
    # Pass 1: the kind furthest below its share picks its best candidate that fits.
    exhausted: set[str] = set()
    while len(picker.chosen) < n and len(exhausted) < len(KIND_SHARE):
        kind = min((k for k in KIND_SHARE if k not in exhausted), key=lambda k: (picker.fill(k), KIND_SHARE[k]))
        best = next(
            (
                (c, s)
                for c, s in ranked
                if c.kind == kind and value((c, s)) >= best_of_fact[c.fact] - FACT_MARGIN and picker.fits(c, relaxed=False, cap=1) and passes(c)
            ),
            None,
        )
        if best is None or picker.quota[kind] <= 0:
            exhausted.add(kind)
            continue
        picker.add(*best)
    # Passes 2 and 3: any kind, then a second question from a sentence.
    for cap in (1, 2):
        for cand, s in ranked:
            if len(picker.chosen) >= n:
                break
            if picker.fits(cand, relaxed=True, cap=cap) and passes(cand):
                picker.add(cand, s)
    return sorted(picker.chosen, key=lambda cs: (cs[0].sentence, -cs[1]))


class _Verification:
    """Verdicts of the parse check, asked for in batches of the best unchecked candidates."""

    def __init__(self, analysis: Analysis, ordered: list[QuestionCandidate], verifier: Verifier | None) -> None:
        self.analysis = analysis
        self.ordered = ordered
        self.verifier = verifier
        self.verdicts: dict[int, bool] = {}
        self.next = 0

    def __call__(self, cand: QuestionCandidate) -> bool:
        if self.verifier is None:
            return True
        while id(cand) not in self.verdicts and self.next < len(self.ordered):
            batch = self.ordered[self.next : self.next + VERIFY_BATCH]
            self.next += len(batch)
            for c, ok in zip(batch, self.verifier(self.analysis, batch), strict=True):
                self.verdicts[id(c)] = ok
        return self.verdicts.get(id(cand), False)


class _Picker:
    """The chosen candidates and the rules a next one must keep."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.chosen: list[tuple[QuestionCandidate, float]] = []
        self.quota = {kind: max(1, math.ceil(n * share)) for kind, share in KIND_SHARE.items()}
        self.initial = dict(self.quota)
        self.per_sentence: dict[int, int] = {}
        self.true = self.false = self.copied = 0

    def fill(self, kind: str) -> float:
        """How far a kind has come towards its share (0: none chosen yet)."""
        return 1 - self.quota[kind] / self.initial[kind]

    def fits(self, cand: QuestionCandidate, *, relaxed: bool, cap: int) -> bool:
        if self.per_sentence.get(cand.sentence, 0) >= cap:
            return False
        if not relaxed and self.quota.get(cand.kind, 0) <= 0:
            return False
        if any(same_fact(cand, c) for c, _ in self.chosen):
            return False
        if cand.kind == "truefalse":
            is_false = cand.answer == "falsch"
            lead = self.false - self.true if is_false else self.true - self.false
            if lead >= 1 or (not is_false and lead >= 0):
                return False  # a false one first, then a true one: always ticking one side scores half
            statements = self.true + self.false + 1
            if _copied(cand) and self.copied + 1 > max(1, math.floor(MAX_COPIED_SHARE * max(statements, 3))):
                return False
        return True

    def add(self, cand: QuestionCandidate, s: float) -> None:
        self.chosen.append((cand, s))
        self.per_sentence[cand.sentence] = self.per_sentence.get(cand.sentence, 0) + 1
        self.quota[cand.kind] = self.quota.get(cand.kind, 0) - 1
        if cand.kind == "truefalse":
            if cand.answer == "falsch":
                self.false += 1
            else:
                self.true += 1
            self.copied += _copied(cand)
