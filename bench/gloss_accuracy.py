"""How often the glossary gives a sense that fits the sentence: the team's gloss test set.

Usage: python bench/gloss_accuracy.py [--testset PATH] [--show wrong|missing]

The test set (bench/data/gloss_testset.tsv, described in bench/data/gloss_testset.md) is a
list of (lemma, sentence) pairs drawn at random from the shared corpus, each with the English
senses that fit ("right") and some that do not ("wrong"), written blind by a team member who
did not work on the glossary. For each pair the article is analysed, and the lemma is glossed
as the vocabulary list glosses it: with the article's words, the sentence's words and, for a
verb, the prepositions of its clause. A gloss is

- right when one of its alternatives ("to visit; to call on") matches a right sense (same
  words, "to" and brackets aside, or one contains the other as whole words);
- wrong otherwise (split into: matches a listed wrong sense / matches no listed sense);
- missing when the glossary has none.

Printed: overall, for words with Zipf >= 3, by part of speech, for compounds, and by
confidence (a low-confidence gloss is marked in lists and kept out of hints). The corpus is
CC BY-NC-SA, read for measuring only.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from corpus import DEFAULT_CORPUS, read_corpus
from wordfreq import zipf_frequency

from quizgen import analyze
from quizgen.german.glossary import VERB_CONTEXT, gloss
from quizgen.lesson.vocabulary import _clause_prepositions

HERE = Path(__file__).resolve().parent
DEFAULT_TESTSET = HERE / "data" / "gloss_testset.tsv"


def _norm(text: str) -> str:
    text = re.sub(r"\([^)]*\)", " ", text.lower())
    text = re.sub(r"\b(sb|sth|one's|oneself)\b\.?", " ", text)
    text = text.replace("’", "'").strip()
    text = text.removeprefix("to ")
    return " ".join(re.findall(r"[a-z0-9'-]+", text))


def _alternatives(text: str) -> list[str]:
    return [n for n in (_norm(a) for a in re.split(r"[;,/]| \+ ", text)) if n]


def matches(glossed: str, senses: list[str]) -> bool:
    """Does one alternative of the gloss say one of the senses?"""
    wanted = [n for n in (_norm(s) for s in senses) if n]
    for alt in _alternatives(glossed):
        for sense in wanted:
            if alt == sense:
                return True
            a, s = f" {alt} ", f" {sense} "
            if (s in a and len(sense) >= 3) or (a in s and len(alt) >= 4):
                return True
    return False


def _context(analysis):  # type: ignore[no-untyped-def]
    return frozenset(t.lemma for t in analysis.tokens) | frozenset(t.text.lower() for t in analysis.tokens)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--testset", type=Path, default=DEFAULT_TESTSET)
    parser.add_argument("--show", choices=("wrong", "missing", "right"), default=None)
    args = parser.parse_args(argv)
    with open(args.testset, encoding="utf-8", newline="") as fh:
        items = list(csv.DictReader(fh, delimiter="\t"))
    texts = read_corpus(DEFAULT_CORPUS)
    analyses: dict[int, object] = {}
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for item in items:
        number = int(item["article"])
        if number not in analyses:
            analyses[number] = analyze(texts[number])
        analysis = analyses[number]
        sentence = next((s for s in analysis.sentences if item["sentence"].strip()[:60] in s.text or s.text[:60] in item["sentence"]), None)
        context = _context(analysis)
        sentence_words: frozenset[str] = frozenset()
        if sentence is not None:
            tokens = analysis.tokens[sentence.start : sentence.end]
            sentence_words = frozenset(w for t in tokens for w in (t.lemma, t.text.lower()) if w)
            if item["pos"] == "VERB" and analysis.clauses:
                preps = _clause_prepositions(analysis)
                verb = next((t.i for t in tokens if t.text == item["form"].split()[0] and t.i in preps), None)
                if verb is not None:
                    context = context | {VERB_CONTEXT} | {f"+{p}" for p in preps[verb]}
        found = gloss(item["lemma"], item["pos"], context_lemmas=context, sentence_lemmas=sentence_words)
        right = [s for s in item["right"].split("|") if s.strip()]
        wrong = [s for s in item["wrong"].split("|") if s.strip()]
        if not found.gloss:
            verdict = "missing"
        elif matches(found.gloss, right):
            verdict = "right"
        else:
            verdict = "wrong"
        detail = verdict
        if verdict == "wrong":
            detail = "wrong (a listed wrong sense)" if matches(found.gloss, wrong) else "wrong (no listed sense)"
        zipf = zipf_frequency(item["lemma"].removeprefix("sich "), "de")
        groups = ["all", f"pos {item['pos']}"]
        if zipf >= 3:
            groups.append("zipf >= 3")
        if item.get("compound") == "yes":
            groups.append("compounds")
        groups.append(f"confidence {found.confidence or '-'}")
        for group in groups:
            counts[group][verdict] += 1
            if verdict == "wrong":
                counts[group][detail] += 1
        if args.show == verdict:
            print(f"{item['id']}\t{item['lemma']}\t{item['pos']}\t{found.gloss}\t{found.confidence}\tright: {item['right']}\t{item['sentence'][:120]}")
    print(f"test set: {args.testset} ({len(items)} items, {len(analyses)} articles)")
    for group in sorted(counts, key=lambda g: (g != "all", g != "zipf >= 3", g)):
        c = counts[group]
        n = c["right"] + c["wrong"] + c["missing"]
        print(f"{group:16} n={n:5}  right {c['right'] / n:6.1%}  wrong {c['wrong'] / n:6.1%}  missing {c['missing'] / n:6.1%}"
              f"  (wrong: {c['wrong (a listed wrong sense)']} a listed wrong sense, {c['wrong (no listed sense)']} no listed sense)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
