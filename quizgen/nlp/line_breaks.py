"""Sentence starts at line breaks, set before the sentencizer (which splits at punctuation only).

A headline or subheading ends without a full stop; on its own line it is still no part of the
sentence after it ("Mieten in Großstädten steigen weiter" / "Wer in einer ..."). So a blank line
always starts a sentence, and so does a single line break, unless the text is hard-wrapped (most
of its lines end without a sentence mark: lines cut at a width, where a break means nothing).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

#: marks that end a sentence, a quote or a bracket at the end of a line
SENTENCE_END = (".", "!", "?", "…", ":", "“", "”", '"', "»", "«", ")")
#: a text with at least this many lines is hard-wrapped when fewer than half end a sentence
WRAPPED_MIN_LINES = 5


def _hard_wrapped(text: str) -> bool:
    lines = [line.rstrip() for line in text.split("\n") if line.strip()]
    if len(lines) < WRAPPED_MIN_LINES:
        return False
    return sum(1 for line in lines if line.endswith(SENTENCE_END)) * 2 < len(lines)


@Language.component("quizgen_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Mark the first word after a line that ends without a sentence mark as a sentence start,
    when a blank line follows the line or the text is not hard-wrapped; leave every other token
    to the sentencizer."""
    if "\n" not in doc.text:
        return doc
    single = not _hard_wrapped(doc.text)
    pending = ""  # the white space since the last word
    spaces: list[int] = []  # its space tokens: they stay with the sentence before
    ended = True  # the last word ends a sentence: the sentencizer splits there as it is
    for tok in doc:
        if tok.is_space:
            pending += tok.text
            spaces.append(tok.i)
            continue
        if not ended and (pending.count("\n") >= 2 or (single and "\n" in pending)):
            tok.is_sent_start = True
            for i in spaces:
                doc[i].is_sent_start = False
        pending = tok.whitespace_
        spaces = []
        ended = tok.text.endswith(SENTENCE_END)
    return doc
