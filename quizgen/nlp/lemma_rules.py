"""Hand-written corrections of HanTa's lemmas towards the UD German (GSD) conventions.

HanTa lower-cases acronyms (``SPD`` -> ``Spd``, ``US-Präsident`` -> ``Us-Präsident``), trims
unknown names (``Thomann`` -> ``Thoman``) and loses the capital after a hyphen (``Moskau-Besuch``
-> ``Moskau-besuch``). The rules here are
general; word-specific fixes are learned from the training data (see training/learn_hanta_rules.py).
"""

from __future__ import annotations

import re

_ACRONYM = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜ0-9&.]*[A-ZÄÖÜ0-9]$")
_NUMBER = re.compile(r"^[\d.,:/%-]+$")
_NOUN_TAGS = frozenset({"NN", "NE"})
_ADJECTIVE_TAGS = frozenset({"ADJA", "ADJD"})


def is_acronym(form: str) -> bool:
    return bool(_ACRONYM.match(form)) and any(ch.isalpha() for ch in form)


def has_inner_capital(part: str) -> bool:
    """An acronym or a brand's own casing (US, KHM, iPhone, eBay): a capital after the first letter."""
    return any(ch.isupper() for ch in part[1:])


def _hyphen_case(form: str, lemma: str) -> str:
    # Each part of the lemma keeps the case its part of the word form has: the capital of a
    # noun (Moskau-Besuch) and the whole spelling of an acronym or brand (US-Präsident, iPhone-App).
    form_parts, lemma_parts = form.split("-"), lemma.split("-")
    if len(form_parts) != len(lemma_parts):
        return lemma
    fixed = []
    for fp, lp in zip(form_parts, lemma_parts):
        if has_inner_capital(fp) and fp.lower() == lp.lower():
            lp = fp
        elif fp[:1].isupper() and lp[:1].islower():
            lp = lp[:1].upper() + lp[1:]
        fixed.append(lp)
    return "-".join(fixed)


def fix_lemma(form: str, tag: str, lemma: str) -> str:
    """A lemma after the general rules, given the word form and its STTS tag."""
    if not lemma or lemma == "--":
        return form
    if tag == "CARD" and _NUMBER.match(form):
        return form
    if tag in _NOUN_TAGS or tag == "XY" or tag == "FM":
        if is_acronym(form):
            return form
    if tag == "NE":
        # Names are their own lemma, except for the genitive -s HanTa strips correctly.
        if not (form.endswith("s") and lemma == form[:-1]):
            return form
    if "-" in form and (tag in _NOUN_TAGS or tag in _ADJECTIVE_TAGS or has_inner_capital(form.split("-")[0])):
        lemma = _hyphen_case(form, lemma)  # any tag: iPhone-Tricks tagged as an adverb is no iphone-tricks
    if tag == "NN" and lemma[:1].islower() and form[:1].isupper():
        lemma = lemma[:1].upper() + lemma[1:]
    return lemma
