"""Richtig/Falsch statements that test understanding, not matching.

A true statement restates a clause of the text in other words where it can: subject first when
the text put something else first (or a phrase fronted when the text began with the subject),
asides and circumstances of a long clause left out, a pronoun replaced by its name, Konjunktiv
of reported speech in the indicative behind its source (``Laut Wang richtet sich ...``). A
false statement changes one fact a reader can check in the text: another person, place or
organisation of the same type from the text, another number, subject and object swapped, the
opposite verb (steigen/sinken), or the text's ``nicht`` removed. Every variant of one clause
is a candidate of the same fact; the selection keeps one per fact and balances true and false.

This module chooses the clauses and the word orders; ``questions.statements`` builds a
statement's words, ``questions.false_statements`` makes the false ones.
"""

from __future__ import annotations

import re

from quizgen.analysis import Analysis, Clause
from quizgen.german.verb_lexicon import SPEECH_VERBS, base_lemma
from quizgen.german.word_lists import QUOTE_MARKS
from quizgen.kinds import TRUE_FALSE_ANSWERS, AnswerMode, ExerciseKind, Section
from quizgen.questions.candidate import QuestionCandidate
from quizgen.questions.clause_reading import ClauseReading, needs_complement, read_clause, too_thin
from quizgen.questions.facts import fact_key
from quizgen.questions.shortening import is_circumstance
from quizgen.questions.wh_questions import CORE_ROLE_CONFIDENCE
from quizgen.questions.false_statements import false_statements
from quizgen.questions.statements import Layout, make_statement

TRUE, FALSE = TRUE_FALSE_ANSWERS
OPTIONS = (TRUE, FALSE)

KIND = ExerciseKind(
    section=Section.QUESTION,
    name="truefalse",
    label="Questions: true or false",
    instruction="True or false?",
    answer_mode=AnswerMode.TRUE_FALSE,
    has_options=True,
    fixed_options=OPTIONS,
    worksheet="truefalse",
    default_count=3,
)
RELATIVE_OR_ADVERBIAL = frozenset(
    """der die das dem den dessen deren denen welcher welche welches weil da nachdem als wenn
    während obwohl bevor seit seitdem sobald""".split()
)
_WORD = re.compile(r"[\wÄÖÜäöüß-]+")


def generate(analysis: Analysis, *, seed: int = 0) -> list[QuestionCandidate]:
    """A true statement and every false one the text supports, for each suitable main clause."""
    out: list[QuestionCandidate] = []
    for clause in analysis.clauses:
        reading = _readable(analysis, clause)
        if reading is None:
            continue
        fact = fact_key(clause.index, clause.sentence)
        sentence = analysis.sentences[clause.sentence].text
        layouts = _layouts(analysis, reading)
        true = None
        for layout in layouts:
            made = make_statement(analysis, reading, layout, {})
            if made is not None:
                true = (made, layout)
                break
        if true is None:
            continue
        (text, front), layout = true
        copied = is_copied(text, sentence)
        base = clause.confidence * 0.9
        how = "true" + (" copied" if copied else " restated")
        out.append(_candidate(text, front, TRUE, clause, base * (0.85 if copied else 1.0), fact, how))
        negated = _negated_opposite(analysis, reading, layout)
        if negated is not None:
            # "hat ... verboten" -> "hat ... nicht erlaubt": true, and the learner must understand
            # the verb to see it; preferred to the copied true statement of the same fact
            out.append(_candidate(negated[0], negated[1], TRUE, clause, base * 1.01, fact, "true restated: nicht + opposite verb"))
        for (false_text, false_front), change in false_statements(analysis, reading, layout):
            # a false statement ranks a little above the true one of its fact: the picker keeps
            # the keys balanced, and a pack's first statement is then more often false
            out.append(_candidate(false_text, false_front, FALSE, clause, base * 1.02, fact, f"false: {change}"))
    return out


def _readable(analysis: Analysis, clause: Clause) -> ClauseReading | None:
    if clause.kind != "main" or not _stands_alone(analysis, clause):
        return None
    sent = analysis.sentences[clause.sentence]
    if any(analysis.tokens[i].text in QUOTE_MARKS for i in range(sent.start, sent.end)):
        return None
    reading = read_clause(analysis, clause)
    if reading is None or reading.source is None:
        return None
    if clause.subject is None or clause.subject.confidence < CORE_ROLE_CONFIDENCE:
        return None  # a statement leads with its subject: it must be the right one
    return reading


def _stands_alone(analysis: Analysis, clause: Clause) -> bool:
    """A main clause that makes a complete statement without the other clauses of its sentence:
    none of them is its object (dass, ob, zu) and none is a speech frame (sagte er)."""
    others = [c for c in analysis.clauses_in(clause.sentence) if c is not clause]
    if not others:
        return True
    if needs_complement(analysis, clause) or too_thin(analysis, clause):
        return False
    for other in others:
        if other.kind == "main" and base_lemma(other.verb_lemma) in SPEECH_VERBS and other.start > clause.start:
            continue  # "..., sagte sie": the frame of a reported clause, which keeps its source
        if other.kind == "main" and base_lemma(other.verb_lemma) in SPEECH_VERBS:
            return False
        if other.kind == "sub" and (other.subordinator or "").lower() not in RELATIVE_OR_ADVERBIAL:
            return False
    return True


def _layouts(analysis: Analysis, reading: ClauseReading) -> list[Layout]:
    """Word orders to try, the ones that restate the text first: subject first when the text
    fronted something else (not when the subject carries a PP: ``PSG gegen Chelsea`` in front
    of the verb would change what it says), then without asides, then as the text has it."""
    clause = reading.clause
    subject = clause.subject
    assert subject is not None
    toks = analysis.tokens
    subject_first = subject.start < (clause.finite_verb or 0)
    inner_pp = any(toks[i].tag in ("APPR", "APPRART", "$,", "KON") for i in range(subject.start + 1, subject.end))
    asides = _asides(analysis, reading)
    layouts = []
    if (not subject_first and not inner_pp) or reading.source:
        layouts.append(Layout())
    if asides and (subject_first or not inner_pp):
        layouts.append(Layout(drop=asides))
    if subject_first:
        layouts.append(Layout())
    return layouts


def _asides(analysis: Analysis, reading: ClauseReading) -> frozenset[int]:
    """Circumstances a statement can leave out without changing its truth: time and reason PPs."""
    out: set[int] = set()
    toks = analysis.tokens
    for p in reading.clause.pps:
        glued = p.end < len(toks) and toks[p.end].tag in ("NE", "NN", "ADJA", "CARD") and toks[p.end].sentence == toks[p.start].sentence
        if is_circumstance(analysis, p) and not glued and toks[p.start].text.lower() not in ("nach", "vor", "bis", "ab", "um"):
            out |= set(range(p.start, p.end))
    return frozenset(out)


def _candidate(text: str, front: str, answer: str, clause: Clause, confidence: float, fact: str, how: str) -> QuestionCandidate:
    return QuestionCandidate(
        kind=KIND.name,
        question=text,
        answer=answer,
        answer_short=answer,
        sentence=clause.sentence,
        confidence=confidence,
        fact=fact,
        accepted=(answer,),
        options=OPTIONS,
        correct=OPTIONS.index(answer),
        answer_type="BOOL",
        notes=(how,),
        role="statement",
        verb_lemma=clause.verb_lemma,
        wh_phrase=front,
        clause=clause.index,
    )


def is_copied(text: str, sentence: str) -> bool:
    """The statement's words are a contiguous run of the sentence's words (it tests only matching)."""
    s = [w.lower() for w in _WORD.findall(text)]
    t = [w.lower() for w in _WORD.findall(sentence)]
    return bool(s) and any(t[i : i + len(s)] == s for i in range(len(t) - len(s) + 1))


#: opposite verbs where "nicht" + the one says what the other says (verboten = nicht erlaubt,
#: abgelehnt = nicht angenommen); most pairs of OPPOSITES are only contraries (gestoppt is
#: not "nicht gestartet", bestätigt not "nicht dementiert"), fit for false statements only
NEGATABLE_OPPOSITES = {"verbieten": "erlauben", "erlauben": "verbieten", "ablehnen": "annehmen", "annehmen": "ablehnen"}
FOCUS_WORDS = frozenset({"allem", "nur", "auch", "sogar", "noch", "schon", "erst", "bereits", "besonders", "vor"})


def _negated_opposite(analysis: Analysis, reading: ClauseReading, layout: Layout) -> tuple[str, str] | None:
    """The clause with the opposite verb and ``nicht`` before its participle or infinitive
    (hat ... verboten -> hat ... nicht erlaubt), only after an auxiliary, where ``nicht``
    has one place and a modal cannot turn its sense (muss verbieten is not muss nicht erlauben)."""
    lemma = base_lemma(reading.clause.verb_lemma)
    opposite = NEGATABLE_OPPOSITES.get(lemma)
    if opposite is None or reading.clause.negated or reading.verb_lemma not in ("haben", "sein", "werden"):
        return None
    toks = analysis.tokens
    if any(toks[i].text.lower() in FOCUS_WORDS for i in reading.own):
        return None  # "vor allem nicht kritisiert": a focus word and nicht fight over the scope
    return make_statement(analysis, reading, layout, {}, verb=opposite, negate=True)
