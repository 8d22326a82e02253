"""The project's own learner glossary of the most frequent words of news German.

``quizgen/data/core_glossary.tsv`` is written and checked by the project's developers, as a
lexicographer writes a learner's dictionary, under the project's licence (it is not derived
from Ding). It covers about 5,000 lemmas: the most frequent content words of news German by
wordfreq, weighted by how many articles of the shared news corpus use them; the file is in
that rank order, in chunks written by one writer each (comment lines say which). Columns:

``lemma  pos  construction  senses  level``

- ``pos``: NOUN, VERB, ADJ (also used as an adverb), ADV;
- ``construction``: for nouns the article (der, die, das; "die (Pl.)" for plural-only
  nouns; "der/die" for adjectives used as nouns: der/die Reisende); for verbs and adjectives the usual construction of the first sense
  ("(auf + Akk.)", "(jdm.)"); may be empty;
- ``senses``: 1-3 English senses in the order of everyday use, separated by `` | ``. A sense
  may end in ``{...}``: German cue words that choose it when the sentence (or, more weakly,
  the article) has them, and ``+auf``-style prepositions that choose it when the verb's clause
  has that preposition. The first sense is the default;
- ``level``: the CEFR level a teacher would expect a learner to know the word at (A1 .. C2),
  an estimate by the writer.

Lines starting with ``#`` are comments. ``sich ...`` verbs have their own lines when the
reflexive use means something else (sich verständigen: to agree; verständigen: to notify).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

SOURCE = "Quizgen core glossary (the project's own, hand-written)"
LEVELS = ("A1", "A2", "B1", "B2", "C1", "C2")
POS_VALUES = frozenset({"NOUN", "VERB", "ADJ", "ADV"})
PREPOSITION_WEIGHT = 2.0
SENTENCE_CUE_WEIGHT = 1.5
ARTICLE_CUE_WEIGHT = 0.5


@dataclass(frozen=True)
class CoreSense:
    english: str
    cues: tuple[str, ...] = ()  # lower-case German cue words
    prepositions: tuple[str, ...] = ()  # auf, mit ... (without the +)


@dataclass(frozen=True)
class CoreEntry:
    lemma: str
    pos: str
    construction: str
    senses: tuple[CoreSense, ...]
    level: str


def parse_senses(text: str) -> tuple[CoreSense, ...]:
    """``to visit | to attend {Schule Kurs}`` -> two senses, the second with its cues."""
    senses = []
    for part in text.split(" | "):
        part = part.strip()
        cues: list[str] = []
        preps: list[str] = []
        if part.endswith("}") and "{" in part:
            part, _, conditions = part[:-1].rpartition("{")
            for word in conditions.split():
                (preps if word.startswith("+") else cues).append(word.lstrip("+").lower())
        english = part.strip()
        if english:
            senses.append(CoreSense(english=english, cues=tuple(cues), prepositions=tuple(preps)))
    return tuple(senses)


def parse_line(line: str) -> CoreEntry | None:
    """One TSV line as an entry; None for comments and blank lines. Raises ValueError on a
    malformed line (the tests read the whole file through this)."""
    if not line.strip() or line.startswith("#"):
        return None
    fields = line.rstrip("\n").split("\t")
    if len(fields) != 5:
        raise ValueError(f"{len(fields)} columns, not 5: {line.strip()!r}")
    lemma, pos, construction, senses_text, level = fields
    if pos not in POS_VALUES:
        raise ValueError(f"unknown part of speech {pos!r}: {line.strip()!r}")
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}: {line.strip()!r}")
    senses = parse_senses(senses_text)
    if not senses:
        raise ValueError(f"no sense: {line.strip()!r}")
    return CoreEntry(lemma=lemma, pos=pos, construction=construction.strip(), senses=senses, level=level)


@functools.lru_cache(maxsize=1)
def _entries() -> dict[tuple[str, str], CoreEntry]:
    found: dict[tuple[str, str], CoreEntry] = {}
    path = resources.files("quizgen") / "data" / "core_glossary.tsv"
    with path.open("r", encoding="utf-8") as fh:
        for line in fh:
            entry = parse_line(line)
            if entry is not None:
                found.setdefault((entry.lemma, entry.pos), entry)
    return found


def all_entries() -> tuple[CoreEntry, ...]:
    return tuple(_entries().values())


def core_entry(lemma: str, pos: str) -> CoreEntry | None:
    """The core glossary's entry for ``lemma`` used as ``pos``; adjectives and adverbs stand in
    for each other (schnell is glossed once, as ADJ)."""
    entries = _entries()
    found = entries.get((lemma, pos))
    if found is None and pos in ("ADJ", "ADV"):
        found = entries.get((lemma, "ADV" if pos == "ADJ" else "ADJ"))
    if found is None and pos == "PROPN":
        found = entries.get((lemma, "NOUN"))
    return found


def _cue_in(cue: str, words: frozenset[str]) -> bool:
    # A cue matches a word that starts with it (Schule: Schulen) or, when it is long enough
    # to say something alone, ends a compound with it (Schule: Hochschule); a short cue (im,
    # Tor) only the word itself.
    if len(cue) < 4:
        return cue in words
    return any(w.startswith(cue) or (len(cue) >= 5 and cue in w) for w in words)


def choose_sense(
    entry: CoreEntry,
    *,
    sentence: frozenset[str] = frozenset(),
    article: frozenset[str] = frozenset(),
    prepositions: frozenset[str] | None = None,
) -> tuple[int, CoreSense]:
    """(index, sense) of the sense that fits: the first, unless a later one's preposition is in
    the clause or its cue words are in the sentence (or the article)."""
    if len(entry.senses) == 1:
        return 0, entry.senses[0]
    low_sentence = frozenset(w.lower() for w in sentence)
    # The article's words count only between senses that all need a cue: a first sense without
    # one is the everyday sense, and an article about money does not make "lagen im Boden"
    # mean "to be at a level".
    low_article = frozenset(w.lower() for w in article) if entry.senses[0].cues else frozenset()

    def score(index: int, sense: CoreSense) -> float:
        value = 0.0
        if prepositions is not None and sense.prepositions:
            value += PREPOSITION_WEIGHT if any(p in prepositions for p in sense.prepositions) else -PREPOSITION_WEIGHT
        if sense.cues:
            if any(_cue_in(c, low_sentence) for c in sense.cues):
                value += SENTENCE_CUE_WEIGHT
            elif any(_cue_in(c, low_article) for c in sense.cues):
                value += ARTICLE_CUE_WEIGHT
        return value - 0.01 * index  # ties go to the earlier, more everyday sense

    index = max(range(len(entry.senses)), key=lambda i: score(i, entry.senses[i]))
    return index, entry.senses[index]
