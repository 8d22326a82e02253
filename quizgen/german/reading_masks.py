"""The readings of quizgen.german.morphology as 16-bit masks, for the clause analysis.

One bit per (case, slot), where a slot is Masc/Fem/Neut singular or plural: the same readings
as morphology's (case, number, gender) sets, in a form the clause analysis can intersect for
every word of every phrase at little cost. Every word of a noun phrase narrows the mask
(articles, pronouns, adjective endings, the noun's own form); a word whose constraint would
empty the mask is ignored, because one mistagged word must not wipe out what the others say.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from quizgen.german import morphology as m
from quizgen.german import nouns as noun_lexicon

CASES = m.CASES
SLOTS = ("Masc", "Fem", "Neut", "Plur")
ALL = (1 << 16) - 1


def bit(case: int, slot: int) -> int:
    return 1 << (case * 4 + slot)


def _slot(feature: m.Feature) -> int:
    return 3 if feature[1] == "Plur" else m.GENDERS.index(feature[2] or "")


def mask_of(features: Iterable[m.Feature]) -> int:
    mask = 0
    for f in features:
        mask |= bit(CASES.index(f[0]), _slot(f))
    return mask


def spec(text: str) -> int:
    """A mask from a compact spec: ``"NM DF GP"`` = Nom Masc Sg, Dat Fem Sg, Gen Plural."""
    return mask_of(m.readings(text))


def case_mask(case: str) -> int:
    c = CASES.index(case)
    return sum(bit(c, s) for s in range(4))


SING = mask_of(m.SINGULAR)
PLUR = mask_of(m.PLURAL)


def cases_of(mask: int) -> tuple[str, ...]:
    return tuple(case for case in CASES if mask & case_mask(case))


def numbers_of(mask: int) -> tuple[str, ...]:
    out = []
    if mask & SING:
        out.append("Sing")
    if mask & PLUR:
        out.append("Plur")
    return tuple(out)


def genders_of(mask: int) -> tuple[str, ...]:
    return tuple(g for gi, g in enumerate(SLOTS[:3]) if any(mask & bit(c, gi) for c in range(4)))


def narrow(mask: int, constraint: int) -> int:
    """Intersect, but keep the old mask when the constraint contradicts everything."""
    both = mask & constraint
    return both if both else mask


@functools.lru_cache(maxsize=4096)
def determiner_mask(form: str) -> tuple[int, m.Declension] | None:
    """(mask, declension of the adjectives after it) for an article-like word, None if unknown."""
    det = m.features_of_determiner(form)
    if det is None:
        return None
    return mask_of(det[0]), det[1]


@functools.lru_cache(maxsize=4096)
def adjective_mask(form: str, declension: m.Declension) -> int:
    """What an attributive adjective's ending allows, given the declension of its phrase."""
    if not form[:1].islower():
        return ALL  # Berliner, Schweizer: invariable
    ending = m.ending_of(form.lower())
    if ending is None:
        return ALL
    return mask_of(m.adjective_features(ending, declension)) or ALL


PRONOUN_MASKS: dict[str, tuple[int, frozenset[int]]] = {
    form: (spec(readings), persons) for form, (readings, persons) in m.PRONOUNS.items()
}


def pronoun_mask(form: str) -> tuple[int, frozenset[int]]:
    """(mask, possible persons) of a pronoun (see morphology.pronoun_features)."""
    features, persons = m.pronoun_features(form)
    return mask_of(features), persons


@functools.lru_cache(maxsize=1024)
def preposition_mask(form: str, lemma: str) -> int:
    """The readings a preposition (or contracted preposition + article) leaves its phrase.

    The phrase's own words narrow it further, so the dative plural that genitive prepositions
    take in a phrase that does not show its case (während fünf Jahren) is left open here."""
    low = form.lower()
    for word in (low if low in m.CONTRACTIONS else lemma, low):
        governed = m.governed_features(word, marked=False) if word else None
        if governed is not None:
            return mask_of(governed)
    return ALL


@functools.lru_cache(maxsize=65536)
def noun_mask(form: str, lemma: str) -> int:
    """What the noun's own form allows (lexicon), with its gender; ALL when unknown."""
    pairs = noun_lexicon.noun_case_numbers(form, lemma) or noun_lexicon.noun_case_numbers(form)
    if not pairs:
        return ALL
    gender = noun_lexicon.noun_gender(lemma) if lemma else None
    genders = (gender,) if gender in m.GENDERS else m.GENDERS
    return mask_of(
        (case, number, None if number == "Plur" else g) for case, number in pairs for g in genders
    )


def features_of(mask: int) -> dict[str, str]:
    """UD features that the mask fixes uniquely (Case, Number, Gender)."""
    feats: dict[str, str] = {}
    cases = cases_of(mask)
    if len(cases) == 1:
        feats["Case"] = cases[0]
    numbers = numbers_of(mask)
    if len(numbers) == 1:
        feats["Number"] = numbers[0]
        if numbers[0] == "Sing":
            genders = genders_of(mask)
            if len(genders) == 1:
                feats["Gender"] = genders[0]
    return feats
