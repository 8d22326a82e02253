"""The pack's key words against a teacher's: precision and recall on the blind graded set.

    .venv/bin/python bench/key_vocabulary.py [--split all|development|held-out] [--level B1] [--show]

The graded set is bench/data/key_vocabulary_gold.tsv (README beside it): for 36 corpus articles
a teacher who never saw Quizgen's output chose the 12 KEY words she would give a B1 class (7-10
for short articles) and up to 8 USEFUL words she would accept in a list. The articles come from
the 10kGNAD sample (``../shared/corpus``, CC BY-NC-SA, for benchmarks only).

The set is split in two halves by the teacher's draw order (README): the key-word rules were
developed looking at ``DEVELOPMENT`` only; ``HELD_OUT`` was not looked at while developing, so
its figures say how the rules do on articles they were not made for.

Printed, per split: the share of the chosen key words the teacher graded KEY, and KEY or
USEFUL (precision), and the share of her KEY words chosen (recall). How words are matched:

- a chosen word matches a teacher's word with the same lemma (case, ``sich`` and a construction
  such as ``(auf + Akk.)`` aside): ``Einspruch`` = ``Einspruch``;
- a chosen word that is part of a teacher's set phrase (``Konsequenz`` in ``Konsequenzen
  ziehen``) or the whole compound of a teacher's part (``Medienaufmerksamkeit`` where she chose
  ``Aufmerksamkeit``) counts as a partial match: USEFUL for precision, not found for recall;
- recall counts only whole matches.
"""

from __future__ import annotations

import argparse
import csv
import re
import statistics
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from corpus import DEFAULT_CORPUS, read_corpus

GOLD = Path(__file__).parent / "data" / "key_vocabulary_gold.tsv"
#: the teacher's draw order (README); the first half was used to develop the rules
DRAW_ORDER = (104, 148, 146, 336, 306, 25, 83, 326, 151, 232, 11, 204, 129, 215, 208, 244, 486, 499,
              271, 410, 130, 298, 257, 55, 96, 110, 173, 103, 29, 225, 125, 12, 387, 401, 64, 165)
DEVELOPMENT = DRAW_ORDER[:18]
HELD_OUT = DRAW_ORDER[18:]
SPLITS = {"development": DEVELOPMENT, "held-out": HELD_OUT, "all": DRAW_ORDER}
#: words of a set phrase that say nothing of it alone
PHRASE_FILLERS = frozenset("sich ein eine einen einer einem der die das den dem des zu zur zum auf in im an am "
                           "für mit von vom aus um hinter gegen über unter jemandem jemanden sein seinen".split())


@dataclass(frozen=True)
class GoldWord:
    article: int
    grade: str  # KEY or USEFUL
    lemma: str
    pos: str
    form: str  # as in the text; a compound where the teacher chose its part


def normalise(lemma: str) -> str:
    """``sich beteiligen (an + Dat.)`` -> ``beteiligen``."""
    lemma = re.sub(r"\s*\([^)]*\)", "", lemma).strip()
    return lemma.removeprefix("sich ").casefold()


def read_gold(path: Path = GOLD) -> dict[int, list[GoldWord]]:
    found: dict[int, list[GoldWord]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            found[int(row["article"])].append(GoldWord(int(row["article"]), row["grade"], row["lemma"],
                                                       row["pos"], row["form_in_text"]))
    return found


def phrase_words(word: GoldWord) -> set[str]:
    words = {w.casefold() for w in re.sub(r"\([^)]*\)", "", word.lemma).split()}
    return {w for w in words if w not in PHRASE_FILLERS and len(w) > 2}


def grade(lemma: str, forms: tuple[str, ...], gold: list[GoldWord]) -> tuple[str, GoldWord | None]:
    """(KEY, USEFUL, PARTIAL or NOT, the teacher's word matched) for one chosen word."""
    mine = normalise(lemma)
    for word in gold:
        if normalise(word.lemma) == mine:
            return word.grade, word
    own = {mine} | {f.casefold() for f in forms}
    for word in gold:
        if word.pos == "PHRASE" and own & phrase_words(word):
            return "PARTIAL", word
        if word.form.casefold() == mine and normalise(word.lemma) != mine and mine.endswith(normalise(word.lemma)):
            return "PARTIAL", word
    return "NOT", None


@dataclass
class Score:
    chosen: int = 0
    key: int = 0
    useful: int = 0
    partial: int = 0
    teacher_key: int = 0
    found: int = 0

    def add(self, other: Score) -> None:
        for name in ("chosen", "key", "useful", "partial", "teacher_key", "found"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def line(self) -> str:
        chosen = max(self.chosen, 1)
        return (f"precision KEY {self.key / chosen:.1%}, KEY or USEFUL {(self.key + self.useful + self.partial) / chosen:.1%}"
                f" (of which partial {self.partial / chosen:.1%}); recall of the teacher's KEY words "
                f"{self.found / max(self.teacher_key, 1):.1%} ({self.found}/{self.teacher_key}); "
                f"{self.chosen} chosen")


def score_article(chosen: list[tuple[str, tuple[str, ...]]], gold: list[GoldWord]) -> tuple[Score, list[str]]:
    score = Score(chosen=len(chosen), teacher_key=sum(w.grade == "KEY" for w in gold))
    lines = []
    found: set[GoldWord] = set()
    for lemma, forms in chosen:
        verdict, word = grade(lemma, forms, gold)
        if verdict == "KEY":
            score.key += 1
        elif verdict == "USEFUL":
            score.useful += 1
        elif verdict == "PARTIAL":
            score.partial += 1
        if word is not None and verdict in ("KEY", "USEFUL"):
            found.add(word)
        lines.append(f"    {verdict:7} {lemma}" + (f"  ~ {word.lemma}" if word and verdict == "PARTIAL" else ""))
    score.found = sum(1 for w in found if w.grade == "KEY")
    missed = [w.lemma for w in gold if w.grade == "KEY" and w not in found]
    lines.append("    missed: " + ", ".join(missed))
    return score, lines


def main(argv: list[str] | None = None) -> int:
    from quizgen.lesson.make import make_pack

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=tuple(SPLITS), default=None,
                        help="one split (default: development, held-out and all)")
    parser.add_argument("--level", default="B1")
    parser.add_argument("--corpus", default=DEFAULT_CORPUS)
    parser.add_argument("--show", action="store_true", help="print every article's words with their grade")
    args = parser.parse_args(argv)
    gold = read_gold()
    texts = read_corpus(args.corpus)
    wanted = SPLITS[args.split] if args.split else DRAW_ORDER
    per_article: dict[int, Score] = {}
    counts = []
    for n, article in enumerate(wanted):
        pack = make_pack(texts[article], level=args.level)
        chosen = [(e.lemma, e.forms) for e in pack.vocabulary if e.key]
        counts.append(len(chosen))
        score, lines = score_article(chosen, gold[article])
        per_article[article] = score
        if args.show:
            print(f"article {article} ({len(texts[article].split())} words): {score.line()}")
            print("\n".join(lines))
        print(f"\r{n + 1}/{len(wanted)}", end="", file=sys.stderr)
    print(file=sys.stderr)
    print(f"key words per article: mean {statistics.mean(counts):.1f}, min {min(counts)}, max {max(counts)}")
    for name, articles in SPLITS.items():
        if args.split and name != args.split:
            continue
        total = Score()
        for article in articles:
            if article in per_article:
                total.add(per_article[article])
        print(f"{name} ({len(articles)} articles): {total.line()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
