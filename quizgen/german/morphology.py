"""German case, number and gender: the one set of grammar tables the analysis and the exercises read.

A reading is a (case, number, gender) triple; a word form allows a set of readings, and a noun
phrase keeps those every visible word allows. The tables here are the closed ones of the
grammar books: articles and article-like words, adjective endings, the personal and relative
pronouns, and which case each preposition governs. The clause analysis reads the same tables
as bit masks (quizgen.german.reading_masks); the cloze kinds read them as sets.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

#: in the order German-as-a-foreign-language courses teach them (and UD lists them)
CASES = ("Nom", "Acc", "Dat", "Gen")
NUMBERS = ("Sing", "Plur")
#: the noun lexicon's gender letters; UD writes them Masc/Fem/Neut
GENDERS = ("m", "f", "n")
UD_GENDERS = {"m": "Masc", "f": "Fem", "n": "Neut"}
ADJECTIVE_ENDINGS = ("e", "em", "en", "er", "es")

# (case, number, gender); gender is None in the plural, where German does not mark it.
Feature = tuple[str, str, str | None]

ALL_FEATURES: frozenset[Feature] = frozenset(
    [(c, "Sing", g) for c in CASES for g in GENDERS] + [(c, "Plur", None) for c in CASES]
)

_CASE_LETTER = {"N": "Nom", "A": "Acc", "D": "Dat", "G": "Gen"}
_SLOT_LETTER: dict[str, tuple[str, str | None]] = {
    "M": ("Sing", "m"), "F": ("Sing", "f"), "N": ("Sing", "n"), "P": ("Plur", None),
}  # fmt: skip


@functools.lru_cache(maxsize=256)
def readings(spec: str) -> frozenset[Feature]:
    """Readings from a compact spec: ``"NM DF GP"`` = Nom masc sg, Dat fem sg, Gen plural;
    ``*`` stands for every case or every slot (``"D*"``, ``"*MFN"``)."""
    out: set[Feature] = set()
    for item in spec.split():
        cases = CASES if item[0] == "*" else (_CASE_LETTER[item[0]],)
        slots = "MFNP" if item[1:] == "*" else item[1:]
        out.update((case, *_SLOT_LETTER[s]) for case in cases for s in slots)
    return frozenset(out)


def of_case(*cases: str) -> frozenset[Feature]:
    return frozenset(f for f in ALL_FEATURES if f[0] in cases)


SINGULAR = readings("*MFN")
PLURAL = readings("*P")

# --- articles and article-like words -----------------------------------------------------

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

#: possessives and kein decline like ein, and in the plural like die (meine, keine Freunde)
EIN_WORDS = ("unser", "unsr", "euer", "eur", "mein", "dein", "sein", "ihr", "kein", "ein")
_EIN_PLURAL = {"e": ("Nom", "Acc"), "er": ("Gen",), "en": ("Dat",)}
#: demonstratives and the like decline like the definite article (dieser ~ der)
DER_WORDS = ("dies", "jen", "jed", "welch", "manch", "solch", "all", "jeglich", "derselb", "dieselb")
#: quantifiers after which adjectives still take strong endings (viele neue Ideen)
STRONG_QUANTIFIERS = ("viel", "einig", "mehrer", "wenig", "etlich", "zahlreich")

#: how an adjective after a determiner declines: weak after der-words, mixed after ein-words,
#: strong with no determiner or after a quantifier
Declension = str


def _ending(form: str, stems: tuple[str, ...]) -> str | None:
    for stem in stems:
        if form.startswith(stem):
            rest = form[len(stem) :]
            if rest == "" or rest in ADJECTIVE_ENDINGS:
                return rest
    return None


def features_of_article(form: str) -> frozenset[Feature]:
    """Every reading a definite or indefinite article form can have."""
    low = form.lower()
    table = DEFINITE if low in DEFINITE_FORMS else INDEFINITE
    return frozenset(f for f, a in table.items() if a == low)


def _der_word_features(ending: str) -> frozenset[Feature]:
    if ending == "es":  # dieses: Nom/Acc/Gen neuter, Gen masculine (not Nom/Acc das only)
        return readings("NN AN GM GN")
    article = {"er": "der", "e": "die", "en": "den", "em": "dem"}[ending]
    return frozenset(f for f, a in DEFINITE.items() if a == article)


@functools.lru_cache(maxsize=20_000)
def features_of_determiner(form: str) -> tuple[frozenset[Feature], Declension] | None:
    """Readings and declension (see ``Declension``) of a determiner form, None when it is no
    determiner we know."""
    low = form.lower()
    if low in DEFINITE_FORMS:
        return features_of_article(low), "weak"
    if low in INDEFINITE_FORMS:  # the indefinite article has no plural (keine, meine have)
        return features_of_article(low), "mixed"
    if low in CONTRACTIONS:  # im = in dem: the article is in the preposition
        preposition, article = CONTRACTIONS[low]
        return features_of_article(article) & of_case(*PREPOSITION_CASES[preposition]), "weak"
    ending = _ending(low, EIN_WORDS)
    if ending is not None:
        sing = frozenset(f for f, a in INDEFINITE.items() if a == "ein" + ending)
        plur = frozenset((c, "Plur", None) for c in _EIN_PLURAL.get(ending, ()))
        return sing | plur, "mixed"
    ending = _ending(low, DER_WORDS)
    if ending:
        return _der_word_features(ending), "weak"
    ending = _ending(low, STRONG_QUANTIFIERS)
    if ending:
        feats = _der_word_features(ending)
        return (feats & PLURAL or feats), "strong"
    return None


def adjective_ending(feature: Feature, declension: Declension) -> str:
    """The attributive adjective ending for a reading after a weak/mixed/strong context."""
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


@functools.lru_cache(maxsize=16)
def adjective_features(ending: str, declension: Declension) -> frozenset[Feature]:
    """The readings in which an attributive adjective takes ``ending``."""
    return frozenset(f for f in ALL_FEATURES if adjective_ending(f, declension) == ending)


def determiner_adjective_clash(
    determiner: str, adjective: str, *, gender: str | None = None, number: str | None = None
) -> bool:
    """Whether an attributive adjective right after a determiner has an ending no reading of
    the determiner allows: an error of the text (``das englisches Klagelied``, ``im vergangenem
    Jahr``, ``ein andere``). ``gender`` of the noun, when known, tells whether the determiner
    is the noun's at all; ``number``, when sure, leaves only its readings (``die griechischen
    Zeitung``: die of a singular wants -e).
    An adjective without an ending (lila) never clashes."""
    found = features_of_determiner(determiner)
    ending = ending_of(adjective.lower())
    if found is None or ending is None or len(adjective) - len(ending) < 3:
        return False
    features, declension = found
    if gender is not None and not any(f[1] == "Plur" or f[2] == gender for f in features):
        return False  # the determiner is not this noun's (ein vergangene Woche erschienener ...)
    if number is not None:
        features = frozenset(f for f in features if f[1] == number)
    return not features & adjective_features(ending, declension)


def ending_of(form: str) -> str | None:
    """The adjective ending a form ends in (the two-letter ones first), None when it has none."""
    return next((e for e in ("em", "en", "er", "es", "e") if form.endswith(e)), None)


def split_adjective_ending(text: str) -> tuple[str, str] | None:
    """Split an attributive adjective into stem and ending (``chinesischen`` -> chinesisch, en)."""
    ending = ending_of(text)
    if ending is None or len(text) - len(ending) < 3:
        return None
    return text[: -len(ending)], ending


# --- pronouns ----------------------------------------------------------------------------

_SG = "MFN"
#: form -> (readings spec, persons it can be); ``sie`` and ``Sie`` alike (see pronoun_features)
PRONOUNS: dict[str, tuple[str, frozenset[int]]] = {
    "ich": (f"N{_SG}", frozenset({1})), "mich": (f"A{_SG}", frozenset({1})),
    "mir": (f"D{_SG}", frozenset({1})), "du": (f"N{_SG}", frozenset({2})),
    "dich": (f"A{_SG}", frozenset({2})), "dir": (f"D{_SG}", frozenset({2})),
    "er": ("NM", frozenset({3})), "ihn": ("AM", frozenset({3})), "ihm": ("DM DN", frozenset({3})),
    "sie": ("NF AF NP AP", frozenset({3})), "es": ("NN AN", frozenset({3})),
    "wir": ("NP", frozenset({1})), "uns": ("AP DP", frozenset({1})),
    "ihr": ("NP DF", frozenset({2, 3})), "euch": ("AP DP", frozenset({2})),
    "ihnen": ("DP", frozenset({3})), "man": ("NM", frozenset({3})),
    "sich": ("A* D*", frozenset({3})),
    "jemand": (f"N{_SG} A{_SG} D{_SG}", frozenset({3})), "niemand": (f"N{_SG} A{_SG} D{_SG}", frozenset({3})),
    "etwas": ("NN AN DN", frozenset({3})), "nichts": ("NN AN DN", frozenset({3})),
    "alles": ("NN AN", frozenset({3})), "was": ("NN AN", frozenset({3})),
    "wer": ("NM", frozenset({3})), "wen": ("AM", frozenset({3})), "wem": ("DM", frozenset({3})),
    "wessen": ("GM", frozenset({3})), "dessen": ("GM GN", frozenset({3})),
    "deren": ("GF GP", frozenset({3})), "denen": ("DP", frozenset({3})),
    "der": ("NM DF", frozenset({3})), "die": ("NF AF NP AP", frozenset({3})),
    "das": ("NN AN", frozenset({3})), "den": ("AM", frozenset({3})), "dem": ("DM DN", frozenset({3})),
}  # fmt: skip
#: pronouns that decline like dieser (welche, andere, beide ...)
DER_PRONOUN_STEMS = DER_WORDS + ("welch", "ander", "beid", "viel", "einig", "mehrer", "wenig", "jed")


def pronoun_features(form: str) -> tuple[frozenset[Feature], frozenset[int]]:
    """(readings, possible persons) of a pronoun; polite ``Ihnen`` is third person plural.
    An unknown pronoun allows every reading."""
    low = form.lower()
    if form == "Ihnen":
        return readings("DP"), frozenset({3})
    if low in PRONOUNS:
        spec, persons = PRONOUNS[low]
        return readings(spec), persons
    ending = _ending(low, DER_PRONOUN_STEMS)
    if ending:
        return _der_word_features(ending), frozenset({3})
    return ALL_FEATURES, frozenset({3})


# --- prepositions ------------------------------------------------------------------------

#: Which case a preposition governs (Duden). Where two are listed both are standard written
#: German: dank seinem Einsatz / dank seines Einsatzes, laut dem Bericht / laut des Berichts,
#: binnen einem Monat / binnen eines Monats, trotz des Regens / (seltener) trotz dem Regen.
PREPOSITION_CASES: dict[str, frozenset[str]] = {}
for _preps, _cases in (
    ("durch für gegen ohne um bis wider pro je per", ("Acc",)),
    ("aus bei mit nach seit von zu gegenüber ab außer samt nebst entgegen zufolge gemäß", ("Dat",)),
    ("dank laut trotz binnen", ("Dat", "Gen")),
    # The genitive prepositions: the colloquial dative (wegen dem Wetter) is not standard; the
    # dative plural is, where no article or adjective shows the genitive (see governed_features).
    (
        "wegen während statt anstatt innerhalb außerhalb aufgrund angesichts infolge mittels "
        "bezüglich hinsichtlich seitens zugunsten anlässlich oberhalb unterhalb jenseits diesseits "
        "abseits entlang ungeachtet zwecks inklusive exklusive einschließlich namens kraft",
        ("Gen",),
    ),
    ("an auf hinter in neben über unter vor zwischen", ("Acc", "Dat")),
):
    for _p in _preps.split():
        PREPOSITION_CASES[_p] = frozenset(_cases)
TWO_WAY = frozenset(p for p, cases in PREPOSITION_CASES.items() if cases == {"Acc", "Dat"})
#: prepositions that join wo(r)- and da(r)- into a pronominal adverb (wofür, darauf, womit)
PRONOMINAL_PREPOSITIONS = frozenset(
    "an auf aus bei durch für gegen hinter in mit nach neben über um unter von vor zu zwischen".split()
)

#: preposition + definite article written as one word: zum = zu dem
CONTRACTIONS: dict[str, tuple[str, str]] = {
    "am": ("an", "dem"), "ans": ("an", "das"), "im": ("in", "dem"), "ins": ("in", "das"),
    "vom": ("von", "dem"), "zum": ("zu", "dem"), "zur": ("zu", "der"), "beim": ("bei", "dem"),
    "aufs": ("auf", "das"), "fürs": ("für", "das"), "durchs": ("durch", "das"), "ums": ("um", "das"),
    "übers": ("über", "das"), "überm": ("über", "dem"), "unters": ("unter", "das"),
    "unterm": ("unter", "dem"), "vors": ("vor", "das"), "vorm": ("vor", "dem"),
    "hinters": ("hinter", "das"), "hinterm": ("hinter", "dem"),
}  # fmt: skip


def governed_features(preposition: str, *, marked: bool = True) -> frozenset[Feature] | None:
    """The readings of the phrase a preposition (or preposition + article) governs; None when
    the word governs no case we know (als, wie: the case of what they compare with).

    ``marked`` says an article or adjective of the phrase shows its case: where none does, a
    genitive preposition takes the dative plural (während fünf Jahren, wegen Bauarbeiten)."""
    low = preposition.lower()
    if low in CONTRACTIONS:
        prep, article = CONTRACTIONS[low]
        return of_case(*PREPOSITION_CASES[prep]) & features_of_article(article)
    cases = PREPOSITION_CASES.get(low)
    if cases is None:
        return None
    if cases == {"Gen"} and not marked:
        return of_case("Gen") | readings("DP")
    return of_case(*cases)


def narrow(
    features: Iterable[Feature],
    *,
    determiner: str | None = None,
    adjectives: Iterable[str] = (),
    preposition: str | None = None,
    case: str | None = None,
) -> frozenset[Feature]:
    """Keep the readings that agree with the determiner, the adjective forms, the case the
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
    adjectives = tuple(adjectives)
    for adj in adjectives:
        split = split_adjective_ending(adj)
        if split is None:
            return frozenset()
        result &= adjective_features(split[1], declension)
    if preposition is not None:
        governed = governed_features(preposition, marked=determiner is not None or bool(adjectives))
        if governed is not None:
            result &= governed
    if case is not None:
        result = frozenset(f for f in result if f[0] == case)
    return result
