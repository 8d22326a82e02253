"""Checking a learner's typed answer the way a patient teacher would.

Forgiven (right, with a note): ae/oe/ue typed for ä/ö/ü and ss for ß (each named as what it is),
capitalisation (unless the item says it matters), surrounding whitespace and punctuation, one
typo in a word of 3-9 letters and two in longer words (Damerau-Levenshtein, adjacent swaps count
as one). Right without a note: a capital at the start of the answer (phones and habit put one
there), and a leading article that the expected answer has and the learner left out, or the
other way round (Forschungsanlage / die Forschungsanlage: the word is what is asked). Never
forgiven, but explained: the right word with the wrong article or the wrong ending, because on
article and ending items that is exactly what is being practised and elsewhere it is still a
different form; and a word cut short (Bedeutun for Bedeutung), which is no typo but an
unfinished word.

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
    "sharp_s_spelling": "Right. With ß it is spelled: {expected}",
    "capitalisation": "Right. Mind the capitals: {expected}",
    "capitalisation_matters": "Almost: capitalisation is the point here. It is: {expected}",
    "typo": "Right, with a small spelling mistake: {expected}",
    "wrong_article": "Right word, wrong article: {expected}",
    "wrong_ending": "Right word, wrong ending: {expected}",
    "incomplete": "Almost: the word is not complete. It is: {expected}",
}

_ARTICLES = frozenset(
    "der die das den dem des ein eine einen einem einer eines "
    "kein keine keinen keinem keiner keines".split()
)
# Inflectional endings of German nouns, adjectives, determiners and verbs, longest first, so
# a stem is only split off when what remains is one of these.
_ENDINGS = ("ern", "ens", "est", "en", "em", "er", "es", "et", "st", "e", "n", "s", "t", "")
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_FOLD_SHARP_S = str.maketrans({"ß": "ss"})
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
    """Classify one differing word pair (both folded): article, ending, cut short, typo or None."""
    if given in _ARTICLES and expected in _ARTICLES:
        return "wrong_article"
    if _is_ending_change(given, expected):
        return "wrong_ending"
    if expected.startswith(given) and len(expected) - len(given) <= typo_budget(expected):
        # the end left off: an unfinished word, not a slip of the finger
        return "incomplete"
    if damerau_levenshtein(given, expected) <= typo_budget(expected):
        return "typo"
    return None


def _spelling_note(given: str, candidate: str) -> str:
    """Which spelling the learner used: ss for ß only, or umlauts written out."""
    if given.translate(_FOLD_SHARP_S).casefold() == candidate.translate(_FOLD_SHARP_S).casefold():
        return "sharp_s_spelling"
    return "umlaut_spelling"


def _capital_at_start_only(given: str, candidate: str) -> bool:
    """The answer differs only by a capital on its first letter (Kündigte for kündigte)."""
    return bool(given) and given[0].isupper() and given == candidate[:1].upper() + candidate[1:]


def _without_leading_article(words: list[str]) -> list[str] | None:
    return words[1:] if len(words) > 1 and words[0].casefold() in _ARTICLES else None


def _compare(given: str, candidate: str, *, case_matters: bool) -> str | None:
    """Compare cleaned strings; return a note key ("exact" when letter-perfect) or None."""
    if given == candidate or (not case_matters and _capital_at_start_only(given, candidate)):
        return "exact"
    if _fold(given, keep_case=True) == _fold(candidate, keep_case=True):
        return _spelling_note(given, candidate)
    if _fold(given, keep_case=False) == _fold(candidate, keep_case=False):
        if case_matters:
            return "capitalisation_matters"
        if given.lower() == candidate.lower():  # lower() keeps ß (casefold() makes it ss)
            return "capitalisation"
        return _spelling_note(given, candidate)
    given_words = _fold(given, keep_case=case_matters).split()
    cand_words = _fold(candidate, keep_case=case_matters).split()
    if len(given_words) == len(cand_words) + 1 and _without_leading_article(given_words) == cand_words:
        return "article_optional"
    if len(cand_words) == len(given_words) + 1 and _without_leading_article(cand_words) == given_words:
        return "article_optional"
    if len(given_words) != len(cand_words):
        return None
    kinds = [_word_diff(g, c) for g, c in zip(given_words, cand_words) if g != c]
    if any(kind is None for kind in kinds):
        return None
    for decisive in ("wrong_article", "wrong_ending", "incomplete"):
        if decisive in kinds:
            return decisive
    return "typo"


_RIGHT = {"exact", "umlaut_spelling", "sharp_s_spelling", "capitalisation", "typo", "article_optional"}


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
    if "article_optional" in outcomes:  # the word itself, with or without its article: right, nothing to say
        return AnswerVerdict(True, False, None, shown)
    for wanted in ("umlaut_spelling", "sharp_s_spelling", "capitalisation", "typo"):
        if wanted in outcomes:
            return AnswerVerdict(True, False, wanted, shown)
    for outcome in outcomes:
        if outcome is not None and outcome not in _RIGHT:
            return AnswerVerdict(False, False, outcome, shown)
    return AnswerVerdict(False, False, None, shown)
