"""Key words: the 8-15 words of an article a teacher would give a class to learn from it.

Deutsche Welle's "Top-Thema mit Vokabeln" gives about a dozen words that carry the article and
are worth learning at the learner's level. ``mark_key_words`` scores every entry of the word
list and marks the best ``key_count(words)`` of them ``key``; every entry keeps its
``key_score``. The score is a sum of log-odds-like terms, two halves:

How central the word is to this article:

- how often it occurs, counting its family: the compounds it is a part of and the words of its
  stem (Anzeige in "Anzeige", "angezeigt", "Strafanzeige"), each occurrence less than the
  one before (``log1p``);
- how many sentences it is spread over, and how early it first comes (the lead names the
  topic: news writes the main fact first);
- its weight in the graph of words that share sentences (TextRank: a word that keeps company
  with the article's other frequent words is central);
- whether a question or a cloze item of the pack is about its sentence or the word itself.

How useful it is to learn:

- general frequency around the learner's level and one above (wordfreq Zipf 3-5): rarity is no
  merit, and a word news uses all the time (Jahr, sagen) is known;
- a word the core glossary puts below the learner's level is known and never key (Haus,
  gehen, Regierung at B2); names, weekdays, months, number words, adverbs, acronyms, words
  of names (türkisch: Turkish), words without a gloss and English look-alikes (Code,
  Plattform, analysieren: learnt on sight) never are; a title before a
  person's name (Finanzminister Varoufakis) rarely is;
- nouns and verbs carry an article more often than adjectives;
- a one-off compound of known parts (Geldwäschebekämpfung, Medienaufmerksamkeit) and a
  compound with a name (Moskau-Besuch) are not learnt as words: the informative part is
  offered instead (Geldwäsche, Aufmerksamkeit, Besuch), as a new entry if the text does not
  have it alone;
- of a family only the best-scored member is key (räumen / Räumung, Sperre / sperren,
  Bibliothek / Stadtbibliothek): the others drop back and are never key.

The weights were set by hand, guided by a logistic regression on the development half of the
graded set (bench/key_vocabulary.py, bench/data/key_vocabulary_gold.tsv) and checked on the
other half, which was not used to set them.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from wordfreq import zipf_frequency

from quizgen.analysis import Analysis
from quizgen.german.core_glossary import core_entry
from quizgen.german.exonyms import english_name
from quizgen.german.nouns import is_known_noun
from quizgen.german.word_lists import MONTHS, NUMBER_NOUNS, NUMBER_WORDS, PARTS_OF_DAY, SEASONS, WEEKDAYS
from quizgen.lesson.names import is_place
from quizgen.pack import LEVELS, VocabEntry

#: a text of this many words or more gets the full set of key words
FULL_TEXT_WORDS = 250
KEY_WORDS_FULL = 12
#: texts of 150-249 words get 8-11; shorter ones about one key word per 20 words, at least 3
KEY_WORDS_MIN = 8
SHORT_TEXT_WORDS = 150
#: a compound wordfreq meets less often than this (Zipf) is a one-off, learnt by its parts
ONE_OFF_ZIPF = 1.5
#: a part offered instead of a one-off compound must be a word of its own at least this common
PART_MIN_ZIPF = 3.0
CALENDAR = WEEKDAYS | MONTHS | SEASONS | PARTS_OF_DAY
DASHES = frozenset({"-", "–", "—"})

# weights (see the module docstring)
W_COUNT = 0.9  # log1p(occurrences with the family)
W_COUNT_IN_BAND = 1.0  # the same again for a word of the useful band (Zipf 3.5-5)
W_SPREAD = 0.9  # share of the sentences it occurs in (times 10, capped at 1)
W_FIRST = -1.3  # where it first occurs, 0 (start) .. 1 (end)
W_LEAD = 0.3  # in the lead (the teaser before the dateline, else the first sentence)
W_RANK = 0.8  # log TextRank weight
W_ITEM = 0.3  # a question or cloze item is about it or its sentence
W_POS = {"NOUN": 0.0, "VERB": 0.4, "ADJ": -1.1}
#: wordfreq Zipf bands (lower bound, weight): rare words and everyday words are poor key words
ZIPF_BANDS = ((5.5, -0.9), (5.0, -1.2), (4.5, -0.4), (4.0, 0.3), (3.5, 0.5), (3.0, 0.7), (-1.0, -1.1))
W_CORE_AT_LEVEL = 0.5  # the core glossary puts it at the learner's level or one above
W_LOW_GLOSS = -0.5  # the gloss is uncertain
W_FAMILY_REST = -1.0  # not the best-scored member of its family
W_TITLE = -1.0  # mostly right before a person's name


def key_count(words: int) -> int:
    """How many key words a text of ``words`` words gets (fewer if it has fewer good ones)."""
    if words >= FULL_TEXT_WORDS:
        return KEY_WORDS_FULL
    if words >= SHORT_TEXT_WORDS:
        return KEY_WORDS_MIN + (words - SHORT_TEXT_WORDS) * (KEY_WORDS_FULL - KEY_WORDS_MIN) // (
            FULL_TEXT_WORDS - SHORT_TEXT_WORDS)
    return max(3, words // 20)


def never_key(entry: VocabEntry, level: str) -> str | None:
    """Why an entry can never be a key word (None: it can)."""
    word = entry.lemma.removeprefix("sich ")
    low = word.lower()
    if entry.pos not in ("NOUN", "VERB", "ADJ"):
        return "adverb"
    if word in CALENDAR:
        return "calendar word"
    if low in NUMBER_WORDS or low.removesuffix("e") in NUMBER_WORDS or word in NUMBER_NOUNS:
        return "number word"
    if any(ch.isupper() for ch in word[1:]) or any(ch.isdigit() for ch in word):
        return "acronym or brand"
    if not entry.gloss:
        return "no gloss"
    if entry.gloss[:1].isupper():
        return "of a name (türkisch: Turkish, der Kurde: Kurd)"
    if _english_look_alike(low, entry.gloss):
        return "an English look-alike, learnt on sight (Code: code, Plattform: platform)"
    core = core_entry(word, entry.pos)
    if core is not None and LEVELS.index(core.level) < LEVELS.index(level):
        return "known at the level"
    return None


#: how close (difflib's ratio) a word and its first English sense must be to count as a look-alike:
#: Plattform/platform 0.94, analysieren/analyse 0.92, Modell/model 0.91 are; Defizit/deficit 0.86,
#: Partnerschaft/partnership 0.75 are not
LOOK_ALIKE = 0.88


def _english_look_alike(word: str, gloss: str) -> bool:
    """The word's first English sense is spelt nearly as the word is (-ieren verbs by their stem)."""
    english = re.split(r"[;(]", gloss, maxsplit=1)[0].strip().removeprefix("to ").strip().lower()
    stems = {word, word[:-5]} if word.endswith("ieren") else {word}
    return any(SequenceMatcher(None, stem, english).ratio() >= LOOK_ALIKE for stem in stems)


def _one_below(entry: VocabEntry, level: str) -> bool:
    core = core_entry(entry.lemma.removeprefix("sich "), entry.pos)
    return core is not None and LEVELS.index(core.level) == LEVELS.index(level) - 1


def _stem(entry: VocabEntry) -> str:
    word = entry.lemma.removeprefix("sich ").lower()
    if entry.pos == "VERB":
        return re.sub(r"e?n$", "", word)
    if entry.pos == "NOUN":
        return re.sub(r"(ung|e)$", "", word)
    return word


def _families(entries: list[VocabEntry]) -> tuple[list[int], list[int]]:
    """Per entry: occurrences of its family members (not its own), and its family's id.

    Members: entries of the same stem (räumen, Räumung), and nouns that end in the entry's
    lemma (Strafanzeige for Anzeige: the same family) or start with its stem (Abstiegszone for
    Abstieg: counted, not joined). Looked up by the nouns' ends and beginnings, not pairwise."""
    stems = [_stem(e) for e in entries]
    lows = [e.lemma.removeprefix("sich ").lower() for e in entries]
    extra = [0] * len(entries)
    family = list(range(len(entries)))
    by_stem: dict[str, list[int]] = defaultdict(list)
    by_low: dict[str, list[int]] = defaultdict(list)
    for i in range(len(entries)):
        if len(stems[i]) >= 4:
            by_stem[stems[i]].append(i)
            if len(lows[i]) >= 4:
                by_low[lows[i]].append(i)
    for members in by_stem.values():
        for i in members:
            for j in members:
                if i != j:
                    extra[i] += entries[j].count
                    _join(family, i, j)
    for j, other in enumerate(entries):
        if other.pos != "NOUN":
            continue
        word = lows[j]
        ends = {i for k in range(1, len(word) - 3) for i in by_low.get(word[k:], ())}
        starts = {i for k in range(4, len(word)) for i in by_stem.get(word[:k], ()) if len(lows[i]) >= 4}
        for i in (ends | starts) - {j}:
            if stems[i] == stems[j]:
                continue  # counted as the same stem already
            extra[i] += other.count  # a compound with it (Strafanzeige for Anzeige)
            if i in ends:
                _join(family, i, j)  # Stadtbibliothek is a Bibliothek: one of them is key
    return extra, [_root(family, i) for i in range(len(entries))]


def _root(family: list[int], i: int) -> int:
    while family[i] != i:
        i = family[i]
    return i


def _join(family: list[int], i: int, j: int) -> None:
    a, b = _root(family, i), _root(family, j)
    family[max(a, b)] = min(a, b)


def _lead_end(analysis: Analysis) -> int:
    """The token the lead ends at: the dateline (Wien –) after a teaser, else the first sentence."""
    for sentence in analysis.sentences[:4]:
        tokens = analysis.tokens[sentence.start : sentence.end]
        for j, tok in enumerate(tokens[:6]):
            if tok.text in DASHES and j > 0 and all(t.text[:1].isupper() or t.text == "/" for t in tokens[:j]):
                return sentence.start
    return analysis.sentences[0].end if analysis.sentences else 0


def _text_rank(analysis: Analysis, entries: list[VocabEntry], occurrences: list[list[int]]) -> list[float]:
    """PageRank over the entries, linked when they share a sentence; 1.0 is the average."""
    by_sentence: dict[int, set[int]] = defaultdict(set)
    for k, tokens in enumerate(occurrences):
        if entries[k].pos in ("NOUN", "VERB", "ADJ"):
            for i in tokens:
                by_sentence[analysis.tokens[i].sentence].add(k)
    links: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for members in by_sentence.values():
        for a in members:
            for b in members:
                if a != b:
                    links[a][b] += 1
    n = len(entries)
    rank = [1.0] * n
    for _ in range(20):
        new = [0.15] * n
        for a, out in links.items():
            total = sum(out.values())
            for b, weight in out.items():
                new[b] += 0.85 * rank[a] * weight / total
        rank = new
    return rank


def _occurrences(analysis: Analysis, entries: list[VocabEntry]) -> list[list[int]]:
    by_form: dict[str, list[int]] = defaultdict(list)
    for tok in analysis.tokens:
        by_form[tok.text].append(tok.i)
    return [sorted({i for form in e.forms for i in by_form.get(form, ())}) for e in entries]


def _zipf_weight(zipf: float) -> float:
    for bound, weight in ZIPF_BANDS:
        if zipf >= bound:
            return weight
    return ZIPF_BANDS[-1][1]


PartMaker = Callable[[VocabEntry, str], "VocabEntry | None"]


def _informative_part(entry: VocabEntry, level: str, names: Collection[str] = ()) -> str | None:
    """The part to learn instead of a one-off compound or a name compound, None to keep it."""
    if entry.pos != "NOUN" or len(entry.parts) < 2:
        return None
    name_part = any(not is_known_noun(p[:1].upper() + p[1:]) for p in entry.parts if p[:1].isupper())
    if not name_part and zipf_frequency(entry.lemma, "de") >= ONE_OFF_ZIPF:
        return None
    parts = entry.parts
    # the parts, and the compounds of the last parts (Präsidentschafts|wahl|kampf: Wahlkampf)
    candidates = list(parts)
    for k in range(1, len(parts) - 1):
        candidates.append(parts[k][:1].upper() + parts[k][1:] + "".join(p.lower() for p in parts[k + 1 :]))

    def usefulness(part: str) -> float:
        noun = part[:1].upper() + part[1:]
        core = core_entry(noun, "NOUN")
        if core is not None and LEVELS.index(core.level) < LEVELS.index(level):
            return -9.0
        zipf = zipf_frequency(noun, "de")
        if not is_known_noun(noun) or zipf < PART_MIN_ZIPF or any(ch.isupper() for ch in part[1:]):
            return -9.0  # not a word of its own, or an acronym (AHS-Unterstufe: not AHS)
        if noun in names or is_place(noun) or english_name(noun) is not None:
            return -9.0  # a name (Chinakracher: not China)
        return -zipf + (0.3 if part == parts[-1] else 0.0)  # the rarer part says more

    best = max(candidates, key=usefulness)
    return (best[:1].upper() + best[1:]) if usefulness(best) > -9.0 else ""


def mark_key_words(
    entries: Iterable[VocabEntry],
    analysis: Analysis,
    *,
    level: str,
    item_sentences: Collection[int] = (),
    item_lemmas: Collection[str] = (),
    names: Collection[str] = (),
    make_part: PartMaker | None = None,
) -> tuple[VocabEntry, ...]:
    """The entries with ``key`` and ``key_score`` set, plus entries for the parts offered
    instead of one-off compounds (``make_part(compound, part)`` builds them), in text order.

    ``item_sentences`` are the sentences the pack's questions and cloze items are about,
    ``item_lemmas`` the words its cloze items gap, ``names`` the text's names."""
    names = frozenset(names)
    entries = list(entries)
    words = len(analysis.text.split())  # as the graded set and the issue count them
    if make_part is not None:
        entries = _with_parts(entries, level, make_part, names)
    occurrences = _occurrences(analysis, entries)
    extra, family = _families(entries)
    rank = _text_rank(analysis, entries, occurrences)
    n_sentences = max(len(analysis.sentences), 1)
    name_starts = {e.start for e in analysis.entities if e.label == "PER"} | {
        t.i for t in analysis.tokens if t.tag == "NE" and t.text[:1].isupper()}
    lead_end = _lead_end(analysis)
    scores: list[float] = []
    for k, entry in enumerate(entries):
        tokens = occurrences[k] or []
        sentences = {analysis.tokens[i].sentence for i in tokens}
        zipf = entry.zipf
        count = math.log1p(entry.count + extra[k])
        score = W_COUNT * count + (W_COUNT_IN_BAND * count if 3.5 <= zipf < 5.0 else 0.0)
        score += W_SPREAD * min(1.0, 10 * len(sentences) / n_sentences)
        score += W_FIRST * (entry.sentence / n_sentences)
        score += W_LEAD if any(i < lead_end for i in tokens) else 0.0
        score += W_RANK * math.log(rank[k] + 0.1)
        if sentences & set(item_sentences) or entry.lemma in item_lemmas:
            score += W_ITEM
        score += W_POS.get(entry.pos, -2.0) + _zipf_weight(zipf)
        core = core_entry(entry.lemma.removeprefix("sich "), entry.pos)
        if core is not None and LEVELS.index(core.level) - LEVELS.index(level) in (0, 1):
            score += W_CORE_AT_LEVEL
        if entry.gloss_confidence == "low":
            score += W_LOW_GLOSS
        if entry.pos == "NOUN" and tokens and sum(1 for i in tokens if i + 1 in name_starts) * 2 >= len(tokens):
            score += W_TITLE  # Finanzminister Varoufakis: a title, not what the article is about
        scores.append(score)
    best_of_family: dict[int, int] = {}
    for k in sorted(range(len(entries)), key=lambda k: -scores[k]):
        if never_key(entries[k], level) is None and _informative_part(entries[k], level, names) is None:
            best_of_family.setdefault(family[k], k)
    rest = {k for k in range(len(entries)) if best_of_family.get(family[k], k) != k}
    for k in rest:
        scores[k] += W_FAMILY_REST
    eligible = [k for k in range(len(entries)) if k not in rest
                and never_key(entries[k], level) is None and _informative_part(entries[k], level, names) is None]
    wanted = key_count(words)
    chosen = set(sorted(eligible, key=lambda k: -scores[k])[:wanted])
    if len(chosen) < min(wanted, KEY_WORDS_MIN):
        # Too few good words: the runners-up of families, then words the core glossary puts
        # one level below the learner's, before a full article goes with fewer than 8.
        for relaxed in (rest, {k for k in range(len(entries)) if never_key(entries[k], level) == "known at the level"
                               and _one_below(entries[k], level)}):
            spare = [k for k in sorted(relaxed, key=lambda k: -scores[k]) if k not in chosen
                     and never_key(entries[k], level) in (None, "known at the level")
                     and _informative_part(entries[k], level, names) is None]
            chosen.update(spare[: min(wanted, KEY_WORDS_MIN) - len(chosen)])
    return tuple(replace(e, key=k in chosen, key_score=round(scores[k], 3)) for k, e in enumerate(entries))


def _with_parts(entries: list[VocabEntry], level: str, make_part: PartMaker,
                names: Collection[str]) -> list[VocabEntry]:
    """The entries plus one for each informative part the text does not have alone."""
    present = {e.lemma for e in entries}
    out = list(entries)
    for entry in entries:
        part = _informative_part(entry, level, names)
        if part and part not in present:
            made = make_part(entry, part)
            if made is not None:
                out.append(made)
                present.add(part)
    out.sort(key=lambda e: e.sentence)
    return out
