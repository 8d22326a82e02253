"""Cloze answers the rest of a lesson pack shows, over random corpus articles.

    .venv/bin/python bench/answers_on_show.py [N] [SEED] [--corpus CORPUS.csv]

Draws N articles (default 40) with ``random.Random(SEED)`` (default 5), makes each one's pack
and counts its cloze items whose answer is on show elsewhere in the pack:

- printed by a question: a word answer among the words of a question or its options, or an
  article or ending gap printed with the word after it ("um eine Stellungnahme");
- printed by a key-word card: the card's example is the gapped sentence (an Anki deck holds
  both), which a learner may read before the gap.

Graders of the rubric count the first as a fault of the item; the second they count only
sometimes (the word list is a separate handout). Prints the counts with examples.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from corpus import DEFAULT_CORPUS, read_corpus

from quizgen.errors import InputError
from quizgen.lesson.make import make_pack
from quizgen.pack import ClozeItem, LessonPack


def _printed(pack: LessonPack) -> str:
    text = " ".join(t for q in pack.questions for t in (q.question, *q.options))
    return " " + " ".join(re.findall(r"[^\W\d_]+", text.lower())) + " "


def shown_by_questions(pack: LessonPack, item: ClozeItem) -> bool:
    printed = _printed(pack)
    before, _, rest = item.text.partition("___")
    after = rest.split()[0].strip(",.;:!?").lower() if rest.split() else ""
    for answer in item.answers or (item.answer,):
        low = answer.lower()
        if item.kind == "article" and f" {low} {after} " in printed:
            return True
        if item.kind == "ending" and before.split() and f" {before.split()[-1].lower()}{low} {after} " in printed:
            return True
        if item.kind not in ("article", "ending", "wordbank") and f" {low} " in printed:
            return True
    return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int, nargs="?", default=40)
    parser.add_argument("seed", type=int, nargs="?", default=5)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    texts = read_corpus(args.corpus)
    chosen = sorted(random.Random(args.seed).sample(range(len(texts)), min(args.n, len(texts))))
    items = by_question = by_card = questions = 0
    examples: list[str] = []
    for n in chosen:
        try:
            pack = make_pack(texts[n], level="B1")
        except InputError:
            continue
        card_sentences = {e.sentence for e in pack.vocabulary if e.key}
        questions += len(pack.questions)
        for item in pack.cloze:
            items += 1
            by_card += item.sentence in card_sentences
            if shown_by_questions(pack, item):
                by_question += 1
                examples.append(f"{n}: {item.kind} {item.answer!r} in {item.text[:80]!r}")
    print(f"articles {len(chosen)} (random.Random({args.seed})), cloze items {items}, questions {questions}")
    print(f"cloze answers printed by a question: {by_question} ({100 * by_question / max(items, 1):.1f}%)")
    print(f"gapped sentences a key-word card prints: {by_card} ({100 * by_card / max(items, 1):.1f}%)")
    for line in examples[:10]:
        print("  ", line)


if __name__ == "__main__":
    main()
