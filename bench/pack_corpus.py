"""Lesson packs over a corpus of news articles: every article must go through ``make_pack``.

    .venv/bin/python bench/pack_corpus.py [CORPUS.csv] [--limit N] [--level B1] [--sections]

The corpus is the 10kGNAD sample (``category;'text'``, ``'`` as quote character; CC BY-NC-SA,
for benchmarks only). Prints articles, errors (there must be none), seconds per article, and for
the vocabulary: entries per article, the share of entries with a gloss, glossed from compound
parts, marked uncertain and without gloss, the estimated text levels, names per article and,
with ``--sections``, cloze items and questions per article (the whole pack, slower).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from corpus import DEFAULT_CORPUS, read_corpus

from quizgen.nlp.analyze import analyze
from quizgen.errors import QuizgenError
from quizgen.lesson.make import SECTION_BUILDERS, pack_from_analysis
from quizgen.lesson.readability import text_level
from quizgen.lesson.vocabulary import build_vocabulary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--level", default="B1")
    parser.add_argument("--sections", action="store_true", help="also build cloze and questions")
    args = parser.parse_args(argv)
    texts = read_corpus(args.corpus)[: args.limit]
    errors: list[tuple[int, str]] = []
    sizes, names, cloze, questions, seconds = [], [], [], [], []
    notes: Counter[str] = Counter()
    levels: Counter[str] = Counter()
    for n, text in enumerate(texts):
        start = time.perf_counter()
        try:
            analysis = analyze(text)
            if args.sections:
                pack = pack_from_analysis(analysis, level=args.level)
                vocabulary, found = build_vocabulary(analysis)
                cloze.append(len(pack.cloze))
                questions.append(len(pack.questions))
            else:
                vocabulary, found = build_vocabulary(analysis)
            levels[text_level(analysis, vocabulary=vocabulary, level=args.level).cefr] += 1
        except QuizgenError as exc:
            errors.append((n, f"{type(exc).__name__}: {exc.message}"))
            continue
        except Exception as exc:  # a crash is what this bench looks for: report it, go on
            errors.append((n, f"CRASH {type(exc).__name__}: {exc}"))
            continue
        seconds.append(time.perf_counter() - start)
        sizes.append(len(vocabulary))
        names.append(len(found))
        for entry in vocabulary:
            note = entry.gloss_note or ""
            kind = (
                "no gloss" if entry.gloss is None
                else "from parts" if note.startswith("from its parts")
                else "uncertain" if "uncertain" in note
                else "participle" if note.startswith("participle")
                else "glossed"
            )
            notes[kind] += 1
        print(f"\r{n + 1}/{len(texts)}", end="", file=sys.stderr)
    print(file=sys.stderr)
    total = sum(notes.values())
    print(f"articles: {len(texts)}, errors: {len(errors)}")
    for n, message in errors[:20]:
        print(f"  article {n}: {message}")
    if sizes:
        print(f"seconds per article: mean {statistics.mean(seconds):.2f}, max {max(seconds):.2f}")
        print(f"vocabulary entries per article: mean {statistics.mean(sizes):.1f}, min {min(sizes)}, max {max(sizes)}")
        print("gloss: " + ", ".join(f"{k} {v / total:.1%}" for k, v in notes.most_common()))
        print(f"names per article: mean {statistics.mean(names):.1f}")
        print("estimated text level: " + ", ".join(f"{k} {v}" for k, v in sorted(levels.items())))
    if cloze:
        print(f"cloze items per article: mean {statistics.mean(cloze):.1f}, fewer than 5: "
              f"{sum(c < 5 for c in cloze) / len(cloze):.1%}; questions: mean {statistics.mean(questions):.1f}")
    print(f"sections: {', '.join(name for name, _ in SECTION_BUILDERS)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
