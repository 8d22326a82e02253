"""Reading sheets for grading the key words of lesson packs as a teacher would (issue 20).

    python bench/key_words_sheets.py N SEED OUT [--articles 3,17,...] [--level B1]

Draws N articles at random (``random.Random(SEED).sample``, the same draw as
bench/grading_sheets.py with the same N and SEED) from the 10kGNAD sample and writes one
Markdown file per article into OUT: the article as numbered sentences, then a blank list for
the grader's own 12 key words (written before looking further down), then the pack's key words,
each with its card form, English gloss, level and the sentence it comes from, and a column for
the grade: KEY (the grader would choose it), USEFUL (accept it in a list) or NOT (cross it out;
say why: name, known word, one-off compound, wrong lemma, wrong gloss ...). OUT/README.md says
how the draw was made and how to grade. The corpus is CC BY-NC-SA 4.0: the sheets are for
reading, never for the repository.

The figures to report from graded sheets: the share of key words graded KEY, and KEY or
USEFUL; the share of the grader's own key words the pack chose.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from corpus import DEFAULT_CORPUS, read_corpus

from quizgen.lesson.make import pack_from_analysis
from quizgen.nlp.analyze import analyze

README = """# Key-word grading sheets

Articles: {articles} (drawn with `random.Random({seed}).sample(range({total}), {n})` from
`10kgnad-part1.csv`, in draw order{extra}); packs made at level {level}.

For each article:

1. Read the article. Before looking at the pack's words, write down the 8-12 words (fewer for a
   short text) you would give a {level} class to learn from it, as DW's "Top-Thema mit
   Vokabeln" does: words that carry the article and are worth learning; no names, no dates, no
   words a {level} learner already knows; a one-off compound by its informative part.
2. Grade every key word of the pack: KEY (you would choose it), USEFUL (you would accept it in
   a list), NOT (you would cross it out), and give the reason for NOT.
3. Count: KEY, USEFUL, NOT; and how many of your own words the pack chose.
"""


def draw(n: int, seed: int, total: int) -> list[int]:
    """``n`` article indices drawn without replacement by ``random.Random(seed)``, in draw order."""
    return random.Random(seed).sample(range(total), min(n, total))


def sheet(index: int, text: str, level: str) -> str:
    analysis = analyze(text)
    pack = pack_from_analysis(analysis, level=level)
    words = sum(1 for t in analysis.tokens if any(ch.isalpha() for ch in t.text))
    lines = [f"# Artikel {index} ({words} Wörter)", "", "## Text", ""]
    lines += [f"({s.index + 1}) {' '.join(s.text.split())}" for s in analysis.sentences]
    lines += ["", "## Ihre Schlüsselwörter (vor dem Weiterlesen)", ""]
    lines += [f"{k}. " for k in range(1, 13)]
    key = sorted((e for e in pack.vocabulary if e.key), key=lambda e: -e.key_score)
    lines += ["", f"## Die Schlüsselwörter des Pakets ({len(key)})", "",
              "| Nr. | Wort (Karteikarte) | English | Niveau | Satz | Note (KEY/USEFUL/NOT) | Grund |",
              "|---|---|---|---|---|---|---|"]
    for k, entry in enumerate(key, start=1):
        card = entry.display + (f", {entry.plural}" if entry.plural else "")
        example = entry.example.replace("|", "/")
        lines.append(f"| {k} | {card} | {entry.shown_gloss or '–'} | {entry.cefr} | "
                     f"({entry.sentence + 1}) {example} | | |")
    lines += ["", f"Namen (nicht in der Liste): {', '.join(n.text for n in pack.names) or '–'}", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("seed", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", help="comma-separated article indices instead of the draw")
    parser.add_argument("--level", default="B1")
    parser.add_argument("--corpus", default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    texts = read_corpus(args.corpus)
    chosen = ([int(a) for a in args.articles.split(",")] if args.articles
              else draw(args.n, args.seed, len(texts)))
    args.out.mkdir(parents=True, exist_ok=True)
    for index in chosen:
        (args.out / f"article-{index:03d}-key-words.md").write_text(sheet(index, texts[index], args.level),
                                                                    encoding="utf-8")
        print(f"article {index}", file=sys.stderr)
    extra = "; given with --articles" if args.articles else ""
    (args.out / "README.md").write_text(README.format(articles=", ".join(map(str, chosen)), seed=args.seed,
                                                      total=len(texts), n=args.n, extra=extra, level=args.level),
                                        encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
