"""The vocabulary list of a text: content words as a learner writes them on a card, and names.

``build_vocabulary`` turns an Analysis into VocabEntry and NameEntry records:

- verbs take the clause's ``verb_lemma`` when the token is the clause's main verb, so
  ``kündigte ... an`` is ``ankündigen`` and ``freue sich`` is ``sich freuen``;
- nouns carry article and plural from the noun lexicon (``die Partnerschaft``,
  ``die Partnerschaften``) and compound parts (``Grund|Voraussetzung``);
- names (entities, or STTS NE tokens while no NER is present) go to ``names`` and never into
  the vocabulary; numbers, punctuation, closed-class words, auxiliaries and modals stay out.

Levels and bands are estimates (quizgen.german.cefr_estimate); glosses come from quizgen.german.glossary.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from typing import Literal

from wordfreq import zipf_frequency

from quizgen.analysis import Analysis, NounInfo, Token
from quizgen.german.cefr_estimate import estimate_level
from quizgen.german.constructions import Occurrence, occurrence_in
from quizgen.german.core_glossary import core_entry
from quizgen.german.glossary import LOW, VERB_CONTEXT, GlossResult, gloss, has_entry, split_compound
from quizgen.german.participles import participle_verb
from quizgen.german.nouns import (
    guess_noun_info,
    is_known_noun,
    lemma_of_suffix_plural,
    noun_case_numbers,
    noun_info,
    noun_lemmas_of_form,
)
from quizgen.german.word_lists import NUMBER_NOUNS
from quizgen.lesson.names import NAME_TAGS, is_common_noun_word, name_entries, name_spans
from quizgen.lesson.word_list import filter_vocabulary
from quizgen.pack import NameEntry, VocabEntry

#: STTS tags of open-class words; everything else (articles, pronouns, particles ...) stays out
CONTENT_TAGS = frozenset({"NN", "ADJA", "ADJD", "ADV", "VVFIN", "VVINF", "VVIZU", "VVPP", "VVIMP"})
#: adverbs this frequent (auch, nur, noch, so, schon ...) behave like function words
MAX_ADVERB_ZIPF = 5.8


@dataclass
class _Group:
    lemma: str
    pos: str
    first: int  # first token
    tokens: list[int] = field(default_factory=list)
    marks: dict[int, tuple[int, ...]] = field(default_factory=dict)  # token -> tokens to mark


def _clause_prepositions(analysis: Analysis) -> dict[int, frozenset[str]]:
    """Token index of each clause's verbs -> the prepositions of the clause's PPs (mit, auf)."""
    found: dict[int, frozenset[str]] = {}
    for clause in analysis.clauses:
        preps = frozenset((pp.preposition or "").lower() for pp in clause.pps if pp.preposition)
        preps |= _pronominal_prepositions(analysis, clause.verb_tokens)
        for i in clause.verb_tokens:
            found[i] = preps
    return found


#: damit, darauf, worüber ...: a preposition the verb takes, with "da(r)" or "wo(r)" in front
_PRONOMINAL = re.compile(r"^(?:da|wo)r?(an|auf|aus|bei|durch|für|gegen|hinter|in|mit|nach|neben|um|unter|über|von|vor|zu|zwischen)$")


def _pronominal_prepositions(analysis: Analysis, verb_tokens: Collection[int]) -> frozenset[str]:
    """The prepositions in the pronominal adverbs of the verb's sentence (rechne damit: mit)."""
    if not verb_tokens:
        return frozenset()
    sentence = analysis.sentences[analysis.tokens[min(verb_tokens)].sentence]
    found = set()
    for tok in analysis.tokens[sentence.start : sentence.end]:
        if tok.tag in ("PAV", "PROAV"):
            match = _PRONOMINAL.match(tok.text.lower())
            if match:
                found.add(match.group(1))
    return frozenset(found)


def _main_verbs(analysis: Analysis) -> dict[int, tuple[str, tuple[int, ...]]]:
    """Token index of each clause's main verb -> (full verb lemma, tokens to mark)."""
    found: dict[int, tuple[str, tuple[int, ...]]] = {}
    for clause in analysis.clauses:
        full = clause.verb_lemma
        for i in clause.verb_tokens:
            tok = analysis.tokens[i]
            if not tok.tag.startswith("VV") or not full.removeprefix("sich ").endswith(tok.lemma):
                continue
            marks = (i,) if clause.particle is None else (i, clause.particle)
            found[i] = (full, marks)
    if not analysis.clauses:
        # No clause analysis: at least put a detached particle back on its finite verb.
        for tok in analysis.tokens:
            if tok.tag != "PTKVZ":
                continue
            for j in range(tok.i - 1, analysis.sentences[tok.sentence].start - 1, -1):
                verb = analysis.tokens[j]
                if verb.tag in ("VVFIN", "VVIMP"):
                    found[j] = (tok.text.lower() + verb.lemma, (j, tok.i))
                    break
    return found


def _is_content(tok: Token) -> bool:
    # Names are out already (name_spans); a word the name rules gave back (the title in
    # "Oceana-Direktor Andrew Sharpless") is a common noun whatever its tag.
    # Nouns that only count (Hunderte Menschen, Millionen Euro) are numbers: they stay out.
    if any(ch.isdigit() for ch in tok.text) or not any(ch.isalpha() for ch in tok.text):
        return False
    if tok.tag in NAME_TAGS:
        return is_common_noun_word(tok.text)
    if tok.tag not in CONTENT_TAGS or not tok.lemma or tok.lemma in NUMBER_NOUNS:
        return False
    if tok.tag == "ADV":
        return estimate_level(tok.lemma).zipf < MAX_ADVERB_ZIPF
    return len(tok.lemma) > 1


def _noun_lemma(tok: Token) -> str:
    """The token's lemma, or the noun lexicon's when the tagger's is no known noun (Einflus)."""
    if tok.tag not in ("NN", *NAME_TAGS):
        return tok.lemma
    known = noun_lemmas_of_form(tok.text)
    if len(known) > 1 and tok.lemma in known + (tok.text,):
        return _likelier_lemma(tok, known)
    if "-" in tok.text:
        # The last part decides, as for a word of its own (KHM-Spitze: Spitze, not Spitz).
        prefix, _, last = tok.text.rpartition("-")
        heads = noun_lemmas_of_form(last)
        if len(heads) > 1:
            return f"{prefix}-{_likelier_lemma(tok, heads, form=last)}"
    if (tok.noun is not None and tok.noun.lemma == tok.lemma) or is_known_noun(tok.lemma):
        return tok.lemma
    if known:
        return known[0]
    if is_known_noun(tok.text):
        return tok.text
    from_suffix = lemma_of_suffix_plural(tok.text)
    if from_suffix is not None:
        return from_suffix
    # A compound the lexicon lacks: its last part's form gives the lemma (Kompromiss|papiers).
    for cut in range(2, len(tok.text) - 3):
        head = tok.text[cut:]
        lemmas = noun_lemmas_of_form(head[:1].upper() + head[1:]) if "-" not in head else ()
        if lemmas:
            return tok.text[:cut] + (lemmas[0] if tok.text[cut - 1] == "-" else lemmas[0].lower())
    return tok.lemma


def _likelier_lemma(tok: Token, lemmas: tuple[str, ...], *, form: str | None = None) -> str:
    """Of two nouns a form belongs to (Zeugen: Zeuge or Zeug), the one the sentence means.

    Only nouns with the token's case and number (from the tagger) qualify: "die Zeugen sagten"
    (nominative plural) is Zeuge, "der Westen" (singular) is Westen, not Weste. Among those,
    the one for which the form is common wins: how many case/number slots it fills (Zeugen is
    seven of Zeuge's, only the dative plural of Zeug) plus twice its frequency in news
    (wordfreq Zipf), so "Westen" stays Westen without a tag."""
    case, number = tok.feat("Case"), tok.feat("Number")
    form = form or tok.text

    def fits(lemma: str) -> bool:
        return any((case is None or c == case) and (number is None or n == number)
                   for c, n in noun_case_numbers(form, lemma))

    fitting = tuple(lemma for lemma in lemmas if fits(lemma)) or lemmas
    return max(fitting, key=lambda lemma: len(noun_case_numbers(form, lemma)) + 2 * zipf_frequency(lemma, "de"))


def _current_spelling(lemma: str) -> str:
    """The post-1996 spelling when the tagger gives the old one (gewiß -> gewiss, Kongreß)."""
    if "ß" not in lemma:
        return lemma
    modern = lemma.replace("ß", "ss")
    # wordfreq folds ß into ss, so the dictionaries decide: the spelling they list is current.
    def listed(word: str) -> bool:
        return has_entry(word) or is_known_noun(word)

    return modern if listed(modern) and not listed(lemma) else lemma


def _pos(tok: Token) -> str:
    if tok.tag == "NN" or tok.tag in NAME_TAGS:
        return "NOUN"
    if tok.tag.startswith("VV"):
        return "VERB"
    return "ADV" if tok.tag == "ADV" else "ADJ"


def _example(analysis: Analysis, sentence: int, marks: tuple[int, ...]) -> str:
    sent = analysis.sentences[sentence]
    out, pos = [], sent.start_char
    for i in sorted(marks):
        tok = analysis.tokens[i]
        out.append(analysis.text[pos : tok.idx] + f"**{tok.text}**")
        pos = tok.idx + len(tok.text)
    out.append(analysis.text[pos : sent.end_char])
    return " ".join("".join(out).split())


def build_vocabulary(
    analysis: Analysis, *, level: str | None = None
) -> tuple[tuple[VocabEntry, ...], tuple[NameEntry, ...]]:
    """Content words (in text order) and names of a text; ``level`` keeps words at or above it."""
    spans = name_spans(analysis)
    in_name = {i for start, end, _ in spans for i in range(start, end)}
    verbs = _main_verbs(analysis)
    groups: dict[tuple[str, str], _Group] = {}
    for tok in analysis.tokens:
        if tok.i in in_name or not _is_content(tok):
            continue
        pos = _pos(tok)
        lemma, marks = verbs.get(tok.i, (tok.lemma, (tok.i,))) if pos == "VERB" else (_noun_lemma(tok), (tok.i,))
        lemma = _current_spelling(lemma)
        group = groups.setdefault((lemma, pos), _Group(lemma=lemma, pos=pos, first=tok.i))
        group.tokens.append(tok.i)
        group.marks[tok.i] = marks
    context = frozenset(t.lemma for t in analysis.tokens) | frozenset(t.text.lower() for t in analysis.tokens)
    preps = _clause_prepositions(analysis) if analysis.clauses else None
    entries = tuple(_entry(analysis, g, context, preps) for g in sorted(groups.values(), key=lambda g: g.first))
    entries, names = _one_list_per_word(entries, name_entries(analysis, spans))
    if level is not None:
        entries = filter_vocabulary(entries, min_level=level)
    return entries, names


def examples_away_from(
    analysis: Analysis, entries: Iterable[VocabEntry], avoid: Collection[int]
) -> tuple[VocabEntry, ...]:
    """The entries, each whose example is one of the sentences ``avoid`` (those the pack's cloze
    items gap) given another sentence of the text that uses the word, where there is one: a card
    that prints a gapped sentence in full would show the gap's answer."""
    avoid = frozenset(avoid)
    verbs: dict[int, tuple[str, tuple[int, ...]]] | None = None
    out = []
    for entry in entries:
        if entry.sentence not in avoid:
            out.append(entry)
            continue
        if verbs is None:
            verbs = _main_verbs(analysis)
        forms = set(entry.forms)
        for tok in analysis.tokens:
            if tok.sentence in avoid or tok.text not in forms:
                continue
            if entry.pos == "VERB":
                lemma, marks = verbs.get(tok.i, (tok.lemma, (tok.i,)))
                if _current_spelling(lemma) != entry.lemma:
                    continue
            else:
                marks = (tok.i,)
            entry = replace(entry, example=_example(analysis, tok.sentence, marks), sentence=tok.sentence)
            break
        out.append(entry)
    return tuple(out)


def _one_list_per_word(
    entries: tuple[VocabEntry, ...], names: tuple[NameEntry, ...]
) -> tuple[tuple[VocabEntry, ...], tuple[NameEntry, ...]]:
    """A word in both lists (a name's lemma is a word's: die Grünen, der Grazer) stays in one:
    the word list when the text uses the word more often as a common noun, else the names."""
    by_text = {n.text: n for n in names if " " not in n.text}
    dropped_names: set[str] = set()
    kept: list[VocabEntry] = []
    for entry in entries:
        name = by_text.get(entry.lemma) or next((by_text[f] for f in entry.forms if f in by_text), None)
        if name is None:
            kept.append(entry)
        elif entry.pos == "NOUN" and entry.gender is not None and entry.count > name.count and name.type != "PER":
            dropped_names.add(name.text)
            kept.append(entry)
    return tuple(kept), tuple(n for n in names if n.text not in dropped_names)


def part_entry(analysis: Analysis, compound: VocabEntry, part: str) -> VocabEntry | None:
    """An entry for a compound's part, where the text has only the compound (Sanktion from
    Wirtschaftssanktionen): its example is the compound's sentence, its forms the compound's."""
    tokens = [t.i for t in analysis.tokens if t.text in compound.forms]
    if not tokens or noun_info(part) is None:
        return None
    group = _Group(lemma=part, pos="NOUN", first=tokens[0], tokens=tokens, marks={i: (i,) for i in tokens})
    context = frozenset(t.lemma for t in analysis.tokens) | frozenset(t.text.lower() for t in analysis.tokens)
    return _entry(analysis, group, context, None)


def _entry(
    analysis: Analysis, group: _Group, context: frozenset[str], preps: dict[int, frozenset[str]] | None
) -> VocabEntry:
    first = analysis.tokens[group.first]
    forms = tuple(dict.fromkeys(analysis.tokens[i].text for i in group.tokens))
    display, gender, plural = group.lemma, None, None
    parts: tuple[str, ...] = ()
    adjectival: _AdjectivalNoun | None = None
    if group.pos == "NOUN":
        split = split_compound(group.lemma)
        parts = split if len(split) > 1 else ()
        own = first.noun if first.noun is not None and first.noun.lemma == group.lemma else None
        info = own or noun_info(group.lemma)
        if info is None:
            adjectival = _adjectival_noun(analysis, group)
        if info is None and adjectival is None:
            info = _info_from_head(group.lemma, parts) or guess_noun_info(group.lemma)
        if info is not None:
            gender = info.gender
            display = f"{info.article} {group.lemma}" if info.article else f"die {group.lemma} (Pl.)"
            plural = f"die {info.plural}" if info.plural else None
        elif adjectival is not None:
            gender, display, plural = adjectival.gender, adjectival.display, adjectival.plural
    # The first occurrence's clause and construction tell which sense fits (rechnen mit,
    # Gespräche führen); its sentence is the entry's example.
    context, sentence_words, occurrence = gloss_setting(analysis, group.pos, group.marks[group.first], context, preps)
    found = gloss(group.lemma, group.pos, context_lemmas=context, sentence_lemmas=sentence_words, occurrence=occurrence)
    if adjectival is not None and found.gloss is None:
        found = _adjectival_gloss(adjectival, context, sentence_words)
    if found.gloss is None or found.confidence == LOW:
        found = _acronym_compound_gloss(group.lemma, group.pos, context, sentence_words) or found
    if found.construction and group.pos != "NOUN":
        display = f"{display} {found.construction}"  # sich verständigen (auf + Akk.)
    estimate = estimate_level(group.lemma, pos=group.pos, parts=parts)
    return VocabEntry(
        lemma=group.lemma,
        display=display,
        pos=group.pos,
        gender=gender,
        plural=plural,
        gloss=found.gloss,
        gloss_note=found.note,
        zipf=estimate.effective_zipf or estimate.zipf,
        cefr=estimate.cefr,
        band=estimate.band,
        count=len(group.tokens),
        example=_example(analysis, first.sentence, group.marks[group.first]),
        sentence=first.sentence,
        parts=parts,
        forms=forms,
        gloss_confidence=found.confidence if found.gloss else None,
    )


@dataclass(frozen=True)
class _AdjectivalNoun:
    """A nominalised adjective or participle: a person (der Verletzte) or a thing (das Neue)."""

    adjective: str  # verletzt, spektakulär
    person: bool
    gender: Literal["m", "n"]
    display: str
    plural: str | None


#: words before an adjective that make it a thing, not a person (das Neue, etwas Gutes)
_THING_WORDS = frozenset("das etwas nichts viel vieles wenig weniges alles manches einiges".split())
#: endings an adjective takes as a noun (der Verletzte, ein Verletzter, den Verletzten)
_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")


def _adjective_of(lemma: str) -> str | None:
    """The adjective or participle a capitalised word is made of (Verletzte: verletzt)."""
    low = lemma.lower()
    for ending in _ADJECTIVE_ENDINGS:
        stem = low[: -len(ending)]
        if low.endswith(ending) and len(stem) > 2 and (
            has_entry(stem, "ADJ") or core_entry(stem, "ADJ") is not None or participle_verb(stem) is not None
            or (stem.endswith("end") and has_entry(stem[:-1], "VERB"))  # Studierende, Reisende
        ):
            return stem
    return None


def _adjectival_noun(analysis: Analysis, group: _Group) -> _AdjectivalNoun | None:
    """A noun the lexicon lacks that is an adjective with a noun's capital, with its card form.

    As dictionaries do, a person is given in the masculine singular (der Verdächtige, die
    Verdächtigen) whatever the text's form; a thing is neuter and has no plural (das Neue)."""
    adjective = _adjective_of(group.lemma)
    if adjective is None:
        return None
    word = adjective[:1].upper() + adjective[1:] + "e"
    thing = any(i > 0 and analysis.tokens[i - 1].text.lower() in _THING_WORDS for i in group.tokens)
    if thing:
        return _AdjectivalNoun(adjective, person=False, gender="n", display=f"das {word}", plural=None)
    return _AdjectivalNoun(adjective, person=True, gender="m", display=f"der {word}", plural=f"die {word}n")


def _adjectival_gloss(noun: _AdjectivalNoun, context: frozenset[str], sentence: frozenset[str]) -> GlossResult:
    """The adjective's gloss made a noun's: 'injured person', 'the spectacular (thing)'."""
    found = gloss(noun.adjective, "ADJ", context_lemmas=context, sentence_lemmas=sentence)
    if found.gloss is None:
        return found
    english = found.gloss.split("; ")[0]
    shown = f"{english} person" if noun.person else f"the {english} (thing)"
    return GlossResult(shown, f"adjective as a noun: {noun.adjective} ({found.gloss})", found.confidence)


def _acronym_compound_gloss(
    lemma: str, pos: str, context: frozenset[str], sentence: frozenset[str]
) -> GlossResult | None:
    """An acronym's compound glossed with the acronym as English writes it (US-Präsident: US
    president, EU-weit: EU-wide), from the gloss of the rest."""
    first, _, rest = lemma.partition("-")
    if not rest or not any(ch.isupper() for ch in first[1:]):
        return None
    found = gloss(rest, pos, context_lemmas=context, sentence_lemmas=sentence)
    if found.gloss is None or found.confidence == LOW:
        return None
    english = found.gloss.split("; ")[0]
    joined = f"{first}-{english}" if pos in ("ADJ", "ADV") else f"{first} {english}"
    return GlossResult(joined, f"from its parts ({first} + {rest})", found.confidence)


def gloss_setting(
    analysis: Analysis,
    pos: str,
    tokens: tuple[int, ...],
    context: frozenset[str],
    preps: dict[int, frozenset[str]] | None,
) -> tuple[frozenset[str], frozenset[str], Occurrence]:
    """What the glossary chooses a sense of the word at ``tokens`` by: the article's words
    (``context``) with, for a verb, its clause's prepositions (``preps``, from
    _clause_prepositions); the sentence's words; where the word stands (its construction)."""
    first = analysis.tokens[tokens[0]]
    if pos == "VERB" and preps is not None:
        # The clause tells which prepositional sense fits (rechnen mit).
        verb = next((i for i in tokens if i in preps), first.i)
        context = context | {VERB_CONTEXT} | {f"+{p}" for p in preps.get(verb, frozenset())}
    sentence = analysis.sentences[first.sentence]
    sentence_words = frozenset(
        w for t in analysis.tokens[sentence.start : sentence.end] for w in (t.lemma, t.text.lower()) if w
    )
    return context, sentence_words, occurrence_in(analysis, tokens)


def _info_from_head(lemma: str, parts: tuple[str, ...]) -> NounInfo | None:
    """A compound the lexicon lacks inflects like its last part (Friedens|initiative)."""
    if not parts:
        return None
    head = noun_info(parts[-1])
    if head is None or not lemma.lower().endswith(parts[-1].lower()):
        return None
    prefix = lemma[: len(lemma) - len(parts[-1])]
    plural = None
    if head.plural:
        joined = prefix and not prefix.endswith("-")  # Friedens|initiativen, but Top-Diplomaten
        plural = prefix + (head.plural[:1].lower() + head.plural[1:] if joined else head.plural)
    return NounInfo(lemma=lemma, gender=head.gender, article=head.article, plural=plural, source=head.source)
