"""The senses of Ding, the German-English dictionary, and the choice among them by context.

``quizgen/data/glossary.tsv.gz`` is built by ``tools/build_glossary.py`` from Ding (TU
Chemnitz, Debian ``trans-de-en``, GPL-2.0-or-later): every headword Ding has that is one word
(or ``sich`` and one word), with every sense, its part of speech, domain labels (``pol.``,
``mil.``), a prior score and a few German cue words from its Ding line. ``choose`` ranks a
headword's senses of one part of speech by

- the prior: a weighted sum of features of the sense's Ding line (its rank among the
  headword's own lines, the headword's place among the German alternatives, how common the
  English is, how many Ding pairs agree, a cognate, register labels), the weights fitted on
  the core glossary by tools/fit_glossary_prior.py;
- the article's domain (a news domain such as pol. or mil., counted when several of the
  article's words belong to it);
- cue words of the sense in the sentence (most) or the article;
- for verbs, the preposition the sense takes (rechnen mit) against the clause's prepositions;
- for a noun in -ung, the sense that names the action of its verb (Vertiefung: deepening,
  from vertiefen: to deepen, rather than hollow).

The file has about 200,000 headwords: it is read once into one string per headword, and a
headword's senses are parsed when it is first looked up.
"""

from __future__ import annotations

import functools
import gzip
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources

SOURCE = "Ding de-en dictionary (TU Chemnitz, GPL-2.0-or-later)"
VERB_CONTEXT = "+"  # in context_lemmas: the "+prep" items that follow are the clause's prepositions
PREPOSITION_BONUS = 1.5
PREPOSITION_PENALTY = 1.5
SENTENCE_CUE_BONUS = 1.0  # on top of the article's cue bonus
ACTION_NOUN_BONUS = 2.0
ACTION_SUFFIXES = ("ing", "tion", "sion", "ment", "ance", "ence", "al")
UNCERTAIN_MARGIN = 0.6  # two senses closer than this (after context) are a toss-up
DOMAIN_MIN_WEIGHT = 2.0  # an article is "about" a domain when this many words lean that way
MAIN_SENSES = 4  # what senses_of gives other modules (distractor checks): the likeliest ones

#: domains news articles are about; a technical sense (constr. "wall bond" for Verband) never
#: gets a bonus, however much the article talks about building
NEWS_DOMAINS = frozenset(
    "pol. mil. econ. fin. jur. adm. soc. envir. med. sport school relig. hist. transp. aviat. "
    "naut. meteo. agr. comp. geogr. art mus. lit.".split()
)


@dataclass(frozen=True)
class Sense:
    pos: str
    domains: tuple[str, ...]
    prior: float
    gloss: str
    cues: tuple[str, ...]


@functools.lru_cache(maxsize=1)
def dictionary_lines() -> dict[str, str]:
    """Headword -> its lines (without the headword), joined by newlines; parsed on demand."""
    blocks: dict[str, list[str]] = defaultdict(list)
    path = resources.files("quizgen") / "data" / "glossary.tsv.gz"
    with path.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            head, _, rest = line.rstrip("\n").partition("\t")
            blocks[head].append(rest)
    return {head: "\n".join(lines) for head, lines in blocks.items()}


@functools.lru_cache(maxsize=65_536)
def all_senses(headword: str) -> tuple[Sense, ...]:
    """Every sense Ding has for a headword (any part of speech), the likeliest first."""
    block = dictionary_lines().get(headword)
    if block is None:
        return ()
    senses = []
    for line in block.split("\n"):
        pos, domains, prior, text, cues = line.split("\t")
        senses.append(Sense(pos=pos, domains=tuple(domains.split(",")) if domains else (),
                            prior=float(prior), gloss=text, cues=tuple(cues.split())))
    return tuple(senses)


@functools.lru_cache(maxsize=65_536)
def senses_of(headword: str) -> tuple[Sense, ...]:
    """The main senses of a headword, at most MAIN_SENSES per part of speech (the distractor
    checks ask whether two words share a sense or a domain: rare senses would say yes too often)."""
    counts: dict[str, int] = defaultdict(int)
    kept = []
    for sense in all_senses(headword):
        counts[sense.pos] += 1
        if counts[sense.pos] <= MAIN_SENSES:
            kept.append(sense)
    return tuple(kept)


@functools.lru_cache(maxsize=65_536)
def has_entry(headword: str, pos: str | None = None) -> bool:
    return any(pos is None or s.pos == pos for s in all_senses(headword))


def headwords() -> tuple[str, ...]:
    return tuple(dictionary_lines())


def pos_matches(sense_pos: str, pos: str) -> bool:
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
        senses = senses_of(word)
        if not senses:
            continue
        for sense in senses:
            for domain in sense.domains:
                weights[domain] += 1.0 / len(senses)
    return {d: w for d, w in weights.items() if w >= DOMAIN_MIN_WEIGHT}


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
def article_words(context: frozenset[str]) -> frozenset[str]:
    """``context`` without a verb clause's prepositions (``+``, ``+mit``).

    No headword and no cue word starts with ``+``, so the article's domains and cue stems are
    the same without them; each verb's clause adds other ones, and without them the article's
    words are worked out once per article, not once per verb."""
    if VERB_CONTEXT not in context:
        return context
    return frozenset(w for w in context if not w.startswith("+"))


@dataclass(frozen=True)
class Choice:
    sense: Sense
    rival: Sense | None  # the runner-up with other words, when it came close
    pos_mismatch: bool  # no sense of the wanted part of speech: another one's was taken


def choose(
    headword: str,
    pos: str,
    context: frozenset[str],
    sentence: frozenset[str] = frozenset(),
    action_of: str | None = None,
) -> Choice | None:
    """The sense of ``headword`` (as ``pos``) that fits the sentence and the article.

    ``action_of`` is the English of the verb a noun in -ung comes from (to hollow out; to
    deepen): a sense that is an English action noun of one of its roots (deepening) names the
    action, as -ung nouns do, and is preferred to a thing (hollow)."""
    everything = all_senses(headword)
    candidates = [s for s in everything if pos_matches(s.pos, pos)]
    mismatch = not candidates
    if mismatch:
        candidates = list(everything)
        if not candidates:
            return None
    if len(candidates) == 1:
        return Choice(candidates[0], None, mismatch)
    words = article_words(context)
    domains = article_domains(words)
    stems = _stems(words)
    sentence_stems = frozenset(_stem(w) for w in sentence)
    roots = _roots(action_of) if action_of else ()

    def score(sense: Sense) -> float:
        value = sense.prior + (0.8 if sense.pos == pos else 0.0)
        news = [domains.get(d, 0.0) for d in sense.domains if d in NEWS_DOMAINS]
        if news:
            value += min(1.5, 0.5 * max(news))
        cue_stems, wanted = _cue_parts(sense.cues)
        value += 1.0 * min(2, sum(1 for stem in cue_stems if stem in stems))
        if sentence_stems and any(stem in sentence_stems for stem in cue_stems):
            value += SENTENCE_CUE_BONUS
        # A verb sense with a preposition (``+mit``: mit etw. rechnen, to expect) fits when the
        # clause has that preposition, and does not when the caller says which ones it has ("+").
        if wanted and VERB_CONTEXT in context:
            value += PREPOSITION_BONUS if any(cue in context for cue in wanted) else -PREPOSITION_PENALTY
        if roots and any(word[:5] in roots and word.endswith(ACTION_SUFFIXES) for word in _english_words(sense.gloss)):
            value += ACTION_NOUN_BONUS
        return value

    scored = sorted(((score(s), s) for s in candidates), key=lambda pair: -pair[0])
    best_score, best = scored[0]
    rival = None
    for value, sense in scored[1:]:
        if sense.gloss != best.gloss and not same_words(sense.gloss, best.gloss):
            if best_score - value < UNCERTAIN_MARGIN:
                rival = sense
            break
    return Choice(best, rival, mismatch)


def _english_words(text: str) -> list[str]:
    return [w for w in text.replace(";", " ").lower().split() if len(w) >= 5]


@functools.lru_cache(maxsize=4096)
def _roots(english: str) -> tuple[str, ...]:
    """First five letters of the main words of a verb's gloss (to deepen -> deepe)."""
    words = [w.removeprefix("to ") for w in english.split("; ")]
    return tuple(w.split()[0][:5] for w in words if w and len(w.split()[0]) >= 5)


def same_words(a: str, b: str) -> bool:
    """Two glosses say the same when an alternative shares its first word (to hope / to hope for)."""
    return bool(_cores(a) & _cores(b))


def _cores(gloss_text: str) -> set[str]:
    return {alt.removeprefix("to ").split(" ")[0].lower() for alt in gloss_text.split("; ") if alt.strip()}
