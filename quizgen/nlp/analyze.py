"""The public entry points: ``analyze(text) -> Analysis`` and, for batches, ``analyze_many``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from quizgen.analysis import Analysis
from quizgen.errors import InputError
from quizgen.text.checks import DEFAULT_MAX_CHARS, check_text
from quizgen.nlp.pipeline import doc_to_analysis, load_pipeline

#: texts per ``nlp.pipe`` batch: on 40 corpus articles batches of 8 took 0.88 of the CPU of one
#: call per text (``bench/analyze_batches.py 40``: the trained parts work on a batch at once);
#: the records are the same
BATCH_SIZE = 8


def analyze(text: str, *, max_chars: int = DEFAULT_MAX_CHARS) -> Analysis:
    """Check, normalise and analyse a German text; raises an InputError on bad input."""
    cleaned = check_text(text, max_chars=max_chars)
    doc = load_pipeline()(cleaned)
    return doc_to_analysis(doc)


def analyze_many(
    texts: Iterable[str], *, batch_size: int = BATCH_SIZE, max_chars: int = DEFAULT_MAX_CHARS
) -> Iterator[Analysis | InputError]:
    """``analyze`` for many texts, in their order, through spaCy's ``nlp.pipe`` in batches.

    A text the input checks refuse yields its InputError in its place and the others go on.
    Texts are read ``batch_size`` at a time, so a long stream is never held whole.
    """
    nlp = load_pipeline()
    stream = iter(texts)
    while batch := list(islice(stream, batch_size)):
        checked: list[str | InputError] = []
        for text in batch:
            try:
                checked.append(check_text(text, max_chars=max_chars))
            except InputError as exc:
                checked.append(exc)
        docs = iter(nlp.pipe([c for c in checked if isinstance(c, str)], batch_size=batch_size))
        for item in checked:
            yield item if isinstance(item, InputError) else doc_to_analysis(next(docs))
