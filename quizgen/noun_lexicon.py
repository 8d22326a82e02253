"""German common nouns: gender, article, plural and case forms (german-nouns, Wiktionary).

The data is package data built by ``tools/build_noun_lexicon.py``; it is loaded once per
process on first use.
"""

from __future__ import annotations

import functools
import gzip
from importlib import resources

from quizgen.analysis import NounInfo

CASES = ("Nom", "Gen", "Dat", "Acc")
NUMBERS = ("Sing", "Plur")
_SLOTS: tuple[tuple[str, str], ...] = tuple((c, n) for n in NUMBERS for c in CASES)
ARTICLES = {"m": "der", "f": "die", "n": "das"}


@functools.lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, tuple[str, tuple[tuple[str, ...], ...]]], dict[str, tuple[tuple[str, str, str], ...]]]:
    by_lemma: dict[str, tuple[str, tuple[tuple[str, ...], ...]]] = {}
    by_form: dict[str, list[tuple[str, str, str]]] = {}
    path = resources.files("quizgen") / "data" / "nouns.tsv.gz"
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            lemma, gender, cells = parts[0], parts[1], parts[2:10]
            forms = tuple(tuple(c.split("/")) if c else () for c in cells)
            by_lemma[lemma] = (gender, forms)
            for (case, number), variants in zip(_SLOTS, forms):
                for form in variants:
                    by_form.setdefault(form, []).append((lemma, case, number))
    return by_lemma, {k: tuple(v) for k, v in by_form.items()}


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
    hits = by_form.get(form, ())
    if not hits and "-" in form:
        head = form.rsplit("-", 1)[1]
        hits = by_form.get(head[:1].upper() + head[1:], ())
        lemma = lemma.rsplit("-", 1)[1] if lemma and "-" in lemma else lemma
    return frozenset((case, number) for lem, case, number in hits if lemma is None or lem == lemma)


def noun_lemmas_of_form(form: str) -> tuple[str, ...]:
    """Lemmas a surface form can belong to, in lexicon order, without repeats."""
    _, by_form = _lexicon()
    return tuple(dict.fromkeys(lem for lem, _c, _n in by_form.get(form, ())))


def all_noun_lemmas() -> tuple[str, ...]:
    """Every lemma the lexicon knows (for distractor candidates)."""
    by_lemma, _ = _lexicon()
    return tuple(by_lemma)


def noun_gender(lemma: str) -> str | None:
    entry = _entry(lemma)
    return entry[0] or None if entry else None
