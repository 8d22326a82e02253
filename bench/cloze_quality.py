"""The cloze figures of issue 12 over the corpus: answers on show, balanced endings, hints, counts.

    .venv/bin/python bench/cloze_quality.py [--limit N] [--level B1] [--jobs 2] [--dump FILE]

Makes every article's lesson pack (the whole ``make_pack``, with its text cleaning) and prints:
the items whose answer is on show before they are answered (another item shows it, or the
gapped text), the share of the most frequent ending and article form, the hints that spell
their answer, and the cloze items per article of 300 words or more. ``--dump`` writes every
item for reading. Articles the input checks refuse are counted apart. The test
tests/quizgen/cloze/test_cloze_corpus.py asserts the same figures over the whole corpus.
"""

from __future__ import annotations

import argparse
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from corpus import DEFAULT_CORPUS, read_corpus

from quizgen.cloze.checks import ClozeFigures
from quizgen.lesson.rendering import cloze_line
from quizgen.errors import InputError
from quizgen.lesson.make import make_pack

_LEVEL = "B1"


def _pack(job: tuple[int, str]) -> tuple[int, dict | None]:
    k, text = job
    try:
        pack = make_pack(text, level=_LEVEL)
    except InputError:
        return k, None
    words = sum(1 for w in pack.text.split() if any(c.isalpha() for c in w))
    return k, {"items": pack.cloze, "sentences": pack.sentences, "text": pack.text, "words": words,
               "notes": pack.extra.get("cloze_notes", [])}


def _init(level: str) -> None:
    global _LEVEL
    _LEVEL = level


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--level", default="B1")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (each loads the pipeline)")
    parser.add_argument("--dump", type=Path)
    args = parser.parse_args(argv)
    texts = read_corpus(args.corpus, args.limit or None)
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=args.jobs, initializer=_init, initargs=(args.level,)) as pool:
        results = dict(pool.map(_pack, enumerate(texts), chunksize=4))
    figures = ClozeFigures()
    refused = 0
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    for k in sorted(results):
        data = results[k]
        if data is None:
            refused += 1
            continue
        figures.add(f"article {k}", data["items"], data["sentences"], data["text"], data["words"])
        if dump is not None:
            dump.write(f"=== article {k} ({data['words']} words)\n")
            dump.write("".join(cloze_line(i) + "\n" for i in data["items"]))
            dump.write("".join(f"  note: {n}\n" for n in data["notes"]))
    if dump is not None:
        dump.close()
    print(f"command: {' '.join([Path(sys.argv[0]).name, *(argv if argv is not None else sys.argv[1:])])}")
    print(f"articles: {len(texts)} (refused as input: {refused}), level {args.level}")
    for line in figures.lines():
        print(line)
    for name, shown in figures.shown[:10]:
        print(f"  shown: {name}: item {shown.item} by {shown.shown_by}: {shown.how}")
    for name, item in figures.spelled[:10]:
        print(f"  spelled: {name}: {item.answer!r} hint {item.hint!r}")
    print(f"  long articles below {figures.MIN_ITEMS_LONG} items: {figures.long_below[:15]}")
    print(f"time: {time.perf_counter() - started:.0f} s with {args.jobs} processes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
