"""Anki decks (.apkg) from a lesson pack: vocabulary, cloze and comprehension notes.

The default deck holds the pack's key words, its cloze items and its questions; ``ExportOptions
(words="all")`` (``--all-words``) puts every word of the list in.

A note's GUID hashes only what identifies it, so re-importing updates notes instead of
duplicating them: a vocabulary note is the same note in every article's deck (lemma and part
of speech), a cloze or question note is one item of one article (title and item id).
"""

from __future__ import annotations

import hashlib
import html
import itertools
import sqlite3
import tempfile
import time
import zipfile
from pathlib import Path

import genanki

from quizgen.exports.anki_models import CLOZE_MODEL, QUESTION_MODEL, VOCABULARY_MODEL
from quizgen.exports.gaps import (
    gap_answers,
    is_usable_cloze,
    is_usable_question,
    marked_pieces,
    sentence,
    slug,
    split_at_gaps,
)
from quizgen.exports.options import ExportOptions, chosen_words
from quizgen.kinds import AnswerMode, kind_of
from quizgen.pack import ClozeItem, LessonPack, Question, VocabEntry

DECK_PREFIX = "Quizgen::"
GENDER_WORDS = {"m": "maskulin", "f": "feminin", "n": "neutrum"}
# a zip entry's date is part of the file's bytes; a fixed one keeps builds byte-stable
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def deck_name(pack: LessonPack) -> str:
    # "::" separates deck levels in Anki: keep the title one level deep
    return DECK_PREFIX + pack.title.replace("::", ":").strip()


def deck_id(pack: LessonPack) -> int:
    """A stable id per deck name, in the range genanki recommends."""
    digest = hashlib.sha256(deck_name(pack).encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:8], "big") % (1 << 30)


def vocabulary_guid(entry: VocabEntry) -> str:
    return str(genanki.guid_for("quizgen-vocabulary", entry.lemma, entry.pos))


def item_guid(pack: LessonPack, item_id: str, family: str) -> str:
    return str(genanki.guid_for(f"quizgen-{family}", pack.title, item_id))


def _tag(family: str, value: str) -> str:
    # Anki tags cannot hold spaces; "::" makes them a tree under quizgen in the browser
    return f"quizgen::{family}::{slug(value, limit=50) if family == 'article' else value}"


def _tags(pack: LessonPack, *, level: str, pos: str | None) -> list[str]:
    tags = [_tag("level", level), _tag("article", pack.title)]
    if pos:
        tags.append(_tag("pos", pos))
    return tags


def marked_html(example: str) -> str:
    return "".join(
        f'<b class="target">{html.escape(text)}</b>' if marked else html.escape(text)
        for text, marked in marked_pieces(example)
    )


def vocabulary_note(pack: LessonPack, entry: VocabEntry, options: ExportOptions) -> genanki.Note:
    fields = [
        html.escape(entry.display),
        GENDER_WORDS.get(entry.gender or "", ""),
        entry.gender if entry.gender in GENDER_WORDS else "",
        html.escape(entry.plural or ""),
        html.escape(entry.shown_gloss or ""),
        html.escape(entry.gloss_note or ""),
        marked_html(entry.example),
        html.escape(pack.title),
        entry.pos,
        # no gloss, no English front: such a card would ask nothing; an uncertain gloss
        # would ask for the wrong word
        "y" if options.reverse_cards and entry.gloss and entry.gloss_confidence != "low" else "",
    ]
    return genanki.Note(model=VOCABULARY_MODEL, fields=fields, guid=vocabulary_guid(entry),
                        tags=_tags(pack, level=entry.cefr, pos=entry.pos))


def cloze_text(item: ClozeItem) -> str:
    """The item's text with each gap as an Anki cloze deletion, one card per gap."""
    pieces = split_at_gaps(item.text)
    answers = gap_answers(item)
    kind = kind_of(item)
    hint = ""
    if kind.has_options and not kind.several_gaps and item.options:
        hint = " / ".join(item.options)  # the one gap's choices (a word bank goes on the back)
    elif kind.hint_beside_gap and item.hint:
        hint = item.hint
    out = [html.escape(pieces[0])]
    for number, piece in enumerate(pieces[1:], start=1):
        deletion = html.escape(answers[number - 1]) + (f"::{html.escape(hint)}" if hint else "")
        out.append("{{c%d::%s}}" % (number, deletion))
        out.append(html.escape(piece))
    return "".join(out)


def _cloze_extra(pack: LessonPack, item: ClozeItem) -> str:
    glosses = {entry.lemma: entry for entry in pack.vocabulary}
    kind = kind_of(item)
    lines = []
    entry = glosses.get(item.lemma or "")
    if entry is not None and entry.gloss and entry.gloss_confidence != "low":
        lines.append(f"{html.escape(entry.display)}: {html.escape(entry.gloss)}")
    elif item.hint and not kind.hint_beside_gap:
        lines.append(html.escape(item.hint))
    if kind.answer_mode is AnswerMode.WORD_BANK and item.options:
        lines.append("Wortbank: " + html.escape(", ".join(item.options)))
    return "<br>".join(lines)


def cloze_note(pack: LessonPack, item: ClozeItem) -> genanki.Note:
    fields = [cloze_text(item), _cloze_extra(pack, item), html.escape(pack.title)]
    return genanki.Note(model=CLOZE_MODEL, fields=fields, guid=item_guid(pack, item.id, "cloze"),
                        tags=_tags(pack, level=pack.level, pos=item.pos) + [_tag("cloze", item.kind)])


def evidence_html(pack: LessonPack, question: Question) -> str:
    """The evidence sentence with the short answer marked where it occurs."""
    evidence = sentence(pack, question.sentence)
    short = question.answer_short
    # a typed answer is words of the text; a picked one may not be (a wrong option, richtig)
    if short and short in evidence and kind_of(question).answer_mode is AnswerMode.TYPED:
        evidence = evidence.replace(short, f"**{short}**", 1)
    return marked_html(evidence)


def question_note(pack: LessonPack, question: Question) -> genanki.Note:
    prompt = question.question
    mode = kind_of(question).answer_mode
    if mode is AnswerMode.TRUE_FALSE:
        prompt = f"Richtig oder falsch? {prompt}"
    options = ""
    if question.options:
        options = "<ol type=\"a\">" + "".join(
            f"<li>{html.escape(option)}</li>" for option in question.options) + "</ol>"
    answer = question.answer
    correct = question.correct
    if mode is AnswerMode.CHOICE and correct is not None and 0 <= correct < len(question.options):
        answer = f"{'abcdefgh'[correct]}) {question.options[correct]}"
    fields = [html.escape(prompt), options, html.escape(answer), evidence_html(pack, question),
              html.escape(pack.title), question.kind]
    return genanki.Note(model=QUESTION_MODEL, fields=fields,
                        guid=item_guid(pack, question.id, "question"),
                        tags=_tags(pack, level=pack.level, pos=None)
                        + [_tag("question", question.kind)])


def build_deck(pack: LessonPack, options: ExportOptions | None = None) -> genanki.Deck:
    options = options or ExportOptions()
    description = (f"{html.escape(pack.title)}<br>Level {html.escape(pack.level)}"
                   f"{' · ' + html.escape(pack.source) if pack.source else ''}<br>Made by Quizgen.")
    deck = genanki.Deck(deck_id(pack), deck_name(pack), description=description)
    for entry in chosen_words(pack, options):  # the key words unless options say all
        deck.add_note(vocabulary_note(pack, entry, options))
    for item in pack.cloze:
        if is_usable_cloze(item):  # an item without a gap would make no card
            deck.add_note(cloze_note(pack, item))
    for question in pack.questions:
        if is_usable_question(question):
            deck.add_note(question_note(pack, question))
    return deck


def write_apkg(pack: LessonPack, path: Path, options: ExportOptions | None = None) -> Path:
    """Write the pack's deck to path; the same pack and timestamp give the same bytes.

    genanki's own ``Package.write_to_file`` leaves its SQLite file in the temp folder and
    stamps the zip with the current time, so the database is built here in a temporary
    folder that is always removed, and zipped with a fixed date.
    """
    options = options or ExportOptions()
    timestamp = options.timestamp if options.timestamp is not None else time.time()
    package = genanki.Package(build_deck(pack, options))
    with tempfile.TemporaryDirectory(prefix="quizgen-anki-") as folder:
        database = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(database)
        try:
            package.write_to_db(connection.cursor(), timestamp,
                                itertools.count(int(timestamp * 1000)))
            connection.commit()
        finally:
            connection.close()
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(zipfile.ZipInfo("collection.anki2", _ZIP_DATE),
                             database.read_bytes(), zipfile.ZIP_DEFLATED)
            archive.writestr(zipfile.ZipInfo("media", _ZIP_DATE), "{}", zipfile.ZIP_DEFLATED)
    return path
