"""Cloze items per article over a corpus of news articles; every article must go through.

    .venv/bin/python bench/cloze_coverage.py [CORPUS.csv] [--limit N] [--level B1] [--dump FILE]
    [--baseline]

The corpus is the 10kGNAD sample (``category;'text'``, ``'`` as quote character). Prints
articles, items per article (mean, median, min), the share of articles with fewer than 5
items, items per kind, and errors (there must be none). ``--dump FILE`` writes every item in a
readable form for review. ``--baseline`` analyses with the tags-only pipeline (sentencizer, HanTa
and the clause rules, no trained parts), for use while the trained pipeline is not built.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from corpus import DEFAULT_CORPUS, read_corpus
from typing import Callable

from quizgen.analysis import Analysis
from quizgen.lesson.rendering import cloze_line
from quizgen.cloze import build_cloze
from quizgen.errors import InputError
from quizgen.lesson.vocabulary import build_vocabulary

FEW = 5


def _analyzer(baseline: bool) -> Callable[[str], Analysis]:
    if not baseline:
        from quizgen.nlp.analyze import analyze

        return analyze
    import spacy

    import quizgen.nlp.clauses.component  # noqa: F401  (registers quizgen_clauses)
    import quizgen.nlp.hanta_component  # noqa: F401  (registers quizgen_hanta)
    from quizgen.text.checks import check_text
    from quizgen.nlp.pipeline import doc_to_analysis

    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("quizgen_hanta")
    nlp.add_pipe("quizgen_clauses")
    return lambda text: doc_to_analysis(nlp(check_text(text)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--level", default="B2")
    parser.add_argument("--dump", type=Path, help="write every item to this file for review")
    parser.add_argument("--baseline", action="store_true", help="HanTa-only analysis (no trained model)")
    args = parser.parse_args(argv)
    texts = read_corpus(args.corpus)
    if args.limit:
        texts = texts[: args.limit]
    analyze = _analyzer(args.baseline)
    per_article: list[int] = []
    kinds: Counter[str] = Counter()
    errors: list[str] = []
    refused = 0
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    started = time.perf_counter()
    for k, text in enumerate(texts):
        try:
            analysis = analyze(text)
        except InputError:
            refused += 1
            continue
        try:
            vocabulary, _names = build_vocabulary(analysis)  # as the lesson pack passes it
            items = build_cloze(analysis, level=args.level, vocabulary=vocabulary)
        except Exception as exc:  # a benchmark reports every failure and goes on
            errors.append(f"article {k}: {type(exc).__name__}: {exc}")
            continue
        per_article.append(len(items))
        kinds.update(item.kind for item in items)
        if dump is not None:
            dump.write(f"=== article {k}\n" + "\n".join(cloze_line(i) for i in items) + "\n\n")
    if dump is not None:
        dump.close()
    elapsed = time.perf_counter() - started
    few = sum(1 for n in per_article if n < FEW)
    print(f"command: {' '.join([Path(sys.argv[0]).name, *(argv if argv is not None else sys.argv[1:])])}")
    print(f"articles: {len(texts)} (refused as input: {refused}, errors: {len(errors)})")
    if per_article:
        print(
            f"items per article: mean {statistics.mean(per_article):.1f}, "
            f"median {statistics.median(per_article):.0f}, min {min(per_article)}, max {max(per_article)}"
        )
        print(f"articles with fewer than {FEW} items: {few} ({few / len(per_article):.1%})")
    print("items per kind: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    print(f"time: {elapsed:.0f} s ({elapsed / max(1, len(texts)):.2f} s per article)")
    for line in errors[:20]:
        print("ERROR", line)
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
