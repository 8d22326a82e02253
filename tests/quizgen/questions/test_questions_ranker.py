"""The learned ranker's run-time side: features of a candidate and a model read from JSON."""

from __future__ import annotations

from quizgen.questions.candidate import QuestionCandidate
from quizgen.questions.ranker import FEATURE_NAMES, features, probability
from tests.quizgen.question_records import build


def test_features_describe_a_candidate_without_naming_it() -> None:
    analysis = build(["Hallo/ITJ ./$."] * 3, [])
    cand = QuestionCandidate(
        kind="truefalse", question="Der Bau hatte rund 133 Millionen Euro gekostet.", answer="falsch", answer_short="falsch",
        sentence=1, confidence=0.9, fact="c1", notes=("false: number 95 -> 133",), role="statement", verb_lemma="kosten",
    )
    values = dict(zip(FEATURE_NAMES, features(analysis, cand), strict=True))
    assert values["kind_truefalse"] == 1.0 and values["tf_false"] == 1.0 and values["tf_number"] == 1.0
    assert values["tf_swap_name"] == 0.0 and values["question_digits"] == 1.0
    assert all(0.0 <= v <= 1.0 for v in values.values())


def test_a_model_gives_a_probability() -> None:
    model = {"coef": [0.0] * len(FEATURE_NAMES), "intercept": 0.0}
    assert probability(model, [1.0] * len(FEATURE_NAMES)) == 0.5
