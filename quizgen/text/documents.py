"""Article text from a PDF (pypdf) or a Word file (python-docx), for the site's uploads and the
command line's files.

A PDF keeps no paragraphs, only lines: lines are joined back into paragraphs (a word broken at
the line end with a hyphen is joined again, a hyphen before a capital is a compound's and stays),
a short line that ends a sentence ends its paragraph, and lines that are only a page number go.
A PDF without a text layer (a scan) is refused with what to do instead.
"""

from __future__ import annotations

import io
import re
import statistics
from dataclasses import dataclass

from quizgen.errors import DocumentError

DOCUMENT_SUFFIXES = (".pdf", ".docx")
_PAGE_NUMBER = re.compile(r"^(?:[-–—]\s*)?(?:Seite\s+)?\d{1,4}(?:\s*(?:/|von)\s*\d{1,4})?(?:\s*[-–—])?$", re.I)
_SENTENCE_END = re.compile(r"[.!?:…\"“”»«)]$")


@dataclass(frozen=True)
class DocumentText:
    text: str
    title: str


def is_document(name: str) -> bool:
    return name.lower().endswith(DOCUMENT_SUFFIXES)


def document_text(data: bytes, *, name: str) -> DocumentText:
    """The text (paragraphs separated by blank lines) and title of a .pdf or .docx file."""
    if name.lower().endswith(".pdf"):
        return _pdf_text(data, name)
    if name.lower().endswith(".docx"):
        return _docx_text(data, name)
    raise DocumentError(f"{name} is neither a PDF nor a Word (.docx) file.")


def _pdf_text(data: bytes, name: str) -> DocumentText:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(f"{name} is protected with a password. Save it without one, or paste the text.")
        pages = [page.extract_text() or "" for page in reader.pages]
        title = str(reader.metadata.title or "").strip() if reader.metadata else ""
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise DocumentError(f"{name} could not be read as a PDF ({exc}). Paste the text instead.") from None
    lines = [line.strip() for page in pages for line in page.splitlines()]
    lines = [line for line in lines if not _PAGE_NUMBER.match(line)]
    text = _paragraphs_from_lines(lines)
    if len(text.split()) < 5:
        raise DocumentError(f"{name} has no text to read: it may be a scan (pictures of pages). Paste the "
                            "text, or upload the article as a text or Word file.")
    return DocumentText(text=text, title=title if 3 <= len(title) <= 300 else "")


def _paragraphs_from_lines(lines: list[str]) -> str:
    """Lines of a PDF joined into paragraphs (see the module docstring)."""
    widths = [len(line) for line in lines if line]
    typical = statistics.median(widths) if widths else 0
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
                current = ""
            continue
        if not current:
            current = line
        elif current.endswith("-") and len(current) > 1 and current[-2].isalpha() and line[:1].islower():
            current = current[:-1] + line  # Ver-|bindung: one word broken at the line end
        elif current.endswith("-") and len(current) > 1 and current[-2].isalpha() and line[:1].isupper():
            current = current + line  # Ukraine-|Krieg: a compound's hyphen stays
        else:
            current = f"{current} {line}"
        if _SENTENCE_END.search(line) and len(line) < 0.7 * typical:
            paragraphs.append(current)  # a short last line: the paragraph ends here
            current = ""
    if current:
        paragraphs.append(current)
    return "\n\n".join(" ".join(p.split()) for p in paragraphs)


def _docx_text(data: bytes, name: str) -> DocumentText:
    from docx import Document

    try:
        document = Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises zipfile, KeyError or its own errors for a broken file
        raise DocumentError(f"{name} could not be read as a Word file ({type(exc).__name__}). Save it again as "
                            ".docx, or paste the text.") from None
    paragraphs = [" ".join(p.text.split()) for p in document.paragraphs]
    paragraphs = [p for p in paragraphs if p]
    title = (document.core_properties.title or "").strip()
    headings = [p.text.strip() for p in document.paragraphs
                if p.text.strip() and p.style is not None and (p.style.name or "").startswith(("Title", "Heading"))]
    if not title and headings:
        title = headings[0]
    if not paragraphs:
        raise DocumentError(f"{name} has no text. Upload the file with the article, or paste the text.")
    return DocumentText(text="\n\n".join(paragraphs), title=title[:300])
