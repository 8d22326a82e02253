"""German common nouns: gender, article, plural and case forms (german-nouns, Wiktionary).

The data is package data built by ``tools/build_noun_lexicon.py``; it is loaded once per
process on first use.
"""

from __future__ import annotations

import functools
import gc
import gzip
from collections.abc import Iterable
from importlib import resources

from quizgen.analysis import NounInfo
from quizgen.german.morphology import CASES, GENDERS, Feature

ARTICLES = {"m": "der", "f": "die", "n": "das"}
_NUMBER_SUFFIX = {"Sg": "Sing", "Pl": "Plur"}

Slot = tuple[str, str]  # (case, number)
Lexicon = tuple[
    dict[str, tuple[str, tuple[tuple[str, ...], ...]]], dict[str, tuple[str, ...]], tuple[Slot, ...]
]


@functools.lru_cache(maxsize=1)
def _lexicon() -> Lexicon:
    """(lemma -> (gender, forms per slot), form -> lemmas having it, in file order, the slot
    of each form column as the file's header names it)."""
    path = resources.files("quizgen") / "data" / "nouns.tsv.gz"
    with path.open("rb") as raw, gzip.open(raw) as fh:
        text = fh.read().decode("utf-8")
    # Some 90,000 lines become about 700,000 objects: with the collector on, its scans of the
    # growing heap took more than half of the load (2.0 s -> 0.8 s CPU without them).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _parse(text)
    finally:
        if collecting:
            gc.enable()


def _columns(text: str) -> tuple[Slot, ...]:
    """The (case, number) of each form column, from the header line ``# Columns: lemma gender
    NomSg GenSg ...`` that tools/build_noun_lexicon.py writes."""
    for line in text.split("\n", 5)[:5]:
        if line.startswith("# Columns:"):
            names = line.removeprefix("# Columns:").split(";")[0].split()[2:]
            slots = tuple((name[:3], _NUMBER_SUFFIX[name[3:]]) for name in names)
            if len(slots) == 8 and all(case in CASES for case, _ in slots):
                return slots
    raise ValueError("the noun lexicon has no '# Columns:' header naming its eight form columns")


def _parse(text: str) -> Lexicon:
    by_lemma: dict[str, tuple[str, tuple[tuple[str, ...], ...]]] = {}
    by_form: dict[str, list[str]] = {}
    empty: tuple[str, ...] = ()
    for line in text.split("\n"):
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        lemma = parts[0]
        forms = tuple(tuple(c.split("/")) if c else empty for c in parts[2:10])
        by_lemma[lemma] = (parts[1], forms)
        for cell in parts[2:10]:
            if not cell:
                continue
            for form in cell.split("/"):
                lemmas = by_form.get(form)
                if lemmas is None:
                    by_form[form] = [lemma]
                elif lemmas[-1] != lemma:
                    lemmas.append(lemma)
    return by_lemma, {form: tuple(lemmas) for form, lemmas in by_form.items()}, _columns(text)


def _slots_of(form: str, lemma: str) -> tuple[tuple[str, str], ...]:
    """The (Case, Number) slots in which ``lemma`` has ``form``."""
    by_lemma, _, slots = _lexicon()
    return tuple(slot for slot, variants in zip(slots, by_lemma[lemma][1]) if form in variants)


def _entry(lemma: str) -> tuple[str, tuple[tuple[str, ...], ...]] | None:
    by_lemma = _lexicon()[0]
    entry = by_lemma.get(lemma)
    if entry is None and "-" in lemma:
        # Hyphenated compounds (Moskau-Besuch) inflect like their last part.
        head = lemma.rsplit("-", 1)[1]
        entry = by_lemma.get(head[:1].upper() + head[1:])
        if entry is not None:
            prefix = lemma.rsplit("-", 1)[0] + "-"
            gender, forms = entry
            entry = (gender, tuple(tuple(prefix + f for f in cell) for cell in forms))
    return entry


def is_known_noun(lemma: str) -> bool:
    return _entry(lemma) is not None


def noun_info(lemma: str) -> NounInfo | None:
    """Gender, article and plural of a noun lemma; None when the lexicon does not know it."""
    entry = _entry(lemma)
    if entry is None:
        return None
    gender, forms = entry
    plural_forms = forms[_lexicon()[2].index(("Nom", "Plur"))]
    g = gender if gender in ARTICLES else None
    return NounInfo(
        lemma=lemma,
        gender=g,  # type: ignore[arg-type]
        article=ARTICLES.get(gender),
        plural=plural_forms[0] if plural_forms else None,
    )


#: noun suffixes with the gender and plural they give every noun that ends in them, for nouns
#: the lexicon lacks (die Platzierung, die Platzierungen); "-2en": drop two letters, add -en
SUFFIX_NOUNS: tuple[tuple[str, str, str], ...] = (
    ("ung", "f", "en"), ("heit", "f", "en"), ("keit", "f", "en"), ("schaft", "f", "en"), ("tion", "f", "en"),
    ("sion", "f", "en"), ("ität", "f", "en"), ("enz", "f", "en"), ("anz", "f", "en"), ("erei", "f", "en"),
    ("ismus", "m", "-2en"), ("ling", "m", "e"), ("ment", "n", "e"), ("ist", "m", "en"), ("eur", "m", "e"),
)
GUESSED_FROM_PART = "inflected like its last part {part} (german-nouns, Wiktionary, CC BY-SA 4.0)"
GUESSED_FROM_SUFFIX = "gender and plural of the suffix -{suffix}"
#: a last part shorter or rarer than this is no evidence (Platzie|rung)
MIN_PART_LENGTH = 4
MIN_PART_ZIPF = 2.5


def lemma_of_suffix_plural(form: str) -> str | None:
    """The lemma of a plural in a noun suffix the lexicon lacks (Platzierungen: Platzierung)."""
    for suffix, _gender, ending in SUFFIX_NOUNS:
        plural_end = _plural(suffix, ending)
        if form.endswith(plural_end) and len(form) > len(plural_end) + 2:
            return form[: len(form) - len(plural_end)] + suffix
    return None


def _plural(word: str, ending: str) -> str:
    return word[:-2] + ending[2:] if ending.startswith("-2") else word + ending


def guess_noun_info(lemma: str) -> NounInfo | None:
    """Gender, article and plural of a noun the lexicon lacks: those of its longest known last
    part (Agrar|konzern: der, die Agrarkonzerne), else of its suffix (Platzier|ung: die)."""
    from wordfreq import zipf_frequency

    start = lemma.rfind("-") + 1
    for cut in range(max(start, 1), len(lemma) - MIN_PART_LENGTH + 1):
        part = lemma[cut:][:1].upper() + lemma[cut + 1 :]
        head = noun_info(part)
        if head is None or (cut > start and zipf_frequency(part, "de") < MIN_PART_ZIPF):
            continue
        prefix = lemma[:cut]
        plural = None
        if head.plural:
            plural = prefix + (head.plural[:1].lower() + head.plural[1:] if cut > start else head.plural)
        return NounInfo(lemma=lemma, gender=head.gender, article=head.article, plural=plural,
                        source=GUESSED_FROM_PART.format(part=part))
    for suffix, gender, ending in SUFFIX_NOUNS:
        if lemma.endswith(suffix) and len(lemma) > len(suffix) + 2:
            plural = _plural(lemma, ending)
            return NounInfo(lemma=lemma, gender=gender, article=ARTICLES[gender],  # type: ignore[arg-type]
                            plural=plural, source=GUESSED_FROM_SUFFIX.format(suffix=suffix))
    return None


def noun_forms(lemma: str) -> dict[tuple[str, str], str]:
    """The usual form for each (Case, Number), e.g. ("Dat", "Plur") -> "Abzügen"."""
    entry = _entry(lemma)
    if entry is None:
        return {}
    return {slot: cell[0] for slot, cell in zip(_lexicon()[2], entry[1]) if cell}


def noun_case_numbers(form: str, lemma: str | None = None) -> frozenset[tuple[str, str]]:
    """Every (Case, Number) a surface form can have (of ``lemma`` if given)."""
    by_form = _lexicon()[1]
    lemmas = by_form.get(form, ())
    if not lemmas and "-" in form:
        head = form.rsplit("-", 1)[1]
        form = head[:1].upper() + head[1:]
        lemmas = by_form.get(form, ())
        lemma = lemma.rsplit("-", 1)[1] if lemma and "-" in lemma else lemma
    return frozenset(slot for lem in lemmas if lemma is None or lem == lemma for slot in _slots_of(form, lem))


def forms_of(lemmas: Iterable[str]) -> frozenset[str]:
    """The lemmas with every form the lexicon gives them (Jahr: Jahres, Jahre, Jahren ...)."""
    by_lemma = _lexicon()[0]
    forms = set(lemmas)
    for lemma in lemmas:
        entry = by_lemma.get(lemma)
        if entry is not None:
            forms.update(form for cell in entry[1] for form in cell)
    return frozenset(forms)


def noun_lemmas_of_form(form: str) -> tuple[str, ...]:
    """Lemmas a surface form can belong to, in lexicon order, without repeats."""
    return _lexicon()[1].get(form, ())


def all_noun_lemmas() -> tuple[str, ...]:
    """Every lemma the lexicon knows (for distractor candidates)."""
    return tuple(_lexicon()[0])


def noun_gender(lemma: str) -> str | None:
    entry = _entry(lemma)
    return entry[0] or None if entry else None


def noun_lemma(lemma: str) -> str:
    """The lexicon spelling of a lemma: HanTa lower-cases the part after a hyphen
    (``Top-diplomat``), the lexicon capitalises it (``Top-Diplomat``)."""
    if "-" in lemma:
        head, _, last = lemma.rpartition("-")
        return f"{head}-{last[:1].upper()}{last[1:]}"
    return lemma


@functools.lru_cache(maxsize=20_000)
def noun_features(form: str, lemma: str) -> frozenset[Feature]:
    """Every (case, number, gender) a noun form of ``lemma`` can have; none when the lexicon
    does not know the noun's gender."""
    lemma = noun_lemma(lemma)
    gender = noun_gender(lemma)
    if gender not in GENDERS:
        return frozenset()
    slots = noun_case_numbers(form, lemma)
    return frozenset((c, n, gender if n == "Sing" else None) for c, n in slots)
