"""Content words a learner can fill in: nouns and attributive adjectives in clear phrases.

Left out: names and words inside names, numbers and abbreviations, titles before a name
(Präsident Xi), hyphenated compounds (Moskau-Besuch), time words (am ___ = any weekday), nouns
without determiner or adjective (in Aussicht, Lügen strafen, lists: mostly fixed phrases or
slots many words fill) and everything inside quotation marks (quotes are where idioms and loose
speech live).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizgen.analysis import Analysis
from quizgen.cloze.base import ClozeContext, is_plain_word
from quizgen.cloze.noun_phrases import NounPhrase, context_noun_phrases, phrase_features
from quizgen.german.morphology import (
    ALL_FEATURES,
    Feature,
    adjective_ending,
    features_of_determiner,
    narrow,
    split_adjective_ending,
)
from quizgen.german.nouns import noun_features, noun_forms, noun_gender, noun_lemma
from quizgen.german.word_lists import CALENDAR_NOUNS, NUMBER_NOUNS, QUOTE_MARKS, TIME_POINT_NOUNS, UNIT_NOUNS

ORDINALS = frozenset("erst zweit dritt viert fünft sechst siebt acht neunt zehnt letzt nächst".split())
# Tagged ADJA but determiners or quantifiers: no content word to learn (der ___ Sache: einen).
NOT_CONTENT_ADJECTIVES = frozenset(
    "ein kein ander anderer beid viel wenig all sämtlich einig mehrer solch derartig folgend weiter "
    "sonstig übrig ganz halb selb jeweilig dies jen zwei drei vier fünf sechs sieben acht neun "
    "zehn elf zwölf zwanzig dreißig hundert tausend".split()
)
PARTICIPLE = re.compile(r"^(\w+)?ge\w+(t|en)$")
MIN_WORDS = 4
# Slots that many words fill: times (am ___), units and numbers (50 ___), parts and ways (zum
# einen Teil, auf diese Art) and forms of address.
SKIP_NOUNS = (
    CALENDAR_NOUNS
    | TIME_POINT_NOUNS
    | UNIT_NOUNS
    | NUMBER_NOUNS
    | frozenset("Mal Nummer Zahl Hälfte Teil Seite Art Weise Fall Grund Herr Frau".split())
)


@dataclass(frozen=True)
class WordGap:
    token: int
    pos: str  # NOUN or ADJ
    phrase: NounPhrase
    readings: frozenset[Feature]  # what the whole phrase (with the gap word) allows
    unique_form: bool  # the visible phrase decides the form once the lemma is known
    ending: str | None = None  # adjectives: the ending in the text


def quoted_tokens(analysis: Analysis) -> frozenset[int]:
    """Tokens between quotation marks (within one sentence, or open to its end)."""
    inside: set[int] = set()
    for sent in analysis.sentences:
        open_quote = False
        for tok in analysis.tokens[sent.start : sent.end]:
            if tok.text in QUOTE_MARKS:
                open_quote = not open_quote
                continue
            if open_quote:
                inside.add(tok.i)
    return frozenset(inside)


def learner_readings(analysis: Analysis, np: NounPhrase, lemma: str, *, skip_adjectives: bool = False) -> frozenset[Feature]:
    """Readings the phrase allows without looking at the noun's own form."""
    toks = analysis.tokens
    gender = noun_gender(noun_lemma(lemma))
    start = frozenset(f for f in ALL_FEATURES if f[1] == "Plur" or f[2] == gender)
    return narrow(
        start,
        determiner=toks[np.determiner].text if np.determiner is not None else None,
        adjectives=[] if skip_adjectives else [toks[a].text for a in np.adjectives],
        preposition=toks[np.preposition].lemma if np.preposition is not None else None,
        case=np.case,
    )


def in_name(analysis: Analysis, np: NounPhrase) -> bool:
    """Whether the noun is part of an institution's name the recogniser missed: after a
    capitalised adjective inside the sentence (die Vereinten Nationen) or before an acronym in
    brackets (das Verbot von Chemiewaffen (OPCW))."""
    toks = analysis.tokens
    noun = toks[np.noun]
    sent = analysis.sentences[noun.sentence]
    for a in np.adjectives:
        if toks[a].text[:1].isupper() and a != sent.start:
            return True
    for i in range(np.noun + 1, min(sent.end, np.noun + 8) - 1):
        if toks[i].text == "(" and toks[i + 1].text.isupper() and 2 <= len(toks[i + 1].text) <= 8:
            return True
        if toks[i].text in (",", ";", ":") or toks[i].tag.startswith("V"):
            break
    return False


def content_gaps(ctx: ClozeContext) -> list[WordGap]:
    """The text's content-word gaps (three kinds ask for them: found once per context)."""
    found = ctx.shared.get("content_gaps")
    if found is None:
        found = ctx.shared["content_gaps"] = tuple(_content_gaps(ctx))
    return list(found)


def _content_gaps(ctx: ClozeContext) -> list[WordGap]:
    analysis = ctx.analysis
    toks = analysis.tokens
    quoted = quoted_tokens(analysis)
    gaps: list[WordGap] = []
    short = {s.index for s in analysis.sentences if sum(1 for t in analysis.sentence_tokens(s.index) if t.text.isalpha()) < MIN_WORDS}
    for np in context_noun_phrases(ctx):
        noun = toks[np.noun]
        if noun.sentence in short:
            continue  # ".@MatthiasMeisner ___.": too little context to fill a content word
        if np.noun in ctx.entity_tokens or np.noun in quoted or "-" in noun.text:
            continue
        nxt, prev = np.noun + 1, np.noun - 1
        if nxt < len(toks) and toks[nxt].sentence == noun.sentence and nxt in ctx.entity_tokens:
            continue  # a title before a name
        if prev >= 0 and (prev in ctx.entity_tokens or toks[prev].tag == "NE"):
            continue  # part of a name (Stamford Bridge)
        if in_name(analysis, np):
            continue  # Vereinte Nationen, Organisation für das Verbot von Chemiewaffen (OPCW)
        if np.determiner is not None and toks[np.determiner].tag == "APPRART":
            # After im, zum, am the word is mostly part of a fixed phrase (im Gegensatz, zum
            # Ziel) or of a name (Im Zentrum), or a slot many words fill (im Tal, am Bahnhof).
            continue
        readings = phrase_features(analysis, np)
        if not readings:
            continue
        noun_gap = _noun_gap(analysis, np, readings)
        if noun_gap is not None:
            gaps.append(noun_gap)
        if len(np.adjectives) == 1 and np.adjectives[0] not in ctx.entity_tokens and np.adjectives[0] not in quoted:
            adjective_gap = _adjective_gap(analysis, np, readings)
            if adjective_gap is not None:
                gaps.append(adjective_gap)
    return gaps


def _noun_gap(analysis: Analysis, np: NounPhrase, readings: frozenset[Feature]) -> WordGap | None:
    noun = analysis.tokens[np.noun]
    if not is_plain_word(noun) or noun_lemma(noun.lemma) in SKIP_NOUNS:
        return None
    # A bare noun (in Aussicht, Lügen strafen, Apple Pay und Fotos) is too often part of a
    # fixed phrase or a list where many words fit: a determiner or an adjective must frame the gap.
    if np.determiner is None and not np.adjectives:
        return None
    forms = noun_forms(noun_lemma(noun.lemma))
    wanted = {forms.get((c, n)) for c, n, _g in learner_readings(analysis, np, noun.lemma)}
    return WordGap(np.noun, "NOUN", np, readings, wanted == {noun.text})


def _adjective_gap(analysis: Analysis, np: NounPhrase, readings: frozenset[Feature]) -> WordGap | None:
    adj = analysis.tokens[np.adjectives[0]]
    split = split_adjective_ending(adj.text)
    if split is None or not adj.text.isalpha() or not adj.text.islower():
        return None
    lemma = adj.lemma.lower()
    if lemma.endswith("e") or not split[0].startswith(lemma[: max(3, len(lemma) - 2)]):
        return None
    if lemma in ORDINALS or lemma in NOT_CONTENT_ADJECTIVES or PARTICIPLE.search(lemma):
        return None  # erst-, zweit-: no word to learn; gestellter: part of a verb phrase
    declension = "strong"
    if np.determiner is not None:
        det = features_of_determiner(analysis.tokens[np.determiner].text)
        if det is None:
            return None
        declension = det[1]
    bare = phrase_features(analysis, np, without_adjectives=True)
    endings = {adjective_ending(f, declension) for f in bare}
    return WordGap(adj.i, "ADJ", np, readings, endings == {split[1]}, ending=split[1])


def fits(gap: WordGap, other: WordGap, analysis: Analysis) -> bool:
    """Whether ``other``'s word would be grammatical in ``gap`` (for word banks)."""
    if gap.pos != other.pos:
        return False
    if gap.pos == "ADJ":
        return gap.ending == other.ending
    tok = analysis.tokens[other.token]
    return noun_fits(gap, tok.text, tok.lemma, analysis)


def noun_fits(gap: WordGap, form: str, lemma: str, analysis: Analysis) -> bool:
    """Whether the noun ``form`` would be grammatical in the noun ``gap``, by what the learner
    sees around it: determiner, adjectives, preposition, not the noun."""
    if gap.pos != "NOUN":
        return False
    toks = analysis.tokens
    np = gap.phrase
    visible = narrow(
        ALL_FEATURES,
        determiner=toks[np.determiner].text if np.determiner is not None else None,
        adjectives=[toks[a].text for a in np.adjectives],
        preposition=toks[np.preposition].lemma if np.preposition is not None else None,
        case=np.case,
    )
    return bool(visible & noun_features(form, lemma))
