"""Properties of the library on random input: nothing escapes but the QuizgenError family.

Random Unicode and random German-like text (words of the seed article with punctuation) go
through ``normalize_text``, ``check_text``, ``analyze``, ``pack_from_analysis``/``make_pack``
and the answer checker. Packs must survive JSON.

Profiles: "ci" (the default) is derandomized, so every run tries the same examples and a
failure reproduces; ``HYPOTHESIS_PROFILE=explore`` searches with fresh random examples and
more of them, for looking for new bugs by hand.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.nlp.analyze import analyze
from quizgen.lesson.answer_check import NOTES, check_answer, damerau_levenshtein
from quizgen.errors import InputError, QuizgenError
from quizgen.text.checks import check_text, normalize_text
from quizgen.lesson.make import make_pack, pack_from_analysis
from quizgen.pack import LEVELS

from tests.shared_data import SEED  # noqa: E402

settings.register_profile(
    "ci", derandomize=True, database=None, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("explore", deadline=None, suppress_health_check=[HealthCheck.too_slow])
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
settings.load_profile(PROFILE)
# Each test's example count is sized for the ~30 s budget in CI; exploring tries ten times more.
SCALE = 10 if PROFILE == "explore" else 1


def examples(n: int) -> settings:
    return settings(max_examples=n * SCALE)

# The seed's distinct words, punctuation stripped: a few hundred real German words.
SEED_WORDS = sorted({w for w in re.findall(r"[^\W\d_][\w-]*", SEED.read_text(encoding="utf-8")) if len(w) > 1})
INVISIBLE = "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"
ODD_SPACES = "\u00a0\u2009\u202f\u3000"

words = st.sampled_from(SEED_WORDS)
separators = st.sampled_from([" "] * 8 + [", ", " - ", ": ", " „", "“ ", "\n", ODD_SPACES[0]])


@st.composite
def german_sentences(draw: st.DrawFn) -> str:
    parts = [draw(words)]
    for _ in range(draw(st.integers(1, 18))):
        parts.append(draw(separators) + draw(words))
    sentence = "".join(parts)
    return sentence[0].upper() + sentence[1:] + draw(st.sampled_from([".", ".", "!", "?", "", "...", ";"]))


@st.composite
def german_texts(draw: st.DrawFn) -> str:
    sentences = draw(st.lists(german_sentences(), min_size=1, max_size=6))
    text = "".join(s + draw(st.sampled_from([" ", " ", "\n", "\n\n", "\r\n"])) for s in sentences)
    if draw(st.booleans()):  # sprinkle invisible characters and odd spaces inside words
        chars = list(text)
        for _ in range(draw(st.integers(1, 6))):
            chars.insert(draw(st.integers(0, len(chars))), draw(st.sampled_from(INVISIBLE + ODD_SPACES)))
        text = "".join(chars)
    return text


# Unicode without surrogates (they cannot reach us from a decoded file or a form).
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
noisy_german = st.builds(lambda a, b, c: a + b + c, german_texts(), any_text, german_texts())


def _assert_round_trips(data: dict) -> None:
    encoded = json.dumps(data, ensure_ascii=False)
    assert json.dumps(json.loads(encoded), ensure_ascii=False) == encoded


@examples(200)
@given(any_text)
def test_normalizing_is_idempotent_and_leaves_no_invisible_characters(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert once == once.strip() and "\r" not in once
    assert not any(ch in INVISIBLE + ODD_SPACES for ch in once)
    assert unicodedata.is_normalized("NFC", once)


@examples(150)
@given(st.one_of(any_text, noisy_german, st.binary(max_size=300)))
def test_checking_returns_clean_text_or_raises_an_input_error(text: str | bytes) -> None:
    try:
        cleaned = check_text(text)
    except InputError as exc:
        assert exc.message and exc.code != QuizgenError.code
    else:
        assert cleaned and cleaned == normalize_text(cleaned)


@examples(25)
@given(st.one_of(any_text, noisy_german))
def test_analyze_gives_an_analysis_or_a_quizgen_error(text: str) -> None:
    try:
        analysis = analyze(text)
    except QuizgenError as exc:
        assert exc.message
        return
    assert analysis.text == normalize_text(text)
    for tok in analysis.tokens:
        assert analysis.text[tok.idx : tok.idx + len(tok.text)] == tok.text
        assert 0 <= tok.head < len(analysis.tokens) and 0 <= tok.sentence < len(analysis.sentences)
    _assert_round_trips(analysis.to_dict())


@examples(20)
@given(german_texts(), st.sampled_from(LEVELS), st.integers(0, 2**16), st.one_of(st.none(), st.integers(0, 8)))
def test_random_german_text_gives_a_pack_that_survives_json(text: str, level: str, seed: int,
                                                            questions: int | None) -> None:
    try:
        analysis = analyze(text)
    except InputError as exc:  # short random text can look like another language; still explained
        assert exc.message
        return
    pack = pack_from_analysis(analysis, level=level, seed=seed, questions=questions)
    _assert_round_trips(pack.to_dict())
    assert pack.level == level and pack.sentences
    for item in pack.cloze:
        assert item.text.count("___") >= 1 and item.answer
        if item.options:
            assert all(answer in item.options for answer in (item.answers or (item.answer,)))
    for question in pack.questions:
        if question.correct is not None:
            assert 0 <= question.correct < len(question.options)


@examples(8)
@given(noisy_german)
def test_make_pack_refuses_or_packs_noisy_text(text: str) -> None:
    try:
        pack = make_pack(text, level="B1")
    except QuizgenError as exc:
        assert exc.message
        return
    _assert_round_trips(pack.to_dict())


answers = st.one_of(any_text.map(lambda s: s[:40]), st.lists(words, min_size=1, max_size=4).map(" ".join))


@examples(300)
@given(answers, answers, st.lists(answers, max_size=3), st.booleans())
def test_the_answer_checker_always_gives_a_verdict(given_: str, expected: str, accepted: list[str],
                                                  case_matters: bool) -> None:
    verdict = check_answer(given_, expected, accepted=tuple(accepted), case_matters=case_matters)
    assert verdict.note is None or verdict.note in NOTES
    assert not (verdict.exact and not verdict.correct)
    if verdict.note == "empty":
        assert not verdict.correct


@examples(200)
@given(answers, st.booleans())
def test_the_expected_answer_itself_is_exactly_right(expected: str, case_matters: bool) -> None:
    verdict = check_answer(expected, expected, case_matters=case_matters)
    assert verdict.note == "empty" or (verdict.correct and verdict.exact)


@examples(100)
@given(st.text(max_size=12), st.text(max_size=12))
def test_edit_distance_is_symmetric_and_bounded(a: str, b: str) -> None:
    d = damerau_levenshtein(a, b)
    assert d == damerau_levenshtein(b, a)
    assert abs(len(a) - len(b)) <= d <= max(len(a), len(b))
    assert (d == 0) == (a == b)
