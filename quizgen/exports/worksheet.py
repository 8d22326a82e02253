"""Printable worksheets: an HTML page (Jinja2) and a PDF made from it with WeasyPrint."""

from __future__ import annotations

from pathlib import Path

import jinja2

from quizgen.errors import ExportError
from quizgen.exports.anki_export import GENDER_WORDS
from quizgen.exports.options import ExportOptions
from quizgen.exports.worksheet_layout import LETTERS, Worksheet, build_worksheet
from quizgen.pack import LessonPack

TEMPLATES = Path(__file__).parent / "templates"
_ENVIRONMENT = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATES),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    undefined=jinja2.StrictUndefined,
)


def render_worksheet(sheet: Worksheet) -> str:
    css = (TEMPLATES / "worksheet.css").read_text(encoding="utf-8")
    template = _ENVIRONMENT.get_template("worksheet.html.j2")
    return template.render(sheet=sheet, css=css, gender_words=GENDER_WORDS, letters=LETTERS)


def worksheet_html(pack: LessonPack, options: ExportOptions | None = None) -> str:
    return render_worksheet(build_worksheet(pack, options))


def write_worksheet_html(pack: LessonPack, path: Path,
                         options: ExportOptions | None = None) -> Path:
    path.write_text(worksheet_html(pack, options), encoding="utf-8")
    return path


def write_worksheet_pdf(pack: LessonPack, path: Path,
                        options: ExportOptions | None = None) -> Path:
    try:
        # imported here: WeasyPrint loads Pango through cffi, slow and only needed for PDFs
        import weasyprint
    except OSError as error:  # the Python package is there, Pango is not
        raise ExportError(
            "PDF worksheets need the Pango library: run `make install` (it installs "
            f"WeasyPrint's system libraries), or export HTML instead ({error})."
        ) from error
    html = worksheet_html(pack, options)
    weasyprint.HTML(string=html, base_url=str(TEMPLATES)).write_pdf(str(path))
    return path
