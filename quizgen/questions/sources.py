"""Who says what: the source of a reported clause, written as a ``laut`` phrase.

A clause in Konjunktiv I, a dass-clause of a verb of saying, or a clause with ``soll`` reports
what someone said; a question or a statement made from it must keep the source (``Wer wird
laut Putin Russland besuchen?``, ``Laut Wang richtet sich das Verhältnis nicht gegen Dritte.``),
or it states a claim as a fact. The source is the subject of the verb of saying (``sagte
Putin``, ``Putin kündigte an, dass ...``), a trailing ``so Wang``, or, for Konjunktiv that goes
on in the next sentences, the last speaker named before. A clause that names its source
itself (``laut Agentur TASS``, ``der Polizei zufolge``) needs no other.
"""

from __future__ import annotations

import re

from quizgen.analysis import Analysis, Clause, Phrase
from quizgen.german.declension import Word, decline
from quizgen.german.verb_lexicon import SPEECH_VERBS, base_lemma
from quizgen.questions.mentions import full_name, mentions
from quizgen.questions.pronoun_resolution import resolved_name

#: words that introduce a source inside the clause (laut X, X zufolge, nach Angaben von X)
SOURCE_WORDS = frozenset({"laut", "zufolge", "gemäß"})
SOURCE_NOUNS = frozenset({"Angaben", "Ansicht", "Meinung", "Einschätzung", "Auffassung", "Darstellung", "Worten", "Informationen", "Berichten"})
#: sentences back a Konjunktiv clause may take its speaker from
LOOK_BACK = 2


def names_own_source(analysis: Analysis, clause: Clause) -> bool:
    """The clause says itself whom it follows (laut X, X zufolge, nach Angaben von X)."""
    toks = analysis.tokens[clause.start : clause.end]
    if any(t.text.lower() in SOURCE_WORDS for t in toks):
        return True
    return any(t.text.lower() == "nach" and k + 1 < len(toks) and toks[k + 1].text in SOURCE_NOUNS for k, t in enumerate(toks))


#: a turn of an interview: "STANDARD: ...", "Kaiser: ..." at the start of a sentence
TURN = re.compile(r"^[„\"]?[A-ZÄÖÜ][\w.-]*(?: [A-ZÄÖÜ][\w.-]*){0,2}:\s")


def _interview_sentences(analysis: Analysis) -> frozenset[int]:
    """Sentences inside the turns of an interview (two or more turns marked "Name: ..."): what
    is said there is the speaker's, and the questions leave it alone."""
    turns = [s.index for s in analysis.sentences if TURN.match(s.text) and not s.text.startswith(SECTION_LABELS)]
    if len(turns) < 2:
        return frozenset()
    return frozenset(range(turns[0], len(analysis.sentences)))


SECTION_LABELS = ("Update:", "Nachtrag:", "Hinweis:", "Foto:", "Quelle:", "Link:")


def in_interview(analysis: Analysis, sentence: int) -> bool:
    return sentence in _interview_sentences(analysis)


def after_colon(analysis: Analysis, clause: Clause) -> bool:
    """A clause right after a colon: often a quotation the text gives without marks
    ("Er ist überzeugt: Wir schaffen das")."""
    toks = analysis.tokens
    sent = analysis.sentences[clause.sentence]
    return any(toks[i].text == ":" for i in range(sent.start, clause.start))


def source_phrase(analysis: Analysis, clause: Clause) -> tuple[str, ...] | None:
    """``("laut", "Putin")`` for a reported clause, ``()`` when the clause names its source
    itself, None when the source cannot be said (the clause is then not asked about)."""
    if names_own_source(analysis, clause):
        return ()
    speaker = _speaker(analysis, clause)
    if speaker is None:
        return None
    words = _dative(analysis, speaker)
    return ("laut", *words) if words else None


def _speaker(analysis: Analysis, clause: Clause) -> Phrase | None:
    same = [c for c in analysis.clauses_in(clause.sentence) if c is not clause and c.kind == "main"]
    if clause.kind == "sub":
        before = [c for c in same if c.start < clause.start]
        frame = before[-1] if before else None
        return frame.subject if frame is not None and _is_speech(frame) else None
    for other in same:
        if _is_speech(other) and other.subject is not None and other.start > clause.start:
            return other.subject  # "Die Radwege seien nötig, sagte sie."
    so = _so_phrase(analysis, clause)
    if so is not None:
        return so
    for other in reversed([c for c in analysis.clauses if clause.sentence - LOOK_BACK <= c.sentence < clause.sentence]):
        if _is_speech(other) and other.subject is not None:
            return other.subject
    return None


def _is_speech(clause: Clause) -> bool:
    return base_lemma(clause.verb_lemma) in SPEECH_VERBS


def _so_phrase(analysis: Analysis, clause: Clause) -> Phrase | None:
    """``..., so Wang.``: the speaker after a trailing ``so`` in the same sentence."""
    sent = analysis.sentences[clause.sentence]
    toks = analysis.tokens
    for i in range(clause.end, sent.end - 1):
        if toks[i].text == "so" and toks[i - 1].text == ",":
            names = [m for m in mentions(analysis) if m.start == i + 1 or (m.start == i + 2 and toks[i + 1].tag == "NN")]
            if names:
                m = names[0]
                return Phrase("source", i + 1, m.end, m.end - 1, analysis.span_text(i + 1, m.end), "Nom", 0.8)
    return None


def _dative(analysis: Analysis, phrase: Phrase) -> list[str] | None:
    """The speaker after ``laut``: a person by full name (without title), else the phrase in the dative."""
    toks = analysis.tokens
    if phrase.end - phrase.start == 1 and toks[phrase.start].tag == "PPER":
        name = resolved_name(analysis, phrase.start)
        return [name] if name else None
    inside = [m for m in mentions(analysis) if phrase.start <= m.start and m.end <= phrase.end]
    if inside and inside[-1].end == phrase.end and inside[-1].label == "PER":
        return [full_name(analysis, inside[-1])]
    if inside and len(inside) == 1 and inside[0].start == phrase.start and inside[0].end == phrase.end:
        return [inside[0].text]  # a name without article: laut Greenpeace
    words = [Word(t.text, t.tag, t.lemma) for t in toks[phrase.start : phrase.end]]
    if any(w.tag in ("PPOSAT", "PDAT", "PIAT", "PRELS") for w in words):
        return None
    return decline(words, "Dat", from_case="Nom")
