"""Exports of a lesson pack: Anki, worksheets (HTML, PDF), Moodle XML, GIFT, CSV, JSON.

Every format is one writer ``write(pack, path, options) -> path`` registered in
``EXPORT_FORMATS`` under the name ``--formats`` uses; ``export_format`` raises on an
unknown name. Adding a format is one module, one line here and one test file. Writers
read how each item is answered from its kind's description (``quizgen.kinds.kind_of``),
never from kind names, so a new exercise kind reaches every format by itself.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from quizgen.errors import ExportError
from quizgen.exports.anki_csv import write_anki_csv
from quizgen.exports.anki_export import write_apkg
from quizgen.exports.gaps import file_stem
from quizgen.exports.gift import write_gift
from quizgen.exports.json_export import write_pack_json
from quizgen.exports.moodle_xml import write_moodle_xml
from quizgen.exports.options import ExportOptions
from quizgen.exports.worksheet import write_worksheet_html, write_worksheet_pdf
from quizgen.pack import LessonPack

Writer = Callable[[LessonPack, Path, "ExportOptions | None"], Path]


@dataclass(frozen=True)
class ExportFormat:
    name: str  # as in --formats
    suffix: str  # appended to the pack's file stem
    label: str  # for a download button
    media_type: str
    for_learners: bool  # the site offers it to learners too (teachers get every format)
    write: Writer


EXPORT_FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("apkg", ".apkg", "Anki deck", "application/apkg", True, write_apkg),
        ExportFormat("csv", ".anki.csv", "Vocabulary for Anki's text import (CSV)",
                     "text/csv; charset=utf-8", True, write_anki_csv),
        ExportFormat("pdf", ".worksheet.pdf", "Worksheet (PDF)", "application/pdf", False,
                     write_worksheet_pdf),
        ExportFormat("html", ".worksheet.html", "Worksheet (HTML)", "text/html; charset=utf-8",
                     False, write_worksheet_html),
        ExportFormat("moodle", ".moodle.xml", "Moodle XML", "application/xml", False,
                     write_moodle_xml),
        ExportFormat("gift", ".gift.txt", "GIFT (Moodle)", "text/plain; charset=utf-8", False,
                     write_gift),
        ExportFormat("json", ".json", "Lesson pack (JSON)", "application/json", False,
                     write_pack_json),
    )
}


def export_format(name: str) -> ExportFormat:
    try:
        return EXPORT_FORMATS[name]
    except KeyError:
        raise ExportError(
            f"Unknown export format {name!r}: choose from {', '.join(EXPORT_FORMATS)}."
        ) from None


def parse_formats(text: str) -> tuple[ExportFormat, ...]:
    """``"apkg,pdf"`` -> the formats, checked, in the order given; ``"all"`` -> every one."""
    names = [name.strip() for name in text.split(",") if name.strip()]
    if names == ["all"]:
        return tuple(EXPORT_FORMATS.values())
    if not names:
        raise ExportError(f"No export format given: choose from {', '.join(EXPORT_FORMATS)}.")
    return tuple(export_format(name) for name in dict.fromkeys(names))


def export_path(pack: LessonPack, fmt: ExportFormat, out_dir: Path,
                options: ExportOptions | None = None) -> Path:
    stem = file_stem(pack)
    if fmt.name in ("pdf", "html") and options is not None and options.version != "A":
        stem += f"-{options.version}"
    return out_dir / (stem + fmt.suffix)


def write_exports(pack: LessonPack, formats: Iterable[str | ExportFormat], out_dir: Path,
                  options: ExportOptions | None = None) -> list[Path]:
    """Write the pack in each format into out_dir; the paths written, in order."""
    chosen = [export_format(f) if isinstance(f, str) else f for f in formats]
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(f"Cannot create {out_dir}: {error.strerror}. Choose another "
                          "folder with --out.") from error
    return [fmt.write(pack, export_path(pack, fmt, out_dir, options), options)
            for fmt in chosen]


def export_bytes(pack: LessonPack, name: str, options: ExportOptions | None = None
                 ) -> tuple[str, bytes]:
    """One export in memory, for a download: (file name, content)."""
    fmt = export_format(name)
    with tempfile.TemporaryDirectory(prefix="quizgen-export-") as folder:
        path = fmt.write(pack, export_path(pack, fmt, Path(folder), options), options)
        return path.name, path.read_bytes()


__all__ = [
    "EXPORT_FORMATS",
    "ExportFormat",
    "ExportOptions",
    "export_bytes",
    "export_format",
    "parse_formats",
    "write_exports",
]
