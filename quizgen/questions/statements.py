"""A clause of the text as a Richtig/Falsch statement: its word order (``Layout``), its words,
optionally with tokens replaced or its verb swapped for the opposite (``make_statement``). What
makes a statement false is ``questions.false_statements``; which clauses and which statements a
pack offers, ``questions.truefalse``.
"""

from __future__ import annotations

from dataclasses import dataclass

from quizgen.analysis import Analysis, Phrase
from quizgen.german.verb_lexicon import base_lemma
from quizgen.questions.clause_reading import ClauseReading, middle_words, phrase_words, verb_for
from quizgen.questions.question_syntax import conjugation, indicative_table, inflect, statement

MIN_WORDS, MAX_WORDS = 4, 16


@dataclass(frozen=True)
class Layout:
    """How a statement orders the clause: subject first, or one phrase in front of the verb."""

    front: Phrase | None = None  # None: the subject first
    drop: frozenset[int] = frozenset()  # tokens of asides left out


def make_statement(
    analysis: Analysis,
    reading: ClauseReading,
    layout: Layout,
    substitute: dict[int, str],
    *,
    verb: str | None = None,
    negate: bool = False,
) -> tuple[str, str] | None:
    """The clause as a statement in ``layout`` and its Vorfeld, ``substitute`` replacing tokens,
    ``verb`` the lemma of an opposite verb; None when it needs its context or is too short or long."""
    clause = reading.clause
    subject = clause.subject
    if subject is None:
        return None
    form = verb_for(reading, wh_subject=False)
    if form is None:
        return None
    finite, tail, nonfinite = form.finite, list(form.tail), list(reading.nonfinite)
    if verb is not None:
        swapped = _swap_verb(reading, verb)
        if swapped is None:
            return None
        finite, tail, nonfinite = swapped
    source = list(reading.source or ())
    if source:
        front_words = source
        asked: Phrase | None = None
    elif layout.front is not None:
        words = phrase_words(analysis, layout.front, substitute=substitute)
        if words is None:
            return None
        front_words, asked = words, layout.front
    else:
        words = phrase_words(analysis, subject, substitute=substitute)
        if words is None:
            return None
        front_words, asked = words, subject
    middle = middle_words(analysis, reading, asked, substitute=substitute, drop=layout.drop)
    if middle is None:
        return None
    if negate:
        if not nonfinite or tail or any(w.lower().startswith(("ein", "kein")) for w in middle):
            return None  # nicht goes before the participle; "ein" would want "kein"
        if any(w.lower().startswith(("kein", "nie", "nichts")) for w in front_words if w):
            return None  # "Kein Land hat ... nicht abgelehnt": a double negation
        nonfinite = ["nicht", *nonfinite]
    parts = [*front_words, finite, *middle, *nonfinite, *tail]
    parts = [w for w in parts if w]
    if not MIN_WORDS <= len(parts) <= MAX_WORDS or not _is_noun_phrase(analysis, subject):
        return None
    if _name_follows(analysis, subject):
        return None  # "der Tiergarten | Schönbrunn", "Build | 10572": the subject is cut
    if analysis.tokens[subject.start].tag in ("ADV", "ADJD", "KON", "PTKNEG"):
        return None  # "Jedenfalls 35 neue Posten": an adverb read into the subject
    return statement(parts), " ".join(w for w in front_words if w)


def _is_noun_phrase(analysis: Analysis, phrase: Phrase) -> bool:
    """A subject a statement can stand on: a noun, a name or a resolved pronoun at its head
    (not ``Mehr`` or ``Einer`` that a misread clause gives)."""
    head = analysis.tokens[phrase.head] if phrase.start <= phrase.head < phrase.end else None
    return head is not None and head.tag in ("NN", "NE", "PPER", "NNE")


def _name_follows(analysis: Analysis, phrase: Phrase) -> bool:
    """The phrase is cut before the name or number that goes with it (der Tiergarten | Schönbrunn, Build | 10572)."""
    toks = analysis.tokens
    if phrase.end >= len(toks) or toks[phrase.end].sentence != toks[phrase.start].sentence:
        return False
    nxt = toks[phrase.end]
    return (nxt.tag == "NE" and toks[phrase.end - 1].tag == "NN") or (nxt.tag == "CARD" and toks[phrase.end - 1].tag in ("NN", "NE"))


def _swap_verb(reading: ClauseReading, opposite: str) -> tuple[str, list[str], list[str]] | None:
    """Finite verb, particle and non-finite verbs with the main verb replaced by ``opposite``."""
    table = indicative_table(reading.slot[0], reading.verb_lemma, reported=reading.reported)
    lemma = base_lemma(reading.clause.verb_lemma)
    if reading.verb_lemma == lemma:  # the main verb is the finite one
        form = inflect(opposite, table, 5 if reading.slot[1] in (3, 5) else 2)
        return (form.finite, list(form.tail), list(reading.nonfinite)) if form else None
    old, new = conjugation(lemma), conjugation(opposite)
    if old is None or new is None or old.auxiliary != new.auxiliary:
        return None
    nonfinite = list(reading.nonfinite)
    for k, word in enumerate(nonfinite):
        if word == old.past_participle:
            nonfinite[k] = new.past_participle
            break
        if word == lemma:
            nonfinite[k] = opposite
            break
    else:
        return None
    form = verb_for(reading, wh_subject=False)
    return (form.finite, list(form.tail), nonfinite) if form else None


Made = tuple[tuple[str, str], str]  # ((statement, Vorfeld), what was changed)
