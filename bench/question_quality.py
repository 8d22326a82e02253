"""Automatic figures of the comprehension questions over corpus articles (issue 11's point 10).

    python bench/question_quality.py [N_ARTICLES] [--seed S] [--show K]

Builds the lesson pack's questions for the first N articles of the 10kGNAD sample (default 40;
with ``--seed`` N articles drawn by ``random.Random(S)`` instead) and prints:

- false statements: share of Richtig/Falsch statements keyed "falsch" (target 40-60%);
- copied statements: share of statements whose words are a contiguous run of their evidence
  sentence, case and punctuation aside (target <= 30%);
- facts asked twice: share of questions that ask what an earlier question of the same pack asks:
  the same answer (not for Richtig/Falsch), or the same evidence sentence with half or more of
  the content words of the shorter question shared (target <= 5%);
- questions per 100 words (target >= 1.5) and the share of each kind;
- verification: share of all W-candidates that pass the parse check of
  ``quizgen.questions.verification`` and share of the selected W- and a/b/c questions that do.

These are definitions of this script, deliberately simpler and stricter than the generator's
own checks, so that the figures measure it rather than repeat it. Articles the article checks
refuse are counted and skipped. The last line is a JSON summary.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter

from corpus import read_corpus

from quizgen.analysis import Analysis
from quizgen.errors import InputError
from quizgen.nlp.analyze import analyze
from quizgen.pack import Question
from quizgen.questions import build_questions, candidates
from quizgen.questions.truefalse import is_copied
from quizgen.questions.verification import verify
from quizgen.text.article_checks import check_article

_WORD = re.compile(r"[\wÄÖÜäöüß-]+")
STOP = frozenset(
    """der die das den dem des ein eine einen einem einer eines und oder in im am an auf aus bei
    mit nach von vom zu zum zur für über unter vor um als wie wer was wen wem wo wann warum wie
    viele viel hat haben hatte hatten ist sind war waren wird werden wurde wurden sich nicht
    auch noch schon es er sie laut seit bis durch gegen""".split()
)


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def content(q: Question) -> set[str]:
    text = q.question if q.kind == "truefalse" else f"{q.question} {q.answer}"
    return {w for w in words(text) if w not in STOP and len(w) > 2}


def asks_again(q: Question, earlier: list[Question]) -> bool:
    for e in earlier:
        if q.kind != "truefalse" and e.kind != "truefalse" and q.answer_short.lower() == e.answer_short.lower():
            return True
        if q.sentence == e.sentence:
            a, b = content(q), content(e)
            if a and b and len(a & b) >= 0.5 * min(len(a), len(b)):
                return True
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="?", type=int, default=40)
    parser.add_argument("--seed", type=int, default=None, help="draw the articles at random with this seed")
    parser.add_argument("--show", type=int, default=0, help="print the questions of the first K articles")
    args = parser.parse_args(argv)
    texts = read_corpus()
    indices = (
        random.Random(args.seed).sample(range(len(texts)), args.articles) if args.seed is not None else list(range(args.articles))
    )
    started = time.perf_counter()
    n_words = refused = statements = false = copied = twice = 0
    kinds: Counter[str] = Counter()
    selected: list[Question] = []
    cand_checked = cand_passed = sel_checked = sel_passed = 0
    for shown, index in enumerate(indices):
        try:
            analysis = analyze(texts[index])
            check_article(analysis)
        except InputError:
            refused += 1
            continue
        n_words += sum(1 for t in analysis.tokens if any(ch.isalpha() for ch in t.text))
        questions = build_questions(analysis)
        selected += questions
        kinds.update(q.kind for q in questions)
        for k, q in enumerate(questions):
            twice += asks_again(q, list(questions[:k]))
            if q.kind == "truefalse":
                statements += 1
                false += q.answer == "falsch"
                copied += is_copied(q.question, analysis.sentences[q.sentence].text)
        wh = [c for c in candidates(analysis) if c.kind == "wh"]
        verdicts = verify(analysis, wh)
        cand_checked += len(wh)
        cand_passed += sum(1 for v in verdicts if v.ok)
        asked = [q for q in questions if q.kind in ("wh", "choice")]
        by_text = {c.question: v for c, v in zip(wh, verdicts, strict=True)}
        sel_checked += len(asked)
        sel_passed += sum(1 for q in asked if (v := by_text.get(q.question)) is not None and v.ok)
        if shown < args.show:
            _show(index, analysis, questions)
    total = len(selected)
    summary = {
        "articles": len(indices) - refused,
        "refused": refused,
        "words": n_words,
        "questions": total,
        "questions_per_100_words": round(100 * total / max(n_words, 1), 2),
        "false_statements": round(false / max(statements, 1), 3),
        "copied_statements": round(copied / max(statements, 1), 3),
        "asked_twice": round(twice / max(total, 1), 3),
        "kind_shares": {k: round(v / max(total, 1), 3) for k, v in sorted(kinds.items())},
        "wh_candidates_verified": round(cand_passed / max(cand_checked, 1), 3),
        "selected_verified": round(sel_passed / max(sel_checked, 1), 3),
        "seconds": round(time.perf_counter() - started, 1),
    }
    print(f"articles {summary['articles']} (refused {refused}), words {n_words}, questions {total}")
    print(f"questions per 100 words {summary['questions_per_100_words']:.2f} (target >= 1.5)")
    print(f"false statements {100 * summary['false_statements']:.0f}% of {statements} (target 40-60%)")
    print(f"copied statements {100 * summary['copied_statements']:.0f}% (target <= 30%)")
    print(f"facts asked twice {100 * summary['asked_twice']:.1f}% (target <= 5%)")
    print("kinds " + ", ".join(f"{k} {100 * v:.0f}%" for k, v in summary["kind_shares"].items()))
    print(f"W-candidates passing verification {100 * summary['wh_candidates_verified']:.0f}% of {cand_checked}; "
          f"selected W and a/b/c passing {100 * summary['selected_verified']:.0f}% of {sel_checked}")
    print(json.dumps(summary))
    return 0


def _show(index: int, analysis: Analysis, questions: tuple[Question, ...]) -> None:
    print(f"\n## article {index}: {analysis.sentences[0].text[:100]}")
    for q in questions:
        extra = f"  {list(q.options)} -> {q.correct}" if q.kind == "choice" else ""
        print(f"  [{q.kind} s{q.sentence}] {q.question}  => {q.answer}{extra}")


if __name__ == "__main__":
    sys.exit(main())
