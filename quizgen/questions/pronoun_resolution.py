"""Resolve a personal pronoun to the person it refers to, or say that we cannot.

Precision first: a pronoun resolves only when exactly one person of its gender is named in
its sentence (before it) or the sentence before, and no masculine or feminine common noun
that could be the antecedent stands between them. Everything else is unresolved, and the
generators drop the question rather than answer ``er``.
"""

from __future__ import annotations

from quizgen.analysis import Analysis
from quizgen.questions.mentions import Mention, full_name, is_female_name, is_person_noun, mentions

# pronoun -> gender it needs (m/f); sie/ihr may be plural: only singular uses resolve
PRONOUN_GENDER: dict[str, str] = {"er": "m", "ihn": "m", "ihm": "m", "sie": "f", "ihr": "f"}
PERSONAL_PRONOUNS: frozenset[str] = frozenset(
    {"ich", "du", "er", "sie", "es", "wir", "ihr", "ihn", "ihm", "ihnen", "mich", "dich", "uns", "euch", "mir", "dir", "man"}
)


def resolve_pronoun(analysis: Analysis, index: int, *, singular: bool = True) -> Mention | None:
    """The person a pronoun token refers to, when that is clear; otherwise None."""
    tok = analysis.tokens[index]
    gender = PRONOUN_GENDER.get(tok.text.lower())
    if gender is None or (gender == "f" and not singular):
        return None
    first_sentence = max(0, tok.sentence - 1)
    window = [
        m
        for m in mentions(analysis)
        if m.label == "PER" and first_sentence <= m.sentence <= tok.sentence and m.end <= index
    ]
    if not window:
        return None
    fitting: dict[str, Mention] = {}
    for m in window:
        female = is_female_name(analysis, m)
        if (gender == "m" and female is not True) or (gender == "f" and female is True):
            fitting[full_name(analysis, m)] = m  # later mentions win: the nearest form of each person
    others = {full_name(analysis, m) for m in window} - set(fitting)
    if len(fitting) != 1 or (gender == "f" and others):
        return None
    mention = next(iter(fitting.values()))
    if _competing_noun_between(analysis, mention.end, index, gender):
        return None
    return mention


def _competing_noun_between(analysis: Analysis, start: int, end: int, gender: str) -> bool:
    for tok in analysis.tokens[start:end]:
        if tok.tag != "NN" or is_person_noun(tok):
            continue
        noun_gender = tok.noun.gender if tok.noun is not None else tok.feat("Gender")
        if noun_gender in (gender, {"m": "Masc", "f": "Fem"}[gender]):
            return True
    return False


def resolved_name(analysis: Analysis, index: int, *, singular: bool = True) -> str | None:
    """The full name for a pronoun (``er`` -> ``Wang Yi``), or None."""
    mention = resolve_pronoun(analysis, index, singular=singular)
    return full_name(analysis, mention) if mention is not None else None
