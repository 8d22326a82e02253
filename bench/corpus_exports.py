"""Every article of the corpus through ``make_pack`` and every export format, in one process.

Usage: python bench/corpus_exports.py [CORPUS.csv] [--limit N] [--level B1] [--formats all]

The corpus is the 10kGNAD sample (``category;'text'``, ``'`` as quote character; CC BY-NC-SA,
used here only to test, never shipped). For each article it builds the lesson pack and writes
it with ``quizgen.exports.export_bytes`` in each format. It counts packs, files and bytes per
format, articles refused with a QuizgenError (a message for the user: counted apart, listed by
message) and crashes (any other exception, or an empty file), with the article's index. The
exit status is 1 when anything crashed. The last line is a JSON summary.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

from corpus import DEFAULT_CORPUS, read_corpus

from quizgen.errors import QuizgenError
from quizgen.exports import EXPORT_FORMATS, ExportOptions, export_bytes
from quizgen.lesson.make import make_pack

# A fixed build time: the Anki deck is then the same on every run.
OPTIONS = ExportOptions(timestamp=1_700_000_000)


def _where(exc: BaseException) -> str:
    """The innermost frame of the project's own code, for a crash report."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/quizgen/" in f.filename]
    frame = frames[-1] if frames else None
    return f" at {Path(frame.filename).name}:{frame.lineno}" if frame else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--level", default="B1")
    parser.add_argument("--formats", default="all", help="comma-separated names, or all")
    args = parser.parse_args(argv)
    formats = list(EXPORT_FORMATS) if args.formats == "all" else [f.strip() for f in args.formats.split(",")]
    texts = read_corpus(args.corpus)[: args.limit]

    files: Counter[str] = Counter()
    sizes: Counter[str] = Counter()
    seconds: Counter[str] = Counter()
    refused: list[tuple[int, str]] = []  # QuizgenError: the user is told what to do
    crashes: list[tuple[int, str, str]] = []  # (article, step, message)
    packs = 0
    start = time.perf_counter()
    for n, text in enumerate(texts):
        print(f"\r{n + 1}/{len(texts)}", end="", file=sys.stderr)
        t0 = time.perf_counter()
        try:
            pack = make_pack(text, level=args.level)
        except QuizgenError as exc:
            refused.append((n, f"{type(exc).__name__}: {exc.message}"))
            continue
        except Exception as exc:  # a crash is what this bench looks for: report it, go on
            crashes.append((n, "make_pack", f"{type(exc).__name__}: {exc}{_where(exc)}"))
            continue
        finally:
            seconds["make_pack"] += time.perf_counter() - t0
        packs += 1
        for name in formats:
            t0 = time.perf_counter()
            try:
                _file_name, data = export_bytes(pack, name, OPTIONS)
            except Exception as exc:  # a QuizgenError here is a crash too: the pack was made
                crashes.append((n, name, f"{type(exc).__name__}: {exc}{_where(exc)}"))
                continue
            finally:
                seconds[name] += time.perf_counter() - t0
            if not data:
                crashes.append((n, name, "empty file"))
                continue
            files[name] += 1
            sizes[name] += len(data)
    print(file=sys.stderr)
    total_s = time.perf_counter() - start

    limit = f" --limit {args.limit}" if args.limit is not None else ""
    fmt = f" --formats {args.formats}" if args.formats != "all" else ""
    print(f"command: python bench/corpus_exports.py{limit}{fmt}" + (f" --level {args.level}" if args.level != "B1" else ""))
    print(f"articles: {len(texts)}, packs: {packs}, refused: {len(refused)}, crashes: {len(crashes)} "
          f"({total_s:.0f} s; make_pack {seconds['make_pack']:.0f} s)")
    for name in formats:
        print(f"  {name:7s} {files[name]:4d} files, {sizes[name]:>11,} bytes "
              f"(mean {sizes[name] // max(1, files[name]):,}), {seconds[name]:.1f} s")
    if refused:
        print("refused (QuizgenError), by message:")
        for message, count in Counter(m for _, m in refused).most_common():
            shown = [str(i) for i, m in refused if m == message][:10]
            print(f"  {count} x {message} (articles {', '.join(shown)}{' ...' if count > 10 else ''})")
    if crashes:
        print("crashes:")
        for n, step, message in crashes[:50]:
            print(f"  article {n}, {step}: {message}")
    print(json.dumps({
        "articles": len(texts),
        "packs": packs,
        "refused": len(refused),
        "refused_by_message": dict(Counter(m for _, m in refused)),
        "crashes": len(crashes),
        "crash_list": [{"article": n, "step": s, "message": m} for n, s, m in crashes],
        "files": dict(files),
        "bytes": dict(sizes),
        "seconds": round(total_s, 1),
    }, ensure_ascii=False))
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
