"""Put a simple noun phrase of the text into another case: ``des chinesischen Top-Diplomaten``
-> ``der chinesische Top-Diplomat``, ``die Polizei`` -> (laut) ``der Polizei``.

A simple phrase is [article] [adjectives] noun [names]; its number and gender come from the
noun lexicon, articles and adjective endings from ``german.morphology``. Anything else (a
phrase with a genitive attribute, a PP, a pronoun, an unknown noun) gives None: the caller
then leaves the phrase as it is or drops what it wanted to build.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from quizgen.german.morphology import DEFINITE, DEFINITE_FORMS, INDEFINITE, INDEFINITE_FORMS, adjective_ending, features_of_article, split_adjective_ending
from quizgen.german.nouns import noun_forms, noun_info


class Word(NamedTuple):
    """A word of the phrase as the analysis has it."""

    text: str
    tag: str  # STTS
    lemma: str


def decline(words: Sequence[Word], case: str, *, from_case: str | None = None, number: str | None = None) -> list[str] | None:
    """The phrase in ``case`` (Nom, Acc, Dat, Gen), or None when it is not simple enough.
    ``from_case``, when known, is the case the phrase is in (it tells der Brasilianer from der
    Brasilianer of the genitive plural)."""
    if not words:
        return None
    nouns = [k for k, w in enumerate(words) if w.tag == "NN"]
    if not nouns:
        return [w.text for w in words] if all(w.tag == "NE" for w in words) else None
    head = nouns[0]
    if any(w.tag != "NE" for w in words[head + 1 :]) or any(w.tag not in ("ART", "ADJA") for w in words[:head]):
        return None  # a genitive attribute, a PP or a determiner we do not decline
    noun = words[head]
    lemma = known_noun_lemma(noun.lemma)
    info = noun_info(lemma) if lemma else None
    if lemma is None or info is None or info.gender is None:
        return None
    forms = noun_forms(lemma)
    number = number or _number_of(words, head, info.gender, forms, from_case)
    if number is None:
        return None
    gender = info.gender if number == "Sing" else None
    feature = (case, number, gender)
    noun_form = forms.get((case, number))
    if noun_form is None:
        return None
    out: list[str] = []
    declension = "strong"
    if words[0].tag == "ART":
        low = words[0].text.lower()
        if low in DEFINITE_FORMS:
            article, declension = DEFINITE[feature], "weak"
        elif low in INDEFINITE_FORMS and number == "Sing":
            article, declension = INDEFINITE[feature], "mixed"
        else:
            return None
        out.append(article)
    for word in words[1 if words[0].tag == "ART" else 0 : head]:
        split = split_adjective_ending(word.text)
        if split is None:
            return None
        out.append(split[0] + adjective_ending(feature, declension))
    written = _stem_form(noun, forms)
    if written is None:
        return None
    prefix = noun.text[: len(noun.text) - len(written)]
    if prefix and not prefix.endswith("-"):
        noun_form = noun_form[:1].lower() + noun_form[1:]  # Außen + ministeriumssprecherin
    out.append(prefix + noun_form)
    out += [w.text for w in words[head + 1 :]]
    return out


def known_noun_lemma(lemma: str) -> str | None:
    """The lemma, or the last part of a compound that the noun lexicon knows (Top-Diplomat ->
    Diplomat, Außenministeriumssprecherin -> Sprecherin)."""
    if noun_info(lemma) is not None:
        return lemma
    tail = lemma.split("-")[-1]
    for k in range(0 if "-" in lemma else 1, len(tail) - 3):  # the longest known part first
        part = tail[k:]
        part = part[:1].upper() + part[1:]
        if noun_info(part) is not None:
            return part
    return None


def _stem_form(noun: Word, forms: dict[tuple[str, str], str]) -> str | None:
    """The part of the written noun the lexicon's form replaces (all of it, or the last part of a compound)."""
    for form in sorted(set(forms.values()), key=len, reverse=True):
        if noun.text.endswith(form) or noun.text.endswith(form.lower()):
            return form
    return None


def _number_of(
    words: Sequence[Word], head: int, gender: str, forms: dict[tuple[str, str], str], from_case: str | None
) -> str | None:
    """Singular or plural, from the article when there is one, else from the noun's form."""
    if words[0].tag == "ART":
        numbers = {
            f[1]
            for f in features_of_article(words[0].text)
            if (f[1] == "Plur" or f[2] == gender) and (from_case is None or f[0] == from_case)
        }
        if len(numbers) == 1:
            return next(iter(numbers))
    noun = words[head]
    sing = {v for (c, n), v in forms.items() if n == "Sing" and c == (from_case or c)}
    plur = {v for (c, n), v in forms.items() if n == "Plur" and c == (from_case or c)}
    text = noun.text.lower()
    in_sing = any(text.endswith(f.lower()) for f in sing)
    in_plur = any(text.endswith(f.lower()) for f in plur)
    if in_sing and not in_plur:
        return "Sing"
    if in_plur and not in_sing:
        return "Plur"
    return None
