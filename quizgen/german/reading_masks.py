"""German case, number and gender of noun phrases from closed-class words and the noun lexicon.

A phrase's possible readings are a 16-bit mask: one bit per (case, slot), where a slot is
Masc/Fem/Neut singular or plural. Every word of a noun phrase narrows the mask (articles,
pronouns, adjective endings, the noun's own form); a word whose constraint would empty the
mask is ignored, because one mistagged word must not wipe out what the others say.
"""

from __future__ import annotations

import functools

from quizgen.german import nouns as noun_lexicon

CASES = ("Nom", "Acc", "Dat", "Gen")
SLOTS = ("Masc", "Fem", "Neut", "Plur")
ALL = (1 << 16) - 1
_CASE_LETTER = {"N": 0, "A": 1, "D": 2, "G": 3}
_SLOT_LETTER = {"M": 0, "F": 1, "N": 2, "P": 3}
_GENDER_SLOT = {"m": 0, "f": 1, "n": 2, "Masc": 0, "Fem": 1, "Neut": 2}


def bit(case: int, slot: int) -> int:
    return 1 << (case * 4 + slot)


def spec(text: str) -> int:
    """A mask from a compact spec: ``"NM DF GP"`` = Nom Masc Sg, Dat Fem Sg, Gen Plural."""
    mask = 0
    for item in text.split():
        cases = [_CASE_LETTER[item[0]]] if item[0] != "*" else [0, 1, 2, 3]
        slots = [_SLOT_LETTER[c] for c in item[1:]] if item[1:] != "*" else [0, 1, 2, 3]
        for c in cases:
            for s in slots:
                mask |= bit(c, s)
    return mask


def case_mask(case: str) -> int:
    c = CASES.index(case)
    return sum(bit(c, s) for s in range(4))


SING = spec("*MFN")
PLUR = spec("*P")


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
    return tuple(
        g for gi, g in enumerate(SLOTS[:3]) if any(mask & bit(c, gi) for c in range(4))
    )


def narrow(mask: int, constraint: int) -> int:
    """Intersect, but keep the old mask when the constraint contradicts everything."""
    both = mask & constraint
    return both if both else mask


# --- determiners -------------------------------------------------------------------------

_DER_WORD = {"er": spec("NM DF GF GP"), "e": spec("NF AF NP AP"), "es": spec("NN AN GM GN"),
             "en": spec("AM DP"), "em": spec("DM DN")}
_DEFINITE = {"der": spec("NM DF GF GP"), "die": spec("NF AF NP AP"), "das": spec("NN AN"),
             "den": spec("AM DP"), "dem": spec("DM DN"), "des": spec("GM GN")}
_EIN_WORD = {"": spec("NM NN AN"), "e": spec("NF AF NP AP"), "en": spec("AM DP"),
             "em": spec("DM DN"), "er": spec("DF GF GP"), "es": spec("GM GN")}
_EIN_STEMS = ("unser", "unsr", "euer", "eur", "mein", "dein", "sein", "ihr", "kein", "ein")
_DER_STEMS = ("dies", "jen", "jed", "welch", "manch", "solch", "all", "jeglich", "derselb", "dieselb")
#: determiners after which adjectives still take strong endings (viele neue Ideen)
_STRONG_AFTER = ("viel", "einig", "mehrer", "wenig", "etlich", "zahlreich", "manch")


def _ending(form: str, stems: tuple[str, ...]) -> str | None:
    for stem in stems:
        if form.startswith(stem):
            rest = form[len(stem):]
            if rest in ("", "e", "en", "em", "er", "es"):
                return rest
    return None


def determiner_mask(form: str) -> tuple[int, bool] | None:
    """(mask, adjectives after it are weak) for an article-like word, None if unknown."""
    low = form.lower()
    if low in _DEFINITE:
        return _DEFINITE[low], True
    ending = _ending(low, _EIN_STEMS)
    if ending is not None:
        return _EIN_WORD[ending], ending != ""
    ending = _ending(low, _DER_STEMS)
    if ending is not None and ending:
        return _DER_WORD[ending], True
    ending = _ending(low, _STRONG_AFTER)
    if ending is not None and ending:
        return _DER_WORD[ending] & PLUR or _DER_WORD[ending], False
    return None


# --- adjectives --------------------------------------------------------------------------

_STRONG_ADJ = {"er": spec("NM DF GF GP"), "e": spec("NF AF NP AP"), "es": spec("NN AN"),
               "en": spec("AM GM GN DP"), "em": spec("DM DN")}
_WEAK_ADJ = {"e": spec("NM NF NN AF AN")}
_WEAK_ADJ["en"] = ALL & ~_WEAK_ADJ["e"]


def adjective_mask(form: str, weak: bool) -> int:
    """What an attributive adjective's ending allows, given the determiner before it."""
    if not form[:1].islower():
        return ALL  # Berliner, Schweizer: invariable
    low = form.lower()
    for ending in ("em", "en", "er", "es", "e"):
        if low.endswith(ending):
            table = _WEAK_ADJ if weak else _STRONG_ADJ
            return table.get(ending, 0) or ALL
    return ALL


# --- pronouns ----------------------------------------------------------------------------

_SG = "MFN"
_PRONOUNS: dict[str, tuple[str, frozenset[int]]] = {
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
}
PRONOUN_MASKS: dict[str, tuple[int, frozenset[int]]] = {k: (spec(v[0]), v[1]) for k, v in _PRONOUNS.items()}


def pronoun_mask(form: str, tag: str) -> tuple[int, frozenset[int]]:
    """(mask, possible persons) of a pronoun; polite ``Sie`` is third person plural."""
    low = form.lower()
    if form == "Ihnen":
        return spec("DP"), frozenset({3})
    if low in PRONOUN_MASKS:
        return PRONOUN_MASKS[low]
    ending = _ending(low, _DER_STEMS + ("welch", "ander", "beid", "viel", "einig", "mehrer", "wenig", "jed"))
    if ending:
        return _DER_WORD[ending], frozenset({3})
    return ALL, frozenset({3})


# --- prepositions ------------------------------------------------------------------------

_DAT = ("aus", "bei", "mit", "nach", "seit", "von", "zu", "gegenüber", "ab", "außer", "samt",
        "entgegen", "zufolge", "gemäß", "nebst", "binnen", "dank", "vom", "zum", "zur", "beim")
_ACC = ("für", "durch", "gegen", "ohne", "um", "bis", "wider", "pro", "je", "per", "fürs", "durchs", "ums")
_GEN = ("wegen", "während", "trotz", "laut", "inklusive", "einschließlich", "statt", "anstatt",
        "innerhalb", "außerhalb", "aufgrund", "angesichts", "infolge", "mittels", "bezüglich",
        "hinsichtlich", "seitens", "zugunsten", "anlässlich", "oberhalb", "unterhalb", "jenseits",
        "diesseits", "abseits", "entlang", "ungeachtet", "zwecks", "exklusive", "namens", "kraft")
_TWO_WAY = ("in", "an", "auf", "über", "unter", "vor", "hinter", "neben", "zwischen")
TWO_WAY = frozenset(_TWO_WAY)
_CONTRACTED_DAT = ("am", "im", "vom", "zum", "zur", "beim", "hinterm", "überm", "unterm", "vorm")
_CONTRACTED_ACC = ("ans", "ins", "aufs", "fürs", "durchs", "ums", "übers", "unters", "vors", "hinters")

PREPOSITION_CASES: dict[str, int] = {}
for _p in _DAT:
    PREPOSITION_CASES[_p] = case_mask("Dat")
for _p in _ACC:
    PREPOSITION_CASES[_p] = case_mask("Acc")
for _p in _GEN:
    # these govern the genitive in writing and the dative in speech and before bare plurals
    PREPOSITION_CASES[_p] = case_mask("Gen") | case_mask("Dat")
for _p in _TWO_WAY:
    PREPOSITION_CASES[_p] = case_mask("Dat") | case_mask("Acc")
PREPOSITION_CASES["als"] = ALL  # als Grundvoraussetzung: the case of what it compares with
PREPOSITION_CASES["wie"] = ALL
for _p in _CONTRACTED_DAT:
    PREPOSITION_CASES[_p] = spec("DM DN") if _p.endswith("m") else spec("DF")
for _p in _CONTRACTED_ACC:
    PREPOSITION_CASES[_p] = spec("AN")


def preposition_mask(form: str, lemma: str) -> int:
    """The cases a preposition (or contracted preposition+article) can govern."""
    low = form.lower()
    if low in _CONTRACTED_DAT or low in _CONTRACTED_ACC:
        return PREPOSITION_CASES[low]
    return PREPOSITION_CASES.get(lemma.lower(), PREPOSITION_CASES.get(low, ALL))


# --- nouns -------------------------------------------------------------------------------


@functools.lru_cache(maxsize=65536)
def noun_mask(form: str, lemma: str) -> int:
    """What the noun's own form allows (lexicon), with its gender; ALL when unknown."""
    pairs = noun_lexicon.noun_case_numbers(form, lemma) or noun_lexicon.noun_case_numbers(form)
    if not pairs:
        return ALL
    info = noun_lexicon.noun_gender(lemma) if lemma else None
    slots = [_GENDER_SLOT[info]] if info in _GENDER_SLOT else [0, 1, 2]
    mask = 0
    for case, number in pairs:
        ci = CASES.index(case)
        if number == "Plur":
            mask |= bit(ci, 3)
        else:
            for s in slots:
                mask |= bit(ci, s)
    return mask


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
