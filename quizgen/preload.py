"""Load the pipeline and the word lists before the first text, once per process.

A worker that serves many texts calls ``preload()`` at start, so no learner or teacher waits
for the loading, and ``load_counts()`` tells how often each resource was loaded in this process.
"""

from __future__ import annotations

import time

_WARM_UP_TEXT = (
    "Die Stadt baut eine neue Straßenbahn. Der Bürgermeister kündigte das Projekt am Montag an. "
    "Viele Bürger freuen sich, weil sie schneller zur Arbeit kommen."
)


def preload() -> float:
    """Make one small lesson pack, which loads everything a pack needs; returns the seconds taken."""
    from quizgen.lesson_pack import make_pack

    start = time.perf_counter()
    make_pack(_WARM_UP_TEXT, title="warm-up")
    return time.perf_counter() - start


def load_counts() -> dict[str, int]:
    """How many times this process has loaded the spaCy pipeline (1 after any analysis)."""
    from quizgen.pipeline import load_pipeline

    return {"pipeline": load_pipeline.cache_info().misses}
