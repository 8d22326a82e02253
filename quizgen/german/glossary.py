"""English glosses for German lemmas, in the sense of their sentence, each with a confidence.

Where a gloss comes from, in this order:

1. the project's core glossary (quizgen.german.core_glossary): about 5,000 frequent words of
   news German with hand-written learner senses; the sentence, the clause's prepositions and
   the article choose among a word's senses. Confidence high.
2. Ding (quizgen.german.dictionary_senses, GPL-2.0-or-later): every headword, every sense,
   ranked by the sentence and the article. Confidence high when one sense is clearly ahead,
   low when two stay close (the note names the other).
3. a participle used as an adjective without an entry of its own: the English participle of
   its verb's sense (angekündigt: announced).
4. a compound without an entry: an English compound from its parts when every part is glossed
   with confidence (Moskau-Besuch: Moscow visit; names in English, Moskau: Moscow); otherwise
   the parts with their glosses (low confidence). Never a half-translated string.
5. a verb with a prefix the dictionaries lack: the gloss of its base verb (low).

Otherwise the gloss is None and the note says the glossary has none. Nothing is invented.
Low-confidence glosses are marked in lists and never used as a cloze hint or as the English
prompt of an Anki card.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from wordfreq import zipf_frequency

from quizgen.german.core_glossary import SOURCE as CORE_SOURCE
from quizgen.german.core_glossary import choose_sense, core_entry
from quizgen.german.dictionary_senses import SOURCE as DING_SOURCE
from quizgen.german.dictionary_senses import (
    VERB_CONTEXT,
    all_senses,
    article_domains,
    choose,
    has_entry,
    senses_of,
)
from quizgen.german.english_forms import past_participle
from quizgen.german.exonyms import english_name
from quizgen.german.nouns import is_known_noun
from quizgen.german.participles import participle_verb

__all__ = [
    "HIGH", "LOW", "NO_GLOSS", "SOURCE", "VERB_CONTEXT", "GlossResult", "article_domains", "gloss",
    "has_entry", "senses_of", "split_compound",
]  # fmt: skip

SOURCE = f"{CORE_SOURCE}; {DING_SOURCE}"
NO_GLOSS = "no gloss in the glossary"
HIGH = "high"
LOW = "low"
FUGEN = ("s", "es", "n", "en", "er", "e", "")


class GlossResult(NamedTuple):
    """A gloss, its note, its confidence (HIGH, LOW; None without a gloss) and the German
    construction that goes with it ("(auf + Akk.)", from the core glossary; "" when none)."""

    gloss: str | None
    note: str | None
    confidence: str | None = None
    construction: str = ""


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


SUFFIX_ADJECTIVES = frozenset(
    "weit frei los reich voll arm fähig fest bereit gerecht nah eigen fremd mäßig gemäß intern extern".split()
)
PART_MIN_ZIPF = 3.0
EXTRA_PART_COST = 0.3
WHOLE_WORD_ZIPF = 4.0
SUFFIX_HEADS = frozenset({"Schaft", "Heit", "Keit", "Ung", "Tum", "Nis", "Ling", "Chen", "Lein", "Ei", "Igkeit"})


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


def gloss(
    lemma: str,
    pos: str,
    *,
    context_lemmas: frozenset[str] = frozenset(),
    sentence_lemmas: frozenset[str] = frozenset(),
) -> GlossResult:
    """A short English gloss for ``lemma`` used as ``pos`` (UPOS), with note and confidence.

    ``context_lemmas`` are the article's lemmas and word forms, ``sentence_lemmas`` those of
    the word's sentence; both choose among senses, the sentence more strongly. For a verb,
    ``"+"`` plus ``"+mit"``, ``"+auf"`` ... in ``context_lemmas`` name the prepositions of its
    clause.
    """
    return _gloss(lemma, pos, frozenset(context_lemmas), frozenset(sentence_lemmas))


def _first_alternative(text: str) -> str:
    first = text.split("; ")[0].removeprefix("to ")
    return re.sub(r"\s*\([^)]*\)", "", first).strip()


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


def _confident_word(word: str, pos: str, context: frozenset[str], sentence: frozenset[str]) -> str | None:
    """A compound part's gloss when it is sure: one alternative of a core or clear Ding sense."""
    found = _lookup(word, pos, context, sentence)
    if found is None or found.confidence != HIGH or found.gloss is None:
        return None
    return _first_alternative(found.gloss)


def _part_gloss(part: str, context: frozenset[str], sentence: frozenset[str], last: bool) -> str | None:
    """A compound part's English: a place name in English, the modifier use of a first part,
    else a noun, an adjective, a verb stem's gloss; None when not sure."""
    name = english_name(part)
    if name is not None:
        return name
    if not last and part in MODIFIER_GLOSSES:
        return MODIFIER_GLOSSES[part]
    noun = part[:1].upper() + part[1:]
    low = part.lower()
    tries = [(noun, "NOUN")] if last else [(noun, "NOUN"), (low, "ADJ"), (low + "en", "VERB"), (low + "n", "VERB")]
    for word, pos in tries:
        if pos == "VERB" and not has_entry(word, "VERB") and core_entry(word, "VERB") is None:
            continue
        found = _confident_word(word, pos, context, sentence)
        if found:
            return found.removeprefix("to ") if pos == "VERB" else found
    if not last and part[:1].isupper() and not has_entry(noun) and not is_known_noun(noun) and len(part) > 2:
        return part  # a name that English writes the same way (Merkel-Regierung, Trump-Besuch)
    return None


def _head_split(lemma: str) -> tuple[str, str] | None:
    """(first part, head) with the longest head that has an entry of its own and a first part
    that is a word too (End|haltestelle, not End|halt|stelle)."""
    if "-" in lemma:
        return None
    for cut in range(3, len(lemma) - 3):
        head = lemma[cut:][:1].upper() + lemma[cut + 1 :]
        if not (core_entry(head, "NOUN") or (has_entry(head, "NOUN") and zipf_frequency(head, "de") >= 2.5)):
            continue
        rest = lemma[:cut]
        for first in (rest, rest[:-1] if rest.endswith("s") else "", rest + "e", rest[:-1] if rest.endswith("n") else ""):
            if len(first) >= 3 and (english_name(first) or first in MODIFIER_GLOSSES or core_entry(first, "NOUN")
                                    or has_entry(first, "NOUN") or has_entry(first.lower(), "ADJ")):
                return first, head
    return None


def _compound(lemma: str, context: frozenset[str], sentence: frozenset[str]) -> GlossResult | None:
    parts = split_compound(lemma)
    if len(parts) > 2:
        # Land|Rat|Amt: the first parts that make a word of their own go together (Landrat|Amt).
        joined = parts[0] + "".join(p.lower() for p in parts[1:-1])
        if core_entry(joined, "NOUN") or has_entry(joined, "NOUN"):
            parts = (joined, parts[-1])
    elif len(parts) == 1:
        parts = _head_split(lemma) or parts
    if len(parts) < 2:
        return None
    english = [_part_gloss(p, context, sentence, last=i == len(parts) - 1) for i, p in enumerate(parts)]
    if all(english):
        return GlossResult(" ".join(e for e in english if e), f"from its parts ({' + '.join(parts)})", HIGH)
    # Not sure of every part: show the split and what each part means, never a mixed string.
    shown = []
    for i, part in enumerate(parts):
        word = part[:1].upper() + part[1:] if i == len(parts) - 1 or part[:1].isupper() else part
        plain = english[i] or _any_gloss(word, context, sentence)
        shown.append(f"{word} ({plain})" if plain else word)
    if not any(english[i] or "(" in shown[i] for i in range(len(parts))):
        return None
    return GlossResult(" + ".join(shown), "compound without an entry: the parts and their glosses", LOW)


def _any_gloss(word: str, context: frozenset[str], sentence: frozenset[str]) -> str | None:
    for pos in ("NOUN", "ADJ"):
        found = _lookup(word if pos == "NOUN" else word.lower(), pos, context, sentence)
        if found is not None and found.gloss:
            return _first_alternative(found.gloss)
    return None


@functools.lru_cache(maxsize=4096)
def _action_gloss(noun: str) -> str | None:
    """The English of the verb a noun in -ung names the action of (Vertiefung: to deepen)."""
    if not noun.endswith("ung") or len(noun) < 6:
        return None
    verb = noun[:-3].lower() + ("n" if noun[:-3].endswith(("el", "er")) else "en")
    entry = core_entry(verb, "VERB")
    if entry is not None:
        return "; ".join(sense.english for sense in entry.senses)
    ding = [s.gloss for s in all_senses(verb) if s.pos == "VERB"][:3]
    return "; ".join(ding) or None


def _lookup(lemma: str, pos: str, context: frozenset[str], sentence: frozenset[str]) -> GlossResult | None:
    """The core glossary's sense, else Ding's, for exactly this headword."""
    entry = core_entry(lemma, pos)
    if entry is not None:
        prepositions = None
        if VERB_CONTEXT in context:
            prepositions = frozenset(w[1:] for w in context if w.startswith("+") and len(w) > 1)
        index, sense = choose_sense(entry, sentence=sentence, article=context, prepositions=prepositions)
        return GlossResult(sense.english, None, HIGH, entry.construction if index == 0 else "")
    action = _action_gloss(lemma) if pos in ("NOUN", "PROPN") else None
    choice = choose(lemma, pos, context, sentence, action_of=action)
    if choice is None:
        return None
    if choice.pos_mismatch:
        return GlossResult(choice.sense.gloss, f"listed as {choice.sense.pos.lower()}, sense uncertain", LOW)
    if choice.rival is not None:
        return GlossResult(choice.sense.gloss, f"sense uncertain; also: {choice.rival.gloss}", LOW)
    return GlossResult(choice.sense.gloss, None, HIGH)


def _spellings(lemma: str, pos: str) -> list[str]:
    """The lemma and the variants it may be listed under (sich, the pre-1996 ß)."""
    found = [lemma]
    if lemma.startswith("sich "):
        found.append(lemma.removeprefix("sich "))
    elif pos == "VERB":
        found.append("sich " + lemma)
    if "ß" in lemma:  # HanTa keeps some pre-1996 spellings (gewiß)
        found.append(lemma.replace("ß", "ss"))
    return found


def _gloss(lemma: str, pos: str, context: frozenset[str], sentence: frozenset[str]) -> GlossResult:
    if not lemma:
        return GlossResult(None, NO_GLOSS)
    for spelling in _spellings(lemma, pos):
        if core_entry(spelling, pos) is not None:
            found = _lookup(spelling, pos, context, sentence)
            if found is not None:
                return found
    if pos in ("ADJ", "ADV"):
        verb = participle_verb(lemma)
        if verb is not None and core_entry(verb, "VERB") is not None and not has_entry(lemma, "ADJ"):
            return _participle(lemma, verb, context, sentence)
    for spelling in _spellings(lemma, pos):
        found = _lookup(spelling, pos, context, sentence)
        if found is not None:
            return found
    if pos in ("ADJ", "ADV"):
        verb = participle_verb(lemma)
        if verb is not None:
            return _participle(lemma, verb, context, sentence)
        head = lemma.rsplit("-", 1)[1] if "-" in lemma else ""
        # "-weit", "-frei", "-los" after a hyphen are suffixes (EU-weit: EU-wide), not the word.
        if head and head not in SUFFIX_ADJECTIVES:
            found = _lookup(head, pos, context, sentence)
            if found is not None and found.gloss:
                return GlossResult(found.gloss, f"from its parts: the gloss of {head}", LOW)
    if pos in ("NOUN", "PROPN") and lemma.endswith("in") and len(lemma) > 5:
        # A woman's noun without an entry of its own means what the man's does (Fahrerin: driver).
        found = _lookup(lemma[:-2], pos, context, sentence) or _lookup(lemma[:-3], pos, context, sentence)
        if found is not None and found.gloss:
            return found
    if pos in ("NOUN", "PROPN"):
        found = _compound(lemma, context, sentence)
        if found is not None:
            return found
    if pos == "VERB" and not lemma.startswith("sich "):
        for cut in range(2, len(lemma) - 4):
            base = lemma[cut:]
            found = _lookup(base, "VERB", context, sentence)
            if found is not None and found.gloss:
                note = f"from its parts ({lemma[:cut]} + {base}): the gloss of {base}, the prefix changes it"
                return GlossResult(found.gloss, note, LOW)
    return GlossResult(None, NO_GLOSS)


def _participle(lemma: str, verb: str, context: frozenset[str], sentence: frozenset[str]) -> GlossResult:
    found = _lookup(verb, "VERB", context, sentence)
    if found is None or not found.gloss:
        return GlossResult(None, NO_GLOSS)
    english = past_participle(found.gloss)
    note = f"participle of {verb}"
    if english is None:
        return GlossResult(found.gloss, f"{note}: the gloss is the verb's", LOW)
    return GlossResult(english, note, found.confidence)
