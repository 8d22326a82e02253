"""Shorter questions: a long question leaves out the adjuncts it can do without (the time,
the reason, the circumstance) when its verb names one event only in the text, so that the
event stays identified (``Wer hat wegen seiner Provokation nach dem Spiel gegen Kolumbien
Neymar gesperrt?`` -> ``Wer hat Neymar für vier Spiele gesperrt?``).
"""

from __future__ import annotations

from quizgen.analysis import Analysis, Phrase
from quizgen.german.verb_lexicon import required_prepositions
from quizgen.german.word_lists import CALENDAR_NOUNS, TIME_POINT_NOUNS
from quizgen.questions.answers import LEFT_MODIFIERS
from quizgen.questions.clause_reading import ClauseReading, middle_words
from quizgen.questions.question_syntax import indicative_table

#: prepositions of a reason or concession a long question can do without
CAUSAL_PREPOSITIONS = frozenset({"wegen", "trotz", "aufgrund", "angesichts", "infolge"})
#: prepositions of a time phrase (dropped only when a time word is in it: am Montag, seit 2009)
TIME_PREPOSITIONS = frozenset({"während", "seit", "bei", "beim", "nach", "vor", "am", "im", "um", "ab", "bis", "innerhalb", "in", "an", "zum", "zur"})
DROPPABLE_PREPOSITIONS = CAUSAL_PREPOSITIONS | TIME_PREPOSITIONS
TIME_WORDS = CALENDAR_NOUNS | TIME_POINT_NOUNS | {"Zeit", "Jahrestag", "Saison", "Jahrzehnt"}


def is_circumstance(analysis: Analysis, phrase: Phrase) -> bool:
    """A reason (wegen ...) or a time (am Montag, seit 2009, im vergangenen Jahr): a question or
    statement can leave it out; ``im Präsidentschaftswahlkampf`` says what it is about, and stays."""
    toks = analysis.tokens
    first = toks[phrase.start].text.lower()
    prep = (phrase.preposition or "").lower()
    if first in CAUSAL_PREPOSITIONS or prep in CAUSAL_PREPOSITIONS:
        return True
    if first not in TIME_PREPOSITIONS and prep not in TIME_PREPOSITIONS:
        return False
    inside = toks[phrase.start + 1 : phrase.end]
    return any(t.lemma in TIME_WORDS or t.text in TIME_WORDS or (t.tag == "CARD" and len(t.text) == 4 and t.text.isdigit()) for t in inside)
#: a question longer than this drops droppable adjuncts, the longest first
SHORT_QUESTION_WORDS = 9


def short_middle(analysis: Analysis, reading: ClauseReading, asked: Phrase | None) -> list[str] | None:
    """The Mittelfeld with the reported clause's source, without the adjuncts a long question
    can do without, when the verb is unique in the text (so the event stays identified)."""
    source = reading.source or ()
    middle = middle_words(analysis, reading, asked, source=source)
    if middle is None or len(middle) <= SHORT_QUESTION_WORDS - 2 or not _verb_unique(analysis, reading):
        return middle
    droppable = sorted(
        (p for p in reading.clause.pps if p is not asked and _droppable(analysis, reading, p)),
        key=lambda p: -(p.end - p.start),
    )
    drop: set[int] = set()
    best = middle
    for phrase in droppable:
        drop |= set(range(phrase.start, phrase.end))
        before = phrase.start - 1
        if before >= 0 and analysis.tokens[before].text.lower() in LEFT_MODIFIERS:
            drop.add(before)  # kurz | vor dem Jahrestag: the degree word goes with its phrase
        shorter = middle_words(analysis, reading, asked, source=source, drop=frozenset(drop))
        if shorter is None or not has_content(shorter, reading):
            break
        best = shorter
        if len(best) <= SHORT_QUESTION_WORDS - 2:
            break
    return best


def _droppable(analysis: Analysis, reading: ClauseReading, phrase: Phrase) -> bool:
    first = analysis.tokens[phrase.start].text.lower()
    if phrase.preposition is None or first in ("laut", "zufolge"):
        return False
    if phrase.preposition.lower() in required_prepositions(reading.clause.verb_lemma):
        return False
    return is_circumstance(analysis, phrase)


def _verb_unique(analysis: Analysis, reading: ClauseReading) -> bool:
    lemma = reading.clause.verb_lemma
    return sum(1 for c in analysis.clauses if c.verb_lemma == lemma) == 1


def verb_table(reading: ClauseReading) -> str:
    return indicative_table(reading.slot[0], reading.verb_lemma, reported=reading.reported)


def has_content(middle: list[str], reading: ClauseReading) -> bool:
    """A question needs a content word besides the verb to say which event it asks about."""
    return any(w[:1].isupper() or w[:1].isdigit() for w in middle) or len([w for w in middle if w != "sich"]) >= 2
