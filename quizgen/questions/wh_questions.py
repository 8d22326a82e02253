"""W-questions from the clause analysis: ask for the subject, an object or an adverbial.

Subject -> Wer (person, organisation) / Was; accusative object -> Wen / Was; dative object of
a person -> Wem; a place PP -> Wo / Wohin / Woher; a time PP -> Wann; ``wegen`` -> Warum;
``mit`` + person -> Mit wem; a counted noun -> Wie viele. Reported clauses (``dass Xi Russland
besuchen werde``) are asked in the indicative (``Wer wird Russland besuchen?``).
"""

from __future__ import annotations

import functools

from quizgen.analysis import Analysis, Phrase, Token
from quizgen.german.nouns import forms_of
from quizgen.german.morphology import PREPOSITION_CASES, PRONOMINAL_PREPOSITIONS
from quizgen.german.verb_lexicon import required_prepositions
from quizgen.german.word_lists import CALENDAR_NOUNS, DOUBLE_QUOTES, TIME_POINT_NOUNS, UNIT_NOUNS
from quizgen.kinds import AnswerMode, ExerciseKind, Section
from quizgen.nlp.stts import PREPOSITION_TAGS
from quizgen.questions.answers import answer_core, extend_answer, is_whole, phrase_kind
from quizgen.questions.candidate import QuestionCandidate, accepted_forms
from quizgen.questions.clause_reading import (
    ClauseReading,
    is_agentive,
    needs_complement,
    phrase_words,
    read_clause,
    too_thin,
    verb_for,
)
from quizgen.questions.wording import span_words
from quizgen.questions.mentions import name_forms
from quizgen.questions.pronoun_resolution import resolved_name
from quizgen.questions.facts import fact_key
from quizgen.questions.quantities import count_question, quantity_pp_question
from quizgen.questions.shortening import has_content, short_middle
from quizgen.questions.question_syntax import assemble

KIND = ExerciseKind(
    section=Section.QUESTION,
    name="wh",
    label="Questions: W-questions (typed)",
    instruction="Answer with words from the text.",
    answer_mode=AnswerMode.TYPED,
    worksheet="wh",
    default_count=4,
)
MIN_PHRASE_CONFIDENCE = 0.6
#: subjects and objects are asked only at this confidence: on held-out UD German the roles of the
#: clauses the generators read are right 96% of the time from 0.8 on, 93% from 0.6 on
#: (bench/clause_precision.py); 0.8 is also what a person before a thing in word order gets
CORE_ROLE_CONFIDENCE = 0.8
# Nouns that date a phrase (am Montag, seit Jahren, Ende Mai, am Jahrestag). Not zum ersten Mal
# (it counts) nor im Moment, eine Weile (they say nothing without the day the text was written).
WHEN_NOUNS = CALENDAR_NOUNS | TIME_POINT_NOUNS | {"Zeit", "Saison", "Jahrestag"}
TIME_PREPOSITIONS = frozenset({"an", "am", "im", "in", "vor", "nach", "seit", "bis", "zu", "zum", "zur", "während", "ab", "um", "gegen", "innerhalb"})
MEASURE_NOUNS = UNIT_NOUNS | {"Tonne", "Grad", "Punkt", "Mal"}
MEASURE_ENDINGS = ("sekunde", "sekunden", "minute", "minuten", "stunde", "stunden", "jahr", "jahre", "jahren", "monat", "monate", "woche", "wochen", "tage", "tagen", "prozent", "euro")
PLACE_WO = frozenset({"in", "im", "an", "am", "auf", "bei", "beim"})
ROLE_WEIGHT = {"subject": 1.0, "acc_object": 0.95, "dat_object": 0.8, "pp": 0.85, "quantity": 0.9}


@functools.cache
def _when_forms() -> frozenset[str]:
    return forms_of(WHEN_NOUNS)


@functools.cache
def _measure_forms() -> frozenset[str]:
    return forms_of(MEASURE_NOUNS)


def _dates(toks: tuple[Token, ...], i: int) -> bool:
    """A time noun that dates its phrase, not one inside a name (die Aktuelle Stunde of a parliament)."""
    before = toks[i - 1]
    return toks[i].text in _when_forms() and not (before.tag == "ADJA" and before.text[:1].isupper())


def is_measure(word: str) -> bool:
    """Time spans and units (``Zehntel-Sekunde``, ``Prozent``): amounts, not participants."""
    last = word.split("-")[-1]
    return last in _when_forms() or last in _measure_forms() or last.lower().endswith(MEASURE_ENDINGS)


def generate(analysis: Analysis) -> list[QuestionCandidate]:
    """Every W-question the clause analysis supports (the ranker picks among them)."""
    out: list[QuestionCandidate] = []
    for clause in analysis.clauses:
        reading = read_clause(analysis, clause)
        if reading is None or needs_complement(analysis, clause) or too_thin(analysis, clause):
            continue
        if reading.source is None:
            continue  # a claim whose source we cannot name: asking it would state it as fact
        if clause.subject is not None:
            out.extend(_ask_subject(analysis, reading, clause.subject))
        for phrase in clause.acc_objects:
            out.extend(_ask_object(analysis, reading, phrase, dative=False))
        for phrase in clause.dat_objects:
            out.extend(_ask_object(analysis, reading, phrase, dative=True))
        for phrase in clause.pps:
            out.extend(_ask_pp(analysis, reading, phrase))
    return [c for c in out if _answer_not_in_question(c)]


def _ask_subject(analysis: Analysis, reading: ClauseReading, phrase: Phrase) -> list[QuestionCandidate]:
    if _role_confidence(analysis, reading, phrase, "subject") < CORE_ROLE_CONFIDENCE or not is_whole(analysis, phrase):
        return []
    kind = phrase_kind(analysis, phrase)
    if kind in ("PRON_UNRESOLVED", "EXPLETIVE"):
        return []
    quantity = count_question(analysis, reading, phrase, subject=True)
    if quantity:
        return quantity
    if kind in ("PER", "ORG", "PERSON_NOUN", "GROUP_NOUN") or (kind == "LOC" and is_agentive(reading)):
        wh = "Wer"
    elif kind == "THING":
        wh = "Was"
    else:
        return []
    verb = verb_for(reading, wh_subject=True)
    middle = short_middle(analysis, reading, phrase)
    if verb is None or middle is None or not has_content(middle, reading):
        return []
    if not _answer_ends_well(analysis, phrase):
        return []
    question = assemble(wh, verb.finite, middle, [*reading.nonfinite, *verb.tail])
    return [_candidate(analysis, reading, phrase, question, wh, "subject", kind)]


def _ask_object(analysis: Analysis, reading: ClauseReading, phrase: Phrase, *, dative: bool) -> list[QuestionCandidate]:
    role = "dat_object" if dative else "acc_object"
    if _role_confidence(analysis, reading, phrase, role) < CORE_ROLE_CONFIDENCE or not is_whole(analysis, phrase):
        return []
    kind = phrase_kind(analysis, phrase)
    if kind in ("PRON_UNRESOLVED", "EXPLETIVE", "REFLEXIVE"):
        return []
    if not dative:
        quantity = count_question(analysis, reading, phrase, subject=False)
        if quantity:
            return quantity
    person = kind in ("PER", "PERSON_NOUN")
    head = analysis.tokens[phrase.head] if phrase.start <= phrase.head < phrase.end else None
    if head is not None and is_measure(head.text):
        return []  # "eine Zehntel-Sekunde dauern": a measure, not an object
    if dative:
        if not person or phrase.confidence < 0.8:
            return []
        wh = "Wem"
    elif person:
        wh = "Wen"
    elif kind == "THING":
        wh = "Was"
    else:
        return []  # a place or organisation as object: "Was besuchte er?" reads badly
    return _ask_with(analysis, reading, phrase, wh, "dat_object" if dative else "acc_object", kind)


def _ask_pp(analysis: Analysis, reading: ClauseReading, phrase: Phrase) -> list[QuestionCandidate]:
    if phrase.confidence < MIN_PHRASE_CONFIDENCE or phrase.preposition is None or not is_whole(analysis, phrase):
        return []
    toks = analysis.tokens
    prep = phrase.preposition.lower()
    first = toks[phrase.start].text.lower()
    before = toks[phrase.start - 1] if phrase.start > 0 else None
    after_noun = before is not None and before.sentence == toks[phrase.start].sentence and before.tag in ("NN", "NE")
    amount = quantity_pp_question(analysis, reading, phrase) if not after_noun else []
    if amount:
        return amount
    kind = phrase_kind(analysis, phrase)
    wh: str | None = None
    if any(_dates(toks, i) for i in range(phrase.start + 1, phrase.end)) or (
        any(t.tag == "CARD" and len(t.text) == 4 and t.text.isdigit() for t in toks[phrase.start : phrase.end])
        and first in ("im", "in", "seit", "bis", "ab")
    ):
        if first in TIME_PREPOSITIONS or prep in TIME_PREPOSITIONS:
            wh = {"seit": "Seit wann", "bis": "Bis wann", "ab": "Ab wann"}.get(prep, "Wann")
    elif kind == "LOC":
        if prep == "nach":
            wh = "Wohin"
        elif prep == "aus":
            wh = "Woher"
        elif prep in PLACE_WO and phrase.case in (None, "Dat"):
            wh = "Wo"
    elif prep in ("wegen", "aufgrund"):
        wh = "Warum"
    elif prep == "mit" and kind in ("PER", "PERSON_NOUN"):
        wh = "Mit wem"
    elif prep in required_prepositions(reading.clause.verb_lemma):
        wh = prepositional_wh(prep, person=kind in ("PER", "PERSON_NOUN", "GROUP_NOUN", "ORG"))
    if wh is None or after_noun:
        return []  # "bei einer Reise | nach Brüssel": a PP after a noun usually belongs to the noun
    return _ask_with(analysis, reading, phrase, wh, "pp", kind)


def _ask_with(analysis: Analysis, reading: ClauseReading, phrase: Phrase, wh: str, role: str, kind: str) -> list[QuestionCandidate]:
    verb = verb_for(reading, wh_subject=False)
    extended = extend_answer(analysis, reading, phrase)
    middle = short_middle(analysis, reading, extended)
    if verb is None or middle is None or not has_content(middle, reading) or not _answer_ends_well(analysis, extended):
        return []
    question = assemble(wh, verb.finite, middle, [*reading.nonfinite, *verb.tail])
    return [_candidate(analysis, reading, extended, question, wh, role, kind)]


PERSONLIKE = frozenset({"PER", "PERSON_NOUN", "GROUP_NOUN", "ORG"})


def _role_confidence(analysis: Analysis, reading: ClauseReading, phrase: Phrase, role: str) -> float:
    """The analysis' confidence in a role, raised when word order and animacy agree: a person
    before a thing (``dass Xi Russland besuchen werde``) is the subject in news German."""
    clause = reading.clause
    conf = phrase.confidence
    subject = clause.subject
    objects = clause.acc_objects
    if subject is None or len(objects) != 1 or role not in ("subject", "acc_object"):
        return conf
    obj = objects[0]
    if subject.start < obj.start and phrase_kind(analysis, subject) in PERSONLIKE and phrase_kind(analysis, obj) in ("THING", "LOC"):
        return max(conf, 0.8)
    return conf


BAD_LAST_TAGS = PREPOSITION_TAGS | frozenset({"ART", "PIAT", "PIDAT", "ADJA", "KON", "PPOSAT", "PDAT", "PIS", "ADV", "KOKOM"})


def _answer_ends_well(analysis: Analysis, phrase: Phrase) -> bool:
    """An answer ends in its noun, name, number or bracket, never in ``aller`` or ``die``."""
    last = analysis.tokens[phrase.end - 1]
    return phrase.end - phrase.start == 1 or last.tag not in BAD_LAST_TAGS


def _candidate(
    analysis: Analysis, reading: ClauseReading, phrase: Phrase, question: str, wh: str, role: str, kind: str
) -> QuestionCandidate:
    toks = analysis.tokens
    if phrase.end - phrase.start == 1 and toks[phrase.start].tag == "PPER":
        name = resolved_name(analysis, phrase.start) or phrase.text
        answer, short = name, name
        answer_type = "PER"
    else:
        answer = " ".join(span_words(analysis, phrase.start, phrase.end).split())
        short = " ".join(answer_core(analysis, phrase).split())
        if short and answer.lower().startswith(short.lower()):
            short = answer[: len(short)]
        answer_type = kind if kind in ("PER", "LOC", "ORG", "OTH") else ("TIME" if wh.endswith("wann") or wh == "Wann" else "THING")
        if kind == "PERSON_NOUN":
            answer_type = "PERSON"
        elif kind == "GROUP_NOUN":
            answer_type = "GROUP"
        elif wh == "Warum":
            answer_type = "REASON"
        elif answer_type == "THING" and role in ("subject", "acc_object") and wh == "Was":
            answer_type = f"THING:{role}"  # choice.py takes other things in the same role as options
    forms = name_forms(analysis, short, label="PER") if answer_type == "PER" else (short,)
    confidence = reading.clause.confidence * _role_confidence(analysis, reading, phrase, role) * ROLE_WEIGHT[role]
    if reading.clause.subject is not None and reading.clause.subject is not phrase:
        if phrase_words(analysis, reading.clause.subject) is None:
            confidence *= 0.5
    return QuestionCandidate(
        kind=KIND.name,
        question=question,
        answer=answer,
        answer_short=short,
        sentence=reading.clause.sentence,
        confidence=confidence,
        fact=fact_key(reading.clause.index, reading.clause.sentence),
        wh_word=wh,
        answer_type=answer_type,
        accepted=accepted_forms(*forms, answer),
        span=(phrase.start, phrase.end),
        notes=(f"{role} of {reading.clause.verb_lemma}",),
        role=role,
        verb_lemma=reading.clause.verb_lemma,
        wh_phrase=wh,
        clause=reading.clause.index,
    )


def _answer_not_in_question(cand: QuestionCandidate) -> bool:
    q = f" {cand.question.lower().rstrip('?')} "
    short = cand.answer_short.lower()
    if not short or f" {short} " in q or short in q.split():
        return False
    if any(bad in cand.answer for bad in ("–", "—", *DOUBLE_QUOTES)) or cand.answer.rstrip()[-1:] in ",;:":
        return False
    return not any(w in q for w in (" bzw", " usw", " etc", " u.a", " z.b"))


def prepositional_wh(preposition: str, *, person: bool) -> str | None:
    """The W-word for a prepositional object: wofür, worauf (things), für wen, mit wem (people)."""
    if preposition not in PREPOSITION_CASES or preposition in ("als", "laut", "zufolge"):
        return None
    if person:
        cases = PREPOSITION_CASES[preposition]
        return f"{preposition.capitalize()} {'wem' if cases == {'Dat'} else 'wen'}"
    if preposition not in PRONOMINAL_PREPOSITIONS:
        return None
    return "Wo" + ("r" if preposition[0] in "aeiouäöü" else "") + preposition
