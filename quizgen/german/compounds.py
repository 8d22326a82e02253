"""Compound nouns: their parts, and an English gloss built from the parts when that is safe.

A compound the dictionaries lack (Moskau-Besuch, Übergangsregierung) is split into a modifier
and a head, each a word with an entry of its own (``two_part_split``: Lebensmittel|Bereich, not
Leben|Mittel|Bereich). Each part is then glossed as it is used *in compounds*, which is often
not its first sense alone: ``quizgen/data/compound_parts.tsv`` (built by
tools/build_compound_parts.py from Ding's own compounds) says, for instance, that Tat- in
Ding's compounds is mostly "crime" (Tatort: scene of the crime) and -verfahren mostly
"procedure". A part is *sure* when that table is clear about it (or it is a name, a
modifier of the fixed table below, or a word with one sense); only when both parts are sure
is the English compound given, with high confidence. Otherwise the gloss shows the split and
each part's gloss (Kapitulation (capitulation) + Verhandlung (negotiation)), marked
uncertain. Never a half-translated string: a name stays a name (in English when it has an
English form: Moskau: Moscow), a German word never stands in the English.

``split_compound`` gives the parts shown on a vocabulary card (Grund|Voraussetzung).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from importlib import resources
from typing import NamedTuple

from wordfreq import zipf_frequency

from quizgen.german.core_glossary import core_entry
from quizgen.german.dictionary_senses import has_entry
from quizgen.german.exonyms import english_name
from quizgen.german.nouns import is_known_noun

FUGEN = ("es", "en", "er", "s", "n", "e", "")
SUFFIX_HEADS = frozenset({"Schaft", "Heit", "Keit", "Ung", "Tum", "Nis", "Ling", "Chen", "Lein", "Ei", "Igkeit"})
PART_MIN_ZIPF = 3.0
EXTRA_PART_COST = 0.3
WHOLE_WORD_ZIPF = 4.0
HEAD_MIN_ZIPF = 2.5
OTHER_MODIFIER_COST = 0.5  # an adjective or verb stem as first part, against a noun
#: how sure the use of a part in Ding's compounds is (compound_use)
MIN_COMPOUNDS = 3
USABLE_SHARE = 0.3
SURE_SHARE = 0.5
TRANSPARENT_SHARE = 0.5
CLEAR_LEAD = 1.5  # the main rendering this many times as common as the next

#: first parts whose meaning in compounds differs from the word alone (Bund alone: collar,
#: bunch; Bundes|regierung: federal); the dictionaries have no sense for the compound use
MODIFIER_GLOSSES = {
    "Bund": "federal", "Staat": "state", "Haupt": "main", "Grund": "basic", "außen": "foreign",
    "Außen": "foreign", "Mitte": "centre", "Land": "state", "Stadt": "city", "Welt": "world",
    "Regierung": "government", "Polizei": "police", "Wirtschaft": "economic", "Arbeit": "labour",
    "Familie": "family", "Kind": "child", "Frau": "women's", "Jugend": "youth", "Gesundheit": "health",
    "Umwelt": "environmental", "Verkehr": "traffic", "Sicherheit": "security", "Finanz": "financial",
    "Finanzen": "financial", "Innen": "interior", "Gesamt": "overall", "Neben": "secondary",
    "Sonder": "special", "Spitze": "top", "Top": "top", "Ex": "former", "Vize": "vice",
    "Groß": "large", "Klein": "small", "Ost": "eastern", "West": "western", "Nord": "northern",
    "Süd": "southern", "Zukunft": "future", "Krieg": "war", "Friede": "peace", "Frieden": "peace",
}  # fmt: skip


class PartGloss(NamedTuple):
    english: str
    sure: bool
    cued: bool = False  # the sentence chose a later sense of a core entry (Seite: page, not side)
    clear: bool = True  # no other rendering of the part comes close (Wohnung-: housing, flat)
    core: bool = False  # the gloss is the core glossary's


#: glosses a word as the glossary does: (lemma, pos, article words, sentence words) ->
#: (English, sure) or None; passed in by quizgen.german.glossary, which owns the look-up
Lookup = Callable[[str, str, frozenset[str], frozenset[str]], "PartGloss | None"]


def split_compound(word: str) -> tuple[str, ...]:
    """Split a compound noun into known parts: ``Grundvoraussetzung`` -> (Grund, Voraussetzung).

    Hyphens split first. Otherwise every split into known words (nouns; adjectives, particles
    and verb stems in front; a linking ``s``/``es``/``en``... between parts) is tried, and the
    one whose rarest part is most frequent wins (``Jahr|Tag``, not ``Jahr|Stag``). Parts must
    be common words (Zipf >= PART_MIN_ZIPF) and no part is a suffix such as ``-schaft``.
    Unknown words and common words (Zipf >= WHOLE_WORD_ZIPF) stay whole.
    """
    if "-" in word:
        parts = [p for p in word.split("-") if p]
        return tuple(parts) if len(parts) > 1 else (word,)
    if zipf_frequency(word, "de") >= WHOLE_WORD_ZIPF:
        return (word,)  # a common word is learnt whole (Dialog, not Dia|Log)
    found = _best_split(word, 0)
    return found[1] if found and len(found[1]) > 1 else (word,)


@functools.lru_cache(maxsize=8192)
def _part_zipf(part: str, last: bool) -> float:
    """How common ``part`` is as a compound part (0.0 when it may not be one)."""
    if len(part) < 3:
        return 0.0
    noun = part[:1].upper() + part[1:]
    if noun in SUFFIX_HEADS:
        return 0.0
    if has_entry(noun, "NOUN") or is_known_noun(noun):
        return zipf_frequency(noun, "de")
    if last or len(part) < 4:
        return 0.0
    low = part.lower()
    if has_entry(low, "ADJ") or has_entry(low, "ADV") or has_entry(low + "en", "VERB") or has_entry(low + "n", "VERB"):
        return zipf_frequency(low, "de") or zipf_frequency(low + "en", "de")
    return 0.0


@functools.lru_cache(maxsize=8192)
def _best_split(word: str, depth: int) -> tuple[float, tuple[str, ...]] | None:
    """(score, parts) of the best split of ``word`` (which ends a compound): the rarest part's
    Zipf, less EXTRA_PART_COST for every part after the first."""
    whole = _part_zipf(word, last=True)
    best: tuple[float, tuple[str, ...]] | None = (
        (whole, (word[:1].upper() + word[1:],)) if whole >= PART_MIN_ZIPF and depth > 0 else None
    )
    if depth > 3:
        return best
    for cut in range(3, len(word) - 2):
        head = _best_split(word[cut:], depth + 1)
        if head is None:
            continue
        rest = word[:cut]
        for fuge in FUGEN:
            if fuge and not rest.endswith(fuge):
                continue
            stem = rest[: len(rest) - len(fuge)] if fuge else rest
            zipf = _part_zipf(stem, last=False)
            if zipf < PART_MIN_ZIPF and fuge == "s":  # Hilf|s|werk: the -e of Hilfe drops
                zipf = _part_zipf(stem + "e", last=False)
                stem = stem + "e" if zipf >= PART_MIN_ZIPF else stem
            if zipf < PART_MIN_ZIPF:
                continue
            # Each further part costs: arbeitslos|Quote beats Arbeit|Los|Quote.
            score = min(zipf, head[0]) - EXTRA_PART_COST
            if best is None or score > best[0]:
                best = (score, (_display_part(stem), *head[1]))
    return best


def _display_part(part: str) -> str:
    noun = part[:1].upper() + part[1:]
    if has_entry(noun, "NOUN") or is_known_noun(noun):
        return noun
    return part.lower()


# --- two parts, as the glosses need them ---------------------------------------------------


class Split(NamedTuple):
    """A compound as modifier + head: ``modifier`` as the dictionary writes it (Lebensmittel,
    groß, wohnen), ``kind`` what it is (NOUN, ADJ, VERB, NAME, ABBREVIATION, ENGLISH), ``head``
    the last part (Bereich), ``shown`` the modifier as written in the compound."""

    modifier: str
    kind: str
    head: str
    shown: str


def _known_noun(word: str) -> bool:
    return core_entry(word, "NOUN") is not None or has_entry(word, "NOUN")


def is_english_word(word: str, margin: float = 0.5) -> bool:
    """A loan word or a brand English writes the same way (Live, Sky, Provider): more common in
    English than in German (by ``margin`` Zipf)."""
    low = word.lower()
    english = zipf_frequency(low, "en")
    return len(word) >= 3 and english >= 3.0 and english > zipf_frequency(word, "de") + margin


def _modifier_kind(text: str, hyphenated: bool = False) -> tuple[str, str] | None:
    """(dictionary form, kind) of a compound's first part as written (``Lebens`` is no word;
    ``Lebensmittel`` is a noun), or None. Before a hyphen, an English word stays English
    (Live-Übertragung, Sky-Managerin, Facebook-Seite) unless the core glossary has it."""
    if english_name(text):
        return text, "NAME"
    if len(text) >= 2 and text.isupper():
        return text, "ABBREVIATION"  # EU, US, IS
    noun = text[:1].upper() + text[1:]
    if noun in MODIFIER_GLOSSES:
        return noun, "NOUN"
    if hyphenated and text[:1].isupper() and core_entry(noun, "NOUN") is None:
        if not _known_noun(noun):
            return text, "NAME"  # Facebook-Seite, Pegida-Aufmarsch: as written
        if is_english_word(text):
            return text, "ENGLISH"  # Live-Übertragung (Ding's Live is a Livonian)
    if _known_noun(noun) and len(text) >= 3:
        return noun, "NOUN"
    low = text.lower()
    if len(low) >= 3 and (core_entry(low, "ADJ") or has_entry(low, "ADJ") or has_entry(low, "ADV")):
        return low, "ADJ"
    for verb in (low + "en", low + "n"):
        if len(low) >= 3 and (core_entry(verb, "VERB") or has_entry(verb, "VERB")):
            return verb, "VERB"
    return None


def two_part_split(lemma: str) -> Split | None:
    """The compound as modifier + head, both words with entries of their own.

    A hyphen splits at the last hyphen (US-Speicherchip|Produzent). Otherwise the split whose
    rarer part is most common wins, so whole words stay whole: Lebensmittel|Bereich (not
    Leben|Mittelbereich), Übergang|s|Regierung, with a linking ``es``/``s``/``en``... between
    the parts (Gesetz|es|Änderung)."""
    if "-" in lemma:
        shown, _, head = lemma.rpartition("-")
        if not shown or not head:
            return None
        head = head[:1].upper() + head[1:]
        if "-" in shown:
            return Split(shown, "COMPOUND", head, shown)  # US-Speicherchip|Produzent
        kind = _modifier_kind(shown, hyphenated=True)
        return Split(kind[0], kind[1], head, shown) if kind else None
    found = _split(lemma, 0)
    return found[1] if found else None


def _split_zipf(word: str, depth: int) -> float:
    found = _split(word, depth)
    return found[0] if found else 0.0


@functools.lru_cache(maxsize=8192)
def _split(lemma: str, depth: int) -> tuple[float, Split] | None:
    """(score, split) of the best two-part split of a word without hyphens: the rarer part's
    Zipf (a modifier that is itself a compound counts its own rarer part, less a cost)."""
    best: tuple[float, Split] | None = None
    for cut in range(3, len(lemma) - 2):
        head = lemma[cut:][:1].upper() + lemma[cut + 1 :]
        if head in SUFFIX_HEADS or not _known_noun(head):
            continue
        head_zipf = zipf_frequency(head, "de")
        if head_zipf < HEAD_MIN_ZIPF and core_entry(head, "NOUN") is None:
            continue
        rest = lemma[:cut]
        for fuge in FUGEN:
            if fuge and not rest.endswith(fuge):
                continue
            stems = [rest[: len(rest) - len(fuge)] if fuge else rest]
            if fuge == "s":
                stems.append(stems[0] + "e")  # Hilf|s|werk: the -e of Hilfe drops
            for stem in stems:
                kind = _modifier_kind(stem)
                if kind is None and len(stem) >= 6 and depth < 2:
                    inner = _split(stem, depth + 1)  # Extremwetter|Ereignis
                    kind = (stem[:1].upper() + stem[1:], "COMPOUND") if inner else None
                if kind is None:
                    continue
                if kind[1] == "VERB" and (fuge or head == "Ende"):
                    continue  # a verb stem takes no linking element (Wohn|ort); Studier|ende is studierend
                if kind[1] == "COMPOUND":
                    mod_zipf = _split_zipf(stem, depth + 1) - EXTRA_PART_COST
                elif kind[1] in ("NAME", "ABBREVIATION"):
                    mod_zipf = 4.0
                else:
                    mod_zipf = zipf_frequency(kind[0], "de")
                # The rarer part decides, a noun before an adjective or a verb stem (Einkauf|s|Preis,
                # not einkaufen); then the more common head (Landrat|s|Amt, not Landrat|Samt),
                # then the longer linking element (Gesetz|es, not Gesetze|s).
                score = min(mod_zipf, head_zipf) - (0.0 if kind[1] == "NOUN" else OTHER_MODIFIER_COST)
                score += 0.05 * head_zipf + 0.01 * len(fuge)
                if best is None or score > best[0]:
                    best = (score, Split(kind[0], kind[1], head, stem))
    return best


# --- how parts are used in Ding's compounds -----------------------------------------------


@functools.lru_cache(maxsize=1)
def _uses() -> dict[tuple[str, str], tuple[int, int, tuple[tuple[str, int], ...]]]:
    """(part, "mod"/"head") -> (compounds counted, compounds whose English renders the part,
    ((English, count), ...) most first)."""
    found = {}
    path = resources.files("quizgen") / "data" / "compound_parts.tsv"
    with path.open("r", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            part, role, total, rendered, renderings = line.rstrip("\n").split("\t")
            pairs = []
            for item in renderings.split("; ") if renderings else ():
                english, _, count = item.rpartition(" ")
                pairs.append((english, int(count)))
            found[(part, role)] = (int(total), int(rendered), tuple(pairs))
    return found


def compound_use(part: str, role: str) -> PartGloss | None:
    """How Ding's compounds render ``part`` as a modifier (role "mod") or head ("head").

    Usable when one English rendering has USABLE_SHARE of the compounds that render the part at
    all; sure when it has SURE_SHARE of them, at least MIN_COMPOUNDS, and most of the part's
    compounds are transparent (TRANSPARENT_SHARE: Haus- and -haus compounds often are not)."""
    total, rendered, renderings = _uses().get((part, role), (0, 0, ()))
    if not renderings:
        return None
    # "head" and "head of" (head of government) are one sense in two word orders.
    counts: dict[str, int] = {}
    for english, count in renderings:
        counts[english.removesuffix(" of")] = counts.get(english.removesuffix(" of"), 0) + count
    ranked = sorted(counts, key=lambda e: -counts[e])
    base, count = ranked[0], counts[ranked[0]]
    runner_up = counts[ranked[1]] if len(ranked) > 1 else 0
    english = max((e for e, _ in renderings if e.removesuffix(" of") == base), key=lambda e: dict(renderings)[e])
    if count < 2 or count < USABLE_SHARE * rendered:
        return None
    clear = count >= CLEAR_LEAD * runner_up
    sure = (
        count >= MIN_COMPOUNDS and count >= SURE_SHARE * rendered and rendered >= TRANSPARENT_SHARE * total
        and clear
    )
    return PartGloss(english, sure, clear=clear)


def _same(a: str, b: str) -> bool:
    a, b = a.lower().removesuffix(" of"), b.lower().removesuffix(" of")
    return a == b or a.rstrip("s") == b.rstrip("s")


def _first(english: str) -> str:
    return re.sub(r"\s*\([^)]*\)", "", english.split("; ")[0]).strip()


def _part(split_part: str, kind: str, role: str, lookup: Lookup, context: frozenset[str],
          sentence: frozenset[str], depth: int) -> PartGloss | None:
    """A part's English in a compound and whether it is sure: its use in Ding's compounds when
    that is clear, or when the word's own gloss agrees with it; else the word's own gloss, sure
    only when it is and the part's compounds are not mostly opaque."""
    if kind == "NAME":
        return PartGloss(english_name(split_part) or split_part, True)
    if kind in ("ABBREVIATION", "ENGLISH"):
        return PartGloss(split_part, True)
    if role == "mod" and split_part in MODIFIER_GLOSSES:
        return PartGloss(MODIFIER_GLOSSES[split_part], True)
    if kind == "COMPOUND" or (kind == "NOUN" and not _known_noun(split_part)):
        inner = compound_gloss(split_part, lookup, context, sentence, depth + 1)
        return PartGloss(inner[0], inner[1]) if inner and " + " not in inner[0] else None
    own = lookup(split_part, kind, context, sentence)
    alternatives = [_first(a) for a in own.english.split("; ")] if own else []
    if kind == "VERB":
        alternatives = [a.removeprefix("to ") for a in alternatives]
    if own is not None and own.cued and alternatives[0]:
        return PartGloss(alternatives[0], own.sure)
    used = compound_use(split_part, role)
    if used is not None:
        # The table is lower-case; the word's own gloss has English capitals (Sunday).
        cased = next((a for a in alternatives if a.lower() == used.english.lower()), used.english)
        if own is not None and any(_same(used.english, a) for a in alternatives):
            return PartGloss(cased, used.sure or (own.sure and used.clear))
        if role == "head" and own is not None and own.core and alternatives[0]:
            return PartGloss(alternatives[0], False)  # the core's news sense of a head (Tor: goal, not gate)
        if used.sure:
            return used._replace(english=cased)
        # Unsure either way: the split shows the word's own gloss (Nachricht-: news, not intelligence).
        return PartGloss(alternatives[0] if alternatives and alternatives[0] else used.english, False)
    if not alternatives or not alternatives[0]:
        return None
    # Ding's compounds with this part, when there are some, render it in no one way (Boden-:
    # soil, floor, bottom) or rarely at all (Haus-, -haus): the word's own gloss is a guess.
    total, rendered, _ = _uses().get((split_part, role), (0, 0, ()))
    known_use = rendered >= MIN_COMPOUNDS or total >= 2 * MIN_COMPOUNDS
    return PartGloss(alternatives[0], bool(own and own.sure) and not known_use)


def _join(modifier: str, head: str, kind: str) -> str:
    """``crime`` + ``scene`` -> crime scene; ``Moscow`` + ``head of`` -> head of Moscow (after a
    noun only: ``foreign`` + ``influence of`` -> foreign influence; an acronym goes first as in
    English: ``US`` + ``president of`` -> US president, ``IS`` + ``head of`` -> IS head)."""
    if head.endswith(" of"):
        if kind in ("ADJ", "VERB") or (modifier.isupper() and len(modifier) <= 5):
            return f"{modifier} {head.removesuffix(' of')}"
        return f"{head} {modifier}"
    return f"{modifier} {head}"


def compound_gloss(
    lemma: str, lookup: Lookup, context: frozenset[str], sentence: frozenset[str], depth: int = 0
) -> tuple[str, bool, str] | None:
    """(gloss, sure, note) of a compound without an entry of its own, or None when it is no
    compound of known words. Sure: an English compound of two sure parts; otherwise the parts
    with their glosses (Zins (interest) + Wende (change))."""
    if depth > 2:
        return None
    split = two_part_split(lemma)
    if split is None:
        return None
    modifier = _part(split.modifier, split.kind, "mod", lookup, context, sentence, depth)
    head = _part(split.head, "NOUN", "head", lookup, context, sentence, depth)
    note = f"from its parts ({split.shown} + {split.head})"
    if modifier and head and modifier.sure and head.sure:
        fixed = split.kind == "NOUN" and split.modifier in MODIFIER_GLOSSES  # Vize-: vice, an adjective
        return _join(modifier.english, head.english, "ADJ" if fixed else split.kind), True, note
    named = split.kind in ("NAME", "ABBREVIATION", "ENGLISH") and modifier is not None
    shown = [
        f"{split.shown} ({modifier.english})" if modifier and not named else split.shown,
        f"{split.head} ({head.english.removesuffix(' of')})" if head else split.head,
    ]
    if not modifier and not head:
        return None
    return " + ".join(shown), False, "compound without an entry: the parts and their glosses (not sure)"
