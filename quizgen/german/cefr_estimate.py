"""An estimated CEFR level and frequency band for a German word: the core glossary's level, else
one read off wordfreq frequencies.

This is an estimate, not a placement from an official CEFR word list: no free German CEFR list
with a usable licence exists here. Every surface that shows it says so (``ESTIMATE_NOTE``).

Method (``estimate_level``), the same for a word in every article:

1. The core glossary's level (quizgen/data/core_glossary.tsv, written by the project: weekdays,
   months, everyday verbs, nouns and adjectives ...) when it lists the word: a teacher's
   judgement beats a frequency count (Kino, krank, heißen are A1 whatever news text says).
   Weekdays, months, seasons and parts of the day (quizgen.german.word_lists) are A1 even
   where it does not list them yet.
2. Otherwise frequency: wordfreq's Zipf value (log10 of occurrences per billion words).
   wordfreq counts word forms, not lemmas, so a lemma's own count underrates it; we add up the
   frequencies of the lemma and its usual forms (a noun's case and number forms from the noun
   lexicon, an adjective's endings, a verb's participle) and read the level off the sum, with
   the cut-offs ``ZIPF_CUTOFFS``: A1 >= 5.5, A2 >= 5.0, B1 >= 4.5, B2 >= 4.0, C1 >= 3.2, else
   C2. The forms of one article never enter, so a word has one level everywhere.
3. A compound is never above its hardest part plus one step (Montag|Vormittag: Montag A1,
   Vormittag A2, so at most B1), whatever its frequency; a compound wordfreq does not know
   (``Außenministeriumssprecherin``) is exactly that. Parts that are names (Moskau-Besuch) or
   unknown count for nothing. Words with no level from any of these are C2.
4. Frequency band 1-5 follows the level: 1 = A1/A2, 2 = B1, 3 = B2, 4 = C1, 5 = C2.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from dataclasses import dataclass

from wordfreq import word_frequency, zipf_frequency

from quizgen.german.conjugation import past_participle
from quizgen.german.core_glossary import core_entry
from quizgen.german.nouns import is_known_noun, noun_forms
from quizgen.german.word_lists import MONTHS, PARTS_OF_DAY, SEASONS, WEEKDAYS
from quizgen.pack import LEVELS

ZIPF_CUTOFFS: tuple[tuple[str, float], ...] = (
    ("A1", 5.5),
    ("A2", 5.0),
    ("B1", 4.5),
    ("B2", 4.0),
    ("C1", 3.2),
)
BANDS = {"A1": 1, "A2": 1, "B1": 2, "B2": 3, "C1": 4, "C2": 5}
SOURCE = "the Quizgen core glossary's levels, else wordfreq 3.1 Zipf frequency (lemma plus its usual forms)"
ESTIMATE_NOTE = ("CEFR level: the project's core glossary where it lists the word, else estimated from "
                 "word frequency (wordfreq Zipf); not from an official CEFR word list")
CALENDAR_WORDS = WEEKDAYS | MONTHS | SEASONS | PARTS_OF_DAY
#: endings of an attributive adjective (neu: neue, neuen, neuer, neues, neuem)
ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


@dataclass(frozen=True)
class LevelEstimate:
    zipf: float  # wordfreq Zipf of the lemma alone
    effective_zipf: float  # lemma plus forms, the value the level is read from
    cefr: str
    band: int
    basis: str  # "core glossary", "frequency", "compound parts" or "unknown word"


def level_index(level: str) -> int:
    """Position of a level in A1..C2; raises ValueError on anything else."""
    return LEVELS.index(level)


def cefr_from_zipf(zipf: float) -> str:
    for level, cutoff in ZIPF_CUTOFFS:
        if zipf >= cutoff:
            return level
    return "C2"


def combined_zipf(words: Iterable[str]) -> float:
    """Zipf value of the summed frequency of several spellings of one word."""
    total = sum(word_frequency(w, "de") for w in dict.fromkeys(words) if w)
    return round(math.log10(total * 1e9), 2) if total > 0 else 0.0


def _usual_forms(lemma: str, pos: str | None) -> tuple[str, ...]:
    """The forms whose frequencies add up to the lemma's: never the forms of one text."""
    if pos == "NOUN":
        return tuple(noun_forms(lemma).values())
    if pos == "ADJ":
        return tuple(lemma + ending for ending in ADJECTIVE_ENDINGS)
    if pos == "VERB":
        participle = past_participle(lemma)
        return (participle,) if participle else ()
    return ()


def _core_level(lemma: str, pos: str | None) -> str | None:
    if pos is None:
        return None
    entry = core_entry(lemma, pos) or (core_entry(lemma.removeprefix("sich "), pos) if lemma.startswith("sich ") else None)
    return entry.level if entry is not None else None


def _part_level(part: str) -> int | None:
    """A compound part's level index; None for a name or a word nobody counts."""
    noun = part[:1].upper() + part[1:]
    if part[:1].isupper() or is_known_noun(noun):
        if not is_known_noun(noun) and _core_level(noun, "NOUN") is None:
            return None  # a name (Moskau, US) has no level
        return level_index(estimate_level(noun, pos="NOUN").cefr)
    for pos in ("ADJ", "ADV", "VERB"):
        core = _core_level(part, pos)
        if core is not None:
            return level_index(core)
    zipf = combined_zipf([part])
    return level_index(cefr_from_zipf(zipf)) if zipf > 0 else None


@functools.lru_cache(maxsize=50_000)
def estimate_level(lemma: str, *, pos: str | None = None, parts: tuple[str, ...] = (),
                   forms: tuple[str, ...] = ()) -> LevelEstimate:
    """The estimated level of ``lemma`` used as ``pos`` (NOUN, VERB, ADJ, ADV; None: frequency
    only); ``parts`` is its compound split. ``forms`` adds the frequencies of further spellings
    (for callers outside the word list, which passes none so that a word's level is the same in
    every article)."""
    base = lemma.removeprefix("sich ")
    own = round(zipf_frequency(base, "de"), 2)
    effective = combined_zipf([base, *_usual_forms(base, pos), *forms])
    core = _core_level(lemma, pos)
    if core is None and pos == "NOUN" and base in CALENDAR_WORDS:
        core = "A1"  # weekdays, months, seasons, parts of the day the glossary may not list yet
    if core is not None:
        return LevelEstimate(own, effective, core, BANDS[core], "core glossary")
    part_levels = [lv for lv in (_part_level(p) for p in parts) if lv is not None] if len(parts) > 1 else []
    cap = min(max(part_levels) + 1, len(LEVELS) - 1) if part_levels else None
    if effective > 0:
        index = level_index(cefr_from_zipf(effective))
        basis = "frequency"
        if cap is not None and index > cap:
            index, basis = cap, "compound parts"
        level = LEVELS[index]
        return LevelEstimate(own, effective, level, BANDS[level], basis)
    if cap is not None:
        level = LEVELS[cap]
        return LevelEstimate(own, 0.0, level, BANDS[level], "compound parts")
    return LevelEstimate(own, 0.0, "C2", BANDS["C2"], "unknown word")


def is_above(level: str, chosen: str) -> bool:
    """True when ``level`` is harder than the learner's chosen level."""
    return level_index(level) > level_index(chosen)
