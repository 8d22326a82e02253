"""The public entry point: ``analyze(text) -> Analysis``."""

from __future__ import annotations

from quizgen.analysis import Analysis
from quizgen.text.checks import DEFAULT_MAX_CHARS, check_text
from quizgen.nlp.pipeline import doc_to_analysis, load_pipeline


def analyze(text: str, *, max_chars: int = DEFAULT_MAX_CHARS) -> Analysis:
    """Check, normalise and analyse a German text; raises an InputError on bad input."""
    cleaned = check_text(text, max_chars=max_chars)
    doc = load_pipeline()(cleaned)
    return doc_to_analysis(doc)
