"""Wrong options for choice gaps that still fit the gap's grammar.

Candidates are common German lemmas per part of speech (package data built by
``tools/build_distractor_words.py``). A distractor has the answer's part of speech and
inflection (a noun's gender and the same form in every case/number the gap allows, an
adjective's ending), a wordfreq Zipf within ``MAX_ZIPF_GAP`` of the answer and a similar
length. It is never a word of the text (it could be right there), never a compound sharing the
answer's head (Außenminister/Innenminister) and never a word with the answer's gloss.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any
from importlib import resources

import wordfreq

from quizgen.german.morphology import Feature
from quizgen.german.nouns import noun_forms, noun_gender, noun_lemma
from quizgen.german.word_lists import MONTHS, SEASONS, WEEKDAYS

MAX_ZIPF_GAP = 1.0
HEAD_LETTERS = 5
MIN_FORM_ZIPF = 1.5
# Abstract nouns (Vorstellung, Entstehung, Situation) fit most abstract slots of news text and
# are often right as well: distractors are concrete or at least not derived abstract nouns.
# Any month, weekday or season fits a time slot: never a distractor.
_DATE_NOUNS = MONTHS | WEEKDAYS | SEASONS
# Nouns for people (Kritiker, Betriebsrat, Sprecherin) are swapped for other people all too
# easily (seine Kritiker / Helfer verstummten): a person answer gets no person distractors.
PERSON_SUFFIXES = (
    "er", "ist", "or", "eur", "euse", "ant", "ent", "ling", "rat", "chef", "in", "ar", "är", "at", "el",
)  # fmt: skip
# General nouns fit almost any slot (Ihr nächstes Ding / Ziel): never distractors.
GENERAL_NOUNS = frozenset(
    "Ding Sache Teil Stück Art Zeug Ort Stelle Punkt Fall Seite Weise Form Mal Thema Aspekt Faktor "
    "Element Moment Bereich Gebiet Sachverhalt Angelegenheit Objekt Gegenstand Projekt Prozess".split()
)
# Words a teacher would not put on a worksheet as a random wrong option.
OFFENSIVE = frozenset(
    "Nazi Hure Neger Schwuchtel Tampon Kondom Porno Nutte Penis Vagina Leiche Arsch Scheiße Kacke "
    "Titte Fotze Schwanz Hintern Furz Pisse Zigeuner Krüppel Idiot Trottel Depp Weib".split()
)
ABSTRACT_SUFFIXES = ("ung", "ion", "heit", "keit", "schaft", "tät", "nis", "ismus", "enz", "anz", "ik", "ur")
# General adjectives of size, degree and value fit almost any noun: as distractors they are
# often right too (eine hohe / große Bedeutung), so they are never offered.
OPEN_ADJECTIVES = frozenset(
    "groß klein hoch niedrig gering stark schwach gut schlecht neu alt wichtig besonders "
    "bedeutend erheblich enorm riesig weit lang kurz breit schwer leicht ganz voll einfach "
    "richtig falsch viel wenig möglich sicher klar deutlich ähnlich gleich erst letzt nächst "
    "weiter aktuell heutig jung früh spät schnell echt wirklich genau häufig selten".split()
)

GlossOf = Callable[[str, str], "str | None"]


@dataclass(frozen=True)
class Word:
    pos: str
    lemma: str
    zipf: float
    info: str  # gender for nouns, "sep" for separable verbs


@functools.lru_cache(maxsize=1)
def _words() -> dict[str, tuple[Word, ...]]:
    by_pos: dict[str, list[Word]] = {}
    path = resources.files("quizgen") / "data" / "distractor_words.tsv"
    with path.open("r", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            pos, lemma, zipf, info = line.rstrip("\n").split("\t")
            by_pos.setdefault(pos, []).append(Word(pos, lemma, float(zipf), info))
    return {pos: tuple(words) for pos, words in by_pos.items()}


def candidate_words(pos: str) -> tuple[Word, ...]:
    """Common lemmas of one part of speech (NOUN, ADJ, VERB), most frequent first."""
    return _words().get(pos, ())


def zipf(word: str) -> float:
    return wordfreq.zipf_frequency(word, "de")


def _order(key: str, words: list[Word]) -> list[Word]:
    """A fixed pseudo-random order per item, so distractors are stable across runs."""
    return sorted(words, key=lambda w: hashlib.sha1(f"{key}|{w.lemma}".encode()).hexdigest())


def _near(answer_lemma: str, answer_form: str, word: Word, form: str, exclude: Collection[str]) -> bool:
    a, w = answer_lemma.lower(), word.lemma.lower()
    if w in exclude or form.lower() in exclude or w == a:
        return False
    if a.endswith(w[-HEAD_LETTERS:]) or w.endswith(a[-HEAD_LETTERS:]) or a in w or w in a:
        return False
    return abs(len(form) - len(answer_form)) <= max(3, len(answer_form) // 3)


def _gloss_set(text: str | None) -> set[str]:
    if not text:
        return set()
    return {s.strip().lower() for s in text.replace(";", ",").split(",") if s.strip()}


def same_field(gloss_of: GlossOf | None, answer: str, word: str, pos: str) -> bool:
    """Whether ``word`` may mean what ``answer`` means or belongs to its field: a shared
    English gloss in any sense, a shared domain label (mil., pol. ...), or one named among
    the other's cue words in the glossary (Kompanie ~ Truppe)."""
    if gloss_of is not None and _gloss_set(gloss_of(answer, pos)) & _gloss_set(gloss_of(word, pos)):
        return True
    mine, theirs = _senses(answer, pos), _senses(word, pos)
    if not mine or not theirs:
        return False
    if set().union(*(_gloss_set(s.gloss) for s in mine)) & set().union(*(_gloss_set(s.gloss) for s in theirs)):
        return True
    if {d for s in mine for d in s.domains} & {d for s in theirs for d in s.domains}:
        return True
    a, w = answer.lower(), word.lower()
    return any(a in s.cues for s in theirs) or any(w in s.cues for s in mine)


@functools.lru_cache(maxsize=50_000)
def _senses(lemma: str, pos: str) -> tuple[Any, ...]:
    """Glossary senses of one part of speech; () when the glossary is not installed."""
    try:
        from quizgen.german.glossary import senses_of
    except ImportError:  # the glossary is optional package data of the vocabulary module
        return ()
    return tuple(s for s in senses_of(lemma) if s.pos == pos)


CONCRETE_DOMAINS = frozenset(
    "cook. zool. bot. anat. textil. constr. auto techn. mus. naut. ornith. mach. electr. agr. "
    "arch. min. geol. transp. aviat. astron. chem. photo. print".split()
)


@functools.lru_cache(maxsize=50_000)
def _concrete(lemma: str) -> bool:
    return any(d in CONCRETE_DOMAINS for s in _senses(lemma, "NOUN") for d in s.domains)


@functools.lru_cache(maxsize=50_000)
def looks_like_person(lemma: str) -> bool:
    """A rough guess from the suffix (Kritiker, Sprecherin, Journalist, Präsident, Betriebsrat);
    it also takes some things (Computer), which only makes distractor choice stricter."""
    if lemma.endswith(PERSON_SUFFIXES):
        return True
    # Weak masculine nouns (des Kollegen, des Experten, des Franzosen) are mostly people.
    forms = noun_forms(noun_lemma(lemma))
    gen = forms.get(("Gen", "Sing"), "")
    return noun_gender(noun_lemma(lemma)) == "m" and gen.endswith("n") and not gen.endswith("ns")


@dataclass(frozen=True)
class _NounPool:
    """The candidate nouns of one gender that pass every test not tied to the answer, most
    frequent first, with what the per-answer tests read (worked out once per process)."""

    words: tuple[Word, ...]
    neg_zipfs: tuple[float, ...]  # -zipf, ascending, for bisect
    person: tuple[bool, ...]
    concrete_at: tuple[int, ...]  # indexes of the concrete words, ascending


@functools.lru_cache(maxsize=None)
def _noun_pool(gender: str) -> _NounPool:
    words = tuple(
        w
        for w in candidate_words("NOUN")
        if w.info == gender and not w.lemma.endswith(ABSTRACT_SUFFIXES)
        and w.lemma not in _DATE_NOUNS
        and w.lemma not in OFFENSIVE
        and w.lemma not in GENERAL_NOUNS
    )
    return _NounPool(
        words=words,
        neg_zipfs=tuple(-w.zipf for w in words),
        person=tuple(looks_like_person(w.lemma) for w in words),
        concrete_at=tuple(i for i, w in enumerate(words) if _concrete(w.lemma)),
    )


def _window(pool: _NounPool, target: float) -> tuple[int, int]:
    """[lo, hi): the pool's words within ``MAX_ZIPF_GAP`` of ``target``.

    The candidate file is sorted by frequency, so they are one run of it; bisect finds it with
    a small margin, and the exact test trims the ends so float edges stay as they were."""
    lo = bisect.bisect_left(pool.neg_zipfs, -(target + MAX_ZIPF_GAP) - 1e-6)
    hi = bisect.bisect_right(pool.neg_zipfs, -(target - MAX_ZIPF_GAP) + 1e-6)
    while lo < hi and not abs(pool.words[lo].zipf - target) <= MAX_ZIPF_GAP:
        lo += 1
    while hi > lo and not abs(pool.words[hi - 1].zipf - target) <= MAX_ZIPF_GAP:
        hi -= 1
    return lo, hi


def _hash_order(key: str, words: list[Word]) -> list[Word]:
    """``_order`` with one prefix hashed once (the same digests, so the same order)."""
    prefix = hashlib.sha1(f"{key}|".encode())

    def digest(w: Word) -> bytes:
        h = prefix.copy()
        h.update(w.lemma.encode())
        return h.digest()  # byte order is hexdigest order

    return sorted(words, key=digest)


def noun_distractors(
    lemma: str,
    form: str,
    readings: Collection[Feature],
    *,
    exclude: Collection[str],
    key: str,
    n: int = 3,
    gloss_of: GlossOf | None = None,
    avoid_domains: Collection[str] = (),
) -> tuple[str, ...] | None:
    """``n`` nouns of the answer's gender, each in the one form it has in every reading the
    gap allows; None when too few fit. Nouns of the article's own domains (``avoid_domains``:
mil., pol. ...) are left out, as they are the ones that may fit the sentence's meaning."""
    lemma = noun_lemma(lemma)
    gender = noun_gender(lemma)
    slots = {(c, num) for c, num, _g in readings}
    if gender is None or not slots:
        return None
    target = zipf(lemma)
    nouns = _noun_pool(gender)
    lo, hi = _window(nouns, target)
    person = looks_like_person(lemma)
    # Things from concrete fields (food, animals, tools, buildings) come first: they are
    # clearly wrong in the abstract slots of news text; other nouns only fill up. The other
    # nouns are put in order only when the concrete ones run out (a tenth of the pool is concrete).
    at = nouns.concrete_at[bisect.bisect_left(nouns.concrete_at, lo) : bisect.bisect_left(nouns.concrete_at, hi)]
    concrete = [nouns.words[i] for i in at if not (person and nouns.person[i])]
    chosen: list[str] = []
    for part in (concrete, None):
        if part is None:
            skip = set(at)
            part = [nouns.words[i] for i in range(lo, hi) if i not in skip and not (person and nouns.person[i])]
        for word in _hash_order(key, part):
            dform = _distractor_form(word, slots)
            if dform is None:
                continue
            if not _near(lemma, form, word, dform, exclude) or same_field(gloss_of, lemma, word.lemma, "NOUN"):
                continue
            if avoid_domains and any(d in avoid_domains for s in _senses(word.lemma, "NOUN") for d in s.domains):
                continue
            chosen.append(dform)
            if len(chosen) == n:
                return tuple(chosen)
    return None


def _distractor_form(word: Word, slots: set[tuple[str, str]]) -> str | None:
    """The one form ``word`` has in every (case, number) of ``slots``, if it is usable."""
    forms = _forms(word.lemma)
    if forms.get(("Nom", "Sing")) != word.lemma:
        return None  # nominalised adjectives (der Angestellte / ein Angestellter) change with the article
    wanted = {forms.get(slot) for slot in slots}
    if len(wanted) != 1 or None in wanted:
        return None
    dform = wanted.pop()
    assert dform is not None
    if dform != word.lemma and zipf(dform) < MIN_FORM_ZIPF:
        return None  # a rare form (Verzweiflungen, Pesten) looks wrong for the wrong reason
    return dform


@functools.lru_cache(maxsize=20_000)
def _forms(lemma: str) -> dict[tuple[str, str], str]:
    return noun_forms(lemma)  # read only here


def adjective_distractors(
    lemma: str,
    form: str,
    ending: str,
    *,
    exclude: Collection[str],
    key: str,
    n: int = 3,
    gloss_of: GlossOf | None = None,
) -> tuple[str, ...] | None:
    """``n`` adjectives with the answer's ending (declension is regular for the listed ones);
    None when too few fit."""
    target = zipf(lemma)
    pool = [
        w
        for w in candidate_words("ADJ")
        if abs(w.zipf - target) <= MAX_ZIPF_GAP and w.lemma not in OPEN_ADJECTIVES
        # -el/-er/-e adjectives change their stem (dunkle, teure, leise): skip them
        and not w.lemma.endswith(("el", "er", "e"))
    ]
    chosen: list[str] = []
    for word in _order(key, pool):
        dform = word.lemma + ending
        if not _near(lemma, form, word, dform, exclude) or same_field(gloss_of, lemma, word.lemma, "ADJ"):
            continue
        chosen.append(dform)
        if len(chosen) == n:
            return tuple(chosen)
    return None
