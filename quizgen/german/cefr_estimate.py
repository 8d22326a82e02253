"""An estimated CEFR level and frequency band for a German word, from wordfreq frequencies.

This is an estimate, not a placement from a CEFR word list: no free German CEFR list with a
usable licence exists here, so the level stands in for "how often does a reader meet this
word". Every surface that shows it says so (``ESTIMATE_NOTE``).

Method
------
1. Frequency: wordfreq's Zipf value (log10 of occurrences per billion words) of the lemma.
   wordfreq counts word forms, not lemmas, so a lemma's own count underrates it (``kündigte``
   is more frequent than ``ankündigen``). We add up the frequencies of the lemma and the forms
   seen in the text (and of the verb without ``sich``) and take the Zipf value of the sum.
2. Level from that Zipf value (cut-offs ``ZIPF_CUTOFFS``):
   A1 >= 5.5, A2 >= 5.0, B1 >= 4.5, B2 >= 4.0, C1 >= 3.2, else C2.
3. Compounds that wordfreq does not know (Zipf 0, e.g. ``Außenministeriumssprecherin``) take
   the level of their rarest known part, one step higher (a compound is harder than its parts),
   at most C2. Words with no known part are C2.
4. Frequency band 1-5 follows the level: 1 = A1/A2, 2 = B1, 3 = B2, 4 = C1, 5 = C2.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from wordfreq import word_frequency, zipf_frequency

from quizgen.pack import LEVELS

ZIPF_CUTOFFS: tuple[tuple[str, float], ...] = (
    ("A1", 5.5),
    ("A2", 5.0),
    ("B1", 4.5),
    ("B2", 4.0),
    ("C1", 3.2),
)
BANDS = {"A1": 1, "A2": 1, "B1": 2, "B2": 3, "C1": 4, "C2": 5}
SOURCE = "wordfreq 3.1 Zipf frequency (lemma plus the forms in the text)"
ESTIMATE_NOTE = "CEFR level estimated from word frequency (wordfreq Zipf), not from a CEFR word list"


@dataclass(frozen=True)
class LevelEstimate:
    zipf: float  # wordfreq Zipf of the lemma alone
    effective_zipf: float  # lemma plus forms, the value the level is read from
    cefr: str
    band: int
    basis: str  # "frequency", "compound parts" or "unknown word"


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


def estimate_level(lemma: str, *, forms: Iterable[str] = (), parts: tuple[str, ...] = ()) -> LevelEstimate:
    """The estimated level of ``lemma``; ``forms`` are its forms in the text, ``parts`` its compound split."""
    base = lemma.removeprefix("sich ")
    own = round(zipf_frequency(base, "de"), 2)
    effective = combined_zipf([base, *forms])
    if effective > 0:
        level = cefr_from_zipf(effective)
        return LevelEstimate(own, effective, level, BANDS[level], "frequency")
    known = [zipf_frequency(p, "de") for p in parts if p]
    if len(parts) > 1 and all(z > 0 for z in known):
        rarest = cefr_from_zipf(min(known))
        level = LEVELS[min(level_index(rarest) + 1, len(LEVELS) - 1)]
        return LevelEstimate(own, 0.0, level, BANDS[level], "compound parts")
    return LevelEstimate(own, 0.0, "C2", BANDS["C2"], "unknown word")


def is_above(level: str, chosen: str) -> bool:
    """True when ``level`` is harder than the learner's chosen level."""
    return level_index(level) > level_index(chosen)
