"""Wrong options for noun gaps: words of the answer's semantic field that do not fit the gap.

A distractor must look possible to a learner who has not understood the sentence and be wrong
to one who has (the teacher's rubric). So it

- fits the gap's grammar: the answer's gender and one form in every case and number the gap
  allows (``_distractor_form``);
- is of the answer's semantic class (person, group, act, communication, artifact, location ...:
  WordNet's lexicographer classes through the English gloss, quizgen.lesson.semantic_classes),
  the answer's class read from its gloss in its own sentence;
- comes first from the article itself (its other nouns of that class: Abzug for Einmarsch), then
  from the frequent nouns of news German (those of the project's core glossary among the
  candidates of ``tools/build_distractor_words.py``) within ``MAX_ZIPF_GAP`` of the answer's
  frequency;
- is never a synonym or near-synonym (same synset or direct hypernym, a shared English gloss, a
  compound on the same head), never a word that also fits the slot (one that the article uses
  with the same verb, adjective or preposition, or that the dictionary names as a collocate of
  them: eine Vereinbarung treffen), never a word for a religion, ethnicity or nationality (nor
  a criminal, a corpse, a body part) and never a word of the gap's own sentence.

Everything the choice reads is package data: the site needs no WordNet.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import wordfreq

from quizgen.german.morphology import Feature
from quizgen.german.nouns import noun_forms, noun_gender, noun_lemma
from quizgen.german.word_lists import MONTHS, SEASONS, WEEKDAYS
from quizgen.lesson.semantic_classes import WordClass, near_in_tree, word_class

MAX_ZIPF_GAP = 1.0
#: a distractor is at most this much more frequent than the answer: frequent nouns are general
#: and fit most slots (die Frage / Debatte / Geschichte von ...)
MAX_ZIPF_ABOVE = 0.3
#: a distractor from the common word list is at least this frequent: rarer ones (Paste,
#: Kantate, Matrize) are words no learner of news German would consider
MIN_LIST_ZIPF = 3.3
#: classes whose words stand in for each other in most slots (a colleague, a passer-by, an
#: engineer; trust, understanding, sympathy): their answers get no options. Read with a teacher's
#: eye, abstract mental nouns were often right as well (das Vertrauen / Verständnis missbraucht).
NO_OPTION_CLASSES = frozenset({"person", "cognition", "feeling", "motive", "relation", "Tops"})
#: the classes whose answers get options at all. Read with a teacher's eye (developer grading,
#: seeds 1212 and 602, 71 choice items), the wide concrete classes gave no usable item: an
#: artifact among artifacts is absurd (Zigaretten / Bäckereien for Strukturen, Koffer / Teppich
#: for Raum: 0 of 10 OK), a group among groups too (Tabelle / Spezies for Koalition: 0 of 10),
#: likewise states, possessions, times and substances (0 of 6). Acts, communications,
#: attributes and events are where a wrong option can be plausible yet wrong (17 of 44 OK).
OPTION_CLASSES = frozenset({"act", "communication", "attribute", "event", "process", "phenomenon"})
#: a class worked out from a gloss below this share of its weighted senses is a guess (Behörde as
#: 'authority' the power, Hauptstadt as 'capital' the money): no options from it, and no
#: distractor whose own class is such a guess (Tabelle as a group, Kontrolle as a possession)
MIN_CLASS_CONFIDENCE = 0.5
#: suffixes of abstract nouns derived from verbs and adjectives (Gründung, Wichtigkeit,
#: Automatisierung, Stellungnahme): the only answers that get options. They carry their verb's
#: frame (die Gründung der Bank, mit der Annäherung an die Sonne), so the sentence rules out a
#: wrong one; in the developer grading 9 of 15 such items were OK against 3 of 19 other nouns
#: of the same classes, where a wrong option too often fits as well (ein neues Video / Heft
#: zeigt, der Zeitung / Meldung zufolge, das Comeback / Schauspiel dauerte).
DERIVED_SUFFIXES = ("ung", "heit", "keit", "schaft", "ion", "ität", "nahme", "enz", "anz")
#: prepositions of place and direction that make fixed phrases with a bare noun (an die Adresse
#: von, aus der Distanz, auf dem Konto, aus dem Netz, unter die Lupe): no options there
FIXED_PREPOSITIONS = frozenset("an auf aus in unter vor über hinter neben zwischen bei zu".split())
#: verbs that make fixed phrases with a bare noun phrase (unter die Lupe nehmen, das Nachsehen
#: geben, die Runde machen): such a noun has no field to choose distractors from
LIGHT_VERBS = frozenset(
    "nehmen machen geben stellen bringen kommen stehen setzen ziehen halten treten liegen gehen "
    "fallen führen legen lassen sinken".split()
)
#: the article's own words may lie further from the answer's frequency: they are the topic's
TOPIC_ZIPF_GAP = 1.5
HEAD_LETTERS = 5
MIN_FORM_ZIPF = 1.5
# Any month, weekday or season fits a time slot: never a distractor.
_DATE_NOUNS = MONTHS | WEEKDAYS | SEASONS
# General nouns fit almost any slot (Ihr nächstes Ding / Ziel): never distractors.
GENERAL_NOUNS = frozenset(
    "Ding Sache Teil Stück Art Zeug Ort Stelle Punkt Fall Seite Weise Form Mal Thema Aspekt Faktor "
    "Element Moment Bereich Gebiet Sachverhalt Angelegenheit Objekt Gegenstand Projekt Prozess "
    "Leute Mensch Person Gruppe Zeit Jahr Tag Woche Monat Reihe Serie Linie Folge Liste Zahl Anzahl "
    "Menge Masse Mehrheit Rolle Frage Antwort Lage Situation Problem "
    # abstract nouns of acts and statements so general that another act fits their slot too (die
    # harten Maßnahmen / Schließungen, ihre Entscheidung / Kandidatur hinausgezögert)
    "Maßnahme Entscheidung Information Umsetzung Durchführung Handlung Aktion Tätigkeit Leistung "
    "Entwicklung Veränderung Lösung Regelung Aussage Meinung Äußerung Erklärung Schritt".split()
)
# Words a teacher would not put on a worksheet as a wrong option; WordNet flags most of their
# kind (semantic_classes: sensitive), these are the ones its glosses miss.
OFFENSIVE = frozenset(
    "Nazi Hure Neger Schwuchtel Tampon Kondom Porno Nutte Penis Vagina Leiche Arsch Scheiße Kacke "
    "Titte Fotze Schwanz Hintern Furz Pisse Zigeuner Krüppel Idiot Trottel Depp Weib Jude Jüdin "
    "Moslem Muslim Muslima Islamist Christ Christin Heide Ausländer Ausländerin Asylant Flüchtling "
    "Migrant Migrantin Terrorist Terroristin Mörder Mörderin Vergewaltiger Vergewaltigung Selbstmord "
    "Tötung Mord Morde Totschlag Todesstrafe Hinrichtung Folter Anschlag Massaker Vertreibung Entführung "
    "Leichnam Opfer Geisel Sklave Sklavin Rasse Stamm Sekte Moschee Synagoge Kirche Tempel Kloster".split()
)


@dataclass(frozen=True)
class Word:
    pos: str
    lemma: str
    zipf: float
    info: str  # gender for nouns, "sep" for separable verbs


@dataclass(frozen=True)
class TopicNoun:
    """A noun of the article, as a distractor candidate for its other gaps."""

    lemma: str
    gender: str
    word_class: WordClass
    zipf: float
    #: lemmas (lower case) of the words that frame its occurrences: the verb of its clause, its
    #: adjectives and preposition. A gap framed by one of them may well take this noun too.
    frames: frozenset[str] = frozenset()


@dataclass(frozen=True)
class NounSlot:
    """A noun gap as the distractor choice reads it."""

    lemma: str
    form: str
    readings: Collection[Feature]
    word_class: WordClass | None
    #: lemmas (lower case) of the gap's own sentence: no distractor is one of them
    sentence: frozenset[str] = frozenset()
    #: lemmas (lower case) of the words that frame the gap (its verb, adjectives, preposition)
    frames: frozenset[str] = frozenset()
    #: English gloss of the answer in its sentence, when sure
    gloss: str | None = None
    #: an adjective stands before the gap (a free phrase, not a fixed one)
    modified: bool = False
    #: the lemma (lower case) of the preposition governing the gap's phrase, if any
    preposition: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@functools.lru_cache(maxsize=1)
def _words() -> dict[str, tuple[Word, ...]]:
    by_pos: dict[str, list[Word]] = {}
    path = resources.files("quizgen") / "data" / "distractor_words.tsv"
    with path.open("r", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            pos, lemma, zipf_text, info = line.rstrip("\n").split("\t")
            by_pos.setdefault(pos, []).append(Word(pos, lemma, float(zipf_text), info))
    return {pos: tuple(words) for pos, words in by_pos.items()}


def candidate_words(pos: str) -> tuple[Word, ...]:
    """Common lemmas of one part of speech (NOUN, ADJ, VERB), most frequent first."""
    return _words().get(pos, ())


def zipf(word: str) -> float:
    return wordfreq.zipf_frequency(word, "de")


def _near(answer_lemma: str, answer_form: str, lemma: str, form: str, exclude: Collection[str]) -> bool:
    """Usable next to the answer: not a word of the text, not a compound on the answer's head or
    of it (Außenminister / Innenminister), of a similar length."""
    a, w = answer_lemma.lower(), lemma.lower()
    if w in exclude or form.lower() in exclude or w == a:
        return False
    if a.endswith(w[-HEAD_LETTERS:]) or w.endswith(a[-HEAD_LETTERS:]) or a in w or w in a:
        return False
    return abs(len(form) - len(answer_form)) <= max(4, len(answer_form) // 2)


def _gloss_set(text: str | None) -> set[str]:
    if not text:
        return set()
    return {s.strip().lower() for s in text.replace(";", ",").split(",") if s.strip()}


@functools.lru_cache(maxsize=50_000)
def _senses(lemma: str, pos: str) -> tuple[Any, ...]:
    """Glossary senses of one part of speech; () when the glossary is not installed."""
    try:
        from quizgen.german.glossary import senses_of
    except ImportError:  # the glossary is optional package data of the vocabulary module
        return ()
    return tuple(s for s in senses_of(lemma) if s.pos == pos)


def shares_gloss(answer: str, answer_gloss: str | None, word: str, pos: str = "NOUN") -> bool:
    """Whether ``word`` may mean what ``answer`` means: an English gloss in common, in the
    answer's sentence sense or any main sense (Truppe / Kompanie: unit)."""
    theirs = set().union(*(_gloss_set(s.gloss) for s in _senses(word, pos))) if _senses(word, pos) else set()
    mine = _gloss_set(answer_gloss) | (set().union(*(_gloss_set(s.gloss) for s in _senses(answer, pos))) if _senses(answer, pos) else set())
    return bool(mine & theirs)


@functools.lru_cache(maxsize=20_000)
def _cues(lemma: str) -> frozenset[str]:
    """German words the dictionary names beside ``lemma`` in any part of speech (its
    collocates: treffen -> Vereinbarung, Entscheidung)."""
    try:
        from quizgen.german.glossary import senses_of
    except ImportError:
        return frozenset()
    found: set[str] = set()
    for spelling in (lemma, lemma.capitalize()):
        for sense in senses_of(spelling):
            found.update(c.lower() for c in sense.cues)
    return frozenset(found)


def collocates(slot: NounSlot, lemma: str) -> bool:
    """Whether the dictionary puts ``lemma`` with one of the words framing the gap (or them
    with it): then it may fit the gap as well."""
    low = lemma.lower()
    if any(low in _cues(frame) for frame in slot.frames):
        return True
    return bool(_cues(lemma) & slot.frames)


@dataclass(frozen=True)
class _NounPool:
    """The candidate nouns of one gender and semantic class that pass every test not tied to
    the answer (worked out once per process)."""

    words: tuple[Word, ...]
    news: int  # the first ``news`` words are the core glossary's
    classes: tuple[WordClass, ...]


@functools.lru_cache(maxsize=1)
def _news_nouns() -> frozenset[str]:
    """The nouns of the project's core glossary: the most frequent words of news German."""
    from quizgen.german.core_glossary import all_entries

    return frozenset(e.lemma for e in all_entries() if e.pos == "NOUN")


@functools.lru_cache(maxsize=None)
def _noun_pool(gender: str, class_name: str) -> _NounPool:
    """The list's nouns of one gender and class, news words (the core glossary's) first."""
    words: list[Word] = []
    classes: list[WordClass] = []
    news = _news_nouns()
    ordered = sorted(candidate_words("NOUN"), key=lambda w: (w.lemma not in news, -w.zipf))
    for w in ordered:
        if w.info != gender or w.lemma in _DATE_NOUNS or w.lemma in OFFENSIVE or w.lemma in GENERAL_NOUNS:
            continue
        if w.zipf < MIN_LIST_ZIPF:
            continue
        found = word_class(w.lemma, "NOUN")
        if found is None or found.name != class_name or found.sensitive:
            continue
        words.append(w)
        classes.append(found)
    return _NounPool(tuple(words), sum(1 for w in words if w.lemma in news), tuple(classes))


def _hash_order(key: str, lemmas: Sequence[str]) -> list[int]:
    """Indexes of ``lemmas`` in a fixed pseudo-random order per item (stable across runs)."""
    prefix = hashlib.sha1(f"{key}|".encode())

    def digest(i: int) -> bytes:
        h = prefix.copy()
        h.update(lemmas[i].encode())
        return h.digest()

    return sorted(range(len(lemmas)), key=digest)


def _acceptable(slot: NounSlot, lemma: str, form: str, found: WordClass, exclude: Collection[str]) -> bool:
    answer_class = slot.word_class
    assert answer_class is not None
    if found.name != answer_class.name or found.sensitive or lemma in OFFENSIVE:
        return False
    if found.confidence < MIN_CLASS_CONFIDENCE:
        return False
    if found.too_close(answer_class) or near_in_tree(found, answer_class) or lemma.lower() in slot.sentence:
        return False
    if not _near(slot.lemma, slot.form, lemma, form, exclude):
        return False
    return not shares_gloss(slot.lemma, slot.gloss, lemma) and not collocates(slot, lemma)


def derived_noun(lemma: str) -> bool:
    """Whether ``lemma`` is an abstract noun derived from a verb or adjective: one of
    ``DERIVED_SUFFIXES``, and for -ung a verb of the glossary beside it (Gründung: gründen,
    Verhandlung: verhandeln; not Zeitung, a thing of its own)."""
    if not lemma.endswith(DERIVED_SUFFIXES):
        return False
    if not lemma.endswith("ung"):
        return True
    stem = lemma[:-3].lower()
    infinitives = {stem + "en", stem + "n", stem[:-1] + "eln", stem[:-1] + "ern"}
    return any(_senses(verb, "VERB") or _senses("sich " + verb, "VERB") for verb in infinitives)


def options_for(slot: NounSlot) -> bool:
    """Whether the gap's answer may get options at all: a derived abstract noun of a sure class
    where wrong options can be plausible (``OPTION_CLASSES``), not a general noun, not a bare
    noun after a preposition of place (a fixed phrase)."""
    found = slot.word_class
    if found is None or found.name not in OPTION_CLASSES or found.name in NO_OPTION_CLASSES:
        return False
    lemma = noun_lemma(slot.lemma)
    if found.confidence < MIN_CLASS_CONFIDENCE or lemma in GENERAL_NOUNS or not derived_noun(lemma):
        return False
    return not (slot.preposition in FIXED_PREPOSITIONS and not slot.modified)


def noun_distractors(
    slot: NounSlot,
    *,
    exclude: Collection[str],
    key: str,
    n: int = 3,
    topic: Sequence[TopicNoun] = (),
    topic_max: int = 2,
    never: Collection[str] = (),
) -> tuple[str, ...] | None:
    """``n`` nouns of the answer's gender and semantic class, each in the one form it has in
    every reading the gap allows, the article's own words (``topic``) first; None when too few
    fit or the answer's class is unknown. ``exclude``: lemmas and forms of the text, offered
    only through ``topic``; ``never``: lemmas and forms never offered (other items' answers)."""
    lemma = noun_lemma(slot.lemma)
    gender = noun_gender(lemma)
    slots = {(c, num) for c, num, _g in slot.readings}
    if gender is None or not slots or slot.word_class is None or not options_for(slot):
        return None
    target = zipf(lemma)
    chosen: list[str] = []
    chosen_lemmas: list[str] = []
    topic_words = [t for t in topic if t.gender == gender and -TOPIC_ZIPF_GAP <= t.zipf - target <= MAX_ZIPF_ABOVE]
    for i in _hash_order(key, [t.lemma for t in topic_words]):
        noun = topic_words[i]
        if noun.frames & slot.frames or noun.lemma in _DATE_NOUNS or noun.lemma in GENERAL_NOUNS:
            continue  # the article uses it in the gap's frame: it may fit there
        dform = _distractor_form(noun.lemma, slots)
        if dform is None or not _acceptable(slot, noun.lemma, dform, noun.word_class, never):
            continue
        if any(noun.word_class.too_close(word_class(o, "NOUN") or noun.word_class) for o in chosen_lemmas):
            continue
        chosen.append(dform)
        chosen_lemmas.append(noun.lemma)
        if len(chosen) >= min(n, topic_max):
            break
    if collocates(slot, lemma) or (slot.frames & LIGHT_VERBS and not slot.modified):
        return None  # a fixed phrase (das Nachsehen geben, unter die Lupe nehmen): no field to choose from
    excluded = set(exclude) | set(never)
    pool = _noun_pool(gender, slot.word_class.name)
    # Only news words (the core glossary's): rarer ones from the long list (Hemden, Symposium,
    # Parfüm) are words no learner would consider in a news sentence.
    for part in (range(pool.news),):
        near = [i for i in part if -MAX_ZIPF_GAP <= pool.words[i].zipf - target <= MAX_ZIPF_ABOVE]
        for j in _hash_order(key, [pool.words[i].lemma for i in near]):
            if len(chosen) == n:
                break
            word, found = pool.words[near[j]], pool.classes[near[j]]
            if word.lemma in chosen_lemmas:
                continue
            dform = _distractor_form(word.lemma, slots)
            if dform is None or not _acceptable(slot, word.lemma, dform, found, excluded):
                continue
            chosen.append(dform)
            chosen_lemmas.append(word.lemma)
    return tuple(chosen) if len(chosen) == n else None


def _distractor_form(lemma: str, slots: set[tuple[str, str]]) -> str | None:
    """The one form ``lemma`` has in every (case, number) of ``slots``, if it is usable."""
    forms = _forms(lemma)
    if forms.get(("Nom", "Sing")) != lemma:
        return None  # nominalised adjectives (der Angestellte / ein Angestellter) change with the article
    wanted = {forms.get(slot) for slot in slots}
    if len(wanted) != 1 or None in wanted:
        return None
    dform = wanted.pop()
    assert dform is not None
    if dform != lemma and zipf(dform) < MIN_FORM_ZIPF:
        return None  # a rare form (Verzweiflungen, Pesten) looks wrong for the wrong reason
    if dform == lemma + "e" and not lemma.endswith("e") and all(case == "Dat" for case, _n in slots):
        return None  # the old dative -e (dem Amte) looks wrong for the wrong reason
    return dform


@functools.lru_cache(maxsize=20_000)
def _forms(lemma: str) -> dict[tuple[str, str], str]:
    return noun_forms(lemma)  # read only here


__all__ = [
    "MAX_ZIPF_GAP", "MIN_CLASS_CONFIDENCE", "NounSlot", "TopicNoun", "Word", "candidate_words", "collocates",
    "derived_noun", "noun_distractors", "options_for",
    "shares_gloss", "zipf",
]  # fmt: skip
