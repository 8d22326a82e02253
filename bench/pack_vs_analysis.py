"""What a whole lesson pack costs beyond the analysis: both timed over the same articles in one run.

Usage: python bench/pack_vs_analysis.py [N_ARTICLES] [--csv PATH] [--level B1]

Reads the first N articles of the 10kGNAD sample (``category;'text'``, ' as quote character;
CC BY-NC-SA, used here only to measure, never shipped). After a warm-up (pipeline, HanTa,
noun lexicon, glossary and one whole pack, then ``quizgen.preload.preload`` as a
long-running process calls it), it times ``quizgen.analyze`` over every article, then
``make_pack`` (analysis + vocabulary + text level + cloze + questions) over the same ones.
The target is a pack at most 1.25 times the analysis. The last line is a JSON summary.

Both timed passes run after a first, untimed-for-the-ratio analysis of the same articles, so
both find HanTa's word and sentence caches warm: the ratio is the work the pack adds over a
warm analysis, the strict reading. A new article's analysis is slower (the first pass, also
printed), so in use the pack adds less than the ratio says; ``ratio_vs_first_analysis``
estimates that share. Times are CPU seconds: on a shared machine wall time counts others' jobs.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time

from corpus import DEFAULT_CORPUS, read_corpus


class CollectorTime:
    """Seconds the garbage collector ran (full collections apart): a full one costs a few
    tenths of a second with the lexicons loaded and lands in whichever pass triggers it."""

    def __init__(self) -> None:
        self.seconds = self.full_seconds = 0.0
        self._start = 0.0
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.perf_counter()
            return
        spent = time.perf_counter() - self._start
        self.seconds += spent
        if info["generation"] == 2:
            self.full_seconds += spent

    def take(self) -> tuple[float, float]:
        out = (self.seconds, self.full_seconds)
        self.seconds = self.full_seconds = 0.0
        return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="?", type=int, default=40)
    parser.add_argument("--csv", default=DEFAULT_CORPUS)
    parser.add_argument("--level", default="B1")
    args = parser.parse_args()
    texts = read_corpus(args.csv, args.articles)

    start = time.perf_counter()
    from quizgen.nlp.analyze import analyze
    from quizgen.lesson.make import make_pack
    from quizgen.preload import preload

    make_pack(texts[0], level=args.level)  # pipeline, HanTa, noun lexicon, glossary, word lists
    preload()  # as a long-running process does: the loaded data out of the collector's scans
    warm_s = time.perf_counter() - start

    # Pass 0 fills the per-word caches (HanTa) so that both timed passes start alike.
    words = 0
    cpu_start = time.process_time()
    for text in texts:
        words += sum(1 for t in analyze(text).tokens if not t.text.isspace())
    first_cpu = time.process_time() - cpu_start

    collector = CollectorTime()
    start, cpu_start = time.perf_counter(), time.process_time()
    for text in texts:
        analyze(text)
    analysis_s, analysis_cpu = time.perf_counter() - start, time.process_time() - cpu_start
    analysis_gc = collector.take()

    start, cpu_start = time.perf_counter(), time.process_time()
    for text in texts:
        make_pack(text, level=args.level)
    pack_s, pack_cpu = time.perf_counter() - start, time.process_time() - cpu_start
    pack_gc = collector.take()

    # CPU time is what the ratio uses: on a shared machine the wall clock also counts others' jobs.
    ratio = pack_cpu / analysis_cpu
    print(f"command: python bench/pack_vs_analysis.py {args.articles}" + (f" --level {args.level}" if args.level != "B1" else ""))
    print(f"warm-up (pipeline, lexicons, one pack): {warm_s:.1f} s")
    print(f"{len(texts)} articles, {words} words")
    print(f"analysis, first time (HanTa's caches filling): {first_cpu:.1f} s CPU: {words / first_cpu:,.0f} words per CPU second")
    print(f"analysis: {analysis_s:.1f} s wall, {analysis_cpu:.1f} s CPU: {words / analysis_cpu:,.0f} words per CPU second")
    print(f"pack:     {pack_s:.1f} s wall, {pack_cpu:.1f} s CPU: {words / pack_cpu:,.0f} words per CPU second")
    print(f"pack / analysis (CPU): {ratio:.2f} (target <= 1.25); beyond the analysis: "
          f"{(pack_cpu - analysis_cpu) / len(texts) * 1000:.0f} ms per article")
    print(f"garbage collection: analysis pass {analysis_gc[0]:.2f} s (full {analysis_gc[1]:.2f} s), "
          f"pack pass {pack_gc[0]:.2f} s (full {pack_gc[1]:.2f} s)")
    # A new article is analysed with cold HanTa caches (the first pass); what the pack adds is
    # the same, so against a first analysis the pack costs less (an estimate, not a timed pass).
    first_ratio = (first_cpu + pack_cpu - analysis_cpu) / first_cpu
    print(f"the same extra cost against the first analysis of the articles: {first_ratio:.2f}")
    print(json.dumps({
        "articles": len(texts),
        "words": words,
        "analysis_words_per_s": round(words / analysis_cpu, 1),
        "pack_words_per_s": round(words / pack_cpu, 1),
        "ratio": round(ratio, 3),
        "ratio_vs_first_analysis": round(first_ratio, 3),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
