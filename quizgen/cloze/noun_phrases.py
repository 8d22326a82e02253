"""Noun phrases (preposition, determiner, adjectives, noun) and what their forms decide.

A gap on the article or an adjective ending is fair only when the words a learner sees decide
it: the noun's form, the other words of the phrase, the preposition before it and, where the
clause analysis is sure of it, the case the verb gives the phrase.
"""

from __future__ import annotations

from dataclasses import dataclass

from quizgen.analysis import Analysis
from quizgen.cloze.base import ClozeContext
from quizgen.german.morphology import (
    Feature,
    adjective_ending,
    features_of_determiner,
    narrow,
    split_adjective_ending,
)
from quizgen.german.nouns import noun_features
from quizgen.german.word_lists import OPENING_QUOTES
from quizgen.nlp.clauses.phrases import DET_TAGS, Chunk, PhraseChunker

CASE_CONFIDENCE = 0.9


@dataclass(frozen=True)
class NounPhrase:
    noun: int
    determiner: int | None  # the article-like word; for im, zum ... the fused preposition
    adjectives: tuple[int, ...]
    preposition: int | None
    case: str | None  # from the clause analysis, when it is sure


@dataclass(frozen=True)
class _Word:
    """An analysis token under the attribute names the phrase finder reads (a spaCy token's)."""

    i: int
    text: str
    tag_: str
    lemma_: str
    ent_iob_: str
    ent_type_: str
    is_space: bool


def _words(analysis: Analysis) -> list[_Word]:
    iob = {}
    for ent in analysis.entities:
        iob[ent.start] = "B"
        iob.update((i, "I") for i in range(ent.start + 1, ent.end))
    return [
        _Word(t.i, t.text, t.tag, t.lemma, iob.get(t.i, "O"), t.ent_type, t.text.isspace())
        for t in analysis.tokens
    ]


def context_noun_phrases(ctx: ClozeContext) -> list[NounPhrase]:
    """``noun_phrases`` of the context's text, found once per pack (three kinds read them)."""
    found = ctx.shared.get("noun_phrases")
    if found is None:
        found = ctx.shared["noun_phrases"] = tuple(noun_phrases(ctx.analysis))
    return list(found)


def noun_phrases(analysis: Analysis) -> list[NounPhrase]:
    """Every common noun with its determiner, adjectives and preposition, as the one phrase
    finder of the clause analysis (quizgen.nlp.clauses.phrases) reads each sentence."""
    sure_case: dict[int, str] = {}
    for clause in analysis.clauses:
        phrases = [clause.subject, *clause.acc_objects, *clause.dat_objects, *clause.pps, *clause.other]
        for ph in phrases:
            if ph is not None and ph.case and ph.confidence >= CASE_CONFIDENCE:
                sure_case[ph.head] = ph.case
    words = _words(analysis)
    found: dict[int, NounPhrase] = {}
    for sent in analysis.sentences:
        pending = PhraseChunker(words, list(range(sent.start, sent.end))).chunks()
        while pending:
            chunk = pending.pop()
            pending.extend(chunk.attached + chunk.conjuncts)
            np = _noun_phrase(analysis, chunk, sure_case)
            if np is not None:
                found[np.noun] = np
    return [found[i] for i in sorted(found)]


def _noun_phrase(analysis: Analysis, chunk: Chunk, sure_case: dict[int, str]) -> NounPhrase | None:
    toks = analysis.tokens
    noun = toks[chunk.head]
    if chunk.pronoun is not None or noun.tag != "NN" or noun.upos != "NOUN":
        return None
    before = [i for i in chunk.core if i < noun.i]
    determiners = [i for i in before if toks[i].tag in DET_TAGS]
    determiner = determiners[-1] if determiners else None
    preposition = chunk.prep if chunk.prep is not None and chunk.prep < noun.i else None
    if preposition is not None and toks[preposition].tag == "APPRART" and determiner is None:
        determiner = preposition  # im, zum: the article is in the preposition
    if determiner is not None and determiner != preposition and toks[determiner].text[:1].isupper():
        if not _starts_sentence(analysis, determiner):
            return None  # "in Die Freunde von Eddie Coyle": a title, not a phrase to practise
    after = determiner if determiner is not None else -1
    return NounPhrase(
        noun=noun.i,
        determiner=determiner,
        adjectives=tuple(i for i in before if toks[i].tag == "ADJA" and i > after),
        preposition=preposition,
        case=sure_case.get(noun.i),
    )


def _starts_sentence(analysis: Analysis, i: int) -> bool:
    """The first word of its sentence, or right after an opening quote or a dash/colon."""
    sent = analysis.sentences[analysis.tokens[i].sentence]
    before = [t for t in analysis.tokens[sent.start : i] if t.text not in OPENING_QUOTES]
    return not before or before[-1].text in (":", "–", "-")


def phrase_features(
    analysis: Analysis,
    np: NounPhrase,
    *,
    without_determiner: bool = False,
    without_adjectives: bool = False,
    declension_of: str | None = None,
) -> frozenset[Feature]:
    """The (case, number, gender) readings the visible words of the phrase leave open.

    ``without_determiner`` hides the determiner (it is the gap) but keeps the declension its
    kind implies (``declension_of`` gives a form of that kind, e.g. ``der`` or ``ein``), so the
    adjectives still count as evidence.
    """
    toks = analysis.tokens
    noun = toks[np.noun]
    feats = noun_features(noun.text, noun.lemma)
    if not feats:
        return frozenset()
    determiner = None
    if np.determiner is not None:
        determiner = toks[np.determiner].text
    adjectives = [] if without_adjectives else [toks[a].text for a in np.adjectives]
    preposition = toks[np.preposition].lemma if np.preposition is not None else None
    if without_determiner and determiner is not None:
        # Keep only what the adjectives say under the declension of this determiner kind.
        result = set()
        kind = declension_of or determiner
        det = features_of_determiner(kind)
        if det is None:
            return frozenset()
        for f in feats:
            if narrow([f], adjectives=(), preposition=preposition, case=np.case):
                if all(_ending_ok(toks[a].text, f, det[1]) for a in np.adjectives) or without_adjectives:
                    result.add(f)
        return frozenset(result)
    return narrow(feats, determiner=determiner, adjectives=adjectives, preposition=preposition, case=np.case)


def _ending_ok(adjective: str, feature: Feature, declension: str) -> bool:
    split = split_adjective_ending(adjective)
    return split is not None and adjective_ending(feature, declension) == split[1]
