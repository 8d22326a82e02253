"""English glosses for German lemmas, in the sense of their sentence, each with a confidence.

Where a gloss comes from, in this order:

1. the project's core glossary (quizgen.german.core_glossary): about 4,900 frequent words of
   news German with hand-written learner senses; the sentence, the clause's prepositions and
   the article choose among a word's senses. Confidence high.
2. a participle of a core-glossary verb used as an adjective: the English participle of the
   verb's sense (verbessert: improved, rotierend: rotating), unless Ding's adjective entry is
   a lexicalised adjective (gelassen: calm).
3. Ding (quizgen.german.dictionary_senses, GPL-2.0-or-later): every headword, every sense,
   ranked by a prior fitted on the core glossary, the sentence and the article. Confidence
   high when one sense is clearly ahead, low when two stay close (the note names the other).
4. a participle of another verb: the English participle of its sense (angekündigt:
   announced); a hyphenated adjective part by part (österreichisch-deutsch: Austrian-German).
5. a verb used as a noun (das Verhindern: preventing); an English noun German uses as it is
   (Provider: provider; sure only when the noun lexicon knows it as a German noun).
6. a compound without an entry (quizgen.german.compounds): an English compound from its two
   parts, each rendered as Ding's compounds render it, when both are sure (Moskau-Besuch:
   Moscow visit; Jahresumsatz: annual turnover); otherwise the parts with their glosses (low
   confidence). Names stay names (in English: Moskau: Moscow). Never a half-translated string.
7. a verb with a prefix the dictionaries lack: the gloss of its base verb (low).

Before all of these, a construction the word stands in (quizgen.german.constructions: Gespräche
führen, in Kraft treten, hieß es, etwa 300) gives its sense, when the caller says where the
word stands.

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
from quizgen.german.constructions import Occurrence, construction_for
from quizgen.german.compounds import PartGloss, compound_gloss, is_english_word, split_compound
from quizgen.german.dictionary_senses import SOURCE as DING_SOURCE
from quizgen.german.dictionary_senses import (
    VERB_CONTEXT,
    all_senses,
    article_domains,
    choose,
    has_entry,
    senses_of,
)
from quizgen.german.nouns import is_known_noun
from quizgen.german.english_forms import past_participle, present_participle
from quizgen.german.participles import participle_verb, present_participle_verb

__all__ = [
    "HIGH", "LOW", "NO_GLOSS", "SOURCE", "VERB_CONTEXT", "GlossResult", "article_domains", "gloss",
    "has_entry", "senses_of", "split_compound",
]  # fmt: skip

SOURCE = f"{CORE_SOURCE}; {DING_SOURCE}"
NO_GLOSS = "no gloss in the glossary"
HIGH = "high"
LOW = "low"
LOAN_SURE_ZIPF = 4.0  # an English loan word this common in English means what it says
#: adjectives that end hyphenated compounds as suffixes (EU-weit: EU-wide), not as words
SUFFIX_ADJECTIVES = frozenset(
    "weit frei los reich voll arm fähig fest bereit gerecht nah eigen fremd mäßig gemäß intern extern".split()
)


class GlossResult(NamedTuple):
    """A gloss, its note, its confidence (HIGH, LOW; None without a gloss) and the German
    construction that goes with it ("(auf + Akk.)", from the core glossary; "" when none)."""

    gloss: str | None
    note: str | None
    confidence: str | None = None
    construction: str = ""


def gloss(
    lemma: str,
    pos: str,
    *,
    context_lemmas: frozenset[str] = frozenset(),
    sentence_lemmas: frozenset[str] = frozenset(),
    occurrence: Occurrence | None = None,
) -> GlossResult:
    """A short English gloss for ``lemma`` used as ``pos`` (UPOS), with note and confidence.

    ``context_lemmas`` are the article's lemmas and word forms, ``sentence_lemmas`` those of
    the word's sentence; both choose among senses, the sentence more strongly. For a verb,
    ``"+"`` plus ``"+mit"``, ``"+auf"`` ... in ``context_lemmas`` name the prepositions of its
    clause. ``occurrence`` (quizgen.german.constructions) is where the word stands in its
    sentence: a construction it stands in (Gespräche führen, hieß es) decides first.
    """
    row = construction_for(lemma, pos, occurrence) if occurrence is not None and lemma else None
    if row is not None:
        # The German phrase goes in the note, not the gloss: a gloss is the prompt of an
        # English -> German card and must not show the word asked.
        return GlossResult(row.english, row.note, HIGH)
    return _gloss(lemma, pos, frozenset(context_lemmas), frozenset(sentence_lemmas))


def _first_alternative(text: str) -> str:
    first = text.split("; ")[0].removeprefix("to ")
    return re.sub(r"\s*\([^)]*\)", "", first).strip()


def _part_lookup(word: str, pos: str, context: frozenset[str], sentence: frozenset[str]) -> PartGloss | None:
    """A compound part's gloss (every alternative) and whether it is sure (a core entry, or a
    clear Ding sense)."""
    found = _lookup(word, pos, context, sentence)
    if found is None or found.gloss is None:
        return None
    entry = core_entry(word, pos)
    cued = entry is not None and found.gloss != entry.senses[0].english
    return PartGloss(found.gloss, found.confidence == HIGH, cued, core=entry is not None)


def _compound(lemma: str, context: frozenset[str], sentence: frozenset[str]) -> GlossResult | None:
    found = compound_gloss(lemma, _part_lookup, context, sentence)
    if found is None:
        return None
    english, sure, note = found
    return GlossResult(english, note, HIGH if sure else LOW)


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
    """The lemma and the variants it may be listed under (sich, the pre-1996 ß, an adjective
    listed with its -e: nächst, nächste)."""
    found = [lemma]
    if lemma.startswith("sich "):
        found.append(lemma.removeprefix("sich "))
    elif pos == "VERB":
        found.append("sich " + lemma)
    elif pos in ("ADJ", "ADV") and not lemma.endswith("e") and len(lemma) >= 4:
        found.append(lemma + "e")
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
        found = _participle_adjective(lemma, context, sentence)
        if found is not None:
            return found
    for spelling in _spellings(lemma, pos):
        found = _lookup(spelling, pos, context, sentence)
        if found is not None:
            return found
    if pos in ("ADJ", "ADV"):
        verb = participle_verb(lemma)
        if verb is not None:
            return _participle(lemma, verb, context, sentence)
        verb = present_participle_verb(lemma)
        if verb is not None:
            return _participle(lemma, verb, context, sentence, present=True)
        found = _hyphenated_adjective(lemma, pos, context, sentence)
        if found is not None:
            return found
    if pos in ("NOUN", "PROPN"):
        found = _verb_as_noun(lemma, context, sentence) or _english_loan(lemma)
        if found is not None:
            return found
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


def _participle_adjective(lemma: str, context: frozenset[str], sentence: frozenset[str]) -> GlossResult | None:
    """A participle of a core-glossary verb used as an adjective (verbessert, rotierend): the
    English participle of the verb's sense (improved, rotating), unless Ding's adjective entry
    is a lexicalised adjective (gelassen: calm, verbreitet: widespread), whose main sense is no
    English participle.

    Measured on the core glossary's own participle adjectives (98 with a core verb and a Ding
    adjective entry): Ding's first adjective sense fits 53, the verb's participle 66, this
    rule 65 (it keeps the lexicalised ones)."""
    past = participle_verb(lemma)
    verb = past if past is not None else present_participle_verb(lemma)
    if verb is None or core_entry(verb, "VERB") is None:
        return None
    senses = [s for s in all_senses(lemma) if s.pos in ("ADJ", "ADV")]
    if senses and not _participle_shaped(senses[0].gloss):
        return None  # Ding's adjective entry decides (below)
    found = _participle(lemma, verb, context, sentence, present=past is None)
    return found if found.gloss else None


#: English past participles without -ed/-en that glosses use
_SHORT_PARTICIPLES = frozenset(
    "set put cut shut hit paid made done held kept left lost built sent spent told sold shown known grown "
    "thrown found brought bought caught taught thought meant won led fed met read run".split()
)


def _participle_shaped(gloss_text: str) -> bool:
    """Is the gloss's first word an English participle (closed, sought, coming)?"""
    first = _first_alternative(gloss_text).split(" ")[0].lower()
    return first.endswith(("ed", "en", "ing")) or first in _SHORT_PARTICIPLES


def _hyphenated_adjective(lemma: str, pos: str, context: frozenset[str], sentence: frozenset[str]) -> GlossResult | None:
    """österreichisch-deutsch: Austrian-German; EU-weit: the head's gloss (low)."""
    parts = lemma.split("-")
    if len(parts) < 2:
        return None
    if parts[-1] not in SUFFIX_ADJECTIVES:
        glossed = [_lookup(p.lower(), "ADJ", context, sentence) for p in parts]
        if all(g is not None and g.gloss for g in glossed):
            english = "-".join(_first_alternative(g.gloss or "") for g in glossed if g)
            sure = all(g is not None and g.confidence == HIGH for g in glossed)
            return GlossResult(english, f"from its parts ({' + '.join(parts)})", HIGH if sure else LOW)
        # "-weit", "-frei", "-los" after a hyphen are suffixes (EU-weit: EU-wide), not the word.
        found = _lookup(parts[-1], pos, context, sentence)
        if found is not None and found.gloss:
            return GlossResult(found.gloss, f"from its parts: the gloss of {parts[-1]}", LOW)
    return None


def _verb_as_noun(lemma: str, context: frozenset[str], sentence: frozenset[str]) -> GlossResult | None:
    """A verb used as a noun (das Verhindern, das Naschen): the English -ing form of its sense."""
    verb = lemma.lower()
    if not verb.endswith(("en", "ern", "eln")) or len(verb) < 5 or has_entry(lemma, "NOUN"):
        return None
    if core_entry(verb, "VERB") is None and not has_entry(verb, "VERB"):
        return None
    found = _lookup(verb, "VERB", context, sentence)
    english = present_participle(found.gloss) if found is not None and found.gloss else None
    if found is None or english is None:
        return None
    return GlossResult(english, f"the verb {verb} used as a noun", found.confidence)


def _english_loan(lemma: str) -> GlossResult | None:
    """A noun English writes the same way and neither glossary has (Provider, Asset): sure when
    the noun lexicon knows it as a German noun (a loan word, not a name such as Trump)."""
    if " " in lemma or "-" in lemma or not is_english_word(lemma, margin=0.0):
        return None
    sure = is_known_noun(lemma) and zipf_frequency(lemma.lower(), "en") >= LOAN_SURE_ZIPF
    confidence = HIGH if sure else LOW
    return GlossResult(lemma.lower() if not lemma.isupper() else lemma, "an English word used in German", confidence)


def _participle(
    lemma: str, verb: str, context: frozenset[str], sentence: frozenset[str], present: bool = False
) -> GlossResult:
    found = _lookup(verb, "VERB", context, sentence)
    if found is None or not found.gloss:
        return GlossResult(None, NO_GLOSS)
    english = present_participle(found.gloss) if present else past_participle(found.gloss)
    note = f"participle of {verb}"
    if english is None:
        return GlossResult(found.gloss, f"{note}: the gloss is the verb's", LOW)
    return GlossResult(english, note, found.confidence)
