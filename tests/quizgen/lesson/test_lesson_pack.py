"""The lesson pack: one analysis, every section, the JSON contract, golden renderings."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from quizgen.nlp.analyze import analyze
from quizgen.errors import InputError
from quizgen.lesson.make import guess_title, make_pack, pack_from_analysis
from quizgen.pack import LessonPack
from quizgen.lesson.rendering import render_pack_text

from tests.shared_data import SEED  # noqa: E402
GOLDEN = Path(__file__).parents[1] / "golden" / "packs"
UPDATE = os.environ.get("QUIZGEN_UPDATE_GOLDEN") == "1"
ARTICLES = [SEED, *sorted(GOLDEN.glob("*.txt"))]
ARTICLES = [p for p in ARTICLES if not p.name.endswith(".pack.txt")]


@pytest.fixture(scope="module")
def seed_pack() -> LessonPack:
    return make_pack(SEED.read_text(encoding="utf-8"), level="B1", source=str(SEED))


def test_the_json_has_the_contract_fields(seed_pack: LessonPack) -> None:
    data = json.loads(json.dumps(seed_pack.to_dict(), ensure_ascii=False))
    assert {"title", "level", "vocabulary", "names", "cloze", "questions", "text_level"} <= set(data)
    entry = data["vocabulary"][0]
    for name in ("lemma", "display", "pos", "gender", "plural", "gloss", "zipf", "cefr", "band", "count",
                 "example", "sentence"):
        assert name in entry
    assert "estimate" in data["cefr_note"] and "Ding" in data["gloss_source"]


def test_the_vocabulary_lists_words_at_or_above_the_level_and_those_the_exercises_need(
    seed_pack: LessonPack,
) -> None:
    gapped = {c.lemma.removeprefix("sich ") for c in seed_pack.cloze if c.lemma}
    asked = {w for q in seed_pack.questions for w in re.findall(r"\w+", q.answer_short)}
    below = [e for e in seed_pack.vocabulary if e.cefr < "B1"]
    assert seed_pack.vocabulary and all(
        e.key or e.lemma.removeprefix("sich ") in gapped or asked & set(e.forms) for e in below)
    assert seed_pack.text_level is not None and seed_pack.text_level.cefr in ("B2", "C1", "C2")


def test_every_word_a_cloze_item_gaps_is_in_the_list_with_its_gloss(seed_pack: LessonPack) -> None:
    listed = {e.lemma.removeprefix("sich "): e for e in seed_pack.vocabulary}
    for item in seed_pack.cloze:
        if item.lemma and item.pos in ("NOUN", "VERB", "ADJ"):
            word = item.lemma.removeprefix("sich ")
            assert word in listed and listed[word].gloss, item


def test_the_seed_pack_marks_key_words_a_teacher_would_choose(seed_pack: LessonPack) -> None:
    key = {e.lemma for e in seed_pack.vocabulary if e.key}
    assert 8 <= len(key) <= 15
    # the reference lesson's key words (shared/quality/seed-reference.md) the rules find
    assert {"Jahrestag", "vorantreiben", "ankündigen", "nachgeben"} <= key
    assert not key & {"Mittwoch", "Moskau-Besuch", "Außenministeriumssprecherin", "Visite"}


def test_the_seed_packs_vocabulary_has_the_words_the_issue_asks_for(seed_pack: LessonPack) -> None:
    shown = {e.display: e for e in seed_pack.vocabulary}
    for display in ("die Partnerschaft", "der Abzug", "das Staatsgebiet", "die Grundvoraussetzung",
                    "ankündigen", "fordern", "vertiefen"):
        assert display in shown and shown[display].gloss
    assert {"Wladimir Putin", "Wang Yi", "Xi Jinping", "Moskau"} <= {n.text for n in seed_pack.names}


def test_cloze_and_questions_come_from_their_builders(seed_pack: LessonPack) -> None:
    assert len(seed_pack.cloze) >= 10 and len({c.kind for c in seed_pack.cloze}) >= 4
    assert seed_pack.questions


def test_the_same_text_gives_the_same_pack() -> None:
    analysis = analyze(SEED.read_text(encoding="utf-8"))
    first = pack_from_analysis(analysis, level="B2")
    assert pack_from_analysis(analysis, level="B2").to_dict() == first.to_dict()


def test_a_short_first_line_is_the_title() -> None:
    assert guess_title("Neue Bibliothek eröffnet\n\nDie Stadt hat eine neue Bibliothek.") == (
        "Neue Bibliothek eröffnet",
        True,
    )


def test_without_a_title_line_the_first_words_stand_in() -> None:
    title, own = guess_title("Die Stadt hat am Samstag eine neue Bibliothek eröffnet, die sehr groß ist.")
    assert title == "Die Stadt hat am Samstag eine neue Bibliothek …" and own is False


def test_an_unknown_level_is_explained() -> None:
    with pytest.raises(InputError, match="level"):
        make_pack("Das ist ein Satz.", level="D1")


@pytest.mark.slow
@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_the_pack_matches_its_golden_rendering(article: Path) -> None:
    """Every change in generated output shows up here as a diff; QUIZGEN_UPDATE_GOLDEN=1 accepts it."""
    pack = make_pack(article.read_text(encoding="utf-8"), level="B1")
    rendered = render_pack_text(pack)
    golden = GOLDEN / f"{article.stem}.pack.txt"
    if UPDATE or not golden.exists():
        golden.write_text(rendered, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{golden.name} was missing and has been written: review and commit it")
    assert rendered == golden.read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_no_question_prints_a_gaps_answer(article: Path) -> None:
    pack = make_pack(article.read_text(encoding="utf-8"), level="B1")
    printed = " " + " ".join(re.findall(r"[^\W\d_]+", " ".join(
        t for q in pack.questions for t in (q.question, *q.options)).lower())) + " "
    for item in pack.cloze:
        for answer in item.answers or (item.answer,):
            before, rest = item.text.split("___", 1)
            after = rest.split()[0].strip(",.;:").lower() if rest.split() else ""
            if item.kind == "article":
                assert f" {answer.lower()} {after} " not in printed, item
            elif item.kind == "ending":  # türkisch___ Wurzeln -> "türkischen wurzeln"
                assert f" {before.split()[-1].lower()}{answer} {after} " not in printed, item
            elif item.kind != "wordbank":
                assert f" {answer.lower()} " not in printed, item
