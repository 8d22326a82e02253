"""English glosses for German lemmas, picked to fit the article (Ding, GPL-2.0-or-later).

The glossary is package data built by ``tools/build_glossary.py`` from the Ding dictionary
(TU Chemnitz, Debian ``trans-de-en``). Each headword has up to four senses with a part of
speech, domain labels (``pol.``, ``mil.``), a prior score and a few German cue words from its
Ding line. ``gloss`` chooses among them:

- only senses of the token's part of speech (adjectives and adverbs stand in for each other);
- the prior (first German alternative, common English, many Ding pairs agreeing);
- plus a bonus when the sense's domain is the article's domain (a news domain such as pol. or
  mil., counted when several of the article's words belong to it), when its cue words occur in
  the article, and for verbs when the clause has the preposition the sense takes (rechnen mit).

When the two best senses stay close, the note says the sense is uncertain and names the other.
A compound without an entry is glossed word by word from its parts (and says so);
otherwise the gloss is None and the note says the glossary has none. Nothing is invented.
"""

from __future__ import annotations

import functools
import gzip
import re
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from typing import NamedTuple

from wordfreq import zipf_frequency

from quizgen.german.nouns import is_known_noun

SOURCE = "Ding de-en dictionary (TU Chemnitz, GPL-2.0-or-later)"
NO_GLOSS = "no gloss in the glossary"
VERB_CONTEXT = "+"  # in context_lemmas: the "+prep" items that follow are the clause's prepositions
PREPOSITION_BONUS = 1.5
PREPOSITION_PENALTY = 1.5
UNCERTAIN_MARGIN = 0.6  # two senses closer than this (after context) are a toss-up
DOMAIN_MIN_WEIGHT = 2.0  # an article is "about" a domain when this many words lean that way
FUGEN = ("s", "es", "n", "en", "er", "e", "")


class GlossResult(NamedTuple):
    """A gloss and its note; unpacks as ``gloss, note = gloss(...)``."""

    gloss: str | None
    note: str | None


@dataclass(frozen=True)
class Sense:
    pos: str
    domains: tuple[str, ...]
    prior: float
    gloss: str
    cues: tuple[str, ...]


@functools.lru_cache(maxsize=1)
def _glossary() -> dict[str, tuple[Sense, ...]]:
    entries: dict[str, list[Sense]] = defaultdict(list)
    path = resources.files("quizgen") / "data" / "glossary.tsv.gz"
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            head, pos, domains, prior, gloss, cues = line.rstrip("\n").split("\t")
            entries[head].append(
                Sense(
                    pos=pos,
                    domains=tuple(domains.split(",")) if domains else (),
                    prior=float(prior),
                    gloss=gloss,
                    cues=tuple(cues.split()),
                )
            )
    return {head: tuple(senses) for head, senses in entries.items()}


def senses_of(headword: str) -> tuple[Sense, ...]:
    """Every sense the glossary lists for a headword (any part of speech)."""
    return _glossary().get(headword, ())


@functools.lru_cache(maxsize=65_536)
def has_entry(headword: str, pos: str | None = None) -> bool:
    return any(pos is None or s.pos == pos for s in senses_of(headword))


def _pos_matches(sense_pos: str, pos: str) -> bool:
    if pos in ("ADJ", "ADV"):
        return sense_pos in ("ADJ", "ADV")
    if pos == "PROPN":
        return sense_pos == "NOUN"
    return sense_pos == pos


@functools.lru_cache(maxsize=16)
def article_domains(context: frozenset[str]) -> dict[str, float]:
    """The article's domains: each word votes for the domains of its senses, split evenly."""
    weights: dict[str, float] = defaultdict(float)
    for word in context:
        senses = _glossary().get(word)
        if not senses:
            continue
        for sense in senses:
            for domain in sense.domains:
                weights[domain] += 1.0 / len(senses)
    return {d: w for d, w in weights.items() if w >= DOMAIN_MIN_WEIGHT}


#: domains news articles are about; a technical sense (constr. "wall bond" for Verband) never
#: gets a bonus, however much the article talks about building
NEWS_DOMAINS = frozenset(
    "pol. mil. econ. fin. jur. adm. soc. envir. med. sport school relig. hist. transp. aviat. "
    "naut. meteo. agr. comp. geogr. art mus. lit.".split()
)


def _score(
    sense: Sense, context: frozenset[str], domains: dict[str, float], pos: str = "",
    stems: frozenset[str] | None = None,
) -> float:
    score = sense.prior + (0.8 if sense.pos == pos else 0.0)
    news = [domains.get(d, 0.0) for d in sense.domains if d in NEWS_DOMAINS]
    if news:
        score += min(1.5, 0.5 * max(news))
    if stems is None:
        stems = _stems(context)
    cue_stems, wanted = _cue_parts(sense.cues)
    score += 1.0 * min(2, sum(1 for stem in cue_stems if stem in stems))
    # A verb sense with a preposition (``+mit``: mit etw. rechnen, to expect) fits when the
    # clause has that preposition, and does not when the caller says which ones it has ("+").
    if wanted and VERB_CONTEXT in context:
        score += PREPOSITION_BONUS if any(cue in context for cue in wanted) else -PREPOSITION_PENALTY
    return score


def _stem(word: str) -> str:
    # Six letters match inflected forms (Truppen ~ truppe, stärker ~ stärken) and little else.
    return word.lower()[:6]


@functools.lru_cache(maxsize=65536)
def _cue_parts(cues: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(stems of the cue words, the preposition cues ``+mit``) of one sense, worked out once."""
    return tuple(_stem(c) for c in cues if not c.startswith("+")), tuple(c for c in cues if c.startswith("+"))


@functools.lru_cache(maxsize=16)
def _stems(context: frozenset[str]) -> frozenset[str]:
    return frozenset(_stem(w) for w in context)


@functools.lru_cache(maxsize=64)
def _article_words(context: frozenset[str]) -> frozenset[str]:
    """``context`` without a verb clause's prepositions (``+``, ``+mit``).

    No headword and no cue word starts with ``+``, so the article's domains and cue stems are
    the same without them; each verb's clause adds other ones, and without them the article's
    words are worked out once per article, not once per verb."""
    if VERB_CONTEXT not in context:
        return context
    return frozenset(w for w in context if not w.startswith("+"))


def _choose(headword: str, pos: str, context: frozenset[str]) -> tuple[str | None, str | None]:
    candidates = [s for s in senses_of(headword) if _pos_matches(s.pos, pos)]
    note = None
    if not candidates:
        candidates = list(senses_of(headword))
        if not candidates:
            return None, None
        note = f"listed as {candidates[0].pos.lower()}, sense uncertain"
    if len(candidates) == 1:
        return candidates[0].gloss, note  # nothing to rank, no rival to name
    words = _article_words(context)
    domains = article_domains(words)
    stems = _stems(words)
    ranked = sorted(candidates, key=lambda s: -_score(s, context, domains, pos, stems))
    best = ranked[0]
    if note is None:
        rivals = [s for s in ranked[1:] if s.gloss != best.gloss and not _same_words(s.gloss, best.gloss)]
        margin = (
            _score(best, context, domains, pos, stems) - _score(rivals[0], context, domains, pos, stems)
            if rivals else 99.0
        )
        if margin < UNCERTAIN_MARGIN:
            note = f"sense uncertain; also: {rivals[0].gloss}"
    return best.gloss, note


def _same_words(a: str, b: str) -> bool:
    """Two glosses say the same when an alternative shares its first word (to hope / to hope for)."""
    return bool(_cores(a) & _cores(b))


def _cores(gloss_text: str) -> set[str]:
    return {alt.removeprefix("to ").split(" ")[0].lower() for alt in gloss_text.split("; ") if alt.strip()}


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
    best = (whole, (word[:1].upper() + word[1:],)) if whole >= PART_MIN_ZIPF and depth > 0 else None
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


def gloss(lemma: str, pos: str, *, context_lemmas: frozenset[str] = frozenset()) -> GlossResult:
    """A short English gloss for ``lemma`` used as ``pos`` (UPOS) and a note, or (None, note).

    ``context_lemmas`` are the article's lemmas and word forms; they choose among senses. For
    a verb, ``"+"`` plus ``"+mit"``, ``"+auf"`` ... name the prepositions of its clause.
    """
    return GlossResult(*_gloss(lemma, pos, frozenset(context_lemmas)))


def _first_alternative(text: str) -> str:
    first = text.split("; ")[0].removeprefix("to ")
    return re.sub(r"\s*\([^)]*\)", "", first).strip()


#: first parts whose meaning in compounds differs from the word alone (Bund alone: collar,
#: bunch; Bundes|regierung: federal); the dictionary has no sense for the compound use
MODIFIER_GLOSSES = {
    "Bund": "federal", "Staat": "state", "Haupt": "main", "Grund": "basic", "außen": "foreign",
    "Außen": "foreign", "Mitte": "centre",
}  # fmt: skip


def _part_gloss(part: str, context: frozenset[str]) -> str | None:
    """A compound part's gloss, one alternative: a noun, else an adjective, else a verb stem."""
    if part in MODIFIER_GLOSSES:
        return MODIFIER_GLOSSES[part]
    noun = part[:1].upper() + part[1:]
    low = part.lower()
    for word, pos in ((noun, "NOUN"), (low, "ADJ"), (low + "en", "VERB"), (low + "n", "VERB")):
        if has_entry(word, pos) or (pos == "ADJ" and has_entry(word, "ADV")):
            found, _ = _choose(word, pos, context)
            if found:
                return _first_alternative(found)
    return None


_INSEPARABLE = ("be", "emp", "ent", "er", "ver", "zer", "miss", "über", "unter", "hinter", "wider")
_PARTICIPLE = re.compile(r"^(?P<prefix>[a-zäöü]*?)ge(?P<stem>[a-zäöüß]{3,}?)(?:t|et|en)$")


def _participle_verb(lemma: str) -> str | None:
    """The verb a participle adjective comes from (angekündigt -> ankündigen), if listed."""
    if lemma.startswith(_INSEPARABLE) and lemma.endswith("t"):
        # No ge- after be-, ver-, er- ...: verabschiedet <- verabschieden, verkauft <- verkaufen
        for verb in (lemma[:-2] + "en", lemma[:-1] + "en"):
            if has_entry(verb, "VERB"):
                return verb
    match = _PARTICIPLE.match(lemma)
    if match is None:
        return None
    prefix, stem = match["prefix"], match["stem"]
    for verb in (f"{prefix}{stem}en", f"{prefix}{stem}n", f"{prefix}ge{stem}en"):
        if has_entry(verb, "VERB"):
            return verb
    return _strong_participle_verb(lemma, prefix, stem)


@functools.lru_cache(maxsize=1)
def _verbs_by_start() -> dict[str, tuple[str, ...]]:
    """The glossary's verbs by their first two letters (candidates for a participle)."""
    index: dict[str, list[str]] = defaultdict(list)
    for head, senses in _glossary().items():
        if " " not in head and any(s.pos == "VERB" for s in senses):
            index[head[:2]].append(head)
    return {start: tuple(verbs) for start, verbs in index.items()}


@functools.lru_cache(maxsize=1024)
def _strong_participle_verb(lemma: str, prefix: str, stem: str) -> str | None:
    """Strong verbs change their vowel (gestiegen <- steigen): ablaut conjugates the verbs that
    could fit (same prefix, same first letter of the stem) and we keep the one whose
    participle is ``lemma``."""
    import ablaut

    start = (prefix + stem)[:2]
    for verb in _verbs_by_start().get(start, ()):
        if not verb.startswith(prefix) or verb[len(prefix) : len(prefix) + 1] != stem[:1]:
            continue
        try:
            if ablaut.conjugate(verb).past_participle == lemma:
                return verb
        except (ValueError, TypeError):
            continue
    return None


def _gloss(lemma: str, pos: str, context: frozenset[str]) -> tuple[str | None, str | None]:
    found, note = _choose(lemma, pos, context)
    if found:
        return found, note
    if lemma.startswith("sich "):
        found, note = _choose(lemma.removeprefix("sich "), pos, context)
    elif pos == "VERB":
        found, note = _choose("sich " + lemma, pos, context)
    if found:
        return found, note
    if "ß" in lemma:  # HanTa keeps some pre-1996 spellings (gewiß)
        found, note = _choose(lemma.replace("ß", "ss"), pos, context)
        if found:
            return found, note
    if pos in ("ADJ", "ADV"):
        verb = _participle_verb(lemma)
        if verb is not None:
            found, _ = _choose(verb, "VERB", context)
            return found, f"participle of {verb}: the gloss is the verb's"
        head = lemma.rsplit("-", 1)[1] if "-" in lemma else ""
        # "-weit", "-frei", "-los" after a hyphen are suffixes (EU-weit: EU-wide), not the word.
        if head and head not in SUFFIX_ADJECTIVES:
            found, _ = _choose(head, pos, context)
            if found:
                return found, f"from its parts: the gloss of {head}"
    if pos in ("NOUN", "PROPN"):
        parts = split_compound(lemma)
        if len(parts) > 1:
            head = parts[-1][:1].upper() + parts[-1][1:]
            found, _ = _choose(head, "NOUN", context)
            if found:
                # Word by word: Friedens|initiative -> "peace initiative"; a part without a gloss
                # (a name: Ukraine-Krieg) stays German.
                words = [_part_gloss(part, context) or part for part in parts[:-1]]
                note = f"from its parts ({' + '.join(parts)}), word by word"
                return " ".join([*words, _first_alternative(found)]), note
    if pos == "VERB" and not lemma.startswith("sich "):
        for cut in range(2, len(lemma) - 4):
            base = lemma[cut:]
            found, _ = _choose(base, "VERB", context)
            if found:
                return found, f"from its parts ({lemma[:cut]} + {base}): the gloss of {base}, the prefix changes it"
    return None, NO_GLOSS
