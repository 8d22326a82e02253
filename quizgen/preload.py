"""Load the pipeline and the word lists before the first text, once per process.

A worker that serves many texts (a Celery pool process, learnsite/celery.py) calls
``preload()`` when it starts, so no teacher waits for the loading, and ``load_counts()`` tells
how often the pipeline was loaded in this process.
"""

from __future__ import annotations

import time


def preload() -> float:
    """Load everything a lesson pack reads (quizgen.lesson.make.preload); returns the seconds taken."""
    from quizgen.lesson.make import preload as load_and_freeze

    start = time.perf_counter()
    load_and_freeze()
    return time.perf_counter() - start


def load_counts() -> dict[str, int]:
    """How many times this process has loaded the spaCy pipeline (1 after any analysis)."""
    from quizgen.nlp.pipeline import load_pipeline

    return {"pipeline": load_pipeline.cache_info().misses}
