"""The learned part of the ranking: how likely a teacher keeps a candidate, from features of the
candidate and its analysis, by a logistic regression trained on our own rubric labels.

``bench/train_question_ranker.py`` fits the model on the labels in ``bench/data/`` and writes
its coefficients to ``quizgen/data/question_ranker.json`` (small, plain JSON: no pickle, and no
scikit-learn needed at run time). While no model is shipped, ``learned_score`` returns None and
the hand-set score of ``ranking.py`` decides alone. Features never name a candidate: a model
keeps working when the generators change their wording.
"""

from __future__ import annotations

import functools
import json
import math
from importlib import resources
from typing import Any

from quizgen.analysis import Analysis
from quizgen.german.verb_lexicon import NEWS_EVENT_VERBS, base_lemma
from quizgen.german.word_lists import COPULAR_VERBS
from quizgen.questions.candidate import QuestionCandidate

MODEL_FILE = "data/question_ranker.json"
WH_GROUPS = {
    "Wer": "who", "Wen": "whom", "Wem": "whom", "Mit wem": "whom", "Was": "what", "Wo": "where",
    "Wohin": "where", "Woher": "where", "Wann": "when", "Seit wann": "when", "Bis wann": "when",
    "Ab wann": "when", "Warum": "why",
}  # fmt: skip
ROLES = ("subject", "acc_object", "dat_object", "pp", "reason", "said", "statement")
TYPE_GROUPS = {
    "PER": "name", "ORG": "name", "LOC": "name", "OTH": "name", "PERSON": "person", "GROUP": "person",
    "THING": "thing", "THING:subject": "thing", "THING:acc_object": "thing", "NUM": "number",
    "TIME": "time", "CLAUSE": "clause", "REASON": "clause", "BOOL": "bool",
}  # fmt: skip
FALSE_CHANGES = ("->", "roles swapped", "number", "verb", "negation")

FEATURE_NAMES: tuple[str, ...] = (
    "kind_wh", "kind_truefalse", "kind_choice",
    *(f"wh_{g}" for g in ("who", "whom", "what", "where", "when", "why", "how", "other")),
    *(f"role_{r}" for r in ROLES),
    *(f"type_{t}" for t in ("name", "person", "thing", "number", "time", "clause", "bool")),
    "tf_false", "tf_copied", "tf_swap_name", "tf_swap_roles", "tf_number", "tf_verb", "tf_negation",
    "confidence", "importance", "position", "question_words", "answer_words", "answer_two_words",
    "answer_article_noun", "has_source", "event_verb", "copula", "question_names", "question_digits",
    "sentence_words", "nominalised", "choice_things",
)  # fmt: skip


def features(analysis: Analysis, cand: QuestionCandidate) -> list[float]:
    """The candidate as numbers, in the order of ``FEATURE_NAMES``."""
    f: dict[str, float] = {name: 0.0 for name in FEATURE_NAMES}
    f[f"kind_{cand.kind}"] = 1.0
    if cand.kind != "truefalse":
        wh = cand.wh_word or ""
        group = WH_GROUPS.get(wh, "how" if wh.startswith(("Wie", "Um wie", "Auf wie", "Mit welchem")) else "other")
        f[f"wh_{group}"] = 1.0
    if cand.role in ROLES:
        f[f"role_{cand.role}"] = 1.0
    f[f"type_{TYPE_GROUPS.get(cand.answer_type, 'thing')}"] = 1.0
    notes = " ".join(cand.notes)
    if cand.kind == "truefalse":
        f["tf_false"] = float(cand.answer == "falsch")
        f["tf_copied"] = float("copied" in notes)
        f["tf_swap_roles"] = float("roles swapped" in notes)
        f["tf_number"] = float("number" in notes)
        f["tf_verb"] = float("verb " in notes)
        f["tf_negation"] = float("negation" in notes)
        f["tf_swap_name"] = float("->" in notes and not any(f[k] for k in ("tf_number", "tf_verb")))
    f["confidence"] = cand.confidence
    f["importance"] = cand.importance
    f["position"] = cand.sentence / max(1, len(analysis.sentences) - 1)
    f["question_words"] = min(len(cand.question.split()), 25) / 25
    answer_words = len(cand.answer_short.split()) if cand.kind != "truefalse" else 0
    f["answer_words"] = min(answer_words, 20) / 20
    f["answer_two_words"] = float(answer_words == 2)
    first = cand.answer_short.split()[0].lower() if answer_words else ""
    f["answer_article_noun"] = float(answer_words == 2 and first in ("der", "die", "das", "den", "dem", "des", "ein", "eine", "einen"))
    f["has_source"] = float(" laut " in f" {cand.question.lower()} ")
    f["event_verb"] = float(base_lemma(cand.verb_lemma) in NEWS_EVENT_VERBS)
    f["copula"] = float(base_lemma(cand.verb_lemma) in COPULAR_VERBS)
    words = cand.question.rstrip("?.").split()
    f["question_names"] = min(sum(1 for w in words[1:] if w[:1].isupper()), 6) / 6
    f["question_digits"] = float(any(ch.isdigit() for ch in cand.question))
    if cand.sentence < len(analysis.sentences):
        f["sentence_words"] = min(len(analysis.sentences[cand.sentence].text.split()), 50) / 50
    f["nominalised"] = float("nominalised" in notes)
    f["choice_things"] = float(cand.kind == "choice" and cand.answer_type.startswith("THING"))
    return [f[name] for name in FEATURE_NAMES]


@functools.cache
def load_model() -> dict[str, Any] | None:
    """The shipped model, or None when none has been trained yet."""
    path = resources.files("quizgen").joinpath(MODEL_FILE)
    if not path.is_file():
        return None
    model: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if tuple(model.get("features", ())) != FEATURE_NAMES:
        return None  # trained on other features: retrain (bench/train_question_ranker.py)
    return model


def probability(model: dict[str, Any], values: list[float]) -> float:
    """P(OK) of the logistic regression in ``model`` for a feature vector."""
    z = float(model["intercept"]) + sum(float(c) * v for c, v in zip(model["coef"], values, strict=True))
    return 1.0 / (1.0 + math.exp(-z))


def learned_score(analysis: Analysis, cand: QuestionCandidate) -> float | None:
    """The model's probability that a teacher keeps the candidate, None without a model."""
    model = load_model()
    if model is None:
        return None
    return probability(model, features(analysis, cand))


def learned_threshold() -> float | None:
    """The cut chosen at training (the probability below which a candidate is not offered)."""
    model = load_model()
    return float(model["threshold"]) if model is not None else None
