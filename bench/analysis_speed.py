"""Words per second of the full analysis (quizgen.analyze on raw text) in one process.

Usage: python bench/analysis_speed.py [N_ARTICLES] [--csv PATH]

Reads the first N articles of the 10kGNAD sample (``category;'text'``, ' as quote character;
CC BY-NC-SA, used here only to measure, never shipped). Loading the pipeline is timed apart.
"""

from __future__ import annotations

import argparse
import sys
import time

from corpus import DEFAULT_CORPUS, read_corpus


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="?", type=int, default=100)
    parser.add_argument("--csv", default=DEFAULT_CORPUS)
    args = parser.parse_args()
    texts = read_corpus(args.csv, args.articles)

    start = time.perf_counter()
    from quizgen.nlp.analyze import analyze
    from quizgen.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    analyze(texts[0][:200])  # HanTa loads its model on first use
    load_s = time.perf_counter() - start

    words = 0
    cpu_start = time.process_time()
    start = time.perf_counter()
    for text in texts:
        analysis = analyze(text)
        words += sum(1 for t in analysis.tokens if not t.text.isspace())
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    print(f"command: python bench/analysis_speed.py {args.articles}")
    print(f"pipeline: {nlp.pipe_names} (loaded in {load_s:.1f} s)")
    print(f"{len(texts)} articles, {words} tokens in {seconds:.1f} s: {words / seconds:,.0f} words/s")
    # On a shared machine the wall clock also counts other people's jobs; CPU time does not.
    print(f"CPU time {cpu_seconds:.1f} s: {words / cpu_seconds:,.0f} words per CPU second")
    return 0


if __name__ == "__main__":
    sys.exit(main())
