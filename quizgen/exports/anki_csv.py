"""The vocabulary as a text file for Anki's own CSV import, with its header lines.

The notes use Anki's stock "Basic (optional reversed card)" note type, so the file imports
into any collection without Quizgen's note types. Its GUIDs differ from the .apkg notes'
(a GUID belongs to one note type), but follow the same rule: lemma and part of speech only.
"""

from __future__ import annotations

import csv
import html
import io
from pathlib import Path

import genanki

from quizgen.exports.anki_export import GENDER_WORDS, deck_name, marked_html
from quizgen.exports.csv_cells import html_cell, plain_cell
from quizgen.exports.gaps import slug
from quizgen.exports.options import ExportOptions, chosen_words
from quizgen.pack import LessonPack, VocabEntry

NOTETYPE = "Basic (optional reversed card)"
COLUMNS: tuple[str, ...] = ("guid", "Front", "Back", "Add Reverse", "tags")
GENDER_COLOURS = {"m": "#1f5fbf", "f": "#c0392b", "n": "#1e8449"}


def csv_guid(entry: VocabEntry) -> str:
    return str(genanki.guid_for("quizgen-vocabulary-csv", entry.lemma, entry.pos))


def front_html(entry: VocabEntry) -> str:
    colour = GENDER_COLOURS.get(entry.gender or "")
    if colour is None:
        return html.escape(entry.display)
    return (f'<span style="color: {colour}">{html.escape(entry.display)}</span>'
            f'<br><small style="color: {colour}">{GENDER_WORDS[entry.gender or ""]}</small>')


def back_html(pack: LessonPack, entry: VocabEntry) -> str:
    lines = [html.escape(entry.shown_gloss or entry.gloss_note or "")]
    if entry.plural:
        lines.append(f"Plural: {html.escape(entry.plural)}")
    lines.append(f"<i>{marked_html(entry.example)}</i>")
    lines.append(f"<small>{html.escape(pack.title)}</small>")
    return "<br>".join(lines)


def vocabulary_csv(pack: LessonPack, options: ExportOptions | None = None) -> str:
    options = options or ExportOptions()
    out = io.StringIO()
    out.write("#separator:tab\n#html:true\n")
    out.write(f"#notetype:{NOTETYPE}\n#deck:{deck_name(pack)}\n")
    out.write(f"#guid column:{COLUMNS.index('guid') + 1}\n")
    out.write(f"#tags column:{COLUMNS.index('tags') + 1}\n")
    out.write("#columns:" + "\t".join(COLUMNS) + "\n")
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    article = f"quizgen::article::{slug(pack.title, limit=50)}"
    for entry in chosen_words(pack, options):
        reverse = "y" if options.reverse_cards and entry.gloss and entry.gloss_confidence != "low" else ""
        tags = f"quizgen::level::{entry.cefr} quizgen::pos::{entry.pos} {article}"
        # the cells are spreadsheet-safe too: people open the file in a spreadsheet before importing
        writer.writerow([plain_cell(csv_guid(entry)), html_cell(front_html(entry)),
                         html_cell(back_html(pack, entry)), reverse, plain_cell(tags)])
    return out.getvalue()


def write_anki_csv(pack: LessonPack, path: Path, options: ExportOptions | None = None) -> Path:
    path.write_text(vocabulary_csv(pack, options), encoding="utf-8")
    return path
