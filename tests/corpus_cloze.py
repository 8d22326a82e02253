"""The cloze section of every corpus article, worked out once per test session.

Analysing the 514 articles is most of the cost (minutes on two cores), so the sections are made
once, in two worker processes, and every corpus test of the session reads them.
"""

from __future__ import annotations

import functools
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from tests.shared_data import CORPUS

#: pass 2 of make test (PostgreSQL, Celery) runs the suite again; the corpus does not touch them
SECOND_PASS = os.environ.get("QUIZGEN_REQUIRE_SERVICES") == "1"


@dataclass(frozen=True)
class CorpusPack:
    index: int
    items: tuple
    sentences: tuple[str, ...]
    text: str
    words: int
    notes: tuple[str, ...]


def _section(job: tuple[int, str]) -> CorpusPack | None:
    from quizgen.cloze import cloze_section
    from quizgen.errors import InputError
    from quizgen.lesson.vocabulary import build_vocabulary
    from quizgen.nlp.analyze import analyze

    index, text = job
    try:
        analysis = analyze(text)
    except InputError:
        return None
    vocabulary, _names = build_vocabulary(analysis)
    section = cloze_section(analysis, level="B1", vocabulary=vocabulary)
    words = sum(1 for t in analysis.tokens if any(c.isalpha() for c in t.text))
    return CorpusPack(index, section.items, tuple(s.text for s in analysis.sentences), analysis.text, words,
                      section.notes)


@functools.lru_cache(maxsize=1)
def corpus_packs() -> tuple[CorpusPack, ...]:
    import csv

    with open(CORPUS, encoding="utf-8", newline="") as fh:
        texts = [row[1] for row in csv.reader(fh, delimiter=";", quotechar="'") if len(row) >= 2]
    with ProcessPoolExecutor(max_workers=2) as pool:
        found = list(pool.map(_section, enumerate(texts), chunksize=8))
    return tuple(p for p in found if p is not None)
