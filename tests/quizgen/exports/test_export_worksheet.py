"""Worksheets: the layout's content and shuffling, and the PDF read back with pdftotext."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from quizgen.errors import ExportError
from quizgen.exports.options import ExportOptions
from quizgen.exports.worksheet import worksheet_html, write_worksheet_pdf
from quizgen.exports.worksheet_layout import LETTERS, build_worksheet, number_lines
from tests.quizgen.export_packs import moskau_pack


def _answers(sheet, kind):
    exercise = next(e for e in sheet.exercises if e.kind == kind)
    return exercise


def test_article_lines_are_numbered_and_sentences_point_at_them():
    pack = moskau_pack()
    lines, sentence_lines = number_lines(pack)
    assert " ".join(line.text for line in lines) == " ".join(pack.text.split())
    assert all(len(line.text) <= 72 for line in lines)
    for sentence, number in zip(pack.sentences, sentence_lines):
        assert number is not None
        first_words = " ".join(sentence.split()[:1])
        assert first_words in lines[number - 1].text


def test_versions_hold_the_same_items_in_another_order():
    pack = moskau_pack()
    sheet_a = build_worksheet(pack, ExportOptions(version="A", seed=7))
    sheet_b = build_worksheet(pack, ExportOptions(version="B", seed=7))
    for exercise_a, exercise_b in zip(sheet_a.exercises, sheet_b.exercises):
        # gap numbers follow the order, so compare the prompts without them
        prompts_a = ["_".join(piece.text for piece in item.pieces) for item in exercise_a.items]
        prompts_b = ["_".join(piece.text for piece in item.pieces) for item in exercise_b.items]
        assert sorted(prompts_a) == sorted(prompts_b)
        if len(prompts_a) > 1:
            assert prompts_a != prompts_b, exercise_a.kind
    assert build_worksheet(pack, ExportOptions(version="B", seed=7)) == sheet_b
    assert worksheet_html(pack, ExportOptions(seed=7)) == worksheet_html(pack,
                                                                         ExportOptions(seed=7))
    assert build_worksheet(pack, ExportOptions(seed=8)) != build_worksheet(
        pack, ExportOptions(seed=7))


def test_choice_keys_follow_the_shuffled_options():
    pack = moskau_pack()
    for version in ("A", "B"):
        choice = _answers(build_worksheet(pack, ExportOptions(version=version)), "choice")
        assert len(choice.items) == 2  # the a/b/c questions: cloze items are in the gapped text
        for item in choice.items:
            letter, answer = item.key.split(") ", 1)
            assert item.options[LETTERS.index(letter)] == answer


def test_options_choose_kinds_number_of_items_and_vocabulary_level():
    pack = moskau_pack()
    sheet = build_worksheet(pack, ExportOptions(kinds=("truefalse", "wh"), max_items=2,
                                                level="C1"))
    assert [e.kind for e in sheet.exercises] == ["truefalse", "wh"]
    assert [len(e.items) for e in sheet.exercises] == [2, 2]
    assert {entry.lemma for entry in sheet.vocabulary} == {"Grundvoraussetzung", "verlauten"}
    assert sheet.level == "C1"
    with pytest.raises(ExportError, match="choose from"):
        ExportOptions(kinds=("essay",))


def test_part_one_is_the_gapped_text_with_its_bank_and_never_the_answers():
    pack = moskau_pack()
    part = build_worksheet(pack).gapped
    assert part is not None and part.title == "Lückentext"
    gaps = [piece.gap for paragraph in part.paragraphs for piece in paragraph if piece.gap]
    assert gaps == list(range(1, 9))  # every cloze item's gaps, numbered in text order
    assert part.key[0] == "(1) Partnerschaft" and "(2) kündigte" in part.key
    # content words stand in the bank, with a distractor or two; grammar gaps show their hint
    assert {"Partnerschaft", "Beziehungen", "Grundvoraussetzung", "vollständigen",
            "Staatsgebiet"} <= set(part.bank)
    assert "kündigte" not in part.bank and "en" not in part.bank
    assert len(part.bank) > 5 and "Nicht" not in part.instruction
    notes = [piece.note for paragraph in part.paragraphs for piece in paragraph if piece.note]
    assert notes == ["ankündigen, Präteritum"]
    text = " ".join("".join(piece.text or "___" for piece in paragraph) for paragraph in part.paragraphs)
    for window in _answer_windows(pack):
        assert window not in " ".join(text.split())  # no gap's sentence stands there in full
    assert "Wang Yi" in text  # the rest of the article is there


def _answer_windows(pack) -> list[str]:
    """Each gap's answer with a few words of its sentence on either side, as the full text has it."""
    windows = []
    for item in pack.cloze:
        parts = item.text.split("___")
        for i, answer in enumerate(item.answers or (item.answer,)):
            before, after = parts[i][-20:], parts[i + 1][:20]
            windows.append(" ".join(f"{before}{answer}{after}".split()))
    return windows


def _pdftotext(pdf, *args: str) -> str:
    return subprocess.run(["pdftotext", "-layout", *args, str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    assert shutil.which("pdftotext"), "pdftotext is missing: run `make install` (poppler-utils)"
    path = tmp_path_factory.mktemp("worksheet") / "sheet.pdf"
    return write_worksheet_pdf(moskau_pack(), path, ExportOptions(version="B", seed=3))


@pytest.mark.slow
def test_pdf_has_the_article_with_line_numbers_and_the_exercises(pdf):
    text = _pdftotext(pdf)
    assert "Moskau-Besuch: Russland und China vertiefen" in text
    assert "Version B" in text
    assert re.search(r"^\s*1\s+Kurz vor dem ersten Jahrestag", text, re.M)
    assert re.search(r"^\s*7\s+“Die internationalen Beziehungen", text, re.M)
    assert "die Partnerschaft (feminin)" in text and "Pl. die Partnerschaften" in text
    for heading in ("Teil 1: Lückentext", "Teil 2: Text und Fragen", "Wortschatz", "Fragen zum Text",
                    "Richtig oder falsch?", "a, b oder c?"):
        assert heading in text
    assert re.search(r"Die\s+Ukraine\s+fordert\s+als\s+\(\d\)\s+zu\s+Gesprächen", text)
    assert "a) " in text and "b) " in text and "c) " in text


@pytest.mark.slow
def test_pdf_part_one_shows_no_full_text_beside_its_gaps(pdf):
    """No page with the gapped text holds a passage of the full text with an answer of part 1:
    part 2 (the full text) starts on a page of its own."""
    pages = [page for page in _pdftotext(pdf).split("\f") if page.strip()]
    part_one = [page for page in pages if "Teil 1: Lückentext" in page or "(1)" in page and "Teil 2" not in page]
    assert part_one and not any("Teil 2: Text und Fragen" in page for page in part_one)
    for page in part_one:
        flat = " ".join(page.split())
        for window in _answer_windows(moskau_pack()):
            assert window not in flat, window  # the gapped sentence never stands in full
    assert any(page.lstrip().startswith("Teil 2: Text und Fragen") for page in pages)


@pytest.mark.slow
def test_pdf_answer_key_is_on_its_own_last_page(pdf):
    pages = _pdftotext(pdf).split("\f")
    pages = [page for page in pages if page.strip()]
    key = pages[-1]
    assert key.lstrip().startswith("Lösungen")
    assert not any("Lösungen" in page for page in pages[:-1])
    sheet = build_worksheet(moskau_pack(), ExportOptions(version="B", seed=3))
    for exercise in sheet.exercises:
        for item in exercise.items:
            assert item.key in " ".join(key.split())
    assert "Z. 38" in key  # the Ukraine's demand starts on line 38


def test_abc_exercise_holds_questions_and_cloze_items_go_to_the_gapped_text():
    pack = moskau_pack()
    sheet = build_worksheet(pack, ExportOptions(kinds=("choice",), max_items=3))
    choice = _answers(sheet, "choice")
    assert sorted(item.key.split(") ", 1)[1] for item in choice.items) == ["mit Sorge", "zum Jahrestag: am 24. Februar"]
    assert sheet.gapped is None  # not asked for
    assert build_worksheet(pack, ExportOptions(kinds=("wordbank",))).exercises == ()


def test_the_vocabulary_box_holds_the_key_words_and_all_words_on_request():
    from dataclasses import replace

    pack = moskau_pack()
    key = {"Partnerschaft", "Abzug"}
    pack = replace(pack, vocabulary=tuple(replace(e, key=e.lemma in key) for e in pack.vocabulary))
    assert {e.lemma for e in build_worksheet(pack, ExportOptions()).vocabulary} == key
    everything = build_worksheet(pack, ExportOptions(words="all", level="A1")).vocabulary
    assert len(everything) > len(key)


def test_an_unknown_word_choice_is_explained():
    with pytest.raises(ExportError, match="key .* or all"):
        ExportOptions(words="some")


def test_a_paragraphs_first_sentence_points_at_its_own_line():
    """Regression (issue 14): the key's line numbers were one too low for a paragraph's first line
    (the pack's sentence carries the paragraph break before it)."""
    import dataclasses

    pack = moskau_pack()
    text = "Erster Absatz mit einem Satz.\n\nZweiter Absatz beginnt hier. Und geht weiter."
    pack = dataclasses.replace(pack, text=text, sentences=("Erster Absatz mit einem Satz.",
                                                           "\n\nZweiter Absatz beginnt hier.", " Und geht weiter."))
    lines, sentence_lines = number_lines(pack)
    assert [line.text for line in lines] == ["Erster Absatz mit einem Satz.", "Zweiter Absatz beginnt hier. Und geht weiter."]
    assert sentence_lines == [1, 2, 2]
