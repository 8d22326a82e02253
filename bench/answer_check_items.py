"""How the forgiving answer check treats real generated items over a corpus of news articles.

    .venv/bin/python bench/answer_check_items.py [CORPUS.csv] [--limit N]

For every cloze item and typed W-question of each article's pack it checks that
- the answer itself is right and exact, and the answer typed with ae/oe/ue/ss is right;
- each wrong option the generator offers (distractors of choice, article, ending and word-bank
  items) would be judged WRONG if a learner typed it: forgiveness must never turn a distractor
  into a right answer.
Prints the counts and lists every distractor the check would accept (there should be none).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from corpus import DEFAULT_CORPUS, read_corpus

from quizgen.lesson.answer_check import check_answer
from quizgen.errors import InputError
from quizgen.lesson.make import make_pack

ASCII = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=30)
    args = parser.parse_args(argv)
    texts = read_corpus(args.corpus)[: args.limit]
    answers = exact = transliterated = with_umlaut = distractors = 0
    accepted_distractors: list[str] = []
    started = time.perf_counter()
    for text in texts:
        try:
            pack = make_pack(text, level="B1")
        except InputError:
            continue
        pairs = [(list(c.answers or (c.answer,)), c.options, c.accepted) for c in pack.cloze]
        pairs += [([q.answer], (), q.accepted) for q in pack.questions if q.kind == "wh"]
        for gap_answers, options, accepted in pairs:
            for answer in gap_answers:
                answers += 1
                exact += check_answer(answer, answer).exact
                if answer != answer.translate(ASCII):
                    with_umlaut += 1
                    transliterated += check_answer(answer.translate(ASCII), answer).correct
            if len(gap_answers) == 1:
                for option in options:
                    if option == gap_answers[0] or option in accepted:
                        continue
                    distractors += 1
                    if check_answer(option, gap_answers[0], accepted=tuple(accepted)).correct:
                        accepted_distractors.append(f"{option!r} for {gap_answers[0]!r}")
    seconds = time.perf_counter() - started
    print(f"articles: {len(texts)} in {seconds:.0f} s")
    print(f"answers: {answers}, right and exact against themselves: {exact}")
    print(f"answers with umlaut/ß: {with_umlaut}, right when typed with ae/oe/ue/ss: {transliterated}")
    print(f"single-gap distractors: {distractors}, judged right if typed: {len(accepted_distractors)}")
    for line in accepted_distractors:
        print("  accepted:", line)
    return 0 if exact == answers and transliterated == with_umlaut else 1


if __name__ == "__main__":
    sys.exit(main())
