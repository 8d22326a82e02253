"""The word list, names and key words over the corpus: the shape figures of issues 19 and 20.

    .venv/bin/python bench/vocabulary_corpus.py [--limit N] [--level B1] [--examples 8]

Every article of the 10kGNAD sample (``category;'text'``, ``'`` as quote character; CC BY-NC-SA,
for benchmarks only) is analysed and packed. Printed, each with a count and a share:

- the whole word list (``build_vocabulary`` without a level): acronym parts in lower case
  (``Us-Präsident`` where the text has ``US-Präsident``), entries that are also one of the
  pack's names, nouns without an article and entries without a gloss, each by reason (the
  reasons are read off the entry, see ``article_reason`` and ``gloss_reason``);
- the names list: names that are hyphenated common nouns or phrases (``name_fault``);
- the key words (``VocabEntry.key``): articles of 150 words or more with fewer than 8 or more
  than 15; key words that are names, weekdays, months or number words; key words without a
  gloss; nouns, verbs and adjectives a cloze item or question is about that the pack's list
  lacks or lists without a gloss;
- levels: lemmas given different levels in different articles; compounds rated above their
  hardest part plus one step.

``--examples N`` prints up to N examples of each fault. The checks that must be zero are also
tests (tests/quizgen/lesson/test_vocabulary_corpus.py).
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from corpus import DEFAULT_CORPUS, read_corpus

from quizgen.german.glossary import has_entry, split_compound
from quizgen.german.nouns import is_known_noun
try:
    from quizgen.german.word_lists import NUMBER_WORDS
    from quizgen.lesson.names import WORDS_INSIDE_NAMES, is_place
except ImportError:  # a checkout from before issues 19/20, for the figures before the change
    NUMBER_WORDS = frozenset()
    WORDS_INSIDE_NAMES = frozenset("von van der den de da di du la le ten ter zu für und of the and".split())

    def is_place(word: str) -> bool:
        return False
from quizgen.german.word_lists import MONTHS, NUMBER_NOUNS, WEEKDAYS
from quizgen.lesson.word_list import ITEM_POS
from quizgen.pack import LEVELS, LessonPack, NameEntry, VocabEntry

MIN_WORDS = 150  # articles this long must have 8-15 key words
KEY_RANGE = (8, 15)
def has_inner_capital(part: str) -> bool:
    return any(ch.isupper() for ch in part[1:])


def acronym_faults(entry: VocabEntry) -> list[str]:
    """Parts of the lemma written in another case than the text's acronym (Us- for US-)."""
    lemma_parts = entry.lemma.split("-")
    faults = []
    for form in entry.forms:
        form_parts = form.split("-")
        if len(form_parts) != len(lemma_parts):
            continue
        for fp, lp in zip(form_parts[:-1], lemma_parts[:-1]):
            if has_inner_capital(fp) and lp != fp and lp.lower() == fp.lower():
                faults.append(f"{entry.lemma} (text: {form})")
    gloss = entry.gloss or ""
    for part in lemma_parts[:-1]:
        if has_inner_capital(part) and re.search(rf"\b{re.escape(part[:1] + part[1:].lower())}\b", gloss):
            faults.append(f"{entry.lemma} glossed {gloss!r}")
    return faults[:1]


def _adjective_stem(lemma: str) -> str | None:
    low = lemma.lower()
    for ending in ("en", "er", "es", "em", "e", ""):
        stem = low[: len(low) - len(ending)] if ending else low
        if ending and not low.endswith(ending):
            continue
        if len(stem) > 2 and has_entry(stem, "ADJ"):
            return stem
    return None


def article_reason(entry: VocabEntry) -> str | None:
    """Why a noun has no article (None: it has one, or it is plural-only and shows die)."""
    if entry.pos != "NOUN" or entry.gender is not None:
        return None
    if entry.display.startswith("die ") and entry.display.endswith("(Pl.)"):
        return None
    if entry.display.endswith("(Pl.)"):
        return "plural-only noun shown without die"
    if has_inner_capital(entry.lemma.split("-")[0]) or entry.lemma.isupper():
        return "abbreviation"
    if _adjective_stem(entry.lemma):
        return "adjectival noun (der Verletzte, das Neue)"
    if len(split_compound(entry.lemma)) > 1:
        return "compound whose last part the noun lexicon lacks"
    return "word the noun lexicon lacks (rare, regional, foreign or misread)"


def gloss_reason(entry: VocabEntry) -> str | None:
    if entry.gloss:
        return None
    if entry.pos == "NOUN" and (has_inner_capital(entry.lemma.split("-")[0]) or entry.lemma.isupper()):
        return "abbreviation"
    if entry.pos == "NOUN" and entry.gender is None and _adjective_stem(entry.lemma):
        return "adjectival noun"
    if len(split_compound(entry.lemma)) > 1 or "-" in entry.lemma:
        return "compound with a part the glossary cannot gloss surely"
    if has_entry(entry.lemma.removeprefix("sich ")) or is_known_noun(entry.lemma):
        return "listed, but no sense fits the part of speech"
    return "word no dictionary lists (rare, regional, foreign or misread)"


def name_fault(name: NameEntry) -> str | None:
    """Why a name is no name: a hyphenated common noun (K.-o.-Phase), a phrase, a web address."""
    words = name.text.split()
    if "/" in name.text or "pic.twitter" in name.text:
        return "web address"
    if name.text[:1].isdigit() and "-" in name.text:
        return "number compound (2:1-Sieg)"
    if any(w[:1].islower() and w not in WORDS_INSIDE_NAMES and not has_inner_capital(w) for w in words[1:]):
        return "phrase"
    if len(words) == 1 and "-" in name.text and not is_place(name.text):
        last = name.text.rsplit("-", 1)[1]
        if last[:1].isupper() and is_known_noun(last) and not has_inner_capital(last):
            return "hyphenated common noun"
    return None


def key_fault(entry: VocabEntry, names: Iterable[NameEntry]) -> str | None:
    word = entry.lemma.removeprefix("sich ")
    if word in WEEKDAYS or word in MONTHS:
        return "weekday or month"
    low = word.lower()
    if low in NUMBER_WORDS or low.removesuffix("e") in NUMBER_WORDS or word in NUMBER_NOUNS:
        return "number word"
    if any(word == n.text or (n.type == "PER" and word == n.text.split()[-1]) for n in names):
        return "name"
    return None




def item_words(pack: LessonPack, everything: Iterable[VocabEntry]) -> set[tuple[str, str]]:
    """(lemma, pos) of the nouns, verbs and adjectives the cloze items gap and the questions'
    short answers name."""
    found = {(c.lemma.removeprefix("sich "), c.pos) for c in pack.cloze if c.lemma and c.pos in ITEM_POS}
    answered = {w for q in pack.questions for w in re.findall(r"\w+", q.answer_short)}
    found |= {(e.lemma.removeprefix("sich "), e.pos) for e in everything
              if e.pos in ITEM_POS and answered.intersection(e.forms)}
    return found


@dataclass
class Tally:
    total: int = 0
    faults: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def add(self, kind: str, example: str, limit: int) -> None:
        self.faults[kind] += 1
        if len(self.examples[kind]) < limit:
            self.examples[kind].append(example)

    def report(self, title: str, show: int) -> None:
        print(f"{title}: {self.total}")
        for kind, n in self.faults.most_common():
            share = n / self.total if self.total else 0.0
            print(f"  {kind}: {n} ({share:.2%})")
            if show:
                print("    e.g. " + "; ".join(self.examples[kind][:show]))


def main(argv: list[str] | None = None) -> int:
    from quizgen.lesson.make import pack_from_analysis
    from quizgen.lesson.vocabulary import build_vocabulary
    from quizgen.nlp.analyze import analyze

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--level", default="B1")
    parser.add_argument("--examples", type=int, default=8)
    parser.add_argument("--analyses", help="a pickle of the articles' analyses (a development shortcut)")
    args = parser.parse_args(argv)
    texts = read_corpus(args.corpus, args.limit)
    cached = None
    if args.analyses:
        import pickle

        with open(args.analyses, "rb") as fh:
            cached = pickle.load(fh)
    words, names_tally, articles, keys, items = Tally(), Tally(), Tally(), Tally(), Tally()
    no_article, no_gloss = Tally(), Tally()
    levels: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    compound_levels = Tally()
    key_counts: list[int] = []
    show = args.examples
    for n, text in enumerate(texts):
        analysis = cached[n] if cached is not None else analyze(text)
        everything, names = build_vocabulary(analysis)
        pack = pack_from_analysis(analysis, level=args.level)
        name_texts = {name.text for name in names}
        level_of = {(e.lemma, e.pos): e.cefr for e in everything}
        for entry in everything:
            words.total += 1
            for fault in acronym_faults(entry):
                words.add("acronym part in another case", f"{n}: {fault}", show)
            if entry.lemma in name_texts or (entry.pos == "NOUN" and name_texts.intersection(entry.forms)):
                words.add("entry that is also a name", f"{n}: {entry.display}", show)
            if entry.pos == "NOUN":
                no_article.total += 1
                reason = article_reason(entry)
                if reason:
                    no_article.add(reason, f"{n}: {entry.display}", show)
            no_gloss.total += 1
            reason = gloss_reason(entry)
            if reason:
                no_gloss.add(f"{entry.pos}: {reason}", f"{n}: {entry.display}", show)
            if entry.cefr:
                levels[(entry.lemma, entry.pos)][entry.cefr] += 1
            if len(entry.parts) > 1 and entry.cefr in LEVELS:
                compound_levels.total += 1
                part_levels = [level_of.get((p, "NOUN")) for p in entry.parts]
                known = [LEVELS.index(lv) for lv in part_levels if lv in LEVELS]
                if len(known) == len(entry.parts) and LEVELS.index(entry.cefr) > max(known) + 1:
                    compound_levels.add("above its hardest part plus one step",
                                        f"{n}: {entry.lemma} {entry.cefr} ({'|'.join(entry.parts)})", show)
        for name in names:
            names_tally.total += 1
            fault = name_fault(name)
            if fault:
                names_tally.add(fault, f"{n}: {name.type} {name.text}", show)
        chosen = [e for e in pack.vocabulary if getattr(e, "key", False)]
        key_counts.append(len(chosen))
        if len(text.split()) >= MIN_WORDS:
            articles.total += 1
            if not KEY_RANGE[0] <= len(chosen) <= KEY_RANGE[1]:
                articles.add(f"key words outside {KEY_RANGE[0]}-{KEY_RANGE[1]}", f"{n}: {len(chosen)}", show)
        for entry in chosen:
            keys.total += 1
            fault = key_fault(entry, pack.names)
            if fault:
                keys.add(f"key word that is a {fault}", f"{n}: {entry.display}", show)
            if not entry.gloss:
                keys.add("key word without a gloss", f"{n}: {entry.display}", show)
        listed = {(e.lemma.removeprefix("sich "), e.pos): e for e in pack.vocabulary}
        by_form = {(f, e.pos): e for e in pack.vocabulary for f in e.forms}
        answers = {(c.lemma.removeprefix("sich "), c.pos): c.answers or (c.answer,) for c in pack.cloze if c.lemma}
        name_texts = {name.text for name in pack.names}
        for lemma, pos in item_words(pack, everything):
            if lemma in name_texts:
                items.add("a name (not a word for the list)", f"{n}: {lemma}", show)
                continue
            items.total += 1
            entry = listed.get((lemma, pos)) or next(
                (by_form[(a, pos)] for a in answers.get((lemma, pos), ()) if (a, pos) in by_form), None)
            if entry is None:
                items.add("missing from the list", f"{n}: {lemma} {pos}", show)
            elif not entry.gloss:
                items.add("listed without a gloss", f"{n}: {entry.display}", show)
        print(f"\r{n + 1}/{len(texts)}", end="", file=sys.stderr)
    print(file=sys.stderr)
    print(f"articles: {len(texts)} (level {args.level})")
    words.report("word list entries (all words)", show)
    no_article.report("nouns without an article, by reason", show)
    no_gloss.report("entries without a gloss, by reason", show)
    names_tally.report("names", show)
    varying = {k: v for k, v in levels.items() if len(v) > 1}
    print(f"lemmas in more than one article: {sum(1 for v in levels.values() if sum(v.values()) > 1)}, "
          f"with different levels: {len(varying)}")
    for (lemma, pos), seen in list(varying.items())[:show]:
        print(f"    e.g. {lemma} {pos}: {dict(seen)}")
    compound_levels.report("compounds with a level", show)
    if key_counts:
        print(f"key words per article: mean {statistics.mean(key_counts):.1f}, min {min(key_counts)}, "
              f"max {max(key_counts)}")
    articles.report(f"articles of {MIN_WORDS} words or more", show)
    keys.report("key words", show)
    items.report("nouns, verbs and adjectives cloze items gap and short answers name", show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
