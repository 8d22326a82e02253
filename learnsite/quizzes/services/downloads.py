"""The quiz's downloads: which export formats a person may have, the file of one, and the
vocabulary list as a spreadsheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from django.utils.translation import gettext as _

from learnsite.quizzes.models import Item, Quiz
from learnsite.quizzes.refusals import NothingToExport
from learnsite.quizzes.services.pack_items import quiz_lesson_pack
from quizgen.exports import EXPORT_FORMATS, ExportOptions, export_bytes
from quizgen.exports.csv_cells import plain_cell
from quizgen.pack import UNCERTAIN_MARK


def quiz_export(*, quiz: Quiz, name: str, for_learner: bool, words: str = "key",
                items: Iterable[Item] | None = None) -> tuple[str, bytes, str]:
    """(file name, content, media type) of one export; learners get only the learner formats.

    ``words`` is "key" (the key words in the deck, CSV and worksheet box) or "all". ``items`` are
    the items whose cards the export holds (default: all); a learner's download passes
    ``selectors.learner_card_items``, so the answer key is not theirs before they finish.
    """
    fmt = EXPORT_FORMATS.get(name)
    if fmt is None or (for_learner and not fmt.for_learners):
        raise NothingToExport(_("There is no download called “%(name)s” here.") % {"name": name})
    file_name, content = export_bytes(quiz_lesson_pack(quiz=quiz, items=items), name, ExportOptions(words=words))
    return file_name, content, fmt.media_type


def quiz_set_answer_cards(*, quiz: Quiz, allowed: bool) -> Quiz:
    """Let learners download every item's card (with its answer) before they finish, or stop it."""
    quiz.answer_cards_for_learners = allowed
    quiz.save(update_fields=["answer_cards_for_learners"])
    return quiz


def export_choices(*, for_learner: bool) -> list[tuple[str, str]]:
    return [(f.name, f.label) for f in EXPORT_FORMATS.values() if f.for_learners or not for_learner]


def _shown_gloss(entry: dict) -> str:
    """The gloss as lists show it: an uncertain one marked as VocabEntry.shown_gloss does."""
    text = entry.get("gloss") or ""
    return f"{text} {UNCERTAIN_MARK}" if text and entry.get("gloss_confidence") == "low" else text


def quiz_words(*, quiz: Quiz, words: str = "key") -> list[dict]:
    """The quiz text's word list as the pack stores it: its key words, or every word with
    ``words="all"`` (a pack made before key words existed has none marked: every word)."""
    entries = list((quiz.pack or {}).get("vocabulary", []))
    if words == "all" or not any(entry.get("key") for entry in entries):
        return entries
    return [entry for entry in entries if entry.get("key")]


def vocabulary_csv(*, quiz: Quiz, words: str = "key") -> tuple[str, bytes]:
    """(file name, content) of the quiz text's key words (or all its words) as CSV: UTF-8 with
    a byte order mark, so that spreadsheet programs read the umlauts; no cell is read as a formula."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["word", "plural", "part_of_speech", "english", "level", "example"])
    for entry in quiz_words(quiz=quiz, words=words):
        writer.writerow([plain_cell(cell) for cell in (
            entry.get("display", ""), entry.get("plural") or "", entry.get("pos", ""), _shown_gloss(entry),
            entry.get("cefr", ""), (entry.get("example") or "").replace("**", ""))])
    return f"vocabulary-{quiz.class_code}.csv", ("\ufeff" + out.getvalue()).encode("utf-8")
