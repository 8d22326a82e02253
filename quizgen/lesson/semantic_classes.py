"""Semantic classes of German words, from WordNet through their English gloss (package data).

A distractor is of the answer's semantic class (WordNet's lexicographer classes: person,
group, act, event, communication, artifact, location, attribute, state, cognition, time ...),
never its synonym: two words are too close when they share a synset or one's synset is the
other's direct hypernym. ``quizgen/data/semantic_classes.tsv.gz`` is written by
``tools/build_semantic_classes.py`` (``make distractors``) from Princeton WordNet 3.0 (Debian
wordnet-base); the site reads only that file, never WordNet.

The answer's class comes from its gloss in its own sentence (Spitze glossed 'dig; barb' in a
sentence about a remark is a communication, not a summit), a candidate's from its usual gloss,
worked out at build time.
"""

from __future__ import annotations

import functools
import gzip
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

#: WordNet senses kept per English word (the first ones: WordNet orders them by frequency)
SENSES_KEPT = 4
SENSE_WEIGHTS = (1.0, 0.5, 0.3, 0.2)
TAG_SMOOTHING = 0.3
TREE_GAP = 3
ALTERNATIVE_WEIGHTS = (1.0, 0.8, 0.6, 0.5, 0.4)
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]|\{[^}]*\}")
_FILLERS = frozenset("sb. sth. sb sth sb's sth's one's oneself someone something etc. etc".split())
_ARTICLES = ("a ", "an ", "the ")


@dataclass(frozen=True)
class WordClass:
    """A word's semantic class in one sense, with the synsets that tell its synonyms."""

    name: str  # WordNet lexicographer class without the part of speech: person, act ...
    synsets: frozenset[int]
    hypernyms: frozenset[int]
    sensitive: bool = False  # a religion, ethnicity, nationality ...: never a distractor
    confidence: float = 1.0  # the class's share of the gloss's weighted senses

    def too_close(self, other: WordClass) -> bool:
        """Same synset, or one is a direct hypernym of the other (Abzug / Rückzug, Krieg /
        Konflikt): a near-synonym, which may fit the gap as well."""
        return bool(
            self.synsets & other.synsets or self.synsets & other.hypernyms or other.synsets & self.hypernyms
        )


def english_heads(text: str, pos: str) -> list[tuple[str, int]]:
    """The English words to look up for a gloss text, with the rank of their alternative:
    ``'head of state; leader'`` -> head_of_state, head (0), leader (1)."""
    heads: list[tuple[str, int]] = []
    alternatives = [a for a in re.split(r"[;,]", _BRACKETS.sub(" ", text)) if a.strip()]
    for rank, alternative in enumerate(alternatives[: len(ALTERNATIVE_WEIGHTS)]):
        words = [w for w in alternative.replace("’", "'").split() if not w.startswith("/") and w.lower() not in _FILLERS]
        phrase = " ".join(words)
        if pos == "VERB":
            phrase = phrase.removeprefix("to ")
        for article in _ARTICLES:
            phrase = phrase.removeprefix(article)
        words = phrase.split()
        if not words:
            continue
        found = []
        if len(words) > 1:
            found.append("_".join(words))
        if " of " in f" {phrase} " and pos == "NOUN":
            left = phrase.split(" of ")[0].split()
            if left:
                found.append("_".join(left) if len(left) > 1 else left[0])
                found.append(left[-1])
        found.append(words[0] if pos == "VERB" else words[-1])
        for head in dict.fromkeys(found):
            heads.append((head, rank))
    return heads


@dataclass(frozen=True)
class _Sense:
    name: str
    offset: int
    hypernyms: tuple[int, ...]
    count: int  # SemCor tags
    sensitive: bool


def _parse_senses(text: str) -> list[_Sense]:
    senses = []
    for part in text.split(";"):
        fields = part.split(":")
        if len(fields) < 4:
            continue
        hypernyms = tuple(int(h) for h in fields[2].split(",") if h)
        senses.append(_Sense(fields[0], int(fields[1]), hypernyms, int(fields[3]), len(fields) > 4 and fields[4] == "s"))
    return senses


def _sense_weights(senses: list[_Sense]) -> list[float]:
    """How much each sense of a word counts, summing to 1: by SemCor frequency where the word is
    tagged (an untagged sense still counts a little), else by WordNet's order."""
    if any(s.count for s in senses):
        raw = [s.count + TAG_SMOOTHING for s in senses]
    else:
        raw = list(SENSE_WEIGHTS[: len(senses)])
    total = sum(raw)
    return [r / total for r in raw]


def weigh_classes(text: str, pos: str, lookup: Callable[[str], str]) -> WordClass | None:
    """The class a gloss text points to: each alternative's first head WordNet knows votes for
    the classes of its senses, the first alternative and the first sense most. ``lookup``
    gives a head's senses as stored in the file (``class:synset:hypernyms[:s];...``)."""
    scores: dict[str, float] = defaultdict(float)
    per_alternative: list[list[_Sense]] = []
    capitalised = False
    done: set[int] = set()
    for head, alternative in english_heads(text, pos):
        if alternative in done:
            continue  # this alternative has its head already
        stored = lookup(head)
        if not stored:
            continue
        done.add(alternative)
        weight = ALTERNATIVE_WEIGHTS[alternative]
        senses = _parse_senses(stored)
        per_alternative.append(senses)
        for sense, share in zip(senses, _sense_weights(senses), strict=True):
            scores[sense.name] += weight * share
        if pos != "VERB" and re.search(rf"(?<![\w-]){re.escape(head.split('_')[-1].capitalize())}\b", text) and not head.isupper():
            capitalised = True  # German, Turk, Catholic: a nationality or a faith
    if not scores:
        return None
    best = max(scores, key=lambda name: (scores[name], name))
    synsets: set[int] = set()
    hypernyms: set[int] = set()
    sensitive = capitalised
    for senses in per_alternative:
        for sense in senses:
            if sense.name == best:
                synsets.add(sense.offset)
                hypernyms.update(sense.hypernyms)
                sensitive = sensitive or sense.sensitive
                break
        if senses and senses[0].sensitive:
            sensitive = True
    confidence = scores[best] / sum(scores.values())
    return WordClass(best, frozenset(synsets), frozenset(hypernyms), sensitive, round(confidence, 2))


@functools.lru_cache(maxsize=1)
def _table() -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], str], dict[int, int]]:
    english: dict[tuple[str, str], str] = {}
    german: dict[tuple[str, str], str] = {}
    parents: dict[int, int] = {}
    path = resources.files("quizgen") / "data" / "semantic_classes.tsv.gz"
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            kind, pos, word, rest = line.rstrip("\n").split("\t", 3)
            if kind == "S":
                parents[int(word)] = int(rest)
            else:
                (english if kind == "E" else german)[(pos, word)] = rest
    return english, german, parents


@functools.lru_cache(maxsize=50_000)
def tree_path(synset: int) -> tuple[int, ...]:
    """The synset's first-hypernym chain from WordNet's root down to it."""
    parents = _table()[2]
    chain = [synset]
    while parents.get(chain[-1]) and len(chain) < 30:
        chain.append(parents[chain[-1]])
    return tuple(reversed(chain))


def near_in_tree(a: WordClass, b: WordClass) -> bool:
    """Whether two words sit in one small branch of WordNet's tree: their common ancestor lies
    fewer than ``TREE_GAP`` levels above the shallower of them (Team / Koalition under
    organization; not Polizei / Tabelle, which meet only at group)."""
    for sa in a.synsets:
        pa = tree_path(sa)
        for sb in b.synsets:
            pb = tree_path(sb)
            common = 0
            for x, y in zip(pa, pb):
                if x != y:
                    break
                common += 1
            if common > min(len(pa), len(pb)) - TREE_GAP:
                return True
    return False


@functools.lru_cache(maxsize=20_000)
def gloss_class(text: str, pos: str) -> WordClass | None:
    """The semantic class of a gloss (the answer's sense in its sentence); None when WordNet
    knows none of its words."""
    english = _table()[0]
    return weigh_classes(text, pos, lambda head: english.get((pos, head), ""))


@functools.lru_cache(maxsize=50_000)
def word_class(lemma: str, pos: str) -> WordClass | None:
    """The class of a distractor candidate in its usual sense (worked out at build time)."""
    stored = _table()[1].get((pos, lemma))
    if stored is None:
        return None
    name, synsets, hypernyms, flags, confidence = stored.split("\t")
    return WordClass(
        name,
        frozenset(int(s) for s in synsets.split(",") if s),
        frozenset(int(h) for h in hypernyms.split(",") if h),
        "s" in flags,
        float(confidence),
    )


__all__ = [
    "SENSES_KEPT", "WordClass", "english_heads", "gloss_class", "near_in_tree", "tree_path", "weigh_classes",
    "word_class",
]  # fmt: skip
