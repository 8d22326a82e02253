"""What a whole lesson pack costs beyond the analysis: both timed over the same articles in one run.

Usage: python bench/pack_vs_analysis.py [N_ARTICLES] [--csv PATH] [--level B1]

Reads the first N articles of the 10kGNAD sample (``category;'text'``, ' as quote character;
CC BY-NC-SA, used here only to measure, never shipped). After a warm-up (pipeline, HanTa,
noun lexicon, glossary and one whole pack), it times ``quizgen.analyze`` over every article,
then ``make_pack`` (analysis + vocabulary + text level + cloze + questions) over the same ones.
The target is a pack at most 1.25 times the analysis. The last line is a JSON summary.

Both passes see the articles once before (the analysis pass warms HanTa's word caches for the
pack pass), so the pack pass is timed after a second warm analysis pass: each pass then starts
from the same caches and the ratio measures the work the pack adds, not cache warm-up.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

DEFAULT_CSV = str(Path(__file__).resolve().parents[2] / "shared" / "corpus" / "10kgnad-part1.csv")


def read_articles(path: str, limit: int) -> list[str]:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter=";", quotechar="'")
        return [row[1] for row, _ in zip(rows, range(limit)) if len(row) > 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="?", type=int, default=40)
    parser.add_argument("--csv", default=DEFAULT_CSV)
    parser.add_argument("--level", default="B1")
    args = parser.parse_args()
    texts = read_articles(args.csv, args.articles)

    start = time.perf_counter()
    from quizgen.analyzer import analyze
    from quizgen.lesson_pack import make_pack

    make_pack(texts[0], level=args.level)  # pipeline, HanTa, noun lexicon, glossary, word lists
    warm_s = time.perf_counter() - start

    # Pass 0 fills the per-word caches (HanTa) so that both timed passes start alike.
    words = 0
    cpu_start = time.process_time()
    for text in texts:
        words += sum(1 for t in analyze(text).tokens if not t.text.isspace())
    first_cpu = time.process_time() - cpu_start

    start, cpu_start = time.perf_counter(), time.process_time()
    for text in texts:
        analyze(text)
    analysis_s, analysis_cpu = time.perf_counter() - start, time.process_time() - cpu_start

    start, cpu_start = time.perf_counter(), time.process_time()
    for text in texts:
        make_pack(text, level=args.level)
    pack_s, pack_cpu = time.perf_counter() - start, time.process_time() - cpu_start

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
    print(json.dumps({
        "articles": len(texts),
        "words": words,
        "analysis_words_per_s": round(words / analysis_cpu, 1),
        "pack_words_per_s": round(words / pack_cpu, 1),
        "ratio": round(ratio, 3),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
