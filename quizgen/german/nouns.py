"""German common nouns: gender, article, plural and case forms (german-nouns, Wiktionary).

The data is package data built by ``tools/build_noun_lexicon.py``; it is loaded once per
process on first use.
"""

from __future__ import annotations

import functools
import gc
import gzip
from importlib import resources

from quizgen.analysis import NounInfo

CASES = ("Nom", "Gen", "Dat", "Acc")
NUMBERS = ("Sing", "Plur")
_SLOTS: tuple[tuple[str, str], ...] = tuple((c, n) for n in NUMBERS for c in CASES)
ARTICLES = {"m": "der", "f": "die", "n": "das"}


Lexicon = tuple[dict[str, tuple[str, tuple[tuple[str, ...], ...]]], dict[str, tuple[str, ...]]]


@functools.lru_cache(maxsize=1)
def _lexicon() -> Lexicon:
    """(lemma -> (gender, forms per slot), form -> lemmas having it, in file order)."""
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
    return by_lemma, {form: tuple(lemmas) for form, lemmas in by_form.items()}


def _slots_of(form: str, lemma: str) -> tuple[tuple[str, str], ...]:
    """The (Case, Number) slots in which ``lemma`` has ``form``."""
    forms = _lexicon()[0][lemma][1]
    return tuple(slot for slot, variants in zip(_SLOTS, forms) if form in variants)


def _entry(lemma: str) -> tuple[str, tuple[tuple[str, ...], ...]] | None:
    by_lemma, _ = _lexicon()
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
    plural_forms = forms[4]
    g = gender if gender in ARTICLES else None
    return NounInfo(
        lemma=lemma,
        gender=g,  # type: ignore[arg-type]
        article=ARTICLES.get(gender),
        plural=plural_forms[0] if plural_forms else None,
    )


def noun_forms(lemma: str) -> dict[tuple[str, str], str]:
    """The usual form for each (Case, Number), e.g. ("Dat", "Plur") -> "Abzügen"."""
    entry = _entry(lemma)
    if entry is None:
        return {}
    return {slot: cell[0] for slot, cell in zip(_SLOTS, entry[1]) if cell}


def noun_case_numbers(form: str, lemma: str | None = None) -> frozenset[tuple[str, str]]:
    """Every (Case, Number) a surface form can have (of ``lemma`` if given)."""
    _, by_form = _lexicon()
    lemmas = by_form.get(form, ())
    if not lemmas and "-" in form:
        head = form.rsplit("-", 1)[1]
        form = head[:1].upper() + head[1:]
        lemmas = by_form.get(form, ())
        lemma = lemma.rsplit("-", 1)[1] if lemma and "-" in lemma else lemma
    return frozenset(slot for lem in lemmas if lemma is None or lem == lemma for slot in _slots_of(form, lem))


def noun_lemmas_of_form(form: str) -> tuple[str, ...]:
    """Lemmas a surface form can belong to, in lexicon order, without repeats."""
    _, by_form = _lexicon()
    return by_form.get(form, ())


def all_noun_lemmas() -> tuple[str, ...]:
    """Every lemma the lexicon knows (for distractor candidates)."""
    by_lemma, _ = _lexicon()
    return tuple(by_lemma)


def noun_gender(lemma: str) -> str | None:
    entry = _entry(lemma)
    return entry[0] or None if entry else None
