"""Article text and title from an HTML page, with trafilatura (no network: the page is given)."""

from __future__ import annotations

from dataclasses import dataclass

from quizgen.errors import ExtractionError

MIN_CHARS = 40  # less than this is a teaser or a cookie banner, not an article


@dataclass(frozen=True)
class ExtractedArticle:
    title: str | None
    text: str
    source: str = ""


def extract_article(html: str, *, source: str = "") -> ExtractedArticle:
    """The main text (paragraphs separated by blank lines) and title of an HTML page.

    Raises ExtractionError when the page holds no article text.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    text = getattr(doc, "text", None) or ""
    if len(text.strip()) < MIN_CHARS:
        # The precise pass can drop short pages; the recall pass keeps more.
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_recall=True)
        text = getattr(doc, "text", None) or ""
    name = source or "the page"
    if len(text.strip()) < MIN_CHARS:
        raise ExtractionError(
            f"No article text found in {name}. Save the article as plain text (.txt) or give the "
            "page's full HTML, not a cookie wall or an index page."
        )
    paragraphs = [p.strip() for p in text.splitlines() if p.strip()]
    title = getattr(doc, "title", None)
    if title and len(paragraphs) > 1 and paragraphs[0] == title.strip():
        paragraphs = paragraphs[1:]  # the headline is the title, not the first paragraph
    return ExtractedArticle(title=title.strip() if title else None, text="\n\n".join(paragraphs), source=source)
