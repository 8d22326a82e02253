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
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from wordfreq import zipf_frequency

from quizgen.analysis import Analysis, NounInfo, Token
from quizgen.german.cefr_estimate import estimate_level, level_index
from quizgen.errors import InputError
from quizgen.german.glossary import VERB_CONTEXT, gloss, has_entry, split_compound
from quizgen.german.nouns import is_known_noun, noun_case_numbers, noun_info, noun_lemmas_of_form
from quizgen.german.word_lists import NUMBER_NOUNS
from quizgen.lesson.names import name_spans, name_entries
from quizgen.pack import VocabEntry

#: STTS tags of open-class words; everything else (articles, pronouns, particles ...) stays out
CONTENT_TAGS = frozenset({"NN", "ADJA", "ADJD", "ADV", "VVFIN", "VVINF", "VVIZU", "VVPP", "VVIMP"})
#: adverbs this frequent (auch, nur, noch, so, schon ...) behave like function words
MAX_ADVERB_ZIPF = 5.8
ORDERS = ("text", "frequency", "alphabet")


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
    # Nouns that only count (Hunderte Menschen, Millionen Euro) are numbers: they stay out.
    if tok.tag not in CONTENT_TAGS or not tok.lemma or tok.ent_type or tok.lemma in NUMBER_NOUNS:
        return False
    if any(ch.isdigit() for ch in tok.text) or not any(ch.isalpha() for ch in tok.text):
        return False
    if tok.tag == "ADV":
        return estimate_level(tok.lemma).zipf < MAX_ADVERB_ZIPF
    return len(tok.lemma) > 1


def _noun_lemma(tok: Token) -> str:
    """The token's lemma, or the noun lexicon's when the tagger's is no known noun (Einflus)."""
    if tok.tag != "NN":
        return tok.lemma
    known = noun_lemmas_of_form(tok.text)
    if len(known) > 1 and tok.lemma in known + (tok.text,):
        return _likelier_lemma(tok, known)
    if tok.noun is not None or is_known_noun(tok.lemma):
        return tok.lemma
    if known:
        return known[0]
    if is_known_noun(tok.text):
        return tok.text
    # A compound the lexicon lacks: its last part's form gives the lemma (Kompromiss|papiers).
    for cut in range(2, len(tok.text) - 3):
        head = tok.text[cut:]
        lemmas = noun_lemmas_of_form(head[:1].upper() + head[1:]) if "-" not in head else ()
        if lemmas:
            return tok.text[:cut] + (lemmas[0] if tok.text[cut - 1] == "-" else lemmas[0].lower())
    return tok.lemma


def _likelier_lemma(tok: Token, lemmas: tuple[str, ...]) -> str:
    """Of two nouns a form belongs to (Zeugen: Zeuge or Zeug), the one the sentence means.

    Only nouns with the token's case and number (from the tagger) qualify: "die Zeugen sagten"
    (nominative plural) is Zeuge, "der Westen" (singular) is Westen, not Weste. Among those,
    the one for which the form is common wins: how many case/number slots it fills (Zeugen is
    seven of Zeuge's, only the dative plural of Zeug) plus twice its frequency in news
    (wordfreq Zipf), so "Westen" stays Westen without a tag."""
    case, number = tok.feat("Case"), tok.feat("Number")

    def fits(lemma: str) -> bool:
        return any((case is None or c == case) and (number is None or n == number)
                   for c, n in noun_case_numbers(tok.text, lemma))

    fitting = tuple(lemma for lemma in lemmas if fits(lemma)) or lemmas
    return max(fitting, key=lambda lemma: len(noun_case_numbers(tok.text, lemma)) + 2 * zipf_frequency(lemma, "de"))


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
    if tok.tag == "NN":
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
    if level is not None:
        entries = filter_vocabulary(entries, min_level=level)
    return entries, name_entries(analysis, spans)


def _entry(
    analysis: Analysis, group: _Group, context: frozenset[str], preps: dict[int, frozenset[str]] | None
) -> VocabEntry:
    first = analysis.tokens[group.first]
    forms = tuple(dict.fromkeys(analysis.tokens[i].text for i in group.tokens))
    display, gender, plural = group.lemma, None, None
    parts: tuple[str, ...] = ()
    if group.pos == "NOUN":
        split = split_compound(group.lemma)
        parts = split if len(split) > 1 else ()
        info = first.noun or noun_info(group.lemma) or _info_from_head(group.lemma, parts)
        if info is not None:
            gender = info.gender
            display = f"{info.article} {group.lemma}" if info.article else f"{group.lemma} (Pl.)"
            plural = f"die {info.plural}" if info.plural else None
    if group.pos == "VERB" and preps is not None:
        # The first occurrence's clause tells which prepositional sense fits (rechnen mit).
        context = context | {VERB_CONTEXT} | {f"+{p}" for p in preps.get(group.first, frozenset())}
    sentence = analysis.sentences[first.sentence]
    sentence_words = frozenset(
        w for t in analysis.tokens[sentence.start : sentence.end] for w in (t.lemma, t.text.lower()) if w
    )
    found = gloss(group.lemma, group.pos, context_lemmas=context, sentence_lemmas=sentence_words)
    if found.construction and group.pos != "NOUN":
        display = f"{display} {found.construction}"  # sich verständigen (auf + Akk.)
    estimate = estimate_level(group.lemma, forms=forms if group.pos != "VERB" else (), parts=parts)
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


_ALPHABET = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})  # German dictionary order


def _alphabet_key(entry: VocabEntry) -> str:
    word = entry.lemma.removeprefix("sich ").casefold()
    return word.translate(_ALPHABET)


def filter_vocabulary(
    entries: tuple[VocabEntry, ...] | list[VocabEntry],
    *,
    min_level: str | None = None,
    pos: str | Collection[str] | None = None,
    order: str = "text",
) -> tuple[VocabEntry, ...]:
    """Entries at or above ``min_level``, of the parts of speech ``pos``, in ``order``.

    ``order`` is ``text`` (first occurrence), ``frequency`` (count in the text, most first)
    or ``alphabet`` (ignoring ``sich`` and umlauts).
    """
    if order not in ORDERS:
        raise InputError(f"Unknown order {order!r}: use one of {', '.join(ORDERS)}.")
    kept = list(entries)
    if min_level is not None:
        try:
            floor = level_index(min_level)
        except ValueError:
            raise InputError(f"Unknown level {min_level!r}: use one of A1, A2, B1, B2, C1, C2.") from None
        kept = [e for e in kept if level_index(e.cefr) >= floor]
    if pos is not None:
        wanted = {pos} if isinstance(pos, str) else set(pos)
        kept = [e for e in kept if e.pos in wanted]
    if order == "frequency":
        kept.sort(key=lambda e: -e.count)
    elif order == "alphabet":
        kept.sort(key=_alphabet_key)
    else:
        kept.sort(key=lambda e: e.sentence)
    return tuple(kept)
