"""German question word order and verb forms: W-word first, finite verb second, the rest last.

A question is assembled from parts: the Vorfeld (the W-word), the finite verb (inflected with
``ablaut`` to agree and to turn Konjunktiv I of reported speech into the indicative), the
Mittelfeld (the subject first, then the other constituents in text order) and the right
bracket (infinitives, participles, the separable particle).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import ablaut

TABLES: tuple[str, ...] = ("present", "preterite", "konjunktiv1", "konjunktiv2")
THIRD_SG, THIRD_PL = 2, 5
# Konjunktiv II forms that stand in for Konjunktiv I in reported speech (hätten, würde ...):
# in the indicative they become present tense.
REPORTED_KONJ2: frozenset[str] = frozenset({"haben", "werden", "sein"})

@lru_cache(maxsize=4096)
def conjugation(lemma: str) -> Any | None:
    """ablaut's table for a lemma, or None when ablaut does not know it as an infinitive."""
    try:
        return ablaut.conjugate(lemma)
    except (ValueError, TypeError):
        return None


def finite_slot(lemma: str, form: str) -> tuple[str, int] | None:
    """Which table and person a finite form is: ("konjunktiv1", 2) for ``werde`` of ``werden``.

    Third-person slots are tried first: news text rarely speaks in the first person, and
    ``werde`` is both 1sg present and 3sg Konjunktiv I.
    """
    conj = conjugation(lemma)
    if conj is None:
        return None
    low = form.lower()
    for persons in ((THIRD_SG, THIRD_PL), (0, 1, 3, 4)):
        for table in TABLES:
            forms = getattr(conj, table)
            for idx in persons:
                if forms[idx] and _written_forms(forms[idx]) & {low}:
                    return table, idx
    return None


def _written_forms(form: str) -> set[str]:
    """``kündigt an`` is written ``kündigt`` in V2 and ``ankündigt`` at the end of a clause."""
    words = [w for w in form.lower().split() if w != "sich"]
    if not words:
        return set()
    return {words[0], "".join(words[1:]) + words[0]}


def indicative_table(table: str, lemma: str, *, reported: bool) -> str:
    """The indicative table a question uses for a form found in ``table``."""
    if table == "konjunktiv1":
        return "present"
    if table == "konjunktiv2" and reported and lemma in REPORTED_KONJ2:
        return "present"
    return table


@dataclass(frozen=True)
class VerbForm:
    """A finite verb for position two and what it leaves for the end (its particle)."""

    finite: str
    tail: tuple[str, ...]  # separable particle, reflexive excluded


def inflect(lemma: str, table: str, person: int) -> VerbForm | None:
    """The finite form of ``lemma`` (``ankündigen``) in ``table`` for ``person`` (0..5)."""
    base = lemma[5:] if lemma.startswith("sich ") else lemma
    conj = conjugation(base)
    if conj is None:
        return None
    forms = getattr(conj, table, None)
    if not forms or not forms[person]:
        return None
    words = forms[person].split()
    return VerbForm(finite=words[0], tail=tuple(w for w in words[1:] if w != "sich"))


def person_of_subject(table_person: int) -> int:
    """The third person a finite verb agrees with (news subjects are 3rd person)."""
    return THIRD_PL if table_person in (3, 5) else THIRD_SG


def assemble(vorfeld: str, finite: str, middle: list[str], right: list[str], *, mark: str = "?") -> str:
    """Join the fields into one clause with German spacing and end mark."""
    words = [w for w in (vorfeld, finite, *middle, *right) if w]
    text = " ".join(words)
    text = text.replace(" ,", ",").replace("( ", "(").replace(" )", ")")
    if not any(ch.isupper() for ch in text[1:].split(" ", 1)[0]):  # iPad stays iPad
        text = text[:1].upper() + text[1:]
    return text + mark


def statement(words: list[str]) -> str:
    """A declarative sentence from words, first letter capitalised, with a full stop."""
    return assemble("", "", words, [], mark=".")
