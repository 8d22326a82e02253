"""Checking a learner's typed answer the way a patient teacher would.

Forgiven (right, with a note): ae/oe/ue/ss typed for ä/ö/ü/ß, capitalisation (unless the item
says it matters), surrounding whitespace and punctuation, one typo in a word of 3-9 letters and
two in longer words (Damerau-Levenshtein, adjacent swaps count as one). Never forgiven, but
explained: the right word with the wrong article or the wrong ending, because on article and
ending items that is exactly what is being practised and elsewhere it is still a different form.

The verdict carries a note *key* (see ``NOTES``); interfaces translate the key, the library
keeps English texts for the command line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: note key -> English text; ``{expected}`` is filled in by ``note_text``.
NOTES: dict[str, str] = {
    "empty": "No answer given.",
    "accepted": "Right. The text itself has: {expected}",
    "umlaut_spelling": "Right. With umlauts it is spelled: {expected}",
    "capitalisation": "Right. Mind the capitals: {expected}",
    "capitalisation_matters": "Almost: capitalisation is the point here. It is: {expected}",
    "typo": "Right, with a small spelling mistake: {expected}",
    "wrong_article": "Right word, wrong article: {expected}",
    "wrong_ending": "Right word, wrong ending: {expected}",
}

_ARTICLES = frozenset(
    "der die das den dem des ein eine einen einem einer eines "
    "kein keine keinen keinem keiner keines".split()
)
# Inflectional endings of German nouns, adjectives, determiners and verbs, longest first, so
# a stem is only split off when what remains is one of these.
_ENDINGS = ("ern", "ens", "est", "en", "em", "er", "es", "et", "st", "e", "n", "s", "t", "")
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_EDGE = re.compile(r"^[\W_]+|[\W_]+$", re.UNICODE)


@dataclass(frozen=True)
class AnswerVerdict:
    """Whether an answer counts, whether it was letter-perfect, and what to tell the learner."""

    correct: bool
    exact: bool
    note: str | None  # a key of NOTES, or None
    expected: str


def note_text(verdict: AnswerVerdict) -> str | None:
    """The English text of the verdict's note, with the expected answer filled in."""
    if verdict.note is None:
        return None
    return NOTES[verdict.note].format(expected=verdict.expected)


def _clean(text: str) -> str:
    """Unicode-normalised, whitespace collapsed, punctuation stripped at both edges."""
    text = unicodedata.normalize("NFC", text)
    text = " ".join(text.split())
    return _EDGE.sub("", text)


def _fold(text: str, *, keep_case: bool) -> str:
    text = text.translate(_FOLD)
    return text if keep_case else text.casefold()


def typo_budget(word: str) -> int:
    """How many typos a word of this length may carry and still count."""
    letters = sum(ch.isalpha() for ch in word)
    if letters < 3:
        return 0
    return 1 if letters <= 9 else 2


def damerau_levenshtein(a: str, b: str) -> int:
    """Edit distance counting insertions, deletions, substitutions and adjacent swaps."""
    rows = len(a) + 1
    cols = len(b) + 1
    dist = [[0] * cols for _ in range(rows)]
    for i in range(rows):
        dist[i][0] = i
    for j in range(cols):
        dist[0][j] = j
    for i in range(1, rows):
        for j in range(1, cols):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            dist[i][j] = min(dist[i - 1][j] + 1, dist[i][j - 1] + 1, dist[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                dist[i][j] = min(dist[i][j], dist[i - 2][j - 2] + 1)
    return dist[-1][-1]


def _stems(word: str) -> set[str]:
    return {
        word[: len(word) - len(end)]
        for end in _ENDINGS
        if word.endswith(end) and len(word) - len(end) >= 3
    }


def _is_ending_change(given: str, expected: str) -> bool:
    """Both words are one stem with different inflectional endings (Abzug / Abzuges)."""
    if given == expected:
        return False
    return bool(_stems(given) & _stems(expected))


def _word_diff(given: str, expected: str) -> str | None:
    """Classify one differing word pair (both folded): article, ending, typo or None."""
    if given in _ARTICLES and expected in _ARTICLES:
        return "wrong_article"
    if _is_ending_change(given, expected):
        return "wrong_ending"
    if damerau_levenshtein(given, expected) <= typo_budget(expected):
        return "typo"
    return None


def _compare(given: str, candidate: str, *, case_matters: bool) -> str | None:
    """Compare cleaned strings; return a note key ("exact" when letter-perfect) or None."""
    if given == candidate:
        return "exact"
    if _fold(given, keep_case=True) == _fold(candidate, keep_case=True):
        return "umlaut_spelling"
    if _fold(given, keep_case=False) == _fold(candidate, keep_case=False):
        if case_matters:
            return "capitalisation_matters"
        if given.casefold() == candidate.casefold():
            return "capitalisation"
        return "umlaut_spelling"
    given_words = _fold(given, keep_case=case_matters).split()
    cand_words = _fold(candidate, keep_case=case_matters).split()
    if len(given_words) != len(cand_words):
        return None
    kinds = [_word_diff(g, c) for g, c in zip(given_words, cand_words) if g != c]
    if any(kind is None for kind in kinds):
        return None
    for decisive in ("wrong_article", "wrong_ending"):
        if decisive in kinds:
            return decisive
    return "typo"


_RIGHT = {"exact", "umlaut_spelling", "capitalisation", "typo"}


def check_answer(
    given: str,
    expected: str,
    *,
    accepted: tuple[str, ...] = (),
    case_matters: bool = False,
) -> AnswerVerdict:
    """Judge ``given`` against ``expected`` and the ``accepted`` alternatives."""
    shown = _clean(expected)
    typed = _clean(given)
    if not typed:
        return AnswerVerdict(False, False, "empty", shown)
    candidates = [shown] + [_clean(a) for a in accepted if _clean(a)]
    outcomes = [_compare(typed, cand, case_matters=case_matters) for cand in candidates]
    # The best outcome wins: letter-perfect, then forgiven, then explained-wrong.
    for index, outcome in enumerate(outcomes):
        if outcome == "exact":
            return AnswerVerdict(True, True, None if index == 0 else "accepted", shown)
    for wanted in ("umlaut_spelling", "capitalisation", "typo"):
        if wanted in outcomes:
            return AnswerVerdict(True, False, wanted, shown)
    for outcome in outcomes:
        if outcome is not None and outcome not in _RIGHT:
            return AnswerVerdict(False, False, outcome, shown)
    return AnswerVerdict(False, False, None, shown)
