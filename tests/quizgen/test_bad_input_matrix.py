"""Bad input through every library entry point: a QuizgenError that says what to do, or a valid pack.

Each case of the matrix goes through ``analyze``, ``make_pack`` and ``python -m quizgen make``
(its ``main()``). Refused input must raise a subclass of the one error hierarchy, with a message
that names the problem and the remedy; accepted input must give a pack that survives JSON. The
pipeline is loaded once per process, so the cases share it.
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from quizgen.__main__ import main
from quizgen.nlp.analyze import analyze
from quizgen.errors import (
    BinaryInputError,
    EmptyTextError,
    InputError,
    MarkupInputError,
    NotAnArticleError,
    NotGermanError,
    QuizgenError,
    TextTooLongError,
)
from quizgen.text.checks import check_text
from quizgen.lesson.make import make_pack
from quizgen.pack import LessonPack

from tests.shared_data import SEED  # noqa: E402

SEED_TEXT = SEED.read_text(encoding="utf-8")
# Words that tell the person what to do; every refusal must use at least one.
REMEDY = re.compile(r"\b(paste|split|copy|save|upload|give|try again|choose|check)\b", re.IGNORECASE)
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff\u200e\u200f"


def _seed_sentences() -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", SEED_TEXT) if len(s.split()) > 3]


def _one_long_sentence(words: int = 400) -> str:
    """The seed's sentences joined by ", und " into one sentence of exactly ``words`` words."""
    clauses = [s.rstrip(".!?").replace(".", "") for s in _seed_sentences()]
    joined = ", und ".join(clauses * (1 + words // sum(len(c.split()) for c in clauses)))
    return " ".join(joined.split()[:words]).rstrip(",") + "."


def _with_invisibles(text: str) -> str:
    """Soft hyphens inside words, zero-width characters and direction marks, and odd spaces."""
    rng = random.Random(7)
    out = []
    for word in text.split(" "):
        if len(word) > 6 and rng.random() < 0.5:
            cut = len(word) // 2
            word = word[:cut] + rng.choice(INVISIBLE) + word[cut:]
        out.append(word)
    return rng.choice(["\u00a0", "\u202f", " "]).join(out).replace(". ", ".\u00a0\u200b")


def _binary_bytes() -> bytes:
    # A PNG signature and header, then compressed-looking noise: what a renamed image holds.
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + random.Random(3).randbytes(4000)


@dataclass(frozen=True)
class Case:
    name: str
    text: str | bytes
    refused_with: type[QuizgenError] | None  # None: a pack is expected
    says: str = ""  # a word the refusal must contain (the language, the limit ...)
    analysable: bool = False  # refused by make_pack (no article) though analyze takes it


FIRST_PARAGRAPH = SEED_TEXT.split("\n\n")[0]
CASES = [
    Case("empty", "", EmptyTextError),
    Case("whitespace only", " \n\t\u00a0\u200b\r\n  \u3000", EmptyTextError),
    Case("1 MB of text", (SEED_TEXT + "\n\n") * (1_000_000 // len(SEED_TEXT) + 1), TextTooLongError, "limit"),
    Case(
        "English",
        "The Chinese foreign minister arrived in Moscow on Tuesday. He is expected to meet the president "
        "and to talk about the war and about trade between the two countries.",
        NotGermanError,
        "English",
    ),
    Case(
        "Russian",
        "Министр иностранных дел Китая прибыл во вторник в Москву. Ожидается, что он встретится с "
        "президентом и обсудит войну и торговлю между двумя странами.",
        NotGermanError,
        "Russian",
    ),
    Case(
        "HTML with script",
        f"<html><body><h1>Moskau-Besuch</h1><p>{FIRST_PARAGRAPH}</p>"
        "<script>alert('xss')</script></body></html>",
        MarkupInputError,
        "HTML",
    ),
    Case("binary renamed .txt", _binary_bytes(), BinaryInputError),
    Case("soft hyphens, zero-width and no-break spaces", _with_invisibles(FIRST_PARAGRAPH), None),
    # one sentence of prose is no article (issue 11): analysed, but no pack
    Case("one 400-word sentence", _one_long_sentence(), NotAnArticleError, "sentence", analysable=True),
    Case("no sentence ending", FIRST_PARAGRAPH.rstrip(".!? \n"), None),
]
IDS = [case.name for case in CASES]


def _as_text(case: Case) -> str:
    # The functions take str; bytes from a file arrive decoded the way a lenient reader would.
    return case.text.decode("latin-1") if isinstance(case.text, bytes) else case.text


def _assert_helpful(error: QuizgenError, case: Case) -> None:
    message = error.message
    assert isinstance(error, case.refused_with), f"{case.name}: {type(error).__name__}: {message}"
    assert message and message == str(error)
    assert REMEDY.search(message), f"{case.name}: the message does not say what to do: {message}"
    assert case.says in message
    assert "Traceback" not in message and len(message) < 400


def _assert_valid_pack(pack: LessonPack, case: Case) -> None:
    data = pack.to_dict()
    encoded = json.dumps(data, ensure_ascii=False)
    assert json.dumps(json.loads(encoded), ensure_ascii=False) == encoded
    assert pack.sentences and pack.title and pack.text.strip()
    assert not any(unicodedata.category(ch) == "Cf" for ch in pack.text), "invisible characters left in"
    assert "\u00a0" not in pack.text
    for item in pack.cloze:
        assert "___" in item.text and item.answer, item
    for question in pack.questions:
        assert question.question and question.answer, question


@pytest.fixture(scope="module")
def packs() -> dict[str, LessonPack | QuizgenError]:
    """make_pack on every case once (the CLI and analyze tests compare against it)."""
    out: dict[str, LessonPack | QuizgenError] = {}
    for case in CASES:
        try:
            out[case.name] = make_pack(_as_text(case), level="B1", source=case.name)
        except QuizgenError as exc:
            out[case.name] = exc
    return out


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_analyze_refuses_clearly_or_analyses(case: Case) -> None:
    if case.refused_with is None or case.analysable:
        analysis = analyze(_as_text(case))
        assert analysis.sentences and analysis.tokens
        assert all(tok.text.strip() and not any(ch in INVISIBLE for ch in tok.text) for tok in analysis.tokens)
    else:
        with pytest.raises(QuizgenError) as caught:
            analyze(_as_text(case))
        _assert_helpful(caught.value, case)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_make_pack_refuses_clearly_or_makes_a_valid_pack(case: Case, packs: dict) -> None:
    result = packs[case.name]
    if case.refused_with is None:
        assert isinstance(result, LessonPack), f"{case.name} was refused: {result}"
        _assert_valid_pack(result, case)
    else:
        assert isinstance(result, QuizgenError), f"{case.name} was not refused"
        _assert_helpful(result, case)


def test_invisible_characters_are_removed_and_the_words_rejoined(packs: dict) -> None:
    pack = packs["soft hyphens, zero-width and no-break spaces"]
    clean = make_pack(FIRST_PARAGRAPH, level="B1")
    assert pack.text == clean.text and pack.sentences == clean.sentences
    assert {v.lemma for v in pack.vocabulary} == {v.lemma for v in clean.vocabulary}


def test_the_long_sentence_is_one_sentence_and_gets_no_pack(packs: dict) -> None:
    assert len(_one_long_sentence().split()) == 400
    assert len(analyze(_one_long_sentence()).sentences) == 1
    refusal = packs["one 400-word sentence"]
    assert isinstance(refusal, NotAnArticleError) and "one sentence of prose" in refusal.message


def test_binary_bytes_are_refused_before_decoding_guesses() -> None:
    with pytest.raises(BinaryInputError, match="UTF-8|binary"):
        check_text(_binary_bytes())


def _write_case(case: Case, folder: Path) -> Path:
    path = folder / f"{re.sub(r'[^a-z0-9]+', '-', case.name.lower()).strip('-')}.txt"
    if isinstance(case.text, bytes):
        path.write_bytes(case.text)
    else:
        path.write_text(case.text, encoding="utf-8")
    return path


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_make_command_reports_the_error_or_writes_the_pack(
    case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write_case(case, tmp_path)
    out = tmp_path / "out"
    code = main(["make", str(path), "--out", str(out)])
    err = capsys.readouterr().err
    assert "bug in quizgen" not in err, err
    written = out / f"{path.stem}.json"
    if case.refused_with is None:
        assert code == 0, err
        data = json.loads(written.read_text(encoding="utf-8"))
        assert data["sentences"] and data["source"] == str(path)
    else:
        assert code == 1 and not written.exists()
        line = next(line for line in err.splitlines() if line.startswith("error: "))
        assert line.startswith(f"error: {path}: ") and REMEDY.search(line), err
        assert case.says in line


def test_the_make_command_goes_on_after_a_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _write_case(CASES[0], tmp_path)
    good = tmp_path / "gut.txt"
    good.write_text(FIRST_PARAGRAPH, encoding="utf-8")
    code = main(["make", str(bad), str(good), "--out", str(tmp_path / "out")])
    assert code == 1
    assert (tmp_path / "out" / "gut.json").exists() and not (tmp_path / "out" / f"{bad.stem}.json").exists()
    err = capsys.readouterr().err
    assert f"error: {bad}: The text is empty" in err and "gut.txt" not in err


def test_a_level_that_does_not_exist_is_refused_with_the_choices() -> None:
    with pytest.raises(InputError, match="choose one of A2, B1"):
        make_pack(FIRST_PARAGRAPH, level="B3")
