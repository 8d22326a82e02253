"""Richtig/Falsch statements that test understanding, not matching.

A true statement restates a clause of the text in other words where it can: subject first when
the text put something else first (or a phrase fronted when the text began with the subject),
asides and circumstances of a long clause left out, a pronoun replaced by its name, Konjunktiv
of reported speech in the indicative behind its source (``Laut Wang richtet sich ...``). A
false statement changes one fact a reader can check in the text: another person, place or
organisation of the same type from the text, another number, subject and object swapped, the
opposite verb (steigen/sinken), or the text's ``nicht`` removed. Every variant of one clause
is a candidate of the same fact; the selection keeps one per fact and balances true and false.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizgen.analysis import Analysis, Clause, Phrase
from quizgen.german.verb_lexicon import OPPOSITES, SPEECH_VERBS, base_lemma
from quizgen.german.word_lists import QUOTE_MARKS
from quizgen.kinds import TRUE_FALSE_ANSWERS, AnswerMode, ExerciseKind, Section
from quizgen.questions.candidate import QuestionCandidate
from quizgen.questions.clause_reading import ClauseReading, middle_words, needs_complement, phrase_words, read_clause, too_thin, verb_for
from quizgen.questions.facts import fact_key
from quizgen.questions.shortening import is_circumstance
from quizgen.questions.wh_questions import CORE_ROLE_CONFIDENCE
from quizgen.questions.mentions import (
    Mention,
    clean_name,
    consistent_label,
    full_name,
    is_person_noun,
    mentions,
    same_referent,
    well_attested,
)
from quizgen.questions.question_syntax import conjugation, inflect, indicative_table, statement

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
MIN_WORDS, MAX_WORDS = 4, 16
RELATIVE_OR_ADVERBIAL = frozenset(
    """der die das dem den dessen deren denen welcher welche welches weil da nachdem als wenn
    während obwohl bevor seit seitdem sobald""".split()
)
_WORD = re.compile(r"[\wÄÖÜäöüß-]+")


@dataclass(frozen=True)
class Layout:
    """How a statement orders the clause: subject first, or one phrase in front of the verb."""

    front: Phrase | None = None  # None: the subject first
    drop: frozenset[int] = frozenset()  # tokens of asides left out


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
            made = _statement(analysis, reading, layout, {})
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
        for (false_text, false_front), change in _false_statements(analysis, reading, layout):
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


def _statement(
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


def _false_statements(analysis: Analysis, reading: ClauseReading, layout: Layout) -> list[Made]:
    out: list[Made] = []
    for make in (_swapped_entity, _swapped_roles, _number_changed, _opposite_verb, _negation_removed):
        found = make(analysis, reading, layout)
        if found is not None and found[0][0] not in (t[0] for t, _ in out):
            out.append(found)
    return out


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


# --- the changes that make a statement false ---------------------------------------------------


def _swapped_entity(analysis: Analysis, reading: ClauseReading, layout: Layout) -> Made | None:
    """Another person, place or organisation of the same type from the text."""
    clause = reading.clause
    here = [m for m in mentions(analysis) if m.sentence == clause.sentence and m.start in reading.own]
    names_here = {full_name(analysis, m) for m in mentions(analysis) if m.sentence == clause.sentence}
    toks = analysis.tokens
    for mention in here:
        if mention.label not in ("PER", "LOC", "ORG") or not _swappable(analysis, mention):
            continue
        in_role = _role_of(clause, mention)
        for other in _others_of_type(analysis, mention, names_here):
            if _could_be_true(analysis, other, clause.verb_lemma, clause.sentence):
                continue
            if mention.label == "LOC" and in_role and not _acts_somewhere(analysis, other):
                continue  # Russland -> Moskau: a city where a country acts says the same thing
            substitute = {i: "" for i in range(mention.start, mention.end)}
            substitute[mention.start] = other
            title = mention.start - 1
            if mention.label == "PER" and title >= 0 and is_person_noun(toks[title]):
                if title > 0 and toks[title - 1].tag in ("ART", "ADJA", "PPOSAT", "PDAT"):
                    continue  # "der Präsident Putin": the article and title would stay
                substitute[title] = ""  # "Bürgermeisterin Elke Kahr" -> "Kurt Hohensinner"
            made = _statement(analysis, reading, layout, substitute)
            if made is not None:
                return made, f"{mention.text} -> {other}"
    return None


def _role_of(clause: Clause, mention: Mention) -> bool:
    """Whether the name is the clause's subject or object (a place acting, not a location)."""
    return any(p is not None and p.start <= mention.start < p.end for p in (clause.subject, *clause.acc_objects, *clause.dat_objects))


def _acts_somewhere(analysis: Analysis, name: str) -> bool:
    """The name is a subject or object somewhere in the text: a country that acts, a team that plays."""
    for clause in analysis.clauses:
        for p in (clause.subject, *clause.acc_objects, *clause.dat_objects):
            if p is not None and analysis.span_text(p.start, p.end) == name:
                return True
    return False


def _swappable(analysis: Analysis, mention: Mention) -> bool:
    toks = analysis.tokens
    if not consistent_label(analysis, mention.text):
        return False
    if mention.start > 0 and toks[mention.start - 1].tag in ("ART", "ADJA", "APPRART"):
        return False  # "die Ukraine" -> "die Kiew": the article belongs to the name
    if not well_attested(analysis, mention) or not clean_name(analysis, mention):
        return False
    if mention.label != "PER" and mention.start > 0 and is_person_noun(toks[mention.start - 1]):
        return False  # "Kapitän Luisao" typed as a place: a title says it is a person
    if mention.start > 0 and toks[mention.start - 1].tag == "NN" and not is_person_noun(toks[mention.start - 1]):
        return False  # "das Projekt River Mur": the name of a thing, not an actor to swap
    if _in_a_list(analysis, mention):
        return False  # "in Leipzig und Dresden" -> "in Leipzig und München": half true, half false
    one_word = len(mention.text.split()) < 2 and full_name(analysis, mention) == mention.text
    return not (mention.label == "PER" and not analysis.entities and one_word)


#: words that join the members of a list
_LIST_WORDS = frozenset({"und", "oder", "sowie", "bzw.", "beziehungsweise", ","})


def _in_a_list(analysis: Analysis, mention: Mention) -> bool:
    """Whether the name is one member of a list of names (Leipzig und Dresden, Russland, China
    und Indien): a statement with one member swapped is partly true."""
    toks = analysis.tokens
    before = toks[mention.start - 1] if mention.start > 0 else None
    after = toks[mention.end] if mention.end < len(toks) else None
    joined_before = before is not None and before.sentence == mention.sentence and before.text in _LIST_WORDS \
        and mention.start > 1 and toks[mention.start - 2].tag in ("NE", "NN")
    joined_after = after is not None and after.sentence == mention.sentence and after.text in _LIST_WORDS \
        and mention.end + 1 < len(toks) and toks[mention.end + 1].tag in ("NE", "NN", "ART")
    return joined_before or joined_after


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
        if not well_attested(analysis, m) or not consistent_label(analysis, m.text):
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


def _swapped_roles(analysis: Analysis, reading: ClauseReading, layout: Layout) -> Made | None:
    """``Chile schlug Bolivien`` -> ``Bolivien schlug Chile``: two bare names of one type."""
    clause = reading.clause
    if clause.subject is None or len(clause.acc_objects) != 1:
        return None
    a, b = _bare_name(analysis, clause.subject), _bare_name(analysis, clause.acc_objects[0])
    if a is None or b is None or a.label != b.label or same_referent(a.text, b.text):
        return None
    substitute = {i: "" for i in range(a.start, a.end)} | {i: "" for i in range(b.start, b.end)}
    substitute[a.start], substitute[b.start] = b.text, a.text
    made = _statement(analysis, reading, layout, substitute)
    return (made, f"roles swapped: {a.text} <-> {b.text}") if made else None


def _bare_name(analysis: Analysis, phrase: Phrase) -> Mention | None:
    found = [m for m in mentions(analysis) if m.start == phrase.start and m.end == phrase.end]
    return found[0] if found and found[0].label in ("PER", "ORG", "LOC") else None


def _number_changed(analysis: Analysis, reading: ClauseReading, layout: Layout) -> Made | None:
    toks = analysis.tokens
    numbers_in_text = {t.text for t in toks if t.tag == "CARD"}
    for i in reading.own:
        tok = toks[i]
        if tok.tag != "CARD" or not re.fullmatch(r"\d{1,4}(,\d+)?", tok.text) or i in layout.drop:
            continue
        if i > 0 and toks[i - 1].tag in ("NE", "NN") and toks[i - 1].text[:1].isupper():
            continue  # Windows 10, Build 10572, iPhone 6: a number in a name
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        new = other_number(tok.text, year=not (nxt is not None and nxt.tag in ("NN", "ADJA")))
        if new is None or new in numbers_in_text:
            continue
        made = _statement(analysis, reading, layout, {i: new})
        if made is not None:
            return made, f"number {tok.text} -> {new}"
    return None


def other_number(text: str, *, year: bool = True) -> str | None:
    """A clearly different, plausible number: a year two earlier, a count 40% higher."""
    if "," in text:
        whole, frac = text.split(",")
        return f"{int(whole) + 1},{frac}"
    n = int(text)
    if 1900 <= n <= 2100 and year:
        return str(n - 2)
    if n == 0:
        return None
    return str(n + max(1, round(n * 0.4)))


def _opposite_verb(analysis: Analysis, reading: ClauseReading, layout: Layout) -> Made | None:
    lemma = base_lemma(reading.clause.verb_lemma)
    opposite = OPPOSITES.get(lemma)
    if opposite is None or reading.clause.negated:
        return None
    if lemma in _MARKET_VERBS and _market_report(analysis, reading.clause.sentence):
        return None  # "Die Börse schloss leichter": an opening the text never reports, not a false close
    made = _statement(analysis, reading, layout, {}, verb=opposite)
    return (made, f"verb {lemma} -> {opposite}") if made else None


#: verbs a market report uses for a price at the close or the opening (schloss 0,5 Prozent höher)
_MARKET_VERBS = frozenset({"schließen", "öffnen", "eröffnen"})


def _market_report(analysis: Analysis, sentence: int) -> bool:
    """A sentence of a market report: a comparative (leichter, fester, höher) or Prozent/Punkte."""
    toks = analysis.sentence_tokens(sentence)
    return any((t.tag == "ADJD" and t.text.endswith("er")) or t.text in ("Prozent", "%", "Punkte", "Punkten") for t in toks)


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
    return _statement(analysis, reading, layout, {}, verb=opposite, negate=True)


def _negation_removed(analysis: Analysis, reading: ClauseReading, layout: Layout) -> Made | None:
    """The clause without its ``nicht``. Adding a ``nicht`` is not offered: where it goes
    depends on focus and idiom, and a misplaced one is bad German."""
    toks = analysis.tokens
    nicht = [i for i in reading.own if toks[i].text.lower() == "nicht" and toks[i].tag == "PTKNEG"]
    if len(nicht) != 1 or any(toks[i].text.lower() in ("noch", "mehr", "nur", "gar", "auch") for i in reading.own):
        return None
    made = _statement(analysis, reading, layout, {nicht[0]: ""})
    return (made, "negation removed") if made is not None else None
