"""Every export of a pack made by the real pipeline from the seed article, read back."""

from __future__ import annotations

import subprocess

import anki.collection as anki_collection  # test-only dependency (AGPL), pinned in [test]
import pytest

from quizgen.exports import EXPORT_FORMATS, write_exports
from quizgen.exports.gaps import gap_answers, is_usable_cloze, is_usable_question
from quizgen.exports.options import ExportOptions
from tests.quizgen.export_packs import SEED
from tests.quizgen.exports.test_export_gift import parse_gift
from tests.quizgen.exports.test_export_moodle import parse

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    from quizgen.lesson.make import make_pack

    pack = make_pack(SEED.read_text(encoding="utf-8"), title="Moskau-Besuch", level="B1",
                     source=SEED.name)
    out = tmp_path_factory.mktemp("real")
    paths = write_exports(pack, list(EXPORT_FORMATS), out, ExportOptions(timestamp=1.7e9))
    return pack, dict(zip(EXPORT_FORMATS, paths)), out


def test_the_real_pack_has_items_of_every_family(exported):
    pack, _, _ = exported
    assert pack.vocabulary and pack.cloze and pack.questions


def _imported(path, folder):
    col = anki_collection.Collection(str(folder / "collection.anki2"))
    col.import_anki_package(anki_collection.ImportAnkiPackageRequest(
        package_path=str(path), options=anki_collection.ImportAnkiPackageOptions()))
    return col


def test_the_deck_imports_with_the_key_words_and_a_note_per_usable_item_and_no_empty_card(exported):
    pack, paths, out = exported
    col = _imported(paths["apkg"], out)
    try:
        cloze = [item for item in pack.cloze if is_usable_cloze(item)]
        questions = [q for q in pack.questions if is_usable_question(q)]
        key = [e for e in pack.vocabulary if e.key]
        assert 8 <= len(key) < len(pack.vocabulary)
        assert col.note_count() == len(key) + len(cloze) + len(questions)
        # an English -> German card only for a sure gloss (issue 13)
        vocabulary_cards = len(key) + sum(1 for e in key if e.gloss and e.gloss_confidence != "low")
        gaps = sum(len(gap_answers(item)) for item in cloze)
        assert col.card_count() == vocabulary_cards + gaps + len(questions)
        for card_id in col.find_cards(""):
            card = col.get_card(card_id)
            assert card.question().rsplit("</style>", 1)[-1].strip(), card.note().fields
    finally:
        col.close()


def test_all_words_are_one_option_away_in_the_deck(exported, tmp_path):
    pack, _, _ = exported
    path = write_exports(pack, ["apkg"], tmp_path, ExportOptions(timestamp=1.7e9, words="all"))[0]
    col = _imported(path, tmp_path)
    try:
        cloze = [item for item in pack.cloze if is_usable_cloze(item)]
        questions = [q for q in pack.questions if is_usable_question(q)]
        assert col.note_count() == len(pack.vocabulary) + len(cloze) + len(questions)
    finally:
        col.close()


def test_moodle_and_gift_carry_every_usable_item(exported):
    pack, paths, _ = exported
    questions = parse(paths["moodle"].read_text(encoding="utf-8"))["questions"]
    usable_cloze = [item for item in pack.cloze if is_usable_cloze(item)]
    usable_questions = [q for q in pack.questions if is_usable_question(q)]
    assert len(questions) == len(usable_cloze) + len(usable_questions)
    _, gift_questions = parse_gift(paths["gift"].read_text(encoding="utf-8"))
    assert len(gift_questions) == len(usable_questions) + sum(
        len(gap_answers(item)) for item in usable_cloze)


def test_the_worksheet_pdf_ends_with_the_key(exported):
    _, paths, _ = exported
    text = subprocess.run(["pdftotext", str(paths["pdf"]), "-"], check=True,
                          capture_output=True, text=True).stdout
    pages = [page for page in text.split("\f") if page.strip()]
    assert len(pages) >= 3
    assert pages[-1].lstrip().startswith("Lösungen")
    assert "Moskau-Besuch" in pages[0] and "Lückentext" in text
