"""Analysis one text at a time against ``analyze_many`` (spaCy's ``nlp.pipe`` in batches), in one run.

Usage: python bench/analyze_batches.py [N_ARTICLES] [--batch-size B]

Reads the first N articles of the 10kGNAD sample (CC BY-NC-SA, read only to measure). After a
warm-up (pipeline, ``quizgen.preload``, five analyses), two rounds each time the articles one by
one (``analyze``) and as batches (``analyze_many``), alternating so both sides run under the same
load, and check that both give the same records. CPU seconds (a shared machine's wall time counts
others' jobs). The last line is a JSON summary with the ratio batched / one by one.
"""

from __future__ import annotations

import argparse
import json
import time

from corpus import read_corpus

from quizgen import analyze, analyze_many
from quizgen.errors import InputError
from quizgen.preload import preload


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=40)
    parser.add_argument("--batch-size", type=int, default=8)
    args = parser.parse_args()
    texts = []
    for text in read_corpus(limit=args.n * 2):
        try:
            analyze(text)
        except InputError:
            continue
        texts.append(text)
        if len(texts) == args.n:
            break
    preload()
    single = batched = 0.0
    for _round in range(2):
        start = time.process_time()
        one_by_one = [analyze(text) for text in texts]
        single += time.process_time() - start
        start = time.process_time()
        together = list(analyze_many(texts, batch_size=args.batch_size))
        batched += time.process_time() - start
        assert together == one_by_one, "analyze_many gave other records than analyze"
    words = sum(len(a.tokens) for a in one_by_one) * 2
    print(f"{len(texts)} articles, {words // 2:,} tokens, two rounds: one by one {single:.2f} s CPU "
          f"({words / single:,.0f} tokens/s), batches of {args.batch_size} {batched:.2f} s ({words / batched:,.0f} tokens/s)")
    print(json.dumps({"articles": len(texts), "batch_size": args.batch_size, "single_cpu_s": round(single, 3),
                      "batched_cpu_s": round(batched, 3), "ratio": round(batched / single, 3)}))


if __name__ == "__main__":
    main()
