"""PDF and Word uploads become article text (issue 14): paragraphs back from a PDF's lines, words
broken at the line end joined, page numbers gone; a scan or a broken file is refused with what to do."""

from __future__ import annotations

import io

import pytest

from quizgen.errors import DocumentError
from quizgen.text.batch_sources import read_file_source
from quizgen.text.documents import _paragraphs_from_lines, document_text

PARAGRAPH_1 = ("Die Stadt Kelsbach baut eine neue Straßenbahnlinie. Der Bürgermeister kündigte das Projekt am "
               "Montag an. Die Bahn soll im Jahr 2028 fahren, und viele Bürger freuen sich schon auf die neue "
               "Verbindung zwischen dem Bahnhof und dem Hafen.")
PARAGRAPH_2 = ("Im Hafen von Kelsbach hat ein großes Schiff angelegt. Die Mannschaft brachte Obst und Gemüse in "
               "die Stadt, und die Händler verkauften die Waren am Mittwoch auf dem Markt.")


def make_pdf() -> bytes:
    from weasyprint import HTML

    html = (f"<html><head><title>Neue Bahn für Kelsbach</title><style>@page {{ size: A5; margin: 2cm }} "
            f"p {{ width: 8cm; hyphens: manual }}</style></head><body><p>{PARAGRAPH_1}</p><p>{PARAGRAPH_2}</p></body>"
            f"</html>")
    return HTML(string=html, base_url=".").write_pdf()


def make_docx() -> bytes:
    from docx import Document

    document = Document()
    document.add_heading("Neue Bahn für Kelsbach", level=1)
    document.add_paragraph(PARAGRAPH_1)
    document.add_paragraph("")
    document.add_paragraph(PARAGRAPH_2)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.slow
def test_a_pdf_gives_its_paragraphs_and_title():
    result = document_text(make_pdf(), name="bahn.pdf")
    assert result.title == "Neue Bahn für Kelsbach"
    assert result.text.split("\n\n") == [PARAGRAPH_1, PARAGRAPH_2]


def test_a_word_file_gives_its_paragraphs_and_heading_as_title():
    result = document_text(make_docx(), name="bahn.docx")
    assert result.title == "Neue Bahn für Kelsbach"
    assert result.text.split("\n\n") == ["Neue Bahn für Kelsbach", PARAGRAPH_1, PARAGRAPH_2]


def test_pdf_lines_are_joined_into_paragraphs():
    lines = ["Die Verhandlungen zwischen den beiden Ländern sind ins Sto-", "cken geraten, sagte der Ukraine-",
             "Krieg-Experte am Montag in Berlin und in Wien.", "Das war alles.", "", "3",
             "Ein neuer Absatz beginnt hier mit einem längeren Satz, der weitergeht", "und hier endet."]
    text = _paragraphs_from_lines([line for line in lines if line != "3"])
    assert text.split("\n\n") == [
        "Die Verhandlungen zwischen den beiden Ländern sind ins Stocken geraten, sagte der Ukraine-Krieg-Experte "
        "am Montag in Berlin und in Wien. Das war alles.",
        "Ein neuer Absatz beginnt hier mit einem längeren Satz, der weitergeht und hier endet."]


def test_a_broken_file_is_refused_with_what_to_do():
    with pytest.raises(DocumentError, match="Paste the text"):
        document_text(b"%PDF-1.4 nothing else", name="kaputt.pdf")
    with pytest.raises(DocumentError, match="Word file"):
        document_text(b"PK\x03\x04 not really a zip", name="kaputt.docx")


@pytest.mark.slow
def test_a_pdf_without_text_is_taken_for_a_scan():
    from weasyprint import HTML

    empty = HTML(string="<html><body><div style='height:5cm;background:#000'></div></body></html>").write_pdf()
    with pytest.raises(DocumentError, match="scan"):
        document_text(empty, name="scan.pdf")


def test_the_command_line_reads_word_files_too(tmp_path):
    path = tmp_path / "bahn.docx"
    path.write_bytes(make_docx())
    record = read_file_source(path)
    assert record.error is None and record.title == "Neue Bahn für Kelsbach" and PARAGRAPH_2 in record.text
