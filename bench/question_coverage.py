"""Questions per 100 words over a corpus of news articles, and every article must run.

    .venv/bin/python bench/question_coverage.py [CORPUS.csv] [--limit N] [--show K]

The corpus is the 10kGNAD sample (``category;'text'``, ``'`` as quote character). Prints
articles, words, candidates and selected questions per 100 words, the kinds and W-words,
errors (there must be none), and with ``--show K`` the questions of K articles to read.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from corpus import DEFAULT_CORPUS, read_corpus

from quizgen.nlp.analyze import analyze
from quizgen.errors import InputError
from quizgen.questions import build_questions, candidates


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--show", type=int, default=0, help="print the questions of the first K articles")
    args = parser.parse_args(argv)
    texts = read_corpus(args.corpus)
    if args.limit:
        texts = texts[: args.limit]
    words = n_cand = n_sel = 0
    kinds: Counter[str] = Counter()
    wh_words: Counter[str] = Counter()
    errors: list[str] = []
    refused = 0
    started = time.perf_counter()
    for k, text in enumerate(texts):
        try:
            analysis = analyze(text)
        except InputError:
            refused += 1
            continue
        try:
            cands = candidates(analysis)
            questions = build_questions(analysis)
        except Exception as exc:  # a benchmark reports every failure and goes on
            errors.append(f"article {k}: {type(exc).__name__}: {exc}")
            continue
        words += sum(1 for t in analysis.tokens if any(ch.isalpha() for ch in t.text))
        n_cand += len(cands)
        n_sel += len(questions)
        kinds.update(q.kind for q in questions)
        wh_words.update(q.wh_word for q in questions if q.wh_word)
        if k < args.show:
            print(f"\n## article {k}: {analysis.sentences[0].text[:90]}")
            for q in questions:
                extra = f"  {list(q.options)} -> {q.correct}" if q.kind == "choice" else ""
                print(f"  [{q.kind} s{q.sentence} {q.score:.2f}] {q.question}  => {q.answer}{extra}")
    seconds = time.perf_counter() - started
    per100 = 100 * n_sel / words if words else 0.0
    print(f"\narticles {len(texts)} (refused by input checks: {refused}), words {words}, {seconds:.0f} s")
    print(f"candidates per 100 words {100 * n_cand / max(words, 1):.2f}")
    print(f"questions per 100 words {per100:.2f} (one per {words / max(n_sel, 1):.0f} words; target one per 35)")
    print("kinds", dict(kinds))
    print("wh words", dict(wh_words.most_common()))
    print(f"errors {len(errors)}")
    for line in errors[:20]:
        print("  " + line)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
