"""Warum-questions from causal clauses: ``Weil im Hafenviertel alte Leitungen im Boden lagen,
verzögerten sich die Arbeiten`` -> ``Warum verzögerten sich die Arbeiten?`` -> ``weil im
Hafenviertel alte Leitungen im Boden lagen``.

The main clause of a weil- or da-clause is asked about (a reported one keeps its source: ``Warum
ist die neue Verbindung laut Albers ein wichtiger Schritt ...?``); the answer is the causal
clause as written. Both must read without the text around them. (``wegen``-phrases are asked
by wh_questions.)
"""

from __future__ import annotations

from quizgen.analysis import Analysis, Clause
from quizgen.questions.candidate import QuestionCandidate, accepted_forms
from quizgen.questions.clause_reading import middle_words, read_clause, verb_for
from quizgen.questions.facts import fact_key
from quizgen.questions.question_syntax import assemble
from quizgen.questions.wording import CONTEXT_TAGS, DEICTIC

CAUSAL = frozenset({"weil", "da"})
MAX_ANSWER_WORDS = 16
MIN_ANSWER_WORDS = 3


def generate(analysis: Analysis) -> list[QuestionCandidate]:
    """One Warum-question per main clause with a causal clause."""
    out: list[QuestionCandidate] = []
    for because in analysis.clauses:
        if because.kind != "sub" or (because.subordinator or "").lower() not in CAUSAL:
            continue
        main = _main_of(analysis, because)
        if main is None:
            continue
        cand = _question(analysis, main, because)
        if cand is not None:
            out.append(cand)
    return out


def _main_of(analysis: Analysis, because: Clause) -> Clause | None:
    """The main clause the causal clause belongs to: the one right before it, or the one it opens."""
    mains = [c for c in analysis.clauses_in(because.sentence) if c.kind == "main"]
    before = [c for c in mains if c.end <= because.start + 1 and c.start < because.start]
    after = [c for c in mains if c.start >= because.end - 1]
    if before and not any(c.kind == "sub" and before[-1].start < c.start < because.start for c in analysis.clauses_in(because.sentence)):
        return before[-1]
    if after and because.start == analysis.sentences[because.sentence].start:
        return after[0]  # Weil ..., verzögerten sich die Arbeiten.
    return None


def _question(analysis: Analysis, main: Clause, because: Clause) -> QuestionCandidate | None:
    reading = read_clause(analysis, main, allow_copula=True, speech_frame=True)
    if reading is None or reading.source is None or main.subject is None:
        return None
    toks = analysis.tokens
    own = [i for i in range(because.start, because.end) if not toks[i].tag.startswith("$") or toks[i].text == "-"]
    if any(toks[i].tag in CONTEXT_TAGS - {"KOUS"} or toks[i].text.lower() in DEICTIC or toks[i].tag == "PPER" for i in own):
        return None  # "weil sie ...", "weil das ...": the reason needs the text around it
    if any(toks[i].tag == "PPOSAT" and not any(toks[j].tag in ("NN", "NE") for j in own if j < i) for i in own):
        return None  # "weil ihr Auto ...": whose? (but "weil viele Pendler ihr Auto ...": theirs)
    nested = [c for c in analysis.clauses if c is not because and because.start < c.start < because.end]
    if nested:
        return None
    answer = " ".join(analysis.span_text(own[0], own[-1] + 1).split()) if own else ""
    answer = answer[:1].lower() + answer[1:]
    if not MIN_ANSWER_WORDS <= len(answer.split()) <= MAX_ANSWER_WORDS:
        return None
    verb = verb_for(reading, wh_subject=False)
    middle = middle_words(analysis, reading, None, source=reading.source or ())
    if verb is None or middle is None or not middle:
        return None
    question = assemble("Warum", verb.finite, middle, [*reading.nonfinite, *verb.tail])
    short = answer.split(" ", 1)[1] if " " in answer else answer
    return QuestionCandidate(
        kind="wh",
        question=question,
        answer=answer,
        answer_short=answer,
        sentence=main.sentence,
        confidence=main.confidence * because.confidence * 0.85,
        fact=fact_key(main.index, main.sentence),
        wh_word="Warum",
        answer_type="REASON",
        accepted=accepted_forms(answer, short),
        span=(because.start, because.end),
        notes=(f"reason of {main.verb_lemma}",),
        role="reason",
        verb_lemma=main.verb_lemma,
        wh_phrase="Warum",
        clause=main.index,
    )
