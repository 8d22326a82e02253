"""Quiz titles: stored whole, shortened only where space is short, at a word boundary."""

from __future__ import annotations

import re

ELLIPSIS = "…"
#: how long a title may be in lists, page headings of other pages and breadcrumbs
SHORT_TITLE = 70


def shorten(text: str, limit: int = SHORT_TITLE) -> str:
    """``text`` if it fits in ``limit`` characters, else cut at the last word boundary before it,
    with an ellipsis (a single word longer than the limit is cut inside, as nothing else fits)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - len(ELLIPSIS) + 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    else:
        cut = cut[: limit - len(ELLIPSIS)]
    return cut.rstrip(" ,;:-–—") + ELLIPSIS


#: a first line longer than this is the first paragraph, not a headline
HEADLINE = 150
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"“”»«']?\s+(?=[\"„“»«']?[A-ZÄÖÜ0-9])")


def title_from_text(text: str, *, max_length: int) -> str:
    """A quiz's title when the teacher gives none: the text's first line when it is a headline,
    else the first sentence of the first paragraph; whole, unless longer than the database keeps
    (then shortened at a word boundary, never mid-word)."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if len(first) > HEADLINE:
        sentences = _SENTENCE_END.split(first)
        first = sentences.pop(0)
        while len(first) < 30 and sentences:  # "Dr. Müller ..." is not two sentences
            first += " " + sentences.pop(0)
    return shorten(first, max_length)
