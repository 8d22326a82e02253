"""Richtig/Falsch statements: a clause of the text, simplified, in the indicative, subject first.

A false statement changes exactly one fact: a named entity swapped for another of the same
type from the text, a number changed, or the clause negated (``nicht`` before the right
bracket). A swap is refused when the new statement could be true elsewhere in the text.
"""

from __future__ import annotations

import hashlib
import re

from quizgen.analysis import Analysis, Clause, Token
from quizgen.german.word_lists import QUOTE_MARKS
from quizgen.kinds import TRUE_FALSE_ANSWERS, AnswerMode, ExerciseKind, Section
from quizgen.questions.candidate import QuestionCandidate
from quizgen.questions.clause_reading import ClauseReading, needs_complement, read_clause, too_thin
from quizgen.questions.pronoun_resolution import resolved_name
from quizgen.questions.wording import CONNECTIVES, CONTEXT_TAGS, DEICTIC, dangling, misplaced_capital, parenthetical_tokens, word_text
from quizgen.questions.question_syntax import SPEECH_VERBS
from quizgen.questions.mentions import Mention, clean_name, full_name, is_person_noun, mentions, same_referent, well_attested
from quizgen.questions.question_syntax import statement

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
INDEFINITE = frozenset({"ein", "eine", "einen", "einem", "einer", "eines", "kein", "keine", "keinen", "keinem", "keiner", "nicht", "nie", "niemals"})


def generate(analysis: Analysis, *, seed: int = 0) -> list[QuestionCandidate]:
    """One true and, where possible, one false statement per suitable sentence; the ranker
    keeps at most one per sentence (they share a fact), so the seed decides which is offered."""
    out: list[QuestionCandidate] = []
    for clause in analysis.clauses:
        if clause.kind != "main" or not _stands_alone(analysis, clause):
            continue
        sent = analysis.sentences[clause.sentence]
        if any(analysis.tokens[i].text in QUOTE_MARKS for i in range(sent.start, sent.end)):
            continue
        reading = read_clause(analysis, clause)
        if reading is None or reading.reported:
            continue
        true_text = _statement(analysis, reading, {})
        if true_text is None:
            continue
        fact = f"tf:{clause.sentence}"
        falses = [f for f in (_swapped(analysis, reading), _number_changed(analysis, reading), _negated(analysis, reading)) if f]
        pick_false = bool(falses) and _coin(seed, clause.sentence)
        base = clause.confidence * 0.9
        if pick_false:
            text, how = falses[_index(seed, clause.sentence, len(falses))]
            out.append(_candidate(text, FALSE, clause.sentence, base * 0.95, fact, how))
        else:
            out.append(_candidate(true_text, TRUE, clause.sentence, base, fact, "true clause"))
    return out


def _stands_alone(analysis: Analysis, clause: Clause) -> bool:
    """A main clause that makes a complete statement without the other clauses of its sentence:
    none of them is its object (dass, ob, zu) and none is a speech frame (sagte er)."""
    others = [c for c in analysis.clauses_in(clause.sentence) if c is not clause]
    if not others:
        return True
    if needs_complement(analysis, clause) or too_thin(analysis, clause):
        return False
    for other in others:
        if other.kind == "main" and other.verb_lemma.removeprefix("sich ") in SPEECH_VERBS:
            return False
        if other.kind == "sub" and (other.subordinator or "").lower() not in RELATIVE_OR_ADVERBIAL:
            return False
    return True


RELATIVE_OR_ADVERBIAL = frozenset(
    """der die das dem den dessen deren denen welcher welche welches weil da nachdem als wenn
    während obwohl bevor seit seitdem sobald""".split()
)


def declarative_words(
    analysis: Analysis, reading: ClauseReading, *, substitute: dict[int, str] | None = None, negate: bool = False
) -> list[str] | None:
    """The clause as a statement in its own word order, discourse adverbs and asides left out,
    ``nicht`` before the right bracket when ``negate``. None when it needs its context."""
    toks = analysis.tokens
    clause = reading.clause
    substitute = substitute or {}
    bracketed = parenthetical_tokens(analysis, reading.own)
    right_bracket = [i for i in clause.verb_tokens if i != clause.finite_verb]
    first_right = min(right_bracket) if right_bracket else None
    words: list[str] = []
    tags: list[str] = []
    for i in reading.own:
        if i in bracketed or toks[i].text.isspace():
            continue
        if negate and i == first_right:
            words.append("nicht")
        if i in substitute:
            if substitute[i]:
                words.append(substitute[i])
                tags.append("NE")
            continue
        tok = toks[i]
        if i == reading.own[0] and tok.tag in ("KON", "KOUS"):
            continue
        if _is_connective(tok):
            continue
        if _blocks_statement(analysis, clause, i):
            return None
        if tok.tag == "PPER":
            name = resolved_name(analysis, i)
            if name is None:
                return None
            words.append(name)
            tags.append("NE")
            continue
        words.append(word_text(analysis, i))
        tags.append(tok.tag)
    if negate and first_right is None:
        return None
    if not words or dangling([t for t in tags if t[:2] not in ("VV", "VA", "VM") and t != "PTKVZ"]):
        return None
    first_kept = next((i for i in reading.own if i not in bracketed and not toks[i].text.isspace() and not _is_connective(toks[i])), None)
    if first_kept == clause.finite_verb:
        return None  # the Vorfeld was a connective: the statement would start with its verb
    words[0] = words[0][:1].upper() + words[0][1:]
    return words


def _is_connective(tok: Token) -> bool:
    return tok.text.lower() in CONNECTIVES and tok.tag in ("ADV", "KON", "PTKANT")


def _blocks_statement(analysis: Analysis, clause: Clause, i: int) -> bool:
    """Whether a word keeps the clause from standing alone as a statement: punctuation inside
    it, a word that points into the text, a possessive opening the subject, a glued headline."""
    tok = analysis.tokens[i]
    low = tok.text.lower()
    if tok.tag.startswith("$") and tok.text != "-":
        return True
    if tok.tag in CONTEXT_TAGS or tok.text in QUOTE_MARKS or low in ("man", "es") or low in DEICTIC:
        return True
    if tok.tag == "PPOSAT" and clause.subject is not None and i == clause.subject.start:
        return True
    return misplaced_capital(analysis, i)


def _candidate(text: str, answer: str, sentence: int, confidence: float, fact: str, how: str) -> QuestionCandidate:
    return QuestionCandidate(
        kind=KIND.name,
        question=text,
        answer=answer,
        answer_short=answer,
        sentence=sentence,
        confidence=confidence,
        fact=fact,
        accepted=(answer,),
        options=OPTIONS,
        correct=OPTIONS.index(answer),
        answer_type="BOOL",
        notes=(how,),
    )


def _statement(
    analysis: Analysis, reading: ClauseReading, substitute: dict[int, str], *, negate: bool = False
) -> str | None:
    if reading.clause.subject is None or reading.clause.subject.confidence < 0.6:
        return None
    words = declarative_words(analysis, reading, substitute=substitute, negate=negate)
    if words is None or not 4 <= len(words) <= 18:
        return None
    return statement(words)


def _swapped(analysis: Analysis, reading: ClauseReading) -> tuple[str, str] | None:
    clause = reading.clause
    sent = analysis.sentences[clause.sentence]
    here = [m for m in mentions(analysis) if m.sentence == clause.sentence and m.start in reading.own]
    names_here = {full_name(analysis, m) for m in mentions(analysis) if m.sentence == clause.sentence}
    for mention in here:
        if mention.label not in ("PER", "LOC", "ORG"):
            continue
        if mention.start > 0 and analysis.tokens[mention.start - 1].tag in ("ART", "ADJA", "APPRART"):
            continue  # "die Ukraine" -> "die Kiew": the article belongs to the name
        if not well_attested(analysis, mention):
            continue
        if mention.label != "PER" and mention.start > 0 and is_person_noun(analysis.tokens[mention.start - 1]):
            continue  # "Kapitän Luisao" typed as a place: a title says it is a person
        if not clean_name(analysis, mention) or (mention.label == "PER" and not analysis.entities and len(mention.text.split()) < 2 and full_name(analysis, mention) == mention.text):
            continue
        for other in _others_of_type(analysis, mention, names_here):
            if _could_be_true(analysis, other, clause.verb_lemma, sent.index):
                continue
            substitute = {i: "" for i in range(mention.start, mention.end)}
            substitute[mention.start] = other
            title = mention.start - 1
            if mention.label == "PER" and title >= 0 and is_person_noun(analysis.tokens[title]):
                # "Bürgermeisterin Elke Kahr" -> "Kurt Hohensinner": the title goes with the name
                if title > 0 and analysis.tokens[title - 1].tag in ("ART", "ADJA", "PPOSAT", "PDAT"):
                    continue
                substitute[title] = ""
            text = _statement(analysis, reading, substitute)
            if text is not None:
                return text, f"swapped {mention.text} -> {other}"
    return None


def _others_of_type(analysis: Analysis, mention: Mention, names_here: set[str]) -> list[str]:
    out: list[str] = []
    toks = analysis.tokens
    for m in mentions(analysis):
        if m.label != mention.label or not clean_name(analysis, m):
            continue
        if m.label != "PER" and (m.start == 0 or toks[m.start - 1].tag in ("ART", "APPRART", "ADJA")):
            continue  # "das FBI", "die Ukraine": a name that takes an article cannot stand in bare
        if m.label == "PER" and not analysis.entities and len(full_name(analysis, m).split()) < 2:
            continue
        if not well_attested(analysis, m):
            continue
        name = full_name(analysis, m)
        if any(same_referent(name, h) for h in names_here) or name in out:
            continue
        out.append(name)
    return out


def _could_be_true(analysis: Analysis, name: str, verb_lemma: str, sentence: int) -> bool:
    """A sentence elsewhere with the same verb and the swapped-in name might make it true."""
    for other in analysis.clauses:
        if other.sentence == sentence or other.verb_lemma != verb_lemma:
            continue
        if name.split()[-1].lower() in analysis.sentences[other.sentence].text.lower():
            return True
    return False


def _number_changed(analysis: Analysis, reading: ClauseReading) -> tuple[str, str] | None:
    toks = analysis.tokens
    numbers_in_text = {t.text for t in toks if t.tag == "CARD"}
    for i in reading.own:
        tok = toks[i]
        if tok.tag != "CARD" or not re.fullmatch(r"\d{1,4}(,\d+)?", tok.text):
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        new = _other_number(tok.text, year=not (nxt is not None and nxt.tag in ("NN", "ADJA")))
        if new is None or new in numbers_in_text:
            continue
        text = _statement(analysis, reading, {i: new})
        if text is not None:
            return text, f"number {tok.text} -> {new}"
    return None


def _other_number(text: str, *, year: bool = True) -> str | None:
    if "," in text:
        whole, frac = text.split(",")
        return f"{int(whole) + 1},{frac}"
    n = int(text)
    if 1900 <= n <= 2100 and year:
        return str(n - 2)  # a year: two years earlier is plausible and clearly different
    if n == 0:
        return None
    return str(n + max(1, round(n * 0.4)))


def _negated(analysis: Analysis, reading: ClauseReading) -> tuple[str, str] | None:
    """The clause with its ``nicht`` removed. Adding a ``nicht`` is not offered: where it goes
    depends on focus and idiom (``unter die Arme greifen``), and a misplaced one is bad German."""
    toks = analysis.tokens
    nicht = [i for i in reading.own if toks[i].text.lower() == "nicht" and toks[i].tag == "PTKNEG"]
    if len(nicht) != 1 or any(toks[i].text.lower() in ("noch", "mehr", "nur", "gar", "auch") for i in reading.own):
        return None
    text = _statement(analysis, reading, {nicht[0]: ""})
    return (text, "negation removed") if text is not None else None


def _coin(seed: int, sentence: int) -> bool:
    return _index(seed, sentence, 2) == 1


def _index(seed: int, sentence: int, n: int) -> int:
    digest = hashlib.sha1(f"{seed}:{sentence}".encode()).digest()
    return digest[0] % n
