"""Questions about numbers: how many, how much, how long, by how much, with what score.

- a counted subject or object: ``250 Menschen wurden verletzt`` -> ``Wie viele Menschen wurden
  verletzt?`` -> ``250``; an amount of money or a share: ``Der Bau hatte rund 95 Millionen Euro
  gekostet`` -> ``Wie viel hatte der Bau gekostet?`` -> ``rund 95 Millionen Euro``; a span of
  time: ``braucht nur achtzehn Minuten`` -> ``Wie lange braucht ...?``;
- a change by or to an amount: ``stiegen um 74 Prozent`` -> ``Um wie viel Prozent stiegen ...?``;
- a score: ``deklassierten Bolivien mit 5:0`` -> ``Mit welchem Ergebnis deklassierten ...?``.
"""

from __future__ import annotations

import re

from quizgen.analysis import Analysis, Phrase, Token
from quizgen.german.word_lists import TIME_UNITS, UNIT_NOUNS
from quizgen.nlp.stts import PREPOSITION_TAGS
from quizgen.questions.candidate import QuestionCandidate, accepted_forms
from quizgen.questions.clause_reading import ClauseReading, verb_for
from quizgen.questions.facts import fact_key
from quizgen.questions.question_syntax import assemble
from quizgen.questions.shortening import short_middle
from quizgen.questions.wording import span_words

#: words of a number written in words or scaled (zehn Millionen)
SCALE_WORDS = frozenset({"Millionen", "Milliarden", "Million", "Milliarde", "Tausend", "Hundert", "Mio.", "Mrd."})
#: words before a number that belong to the amount (rund 95 Millionen Euro)
APPROXIMATORS = frozenset({"rund", "etwa", "knapp", "fast", "nur", "mehr", "weniger", "über", "unter", "gut", "ca.", "circa", "beinahe", "insgesamt", "mindestens", "höchstens", "zirka", "als", "bis", "zu"})
#: amounts asked with "Wie viel" and no noun (money, shares, measures)
AMOUNT_NOUNS = UNIT_NOUNS | frozenset({"US-Dollar", "Pfund", "Franken", "Kronen", "Yen", "Tonnen", "Tonne", "Liter", "Grad", "Kilogramm", "Prozentpunkte"})
#: verbs whose accusative or subject amount is asked with "Wie lange" when it is a span of time
DURATION_VERBS = frozenset({"dauern", "brauchen", "benötigen", "währen"})
#: prepositions of a change (um 3 Prozent) or a level (auf 5 Millionen) worth asking
CHANGE_PREPOSITIONS = frozenset({"um", "auf"})
SCORE = re.compile(r"^\d{1,2}:\d{1,2}$")
ROLE_WEIGHT = 0.9


def _time_unit(word: str) -> bool:
    return any(word.startswith(unit) for unit in TIME_UNITS)


def _amount(toks: tuple[Token, ...], start: int, end: int) -> tuple[int, list[str], list[Token]] | None:
    """Where the number starts, its words (95 Millionen) and the words after it (Euro), or None."""
    k = start
    while k < end and toks[k].text.lower() in APPROXIMATORS and toks[k].tag in ("ADV", "ADJD", "PIAT", "PIS", "APPR", "KOKOM", "PTKA", "PTKZU"):
        k += 1
    if k >= end or toks[k].tag != "CARD" or SCORE.match(toks[k].text) or (len(toks[k].text) == 4 and toks[k].text.isdigit() and k + 1 == end):
        return None
    number = [toks[k].text]
    rest = list(toks[k + 1 : end])
    while rest and rest[0].text in SCALE_WORDS:
        number.append(rest.pop(0).text)
    if not rest or rest[0].tag not in ("NN", "ADJA") or len(rest) > 3:
        return None
    if any(t.tag.startswith("$") or t.tag == "KON" or t.tag in PREPOSITION_TAGS for t in rest):
        return None
    return k, number, rest


def count_question(analysis: Analysis, reading: ClauseReading, phrase: Phrase, *, subject: bool) -> list[QuestionCandidate]:
    """A question about the counted subject or object ``phrase`` (empty when it is no amount)."""
    toks = analysis.tokens
    found = _amount(toks, phrase.start, phrase.end)
    if found is None or phrase.end - phrase.start < 2:
        return []
    number_at, number, rest = found
    noun = rest[-1].text if rest[-1].tag == "NN" else ""
    lemma = reading.clause.verb_lemma
    if _time_unit(noun) and lemma in DURATION_VERBS:
        vorfeld, wh = "Wie lange", "Wie lange"
    elif noun in AMOUNT_NOUNS and not subject:
        vorfeld, wh = "Wie viel", "Wie viel"
    elif noun in AMOUNT_NOUNS:
        vorfeld, wh = " ".join(["Wie viel", *(t.text for t in rest)]), "Wie viel"
    elif number_at != phrase.start:
        return []  # "rund 250 Menschen" counted: the approximator would be lost in "Wie viele"
    else:
        vorfeld, wh = " ".join(["Wie viele", *(t.text for t in rest)]), "Wie viele"
    verb = verb_for(reading, wh_subject=False)  # the text's verb already agrees with its count
    middle = short_middle(analysis, reading, phrase)
    if verb is None or middle is None:
        return []
    question = assemble(vorfeld, verb.finite, middle, [*reading.nonfinite, *verb.tail])
    answer = span_words(analysis, phrase.start, phrase.end)
    short = " ".join(number) if wh == "Wie viele" else answer
    return [_candidate(analysis, reading, phrase, question, answer, short, wh, vorfeld, "subject" if subject else "acc_object")]


def quantity_pp_question(analysis: Analysis, reading: ClauseReading, phrase: Phrase) -> list[QuestionCandidate]:
    """``um 74 Prozent`` -> ``Um wie viel Prozent ...?``; ``mit 5:0`` -> ``Mit welchem Ergebnis ...?``."""
    toks = analysis.tokens
    prep = (phrase.preposition or "").lower()
    inside = toks[phrase.start + 1 : phrase.end]
    if prep == "mit" and len(inside) == 1 and SCORE.match(inside[0].text):
        vorfeld, wh = "Mit welchem Ergebnis", "Mit welchem Ergebnis"
        short = inside[0].text
    elif prep in CHANGE_PREPOSITIONS:
        found = _amount(toks, phrase.start + 1, phrase.end)
        if found is None:
            return []
        _, number, rest = found
        noun = rest[-1].text if rest[-1].tag == "NN" else ""
        if noun not in AMOUNT_NOUNS or noun == "Uhr":
            return []  # um zehn Uhr: a time, not an amount
        vorfeld = f"{prep.capitalize()} wie viel {' '.join(t.text for t in rest)}"
        wh = f"{prep.capitalize()} wie viel"
        short = " ".join(number)
    else:
        return []
    verb = verb_for(reading, wh_subject=False)
    middle = short_middle(analysis, reading, phrase)
    if verb is None or middle is None:
        return []
    question = assemble(vorfeld, verb.finite, middle, [*reading.nonfinite, *verb.tail])
    answer = span_words(analysis, phrase.start, phrase.end)
    return [_candidate(analysis, reading, phrase, question, answer, short, wh, vorfeld, "pp")]


def _candidate(
    analysis: Analysis, reading: ClauseReading, phrase: Phrase, question: str, answer: str, short: str, wh: str, vorfeld: str, role: str
) -> QuestionCandidate:
    clause = reading.clause
    return QuestionCandidate(
        kind="wh",
        question=question,
        answer=answer,
        answer_short=short,
        sentence=clause.sentence,
        confidence=clause.confidence * phrase.confidence * ROLE_WEIGHT,
        fact=fact_key(clause.index, clause.sentence),
        wh_word=wh,
        answer_type="NUM",
        accepted=accepted_forms(short, answer),
        span=(phrase.start, phrase.end),
        notes=(f"{role} amount of {clause.verb_lemma}",),
        role=role,
        verb_lemma=clause.verb_lemma,
        wh_phrase=vorfeld,
        clause=clause.index,
    )
