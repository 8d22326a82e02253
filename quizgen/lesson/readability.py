"""How hard a text is: Amstad reading ease, Wiener Sachtextformel and an estimated CEFR level.

- Amstad (1978): Flesch reading ease fitted to German, 0 (very hard) .. 100 (very easy);
  textstat's ``flesch_reading_ease`` with the language set to German.
- Wiener Sachtextformel 1 (Bamberger and Vanecek 1984): school year 4 .. 15; textstat.
- Estimated CEFR: the lexical level is the lowest level that covers 90 % of the running words
  (names left out, function words counted as A1, content words at their level from
  ``quizgen.german.cefr_estimate``, an estimate from word frequency). Long,
  dense sentences (Amstad below 30) raise it one step, very easy prose (Amstad 70 and above)
  lowers it one step.
- Share above level: the share of content-word occurrences whose estimated level is above the
  level the learner chose.

Both scores are textstat's formulas over textstat's own word lists, sentence count and
per-word syllable count (its ``backend`` functions, which take the language as an argument,
so no global setting is touched). The syllable count of each word is kept here: textstat
keeps 128 and hyphenates every word of a text three times, which made the text level a fifth
of a pack's cost beyond the analysis. ``tests/quizgen/test_readability.py`` checks the scores
against textstat's public functions.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from quizgen.analysis import Analysis
from quizgen.german.cefr_estimate import is_above, level_index
from quizgen.pack import LEVELS, TextLevel, VocabEntry

COVERAGE = 0.90
HARD_AMSTAD = 30.0
EASY_AMSTAD = 70.0
METHOD = (
    "Amstad reading ease and Wiener Sachtextformel 1 (textstat, German); CEFR estimated from "
    "wordfreq Zipf bands (90% coverage of running words), an estimate, not a placement"
)

LANG = "de"
AMSTAD = (180.0, 1.0, 58.5)  # textstat's "de" fre_base, fre_sentence_length, fre_syll_per_word


@functools.lru_cache(maxsize=100_000)
def _syllables(word: str) -> int:
    from textstat.backend.counts import count_syllables

    return int(count_syllables(word, LANG))


def _german_scores(text: str) -> tuple[float, float]:
    """(Amstad reading ease, Wiener Sachtextformel 1), rounded to one decimal, as textstat's
    ``flesch_reading_ease`` and ``wiener_sachtextformel(text, 1)`` with the language "de"."""
    from textstat.backend.counts import count_long_words
    from textstat.backend.metrics import words_per_sentence
    from textstat.backend.selections import list_words

    words = list_words(text)
    sentence_length = words_per_sentence(text)
    # textstat's count_syllables(text) sums the same per-word counts over the lower-cased words
    syllables = sum(_syllables(w) for w in list_words(text, lowercase=True)) if text else 0
    per_word = syllables / len(words) if words else 0.0
    base, per_sentence_word, per_syllable = AMSTAD
    amstad = 0.0 if sentence_length == 0 or per_word == 0 else (
        base - per_sentence_word * sentence_length - per_syllable * per_word
    )
    if words:
        ms = 100 * sum(1 for w in words if _syllables(w) >= 3) / len(words)
        iw = 100 * count_long_words(text) / len(words)
        es = 100 * sum(1 for w in words if _syllables(w) == 1) / len(words)
        wiener = (0.1935 * ms) + (0.1672 * sentence_length) + (0.1297 * iw) - (0.0327 * es) - 0.875
    else:
        wiener = 0.0
    return round(float(amstad), 1), round(float(wiener), 1)


def lexical_level(entries: Sequence[VocabEntry], *, function_words: int = 0) -> str:
    """The lowest level whose words cover COVERAGE of the running words.

    ``function_words`` (articles, pronouns, auxiliaries ...) count as known at A1.
    """
    total = sum(e.count for e in entries) + function_words
    if total == 0:
        return "A1"
    covered = function_words
    for level in LEVELS:
        covered += sum(e.count for e in entries if e.cefr == level)
        if covered / total >= COVERAGE:
            return level
    return "C2"


def text_level(analysis: Analysis, *, vocabulary: Sequence[VocabEntry], level: str = "B1") -> TextLevel:
    """The level record of a text, given its vocabulary (all content words, unfiltered)."""
    level_index(level)  # raises on an unknown level
    words = sum(1 for t in analysis.tokens if t.upos not in ("PUNCT", "X", "SYM") and any(c.isalnum() for c in t.text))
    amstad, wiener = _german_scores(analysis.text)
    names = sum(1 for t in analysis.tokens if t.ent_type or t.tag in ("NE", "NNE"))
    content = sum(e.count for e in vocabulary)
    estimated = lexical_level(vocabulary, function_words=max(0, words - content - names))
    step = 1 if amstad < HARD_AMSTAD else -1 if amstad >= EASY_AMSTAD else 0
    estimated = LEVELS[max(0, min(len(LEVELS) - 1, level_index(estimated) + step))]
    total = sum(e.count for e in vocabulary)
    above = sum(e.count for e in vocabulary if is_above(e.cefr, level))
    return TextLevel(
        words=words,
        sentences=len(analysis.sentences),
        amstad=amstad,
        wiener=wiener,
        cefr=estimated,
        share_above_level=round(above / total, 3) if total else 0.0,
        method=METHOD,
    )
