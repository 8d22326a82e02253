"""German inflection for gap exercises: articles, adjective endings, noun and verb forms.

Noun forms come from the noun lexicon (quizgen.german.nouns), verb forms from ``ablaut``,
article and adjective endings from the rules of the grammar books (they are closed tables).
A noun phrase's grammatical features are worked out the way a learner reads them: from the
forms in the phrase and the preposition before it, as a set of every (case, number, gender)
the visible words still allow.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import ablaut

from quizgen.german.nouns import noun_case_numbers, noun_forms, noun_gender

CASES = ("Nom", "Acc", "Dat", "Gen")
GENDERS = ("m", "f", "n")
ENDINGS = ("e", "em", "en", "er", "es")

# (case, number, gender); gender is None in the plural, where German does not mark it.
Feature = tuple[str, str, str | None]

ALL_FEATURES: frozenset[Feature] = frozenset(
    [(c, "Sing", g) for c in CASES for g in GENDERS] + [(c, "Plur", None) for c in CASES]
)

DEFINITE: dict[Feature, str] = {
    ("Nom", "Sing", "m"): "der", ("Nom", "Sing", "f"): "die", ("Nom", "Sing", "n"): "das",
    ("Acc", "Sing", "m"): "den", ("Acc", "Sing", "f"): "die", ("Acc", "Sing", "n"): "das",
    ("Dat", "Sing", "m"): "dem", ("Dat", "Sing", "f"): "der", ("Dat", "Sing", "n"): "dem",
    ("Gen", "Sing", "m"): "des", ("Gen", "Sing", "f"): "der", ("Gen", "Sing", "n"): "des",
    ("Nom", "Plur", None): "die", ("Acc", "Plur", None): "die",
    ("Dat", "Plur", None): "den", ("Gen", "Plur", None): "der",
}  # fmt: skip

INDEFINITE: dict[Feature, str] = {
    ("Nom", "Sing", "m"): "ein", ("Nom", "Sing", "f"): "eine", ("Nom", "Sing", "n"): "ein",
    ("Acc", "Sing", "m"): "einen", ("Acc", "Sing", "f"): "eine", ("Acc", "Sing", "n"): "ein",
    ("Dat", "Sing", "m"): "einem", ("Dat", "Sing", "f"): "einer", ("Dat", "Sing", "n"): "einem",
    ("Gen", "Sing", "m"): "eines", ("Gen", "Sing", "f"): "einer", ("Gen", "Sing", "n"): "eines",
}  # fmt: skip

DEFINITE_FORMS = ("der", "die", "das", "den", "dem", "des")
INDEFINITE_FORMS = ("ein", "eine", "einen", "einem", "einer", "eines")

# Possessives and kein decline like ein and take "-e/-er/-en" in the plural.
EIN_WORDS = ("mein", "dein", "sein", "ihr", "unser", "euer", "eur", "kein", "ein")
_EIN_PLURAL = {"e": ("Nom", "Acc"), "er": ("Gen",), "en": ("Dat",)}
# Demonstratives and the like decline like the definite article (dieser ~ der).
DER_WORDS = ("dies", "jen", "jed", "welch", "manch", "solch")
_DER_ENDING_TO_ARTICLE = {"er": ("der",), "e": ("die",), "es": ("das", "des"), "en": ("den",), "em": ("dem",)}

PREPOSITION_CASES: dict[str, frozenset[str]] = {}
for _preps, _cases in (
    ("durch für gegen ohne um bis wider", ("Acc",)),
    ("aus bei mit nach seit von zu gegenüber ab außer samt zufolge entgegen nebst", ("Dat",)),
    (
        "während wegen statt anstatt innerhalb außerhalb aufgrund angesichts inklusive "
        "bezüglich oberhalb unterhalb mittels seitens infolge anlässlich hinsichtlich "
        "zugunsten abseits jenseits diesseits einschließlich",
        ("Gen",),
    ),
    ("trotz laut dank", ("Gen", "Dat")),
    ("an auf hinter in neben über unter vor zwischen", ("Acc", "Dat")),
):
    for _p in _preps.split():
        PREPOSITION_CASES[_p] = frozenset(_cases)


@functools.lru_cache(maxsize=20_000)
def features_of_article(form: str) -> frozenset[Feature]:
    """Every feature a definite or indefinite article form can have."""
    low = form.lower()
    table = DEFINITE if low in DEFINITE_FORMS else INDEFINITE
    return frozenset(f for f, a in table.items() if a == low)


@functools.lru_cache(maxsize=20_000)
def features_of_determiner(form: str) -> tuple[frozenset[Feature], str] | None:
    """Features and declension type ("weak" after der-words, "mixed" after ein-words) of a
    determiner form, or None when the form is no determiner we know."""
    low = form.lower()
    if low in DEFINITE_FORMS:
        return features_of_article(low), "weak"
    if low in INDEFINITE_FORMS:
        return features_of_article(low), "mixed"
    for stem in DER_WORDS:
        if low.startswith(stem) and low[len(stem) :] in _DER_ENDING_TO_ARTICLE:
            arts = _DER_ENDING_TO_ARTICLE[low[len(stem) :]]
            feats = frozenset(f for f, a in DEFINITE.items() if a in arts)
            if low == stem + "es":  # dieses: Nom/Acc/Gen neuter, Gen masculine
                feats = frozenset(f for f in feats if f[1] == "Sing" and (f[2] == "n" or f[0] == "Gen"))
            return feats, "weak"
    for stem in EIN_WORDS:
        if low.startswith(stem):
            ending = low[len(stem) :]
            if ending not in ("", "e", "en", "em", "er", "es"):
                continue
            sing = frozenset(f for f, a in INDEFINITE.items() if a == "ein" + ending)
            plur = frozenset((c, "Plur", None) for c in _EIN_PLURAL.get(ending, ()))
            return sing | plur, "mixed"
    return None


def adjective_ending(feature: Feature, declension: str) -> str:
    """The attributive adjective ending for a feature after a weak/mixed/strong context."""
    case, number, gender = feature
    if declension == "mixed" and number == "Plur":
        declension = "weak"  # keine/meine + plural behave like die
    if declension == "weak":
        if number == "Sing" and (case == "Nom" or (case == "Acc" and gender in ("f", "n"))):
            return "e"
        return "en"
    if declension == "mixed":
        if case == "Nom" or (case == "Acc" and gender in ("f", "n")):
            return {"m": "er", "f": "e", "n": "es"}[gender or "f"]
        return "en"
    # strong: no determiner, the adjective shows the case
    strong = {
        "m": {"Nom": "er", "Acc": "en", "Dat": "em", "Gen": "en"},
        "f": {"Nom": "e", "Acc": "e", "Dat": "er", "Gen": "er"},
        "n": {"Nom": "es", "Acc": "es", "Dat": "em", "Gen": "en"},
        None: {"Nom": "e", "Acc": "e", "Dat": "en", "Gen": "er"},
    }
    return strong[gender if number == "Sing" else None][case]


def split_adjective_ending(text: str) -> tuple[str, str] | None:
    """Split an attributive adjective into stem and ending (``chinesischen`` -> chinesisch, en)."""
    for ending in ("em", "en", "er", "es", "e"):
        if text.endswith(ending) and len(text) - len(ending) >= 3:
            return text[: -len(ending)], ending
    return None


def noun_lemma(lemma: str) -> str:
    """The lexicon spelling of a lemma: HanTa lower-cases the part after a hyphen
    (``Top-diplomat``), the lexicon capitalises it (``Top-Diplomat``)."""
    if "-" in lemma:
        head, _, last = lemma.rpartition("-")
        return f"{head}-{last[:1].upper()}{last[1:]}"
    return lemma


@functools.lru_cache(maxsize=20_000)
def noun_features(form: str, lemma: str) -> frozenset[Feature]:
    """Every (case, number, gender) a noun form can have, from the noun lexicon."""
    lemma = noun_lemma(lemma)
    gender = noun_gender(lemma)
    if gender not in GENDERS:
        return frozenset()
    slots = noun_case_numbers(form, lemma)
    return frozenset((c, n, gender if n == "Sing" else None) for c, n in slots)


def narrow(
    features: Iterable[Feature],
    *,
    determiner: str | None = None,
    adjectives: Iterable[str] = (),
    preposition: str | None = None,
    case: str | None = None,
) -> frozenset[Feature]:
    """Keep the features that agree with the determiner, the adjective forms, the case the
    preposition governs and a known case. The declension of the adjectives follows from the
    determiner (none: strong)."""
    result = frozenset(features)
    declension = "strong"
    if determiner is not None:
        det = features_of_determiner(determiner)
        if det is None:
            return frozenset()
        det_feats, declension = det
        result &= det_feats
    for adj in adjectives:
        split = split_adjective_ending(adj)
        if split is None:
            return frozenset()
        result = frozenset(f for f in result if adjective_ending(f, declension) == split[1])
    if preposition is not None and preposition.lower() in PREPOSITION_CASES:
        governed = PREPOSITION_CASES[preposition.lower()]
        result = frozenset(f for f in result if f[0] in governed)
    if case is not None:
        result = frozenset(f for f in result if f[0] == case)
    return result


def inflect_noun(lemma: str, case: str, number: str) -> str | None:
    """The form of a noun for one case and number, or None when the lexicon lacks it."""
    return noun_forms(noun_lemma(lemma)).get((case, number))


# --- verbs -----------------------------------------------------------------------------

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
