"""Simple noun phrases (preposition, determiner, adjectives, noun) and what their forms decide.

A gap on the article or an adjective ending is fair only when the words a learner sees decide
it: the noun's form, the other words of the phrase, the preposition before it and, where the
clause analysis is sure of it, the case the verb gives the phrase.
"""

from __future__ import annotations

from dataclasses import dataclass

from quizgen.analysis import Analysis
from quizgen.german.morphology import (
    Feature,
    adjective_ending,
    features_of_determiner,
    narrow,
    split_adjective_ending,
)
from quizgen.german.nouns import noun_features
from quizgen.german.word_lists import OPENING_QUOTES

DETERMINER_TAGS = frozenset({"ART", "PDAT", "PIAT", "PPOSAT"})
# Words that may stand between determiner and noun without changing agreement.
INSIDE_TAGS = frozenset({"ADJA", "ADV", "PTKA"})
CASE_CONFIDENCE = 0.9


@dataclass(frozen=True)
class NounPhrase:
    noun: int
    determiner: int | None
    adjectives: tuple[int, ...]
    preposition: int | None
    start: int  # first token of the phrase (the preposition if any)
    case: str | None  # from the clause analysis, when it is sure


def noun_phrases(analysis: Analysis) -> list[NounPhrase]:
    """Every common noun with the determiner, adjectives and preposition right before it."""
    toks = analysis.tokens
    sure_case: dict[int, str] = {}
    for clause in analysis.clauses:
        phrases = [clause.subject, *clause.acc_objects, *clause.dat_objects, *clause.pps, *clause.other]
        for ph in phrases:
            if ph is not None and ph.case and ph.confidence >= CASE_CONFIDENCE:
                sure_case[ph.head] = ph.case
    result = []
    for tok in toks:
        if tok.tag != "NN" or tok.upos != "NOUN":
            continue
        j = tok.i - 1
        adjectives: list[int] = []
        while j >= 0 and toks[j].sentence == tok.sentence and toks[j].tag in INSIDE_TAGS:
            if toks[j].tag == "ADJA":
                adjectives.append(j)
            j -= 1
        determiner = None
        if j >= 0 and toks[j].sentence == tok.sentence and toks[j].tag in DETERMINER_TAGS:
            determiner = j
            j -= 1
            if toks[determiner].text[:1].isupper() and not _starts_sentence(analysis, determiner):
                continue  # "in Die Freunde von Eddie Coyle": a title, not a phrase to practise
        preposition = None
        if j >= 0 and toks[j].sentence == tok.sentence and toks[j].tag == "APPR":
            preposition = j
        start = preposition if preposition is not None else (determiner if determiner is not None else j + 1)
        result.append(
            NounPhrase(
                noun=tok.i,
                determiner=determiner,
                adjectives=tuple(reversed(adjectives)),
                preposition=preposition,
                start=start,
                case=sure_case.get(tok.i),
            )
        )
    return result


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
