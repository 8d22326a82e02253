"""Load the pipeline and the word lists before the first text, once per process.

A process that serves many texts (a Celery pool process, a gunicorn web process, a benchmark)
calls ``preload()`` when it starts, so no teacher waits for the loading, and ``load_counts()``
tells how often the pipeline was loaded in this process.
"""

from __future__ import annotations

import gc
import time

PRELOAD_TEXT = (
    "Der Stadtrat hat am Dienstag neue Radwege beschlossen. Die Bürgermeisterin sagte, die Stadt "
    "wolle bis 2030 sicherer werden. Kritiker halten die Pläne für zu teuer."
)


def preload() -> float:
    """Load everything a pack reads, keep it out of the garbage collector's scans; returns seconds.

    The pipeline, HanTa's model, the noun lexicon, the glossary and the word lists are loaded
    by building one pack, then ``gc.freeze()`` moves every object alive now to the collector's
    permanent generation. They live as long as the process anyway; without this each full
    collection walks them again (about 0.18 s per collection, some 6 ms per pack in
    bench/pack_vs_analysis.py).
    """
    from quizgen.lesson.make import make_pack

    start = time.perf_counter()
    make_pack(PRELOAD_TEXT)
    gc.collect()  # nothing that is garbage now is frozen with the rest
    gc.freeze()
    return time.perf_counter() - start


def load_counts() -> dict[str, int]:
    """How many times this process has loaded the spaCy pipeline (1 after any analysis)."""
    from quizgen.nlp.pipeline import load_pipeline

    return {"pipeline": load_pipeline.cache_info().misses}
