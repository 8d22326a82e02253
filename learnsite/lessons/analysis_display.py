"""Turns a quizgen Analysis into plain records a template can show without logic.

Templates cannot look tokens up by index or cut a sentence at entity offsets, so this module
does that once: sentences as text segments (entities marked), token rows, and clauses with
their verb and arguments spelled out.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from quizgen import analyze
from quizgen.analysis import Analysis, Clause, Phrase, Sentence, Token

ENTITY_LABELS: dict[str, Promise] = {
    "PER": _("person"),
    "LOC": _("place"),
    "ORG": _("organisation"),
    "OTH": _("other name"),
}

ROLE_LABELS: dict[str, Promise] = {
    "subject": _("subject"),
    "acc_object": _("accusative object"),
    "dat_object": _("dative object"),
    "gen_object": _("genitive object"),
    "pp": _("prepositional phrase"),
    "predicative": _("predicative"),
}

TENSE_LABELS: dict[str, Promise] = {
    "Pres": _("present"),
    "Past": _("simple past"),
    "Perf": _("present perfect"),
    "Pqp": _("past perfect"),
    "Fut": _("future"),
}

MOOD_LABELS: dict[str, Promise] = {
    "Ind": _("indicative"),
    "Sub": _("subjunctive"),
    "Imp": _("imperative"),
}

VOICE_LABELS: dict[str, Promise] = {"Act": _("active"), "Pass": _("passive")}

KIND_LABELS: dict[str, Promise] = {"main": _("main clause"), "sub": _("subordinate clause")}


@dataclass(frozen=True)
class Segment:
    """A piece of sentence text; ``label`` is an entity label (PER, LOC ...) or empty."""

    text: str
    label: str = ""
    label_name: str | Promise = ""


@dataclass(frozen=True)
class TokenRow:
    text: str
    lemma: str
    upos: str
    tag: str
    morph: tuple[str, ...]  # "Case=Nom", "Number=Sing" ...
    entity: str
    noun: str  # a common noun with its article: "die Bibliothek", else ""
    plural: str  # its plural when the lexicon knows it: "Bibliotheken"


@dataclass(frozen=True)
class PhraseView:
    role: str | Promise
    text: str
    case: str
    preposition: str
    confidence: int  # percent


@dataclass(frozen=True)
class ClauseView:
    kind: str | Promise
    subordinator: str
    text: str
    finite_verb: str
    verb_complex: str
    verb_lemma: str
    subject: PhraseView | None
    arguments: tuple[PhraseView, ...]  # objects, prepositional phrases, predicatives
    tense: str | Promise
    mood: str | Promise
    voice: str | Promise
    negated: bool
    reflexive: bool
    confidence: int  # percent


@dataclass(frozen=True)
class SentenceView:
    number: int  # 1-based, for people
    segments: tuple[Segment, ...]
    tokens: tuple[TokenRow, ...]
    clauses: tuple[ClauseView, ...]
    show_tokens: bool = False  # open its token table: the first real sentence, as an example


@dataclass(frozen=True)
class AnalysisView:
    sentences: tuple[SentenceView, ...]
    token_count: int
    entity_count: int
    clause_count: int
    entity_labels: tuple[tuple[str, str | Promise], ...]  # the labels that occur, for a legend
    pipeline: str


def analysis_view_for_text(*, text: str) -> AnalysisView:
    """Analyse a German text with quizgen; raises QuizgenError subclasses on bad input."""
    return analysis_view(_analysis_of(text, settings.QUIZGEN_ANALYSIS_MAX_CHARS))


@functools.lru_cache(maxsize=4)
def _analysis_of(text: str, max_chars: int) -> Analysis:
    # The same few texts (the demo article above all) are shown again and again; an Analysis
    # is immutable, so the last few are kept per process. Errors are raised, never cached.
    return analyze(text, max_chars=max_chars)


def analysis_view(analysis: Analysis) -> AnalysisView:
    sentences = tuple(_sentence_view(analysis, sent) for sent in analysis.sentences)
    # A dateline ("Kelsbach.") makes a poor example: open the first sentence of four tokens or more.
    example = next((i for i, s in enumerate(sentences) if len(s.tokens) >= 4), 0)
    if sentences:
        sentences = tuple(replace(s, show_tokens=(i == example)) for i, s in enumerate(sentences))
    used = {e.label for e in analysis.entities}
    return AnalysisView(
        sentences=sentences,
        token_count=len(analysis.tokens),
        entity_count=len(analysis.entities),
        clause_count=len(analysis.clauses),
        entity_labels=tuple((label, name) for label, name in ENTITY_LABELS.items() if label in used),
        pipeline=analysis.pipeline,
    )


def _sentence_view(analysis: Analysis, sent: Sentence) -> SentenceView:
    return SentenceView(
        number=sent.index + 1,
        segments=_segments(analysis, sent),
        tokens=tuple(_token_row(tok) for tok in analysis.tokens[sent.start : sent.end]),
        clauses=tuple(_clause_view(analysis, c) for c in analysis.clauses_in(sent.index)),
    )


def _segments(analysis: Analysis, sent: Sentence) -> tuple[Segment, ...]:
    """The sentence text cut at entity boundaries (entities clipped to the sentence)."""
    segments: list[Segment] = []
    pos = sent.start_char
    entities = sorted(
        (e for e in analysis.entities if e.start_char < sent.end_char and e.end_char > sent.start_char),
        key=lambda e: e.start_char,
    )
    for ent in entities:
        start, end = max(ent.start_char, pos), min(ent.end_char, sent.end_char)
        if start >= end:  # overlaps an entity already shown
            continue
        if start > pos:
            segments.append(Segment(analysis.text[pos:start]))
        segments.append(Segment(analysis.text[start:end], ent.label, ENTITY_LABELS.get(ent.label, ent.label)))
        pos = end
    if pos < sent.end_char:
        segments.append(Segment(analysis.text[pos : sent.end_char]))
    return tuple(segments)


def _token_row(tok: Token) -> TokenRow:
    noun = plural = ""
    if tok.noun is not None:
        noun = f"{tok.noun.article} {tok.noun.lemma}" if tok.noun.article else tok.noun.lemma
        plural = tok.noun.plural or ""
    return TokenRow(
        text=tok.text,
        lemma=tok.lemma,
        upos=tok.upos,
        tag=tok.tag,
        morph=tuple(f"{key}={value}" for key, value in tok.morph),
        entity=tok.ent_type,
        noun=noun,
        plural=plural,
    )


def _phrase_view(analysis: Analysis, phrase: Phrase) -> PhraseView:
    return PhraseView(
        role=ROLE_LABELS.get(phrase.role, phrase.role),
        text=phrase.text or analysis.span_text(phrase.start, phrase.end),
        case=phrase.case or "",
        preposition=phrase.preposition or "",
        confidence=round(phrase.confidence * 100),
    )


def _clause_view(analysis: Analysis, clause: Clause) -> ClauseView:
    tokens = analysis.tokens
    finite = tokens[clause.finite_verb].text if clause.finite_verb is not None else ""
    arguments = (*clause.acc_objects, *clause.dat_objects, *clause.pps, *clause.other)
    return ClauseView(
        kind=KIND_LABELS.get(clause.kind, clause.kind),
        subordinator=clause.subordinator or "",
        text=analysis.span_text(clause.start, clause.end),
        finite_verb=finite,
        verb_complex=" ".join(tokens[i].text for i in clause.verb_tokens),
        verb_lemma=clause.verb_lemma,
        subject=_phrase_view(analysis, clause.subject) if clause.subject is not None else None,
        arguments=tuple(_phrase_view(analysis, p) for p in arguments),
        tense=TENSE_LABELS.get(clause.tense or "", clause.tense or ""),
        mood=MOOD_LABELS.get(clause.mood or "", clause.mood or ""),
        voice=VOICE_LABELS.get(clause.voice, clause.voice),
        negated=clause.negated,
        reflexive=clause.reflexive,
        confidence=round(clause.confidence * 100),
    )
