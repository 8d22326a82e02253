"""``Was kündigte Putin an?`` -> ``dass Staatschef Xi Jinping Russland besuchen werde``.

A main clause with a verb of saying and what was said: a following dass-clause, or a reported
main clause in Konjunktiv before it (``Die Radwege seien nötig, sagte sie``). Both must be free
of anything that needs the text around them; the answer is the reported clause as written.
A speaker quoted more than once is not asked about (``Was sagte Putin?`` would have several
answers).
"""

from __future__ import annotations

from quizgen.analysis import Analysis, Clause
from quizgen.german.declension import Word, decline
from quizgen.german.morphology import PREPOSITION_CASES
from quizgen.questions.mentions import mentions
from quizgen.german.word_lists import DOUBLE_QUOTES
from quizgen.questions.candidate import QuestionCandidate, accepted_forms
from quizgen.questions.clause_reading import middle_words, read_clause, verb_for
from quizgen.german.verb_lexicon import SPEECH_VERBS
from quizgen.questions.facts import fact_key
from quizgen.questions.question_syntax import assemble
from quizgen.questions.wording import DEICTIC

#: verbs whose dass-clause is what the question asks (Was fordert X? Was befürchten die USA?)
SAYING = SPEECH_VERBS - {"glauben", "meinen", "sprechen", "zufolge", "verlauten"}
MAX_ANSWER_WORDS = 14


def generate(analysis: Analysis) -> list[QuestionCandidate]:
    """One question per speech clause followed by a clean dass-clause."""
    out: list[QuestionCandidate] = []
    for clause in analysis.clauses:
        if clause.verb_lemma.removeprefix("sich ") not in SAYING or clause.acc_objects:
            continue
        antecedent: list[str] | None = None
        if clause.kind != "main":
            antecedent = relative_antecedent(analysis, clause)
            if antecedent is None:
                continue
        said = _following_dass_clause(analysis, clause) or (None if antecedent else _preceding_reported_clause(analysis, clause))
        if said is None or (antecedent is None and not _speaks_once(analysis, clause)):
            continue
        cand = _question(analysis, clause, said, antecedent)
        if cand is not None:
            out.append(cand)
    return out


def relative_antecedent(analysis: Analysis, clause: Clause) -> list[str] | None:
    """``die USA, die befürchten, ...``: the name or noun a relative clause's subject pronoun
    stands for, in the nominative; None when the clause is no such relative clause."""
    toks = analysis.tokens
    subject = clause.subject
    if subject is None or subject.end - subject.start != 1 or subject.start != clause.start:
        return None
    if toks[subject.start].text.lower() not in ("der", "die", "das") or clause.start < 2 or toks[clause.start - 1].text != ",":
        return None
    end = clause.start - 1
    verbs = 0
    while verbs < 2 and end > 0 and toks[end - 1].tag in ("VVPP", "VVINF", "VAINF", "VAFIN", "VVFIN", "VMFIN"):
        end -= 1  # "gegen die USA interpretiert, die ...": the clause's verbs stand between
        verbs += 1
    if verbs and not any(m.end == end and m.label in ("ORG", "LOC", "PER") for m in mentions(analysis)):
        return None  # across the verbs only a name is a safe antecedent
    start = end
    while start > 0 and toks[start - 1].tag in ("NE", "NN", "ADJA") and end - start < 4:
        start -= 1
    if start > 0 and toks[start - 1].tag == "ART":
        start -= 1
    if start == end or toks[end - 1].tag not in ("NE", "NN"):
        return None
    words = [Word(t.text, t.tag, t.lemma) for t in toks[start:end]]
    before = toks[start - 1] if start > 0 else None
    governed = before.text.lower() if before is not None and before.tag in ("APPR", "APPRART") else None
    from_case = _case_after(governed) if governed else None
    named = any(m.start <= start + 1 and m.end >= end for m in mentions(analysis) if m.start < end)
    if (named or all(w.tag == "NE" for w in words[1:])) and words[0].tag == "ART":
        article = {"den": "der", "die": "die", "das": "das", "der": "der" if from_case == "Nom" else None}.get(words[0].text.lower())
        return [article, *(w.text for w in words[1:])] if article else None
    if all(w.tag == "NE" for w in words):
        return [w.text for w in words]
    return decline(words, "Nom", from_case=from_case)


def _case_after(preposition: str) -> str | None:
    cases = PREPOSITION_CASES.get(preposition)
    return next(iter(cases)) if cases and len(cases) == 1 else None


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


def _question(analysis: Analysis, clause: Clause, said: Clause, antecedent: list[str] | None) -> QuestionCandidate | None:
    reading = read_clause(analysis, clause, speech_frame=True, relative=antecedent is not None)
    if reading is None or clause.subject is None:
        return None
    # the reported clause must read without its context too (no "er", "das", "hier" ...)
    said_reading = read_clause(analysis, said)
    if said_reading is not None and middle_words(analysis, said_reading, None) is None:
        return None
    verb = verb_for(reading, wh_subject=False)
    substitute = {clause.subject.start: " ".join(antecedent)} if antecedent else None
    middle = middle_words(analysis, reading, None, substitute=substitute)
    if verb is None or middle is None:
        return None
    question = assemble("Was", verb.finite, middle, [*reading.nonfinite, *verb.tail])
    if said.finite_verb is None or not said.start <= said.finite_verb < said.end:
        return None
    toks = analysis.tokens
    if any(toks[i].text.lower() in DEICTIC or toks[i].tag in ("PPER", "PDS", "PROAV", "PPOSAT", "PRELS") for i in range(said.start, said.end)):
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
        fact=fact_key(said.index, said.sentence),
        wh_word="Was",
        answer_type="CLAUSE",
        role="said",
        verb_lemma=clause.verb_lemma,
        wh_phrase="Was",
        clause=clause.index,
        accepted=accepted_forms(answer, answer[5:] if answer.lower().startswith("dass ") else answer),
        span=(said.start, said.end),
        notes=(f"reported speech of {clause.verb_lemma}",),
    )
