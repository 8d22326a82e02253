"""``Was kündigte Putin an?`` -> ``dass Staatschef Xi Jinping Russland besuchen werde``.

A main clause with a verb of saying and what was said: a following dass-clause, or a reported
main clause in Konjunktiv before it (``Die Radwege seien nötig, sagte sie``). Both must be free
of anything that needs the text around them; the answer is the reported clause as written.
A speaker quoted more than once is not asked about (``Was sagte Putin?`` would have several
answers).
"""

from __future__ import annotations

from quizgen.analysis import Analysis, Clause
from quizgen.german.word_lists import DOUBLE_QUOTES
from quizgen.questions.candidate import QuestionCandidate, accepted_forms
from quizgen.questions.clause_reading import middle_words, read_clause, verb_for
from quizgen.questions.question_syntax import SPEECH_VERBS, assemble
from quizgen.questions.wording import DEICTIC

SAYING = SPEECH_VERBS - {"hoffen", "glauben", "befürchten", "meinen", "sprechen", "zufolge", "verlauten", "fordern", "kritisieren"}
MAX_ANSWER_WORDS = 14


def generate(analysis: Analysis) -> list[QuestionCandidate]:
    """One question per speech clause followed by a clean dass-clause."""
    out: list[QuestionCandidate] = []
    for clause in analysis.clauses:
        if clause.kind != "main" or clause.verb_lemma.removeprefix("sich ") not in SAYING or clause.acc_objects:
            continue
        said = _following_dass_clause(analysis, clause) or _preceding_reported_clause(analysis, clause)
        if said is None or not _speaks_once(analysis, clause):
            continue
        cand = _question(analysis, clause, said)
        if cand is not None:
            out.append(cand)
    return out


def _following_dass_clause(analysis: Analysis, clause: Clause) -> Clause | None:
    later = sorted((c for c in analysis.clauses_in(clause.sentence) if c.start >= clause.start and c is not clause), key=lambda c: c.start)
    if not later or (later[0].subordinator or "").lower() != "dass" or later[0].kind != "sub":
        return None
    if len(later) > 1 and later[1].kind == "sub":
        return None  # the dass-clause goes on in a further clause: its text alone is incomplete
    return later[0]


def _preceding_reported_clause(analysis: Analysis, clause: Clause) -> Clause | None:
    """``Die Radwege seien dringend nötig, sagte sie.``: the one Konjunktiv clause before."""
    before = [c for c in analysis.clauses_in(clause.sentence) if c.end <= clause.start and c is not clause]
    if len(before) != 1 or before[0].kind != "main" or before[0].mood != "Sub":
        return None
    return before[0]


def _speaks_once(analysis: Analysis, clause: Clause) -> bool:
    subject = clause.subject
    if subject is None:
        return False
    head = analysis.tokens[subject.end - 1].text
    speeches = [
        c
        for c in analysis.clauses
        if c.verb_lemma.removeprefix("sich ") in SPEECH_VERBS and c.subject is not None
        and analysis.tokens[c.subject.end - 1].text == head
    ]
    return len(speeches) == 1 and analysis.tokens[subject.end - 1].tag in ("NE", "NN")


def _question(analysis: Analysis, clause: Clause, said: Clause) -> QuestionCandidate | None:
    reading = read_clause(analysis, clause, speech_frame=True)
    said_reading = read_clause(analysis, said)
    if reading is None or said_reading is None or clause.subject is None:
        return None
    # the reported clause must read without its context too (no "er", "das", "hier" ...)
    if middle_words(analysis, said_reading, None) is None:
        return None
    verb = verb_for(reading, wh_subject=False)
    middle = middle_words(analysis, reading, None)
    if verb is None or middle is None:
        return None
    question = assemble("Was", verb.finite, middle, [*reading.nonfinite, *verb.tail])
    if said.finite_verb is None or not said.start <= said.finite_verb < said.end:
        return None
    toks = analysis.tokens
    if any(toks[i].text.lower() in DEICTIC or toks[i].tag in ("PPER", "PDS", "PROAV") for i in range(said.start, said.end)):
        return None  # "unserer Kosten", "er", "das": the answer would need its context
    answer = " ".join(analysis.span_text(said.start, said.end).rstrip(" .,;").split())
    if len(answer.split()) > MAX_ANSWER_WORDS or len(answer.split()) < 3:
        return None
    if any(ch in DOUBLE_QUOTES or ch in "()" for ch in answer):
        return None
    return QuestionCandidate(
        kind="wh",
        question=question,
        answer=answer,
        answer_short=answer,
        sentence=clause.sentence,
        confidence=clause.confidence * said.confidence * 0.8,
        fact=f"said:{said.sentence}:{said.start}",
        wh_word="Was",
        answer_type="CLAUSE",
        accepted=accepted_forms(answer, answer[5:] if answer.lower().startswith("dass ") else answer),
        span=(said.start, said.end),
        notes=(f"reported speech of {clause.verb_lemma}",),
    )
