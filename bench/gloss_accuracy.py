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

This strict figure counts a correct synonym the list lacks as wrong. A second, adjudicated
figure takes a second judgment for the items scored wrong: bench/data/gloss_adjudications.tsv
(id, lemma, system gloss, verdict, reason), written by reading each wrong item as a strict
teacher: "acceptable" when the gloss is a right English rendering of the word in its sentence
(a synonym, a plural where the list has the singular), "wrong" otherwise. A verdict counts only
for the very gloss it was given on; a wrong item whose gloss has changed since is counted wrong
and listed as not adjudicated (``--show unjudged`` prints them for a new judgment).

Printed: overall, for words with Zipf >= 3, by part of speech, for compounds, and by
confidence (a low-confidence gloss is marked in lists and kept out of hints), strict and
adjudicated. The corpus is CC BY-NC-SA, read for measuring only.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import NamedTuple

from corpus import DEFAULT_CORPUS, read_corpus
from wordfreq import zipf_frequency

from quizgen import analyze
from quizgen.german.constructions import Occurrence
from quizgen.german.glossary import GlossResult, gloss
from quizgen.lesson.vocabulary import _clause_prepositions, gloss_setting

HERE = Path(__file__).resolve().parent
DEFAULT_TESTSET = HERE / "data" / "gloss_testset.tsv"
DEFAULT_ADJUDICATIONS = HERE / "data" / "gloss_adjudications.tsv"
ACCEPTABLE = "acceptable"


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


class GlossInput(NamedTuple):
    """What the vocabulary list glosses an item with: lemma, pos, article words, sentence words,
    and where the word stands (its tokens and construction)."""

    lemma: str
    pos: str
    context: frozenset[str]
    sentence: frozenset[str]
    occurrence: Occurrence | None = None


def _item_tokens(analysis, sentence, item: dict[str, str]) -> tuple[int, ...] | None:  # type: ignore[no-untyped-def]
    """The item's token in its sentence (the first with the item's form), with a verb's
    detached particle, as the vocabulary list marks a word."""
    words = item["form"].split()
    tokens = analysis.tokens[sentence.start : sentence.end]
    first = next((t.i for t in tokens if t.text == words[0]), None)
    if first is None:
        first = next((t.i for t in tokens if t.text.lower() == words[0].lower()), None)
    if first is None:
        return None
    for clause in analysis.clauses_in(sentence.index):
        if first in clause.verb_tokens and clause.particle is not None and clause.particle != first:
            return (first, clause.particle)
    return (first,)


def gloss_inputs(items: list[dict[str, str]]) -> list[GlossInput]:
    """Each item's lemma with the words of its article and sentence, its clause's
    prepositions for a verb and its construction, as quizgen/lesson/vocabulary.py glosses
    (gloss_in_text)."""
    texts = read_corpus(DEFAULT_CORPUS)
    analyses: dict[int, object] = {}
    found = []
    for item in items:
        number = int(item["article"])
        if number not in analyses:
            analyses[number] = analyze(texts[number])
        analysis = analyses[number]
        sentence = next((s for s in analysis.sentences if item["sentence"].strip()[:60] in s.text or s.text[:60] in item["sentence"]), None)
        context = _context(analysis)
        tokens = _item_tokens(analysis, sentence, item) if sentence is not None else None
        if sentence is None or tokens is None:
            words = analysis.tokens[sentence.start : sentence.end] if sentence is not None else ()
            sentence_words = frozenset(w for t in words for w in (t.lemma, t.text.lower()) if w)
            found.append(GlossInput(item["lemma"], item["pos"], context, sentence_words))
            continue
        preps = _clause_prepositions(analysis) if analysis.clauses else None
        context, sentence_words, occurrence = gloss_setting(analysis, item["pos"], tokens, context, preps)
        found.append(GlossInput(item["lemma"], item["pos"], context, sentence_words, occurrence))
    return found


def read_adjudications(path: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(item id, system gloss) -> (verdict, reason)."""
    if not path.exists():
        return {}
    with open(path, encoding="utf-8", newline="") as fh:
        return {(row["id"], row["gloss"]): (row["verdict"], row["reason"])
                for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)}


def score(
    items: list[dict[str, str]], inputs: list[GlossInput], adjudications: dict[tuple[str, str], tuple[str, str]]
) -> tuple[dict[str, Counter[str]], list[tuple[str, dict[str, str], GlossResult]]]:
    """Counts per group (strict verdicts, and "adjudicated right"/"unjudged" among the wrong)
    and each item's (verdict, item, gloss)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    rows = []
    for item, given in zip(items, inputs):
        found = gloss(given.lemma, given.pos, context_lemmas=given.context, sentence_lemmas=given.sentence,
                      occurrence=given.occurrence)
        right = [s for s in item["right"].split("|") if s.strip()]
        wrong = [s for s in item["wrong"].split("|") if s.strip()]
        if not found.gloss:
            verdict = "missing"
        elif matches(found.gloss, right):
            verdict = "right"
        else:
            verdict = "wrong"
        details = [verdict]
        if verdict == "wrong":
            details.append("wrong (a listed wrong sense)" if matches(found.gloss, wrong) else "wrong (no listed sense)")
            judged = adjudications.get((item["id"], found.gloss or ""))
            if judged is None:
                details.append("unjudged")
            elif judged[0] == ACCEPTABLE:
                details.append("adjudicated right")
        zipf = zipf_frequency(item["lemma"].removeprefix("sich "), "de")
        groups = ["all", f"pos {item['pos']}"]
        if zipf >= 3:
            groups.append("zipf >= 3")
        if item.get("compound") == "yes":
            groups.append("compounds")
        groups.append(f"confidence {found.confidence or '-'}")
        for group in groups:
            counts[group].update(details)
        shown = verdict
        if verdict == "wrong":
            shown = "unjudged" if "unjudged" in details else ("acceptable" if "adjudicated right" in details else "wrong")
        rows.append((shown, item, found))
    return counts, rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--testset", type=Path, default=DEFAULT_TESTSET)
    parser.add_argument("--adjudications", type=Path, default=DEFAULT_ADJUDICATIONS)
    parser.add_argument("--show", choices=("wrong", "missing", "right", "unjudged", "acceptable", "strict-wrong"),
                        default=None, help="print these items (strict-wrong: every item the strict scorer calls wrong)")
    args = parser.parse_args(argv)
    with open(args.testset, encoding="utf-8", newline="") as fh:
        items = list(csv.DictReader(fh, delimiter="\t"))
    inputs = gloss_inputs(items)
    counts, rows = score(items, inputs, read_adjudications(args.adjudications))
    for shown, item, found in rows:
        if args.show == shown or (args.show == "strict-wrong" and shown in ("wrong", "unjudged", "acceptable")):
            print(f"{item['id']}\t{item['lemma']}\t{item['pos']}\t{found.gloss}\t{found.confidence}\t"
                  f"right: {item['right']}\twrong: {item['wrong']}\t{item['sentence']}")
    print(f"test set: {args.testset} ({len(items)} items); adjudications: {args.adjudications}")
    for group in sorted(counts, key=lambda g: (g != "all", g != "zipf >= 3", g)):
        c = counts[group]
        n = c["right"] + c["wrong"] + c["missing"]
        print(f"{group:16} n={n:5}  strict: right {c['right'] / n:6.1%}  wrong {c['wrong'] / n:6.1%}  missing {c['missing'] / n:6.1%}"
              f"  (wrong: {c['wrong (a listed wrong sense)']} a listed wrong sense, {c['wrong (no listed sense)']} no listed sense)")
        adjudicated = c["right"] + c["adjudicated right"]
        print(f"{'':16} {'':7}  adjudicated: right {adjudicated / n:6.1%}  wrong {(n - adjudicated - c['missing']) / n:6.1%}"
              f"  ({c['adjudicated right']} of {c['wrong']} strict-wrong judged acceptable, {c['unjudged']} not judged)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
