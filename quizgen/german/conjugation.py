"""German verb forms for gap exercises: the finite forms of a verb per tense and mood.

The forms come from ``ablaut``; the tables here name its tenses the way a learner's grammar
does.
"""

from __future__ import annotations

import functools

import ablaut

VERB_TABLES = ("present", "preterite", "konjunktiv1", "konjunktiv2")
TABLE_NAMES = {
    "present": "Präsens",
    "preterite": "Präteritum",
    "konjunktiv1": "Konjunktiv I",
    "konjunktiv2": "Konjunktiv II",
}


@functools.lru_cache(maxsize=4096)
def conjugation(infinitive: str) -> dict[str, tuple[tuple[str, str | None], ...]] | None:
    """Finite forms per table as (finite part, separated particle or None), six persons each
    (1sg 2sg 3sg 1pl 2pl 3pl); None when ablaut does not take the word as an infinitive."""
    try:
        conj = ablaut.conjugate(infinitive)
    except (ValueError, TypeError):
        return None
    tables: dict[str, tuple[tuple[str, str | None], ...]] = {}
    for name in VERB_TABLES:
        forms = []
        for full in getattr(conj, name):
            parts = full.split(" ")
            forms.append((parts[0], parts[1] if len(parts) == 2 else None))
        tables[name] = tuple(forms)
    return tables


def verb_form_features(form: str, infinitive: str) -> tuple[tuple[str, int], ...]:
    """Every (table, person index) whose finite form is ``form`` (verb-second or, for
    separable verbs, the joined verb-final form), in table order."""
    tables = conjugation(infinitive)
    if tables is None:
        return ()
    low = form.lower()
    hits = []
    for name, forms in tables.items():
        for person, (finite, particle) in enumerate(forms):
            if low == finite.lower() or (particle and low == (particle + finite).lower()):
                hits.append((name, person))
    return tuple(hits)


def conjugate(infinitive: str, table: str, person: int, *, joined: bool = False) -> str | None:
    """One finite form; ``joined`` glues a separable particle on (verb-final clauses)."""
    tables = conjugation(infinitive)
    if tables is None:
        return None
    finite, particle = tables[table][person]
    if joined and particle:
        return particle + finite
    return finite


@functools.lru_cache(maxsize=4096)
def past_participle(infinitive: str) -> str | None:
    try:
        return str(ablaut.conjugate(infinitive).past_participle)
    except (ValueError, TypeError):
        return None


def is_separable(infinitive: str) -> bool:
    tables = conjugation(infinitive)
    return bool(tables and tables["present"][2][1])
