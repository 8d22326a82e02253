"""Read one clause for question generation: its own tokens, its verb in the indicative, and
the Mittelfeld that remains when one constituent is asked about.

Everything that would make a question unanswerable without the text around it (an unresolved
pronoun, ``das``/``dies``, a pronominal adverb like ``darauf``, direct speech, an embedded
clause, ``man``) makes the clause unusable for that question: precision over recall.
"""

from __future__ import annotations

from dataclasses import dataclass

from quizgen.analysis import Analysis, Clause, Phrase, Token
from quizgen.german.word_lists import COPULAR_VERBS, QUOTE_MARKS
from quizgen.nlp.stts import PREPOSITION_TAGS
from quizgen.questions.pronoun_resolution import PERSONAL_PRONOUNS, resolved_name
from quizgen.questions.sources import after_colon, in_interview, names_own_source, source_phrase
from quizgen.questions.wording import (
    CONNECTIVES,
    CONTEXT_TAGS,
    DEICTIC,
    dangling,
    misplaced_capital,
    parenthetical_tokens,
    word_text,
)
from quizgen.german.verb_lexicon import (
    ASSERTING_SPEECH_VERBS,
    CLAUSE_OBJECT_VERBS,
    DATIVE_EXPERIENCER_VERBS,
    LIGHT_VERBS,
    NON_AGENTIVE_VERBS,
    base_lemma,
)
from quizgen.questions.question_syntax import (
    THIRD_SG,
    VerbForm,
    conjugation,
    finite_slot,
    indicative_table,
    inflect,
    person_of_subject,
)

#: words between the verbs of a question at most: a longer question is hard to take in at one reading
MAX_MIDDLE_WORDS = 14


@dataclass(frozen=True)
class ClauseReading:
    """What a question needs to know about one clause."""

    clause: Clause
    own: tuple[int, ...]  # the clause's tokens without embedded clauses and edge punctuation
    reported: bool  # a dass-clause or Konjunktiv clause reporting what someone said
    verb_lemma: str  # lemma to inflect for the finite position
    slot: tuple[str, int]  # table and person of the finite verb as written
    nonfinite: tuple[str, ...]  # infinitives and participles, in text order
    #: for a reported clause, who said it as a laut-phrase (``("laut", "Putin")``); () when the
    #: clause is not reported or names its source itself; None when the source is unknown
    source: tuple[str, ...] | None = ()


def read_clause(
    analysis: Analysis, clause: Clause, *, speech_frame: bool = False, allow_copula: bool = False, relative: bool = False
) -> ClauseReading | None:
    """The reading of a clause, or None when no question should come from it. ``allow_copula``
    admits ``X ist ein Y`` (asked why, not what); ``relative`` a relative clause whose pronoun
    is the subject (the caller puts the antecedent in its place)."""
    if not _askable(analysis, clause, allow_copula=allow_copula):
        return None
    if relative:
        reported: bool | None = False if clause.kind == "sub" and clause.mood != "Sub" else None
    else:
        reported = _reported(analysis, clause, speech_frame=speech_frame)
    if reported is None:
        return None
    toks = analysis.tokens
    finite = toks[clause.finite_verb]  # type: ignore[index]  # _askable: there is one
    nonfinite_idx = [i for i in clause.verb_tokens if i not in (clause.finite_verb, clause.particle)]
    if finite.tag == "VMFIN" and not nonfinite_idx:
        return None  # "Familien können auf 2000 Euro": a modal whose verb the text leaves out
    if clause.kind == "main" and not _verb_second(analysis, clause):
        return None
    main_is_finite = not any(toks[i].tag.startswith("VV") for i in nonfinite_idx)
    lemma = base_lemma(clause.verb_lemma) if main_is_finite else finite.lemma
    if conjugation(lemma) is None:
        return None
    slot = finite_slot(lemma, finite.text)
    if slot is None:
        return None
    if slot[0] == "konjunktiv2" and not (reported and lemma in ("haben", "werden", "sein")):
        return None  # hypothetical (könnte, würde): not a fact to ask about
    if not _agrees(analysis, clause, slot[1]):
        return None
    return ClauseReading(
        clause=clause,
        own=_own_tokens(analysis, clause),
        reported=reported,
        verb_lemma=lemma,
        slot=slot,
        nonfinite=tuple(toks[i].text for i in nonfinite_idx if toks[i].tag != "PTKZU"),
        source=_source(analysis, clause, reported),
    )


def _source(analysis: Analysis, clause: Clause, reported: bool) -> tuple[str, ...] | None:
    """The laut-phrase of a reported clause; None (not asked) for one without a source, and for
    a clause in an interview's turns or after a colon unless it names its source itself."""
    if (in_interview(analysis, clause.sentence) or after_colon(analysis, clause)) and not names_own_source(analysis, clause):
        return None
    source = source_phrase(analysis, clause) if reported else ()
    if source and clause.subject is not None:
        subject = clause.subject
        said_by = " ".join(source[1:])
        named = analysis.span_text(subject.start, subject.end)
        if subject.end - subject.start == 1 and analysis.tokens[subject.start].tag == "PPER":
            named = resolved_name(analysis, subject.start) or named
        if said_by in named or named in said_by:
            return None  # "Laut Sebastian hat Sebastian recht": the source says it of itself
    return source


def _cut_short(analysis: Analysis, clause: Clause) -> bool:
    """Words before the first or after the last clause of a sentence that no clause took
    (``des Musikers, | Sängers und Jodlers Christian Zehnder``): the clause lost part of a phrase."""
    sent = analysis.sentences[clause.sentence]
    toks = analysis.tokens
    earlier = [c for c in analysis.clauses_in(clause.sentence) if c.end <= clause.start]
    if not earlier:
        lead = toks[sent.start : clause.start]
        dateline = any(t.text in ("–", "-", "—") for t in lead)
        if not dateline and any(t.tag in ("NN", "NE", "ADJA", "CARD") for t in lead):
            return True  # "Das Land Steiermark, | das Umweltministerium ... übernahmen": cut at the front
    later = [c for c in analysis.clauses_in(clause.sentence) if c.start >= clause.end]
    if later:
        return False
    phrases = [p for p in (clause.subject, *clause.acc_objects, *clause.dat_objects, *clause.pps, *clause.other) if p]
    end = max([clause.end, *(p.end for p in phrases)])  # ", inklusive der Krim" is the object's
    return any(t.tag[:1] in ("N", "A", "C") and not t.tag.startswith("$") for t in toks[end : sent.end])


def _askable(analysis: Analysis, clause: Clause, *, allow_copula: bool = False) -> bool:
    """Whether the clause is read surely enough, and is of a kind, to ask about at all."""
    if clause.finite_verb is None or clause.confidence < 0.5:
        return False
    toks = analysis.tokens
    if _inside_quotes(analysis, clause) or clause.mood == "Imp" or not _ends_like_a_sentence(analysis, clause.sentence):
        return False
    before = toks[clause.start - 1] if clause.start > 0 else None
    if before is not None and before.sentence == clause.sentence and before.tag in PREPOSITION_TAGS | {"ART", "ADJA"}:
        return False  # the clause starts inside a phrase ("In | Linz und Wien pendelte ..."): cut wrongly
    if base_lemma(clause.verb_lemma) in DATIVE_EXPERIENCER_VERBS:
        return False
    if base_lemma(clause.verb_lemma) in COPULAR_VERBS and not allow_copula and not _adjectival_predicate(analysis, clause):
        return False  # "Was ist X? -> ein erster Schritt": predicate nouns make poor questions
    if _cut_short(analysis, clause):
        return False
    subject = clause.subject
    finite = clause.finite_verb
    if subject is not None and finite is not None and subject.start < finite and clause.kind == "main":
        between = [t for t in analysis.tokens[subject.end : finite] if not t.tag.startswith("$")]
        leading = [
            t for t in analysis.tokens[clause.start : subject.start]
            if not t.tag.startswith("$") and t.tag != "KON" and t.text.lower() not in CONNECTIVES
        ]
        if between or leading:
            return False  # "das Glockengeläut | auf Kuhweiden sollen", "Das Land Steiermark, | das
            # Umweltministerium sowie Gemeinden übernahmen": the Vorfeld is one phrase the analysis split
    if clause.subject is not None and _bare_singular(analysis, clause.subject):
        return False  # "Bauzeit hat ... eröffnet", "Entscheidung kann angefochten werden": a misread
        # phrase or a headline; prose gives a singular count noun its article
    # zu-infinitives (ist herunterzuladen, glauben ... zu können) garble easily
    return not any(toks[i].tag in ("PTKZU", "VVIZU") for i in clause.verb_tokens)


def _bare_singular(analysis: Analysis, phrase: Phrase) -> bool:
    """A singular count noun without article (``Kontroverse App versprach``): headline style."""
    toks = list(analysis.tokens[phrase.start : phrase.end])
    for k, t in enumerate(toks):
        if t.tag in ("APPR", "APPRART"):
            toks = toks[:k]  # "Neues Video | von Designern": the noun before its PP
            break
    if not toks or any(t.tag not in ("ADJA", "NN") for t in toks) or toks[-1].tag != "NN" or len(toks) > 3:
        return False
    noun = toks[-1]
    if noun.feat("Number") == "Plur" or noun.text.endswith(("en", "er", "e", "s")) and noun.feat("Number") != "Sing":
        return False
    return noun.noun is None or noun.noun.plural is not None


def _reported(analysis: Analysis, clause: Clause, *, speech_frame: bool) -> bool | None:
    """Whether the clause is reported speech (a dass-clause of a speech verb, or Konjunktiv);
    None when it is a subordinate clause of another kind or a V1 main clause (no question)."""
    if clause.kind == "sub":
        if (clause.subordinator or "").lower() != "dass":
            return None
        parent = _governing_clause(analysis, clause)
        if parent is None or base_lemma(parent.verb_lemma) not in ASSERTING_SPEECH_VERBS:
            return None
        return True
    first = _first_content(analysis, clause)
    if first is None or (first == clause.finite_verb and not speech_frame):
        return None  # V1: a question, a command or a conditional (but "..., sagte sie")
    return clause.mood == "Sub"


def _own_tokens(analysis: Analysis, clause: Clause) -> tuple[int, ...]:
    """The clause's tokens without the clauses nested in it, a joining conjunction and
    punctuation at either end."""
    toks = analysis.tokens
    nested = [c for c in analysis.clauses if c is not clause and clause.start <= c.start and c.end <= clause.end]
    own = tuple(
        i
        for i in range(clause.start, clause.end)
        if not any(c.start <= i < c.end for c in nested)
        and not (i == clause.start and toks[i].tag == "KON")
    )
    while own and toks[own[-1]].tag.startswith("$"):
        own = own[:-1]
    while own and toks[own[0]].tag.startswith("$"):
        own = own[1:]
    return own


def _verb_second(analysis: Analysis, clause: Clause) -> bool:
    """A main clause has at most one constituent before its finite verb; with two (subject and
    another phrase), it is a verb-final clause the segmentation took for a main clause."""
    finite = clause.finite_verb
    if finite is None:
        return False
    phrases = [p for p in (clause.subject, *clause.acc_objects, *clause.dat_objects, *clause.pps) if p is not None]
    before = sorted((p for p in phrases if p.end <= finite and p.start >= clause.start), key=lambda p: p.start)
    constituents = sum(1 for k, p in enumerate(before) if k == 0 or before[k - 1].end != p.start)
    if constituents >= 2:  # contiguous phrases are one constituent: "die Gletscher | in den Alpen"
        return False
    return not any(analysis.tokens[i].tag in ("VVINF", "VVPP", "VAINF", "VAPP", "VMINF") for i in clause.verb_tokens if i < finite)


def _adjectival_predicate(analysis: Analysis, clause: Clause) -> bool:
    """A copula clause with an adjective predicate (``ist rechtskräftig``) and no predicate noun;
    a passive or perfect (``wurde beobachtet``, ``ist erschienen``) counts as a full verb."""
    toks = analysis.tokens
    if any(toks[i].tag in ("VVPP", "VVINF") for i in clause.verb_tokens):
        return True
    if any(p.role == "predicative" and any(toks[i].tag in ("NN", "NE") for i in range(p.start, p.end)) for p in clause.other):
        return False
    return any(toks[i].tag == "ADJD" for i in range(clause.start, clause.end)) and not clause.acc_objects


def _ends_like_a_sentence(analysis: Analysis, sentence: int) -> bool:
    """Headlines and teasers without a final full stop are often verbless: leave them out."""
    sent = analysis.sentences[sentence]
    for i in range(sent.end - 1, sent.start - 1, -1):
        tok = analysis.tokens[i]
        if tok.text.isspace() or tok.text in QUOTE_MARKS or tok.text == ")":
            continue
        return tok.text in (".", "!", "…")
    return False


def _agrees(analysis: Analysis, clause: Clause, person: int) -> bool:
    """The subject the analysis found agrees in number with the finite verb (else it is wrong)."""
    subject = clause.subject
    if subject is None:
        return True
    toks = analysis.tokens
    if any(i in clause.verb_tokens for i in range(subject.start, subject.end)):
        return False  # a subject that spans the verb is a chunking error
    plural_verb = person in (3, 4, 5)
    coordinated = any(toks[i].tag == "KON" and toks[i].text.lower() in ("und", "sowie") for i in range(subject.start, subject.end))
    head = toks[subject.head] if subject.start <= subject.head < subject.end else None
    number = head.feat("Number") if head is not None else None
    if coordinated:
        return plural_verb
    if number == "Sing" and plural_verb:
        return False
    if number == "Plur" and not plural_verb:
        return False
    return True


def verb_for(reading: ClauseReading, *, wh_subject: bool) -> VerbForm | None:
    """The finite verb of the question: indicative, 3rd singular when the W-word is the subject."""
    table = indicative_table(reading.slot[0], reading.verb_lemma, reported=reading.reported)
    person = THIRD_SG if wh_subject else person_of_subject(reading.slot[1])
    form = inflect(reading.verb_lemma, table, person)
    clause = reading.clause
    if form is not None and form.tail and clause.kind == "main" and clause.particle is None and not reading.nonfinite:
        # "Inzwischen überwiegt die Freude": the text keeps the prefix on the finite verb in
        # second position, so here it is inseparable (überwiegen), whatever the conjugator splits
        return VerbForm(finite="".join(form.tail) + form.finite, tail=())
    return form


def middle_words(
    analysis: Analysis,
    reading: ClauseReading,
    asked: Phrase | None,
    *,
    keep_subject: bool = True,
    substitute: dict[int, str] | None = None,
    drop: frozenset[int] = frozenset(),
    source: tuple[str, ...] = (),
) -> list[str] | None:
    """The Mittelfeld of the question without ``asked``: subject first, then ``source`` (a
    laut-phrase), the rest in text order without the tokens in ``drop``.

    None when a word in it needs the context (pronoun, ``das``, quotes) or it is too long.
    """
    clause = reading.clause
    asked_span = range(asked.start, asked.end) if asked is not None else range(0)
    skip = set(clause.verb_tokens) | set(asked_span) | drop
    subject = clause.subject
    subject_words: list[str] = []
    if subject is not None and subject is not asked:
        if not keep_subject:
            return None
        subject_words_opt = phrase_words(analysis, subject, substitute=substitute)
        if subject_words_opt is None:
            return None
        subject_words = subject_words_opt
        skip |= set(range(subject.start, subject.end))
    kept = _kept_words(analysis, reading, asked, skip, substitute or {})
    if kept is None:
        return None
    reflexive, rest = kept
    if subject_words and reflexive and subject is not None and not _is_pronoun_phrase(analysis, subject):
        words = reflexive + subject_words + list(source) + rest
    else:
        words = subject_words + reflexive + list(source) + rest
    if len(words) > MAX_MIDDLE_WORDS:
        return None
    return words


def _kept_words(
    analysis: Analysis, reading: ClauseReading, asked: Phrase | None, skip: set[int], substitute: dict[int, str]
) -> tuple[list[str], list[str]] | None:
    """The reflexive ``sich`` and the other words of the clause a question keeps, in text
    order; None when one of them needs the text around it."""
    toks = analysis.tokens
    reflexive: list[str] = []
    rest: list[str] = []
    kept_tags: list[str] = []
    bracketed = parenthetical_tokens(analysis, reading.own)
    for i in reading.own:
        if i in skip or i in bracketed:
            continue
        if i in substitute:
            if substitute[i]:
                rest.append(substitute[i])
            continue
        tok = toks[i]
        low = tok.text.lower()
        if tok.text.isspace():
            continue
        if i == reading.own[0] and tok.tag in ("KON", "KOUS"):
            continue
        if tok.tag == "PRF" and low == "sich" and not reflexive:
            reflexive.append("sich")
            continue
        if low in CONNECTIVES and tok.tag in ("ADV", "KON", "PTKANT"):
            continue
        if _needs_context(analysis, i, asked, reading.clause.subject):
            return None
        if tok.tag == "PPER" or (tok.tag in ("PIS",) and low in PERSONAL_PRONOUNS):
            name = resolved_name(analysis, i)
            if name is None:
                return None
            rest.append(name)
            kept_tags.append("NE")
            continue
        rest.append(word_text(analysis, i))
        kept_tags.append(tok.tag)
    if dangling(kept_tags):
        return None
    return reflexive, rest


def _needs_context(analysis: Analysis, i: int, asked: Phrase | None, subject: Phrase | None) -> bool:
    """Whether a word cannot stand in a question on its own."""
    tok = analysis.tokens[i]
    low = tok.text.lower()
    if tok.tag.startswith("$"):
        return True  # a comma, bracket or dash left in the question: too complex
    if tok.tag in CONTEXT_TAGS or tok.text in QUOTE_MARKS or low == "man" or low in DEICTIC:
        return True
    if tok.tag == "PPOSAT" and (asked is None or asked is not subject):
        return True  # "in ihrer Kunst": whose? only the asked subject can be the owner
    if tok.tag[:2] in ("VV", "VA", "VM"):
        return True  # a verb the analysis left outside the verb complex
    return misplaced_capital(analysis, i)


def phrase_words(analysis: Analysis, phrase: Phrase, *, substitute: dict[int, str] | None = None) -> list[str] | None:
    """The words of a kept constituent, a pronoun replaced by the name it refers to."""
    toks = analysis.tokens
    words: list[str] = []
    substitute = substitute or {}
    for i in range(phrase.start, phrase.end):
        if i in substitute:
            if substitute[i]:
                words.append(substitute[i])
            continue
        tok = toks[i]
        low = tok.text.lower()
        if tok.tag in CONTEXT_TAGS or tok.text in QUOTE_MARKS or low == "man" or low == "es":
            return None
        if tok.tag == "PPER":
            plural = tok.feat("Number") == "Plur"
            name = resolved_name(analysis, i, singular=not plural)
            if name is None:
                return None
            words.append(name)
        elif tok.tag == "PPOSAT" and i == phrase.start:
            return None  # "Sein Ziel": whose? needs the text before
        elif tok.tag.startswith("$") and tok.text not in ("-",):
            return None
        elif tok.tag[:2] in ("VV", "VA", "VM"):
            return None
        else:
            words.append(word_text(analysis, i))
    return words


def too_thin(analysis: Analysis, clause: Clause) -> bool:
    """A light or PP-governing verb with at most one other constituent: ``Wer rief die USA auf?``
    leaves out what they were called to do."""
    lemma = base_lemma(clause.verb_lemma)
    base = lemma
    for prefix in ("auf", "an", "vor", "zu", "hin", "ver", "teil", "aus", "ein", "fest", "zurück", "weiter", "mit", "durch"):
        if lemma.startswith(prefix) and lemma[len(prefix):] in LIGHT_VERBS:
            base = lemma[len(prefix):]
            break
    if lemma not in LIGHT_VERBS and base == lemma:
        return False
    objects = len(clause.acc_objects) + len(clause.dat_objects) + len(clause.other)
    return not clause.pps and objects < 2


def needs_complement(analysis: Analysis, clause: Clause) -> bool:
    """A clause whose object is a clause (``sagte Putin``, ``kündigte an, dass ...``): asking
    about it without that clause gives ``Wer sagte?``."""
    if clause.acc_objects:
        return False
    if base_lemma(clause.verb_lemma) in CLAUSE_OBJECT_VERBS:
        return True
    later = [c for c in analysis.clauses_in(clause.sentence) if c.start >= clause.start and c is not clause]
    for other in sorted(later, key=lambda c: c.start):
        if other.kind == "main":
            return False
        return (other.subordinator or "").lower() in ("dass", "ob", "") or other.subordinator is None
    return False


def is_agentive(reading: ClauseReading) -> bool:
    return base_lemma(reading.clause.verb_lemma) not in NON_AGENTIVE_VERBS


def _is_pronoun_phrase(analysis: Analysis, phrase: Phrase) -> bool:
    """A personal pronoun: ``hat er sich``; ``alles``, like a noun, follows ``sich``."""
    return phrase.end - phrase.start == 1 and analysis.tokens[phrase.start].tag == "PPER"


def _first_content(analysis: Analysis, clause: Clause) -> int | None:
    for i in range(clause.start, clause.end):
        tok: Token = analysis.tokens[i]
        if not tok.tag.startswith("$") and tok.text not in QUOTE_MARKS and tok.tag != "KON":
            return i
    return None


def _inside_quotes(analysis: Analysis, clause: Clause) -> bool:
    sent = analysis.sentences[clause.sentence]
    toks = analysis.tokens
    before = sum(1 for i in range(sent.start, clause.start) if toks[i].text in QUOTE_MARKS)
    inside = any(toks[i].text in QUOTE_MARKS for i in range(clause.start, clause.end))
    return before % 2 == 1 or inside


def _governing_clause(analysis: Analysis, clause: Clause) -> Clause | None:
    """The main clause of the same sentence that a dass-clause depends on (nearest before it)."""
    mains = [c for c in analysis.clauses_in(clause.sentence) if c.kind == "main" and c is not clause]
    before = [c for c in mains if c.start < clause.start]
    if before:
        return before[-1]
    return mains[0] if mains else None
