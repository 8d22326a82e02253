"""What every cloze kind shares: the context it reads, the candidate it returns, gap text."""

from __future__ import annotations

import functools
import hashlib
import random
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from quizgen.analysis import Analysis, Token
from quizgen.german.word_lists import CLOSING_QUOTES, OPENING_QUOTES
from quizgen.kinds import ExerciseKind
from quizgen.pack import ClozeItem, VocabEntry

GAP = "___"
LOW_LEVELS = ("A1", "A2", "B1")


@dataclass(frozen=True)
class ClozeCandidate:
    """A possible item and the tokens its gaps cover (so kinds do not gap one word twice)."""

    item: ClozeItem
    tokens: tuple[int, ...]


@dataclass(frozen=True)
class Pending:
    """A candidate whose costly part (a distractor search) is done only when it is picked.

    ``build_cloze`` ranks candidates by sentence and id and skips those whose tokens are taken,
    which are all known before; ``complete`` says None when the candidate falls through (no
    distractors fit), and the next one is tried, so the items are those of ranking complete ones.
    """

    id: str
    sentence: int
    tokens: tuple[int, ...]
    complete: Callable[[], ClozeCandidate | None]

    @classmethod
    def done(cls, candidate: ClozeCandidate) -> Pending:
        return cls(candidate.item.id, candidate.item.sentence, candidate.tokens, lambda: candidate)


@dataclass(frozen=True)
class ClozeContext:
    """The text and the learner's setting, as every kind reads them."""

    analysis: Analysis
    level: str
    vocabulary: tuple[VocabEntry, ...]
    seed: int = 0

    @functools.cached_property
    def shared(self) -> dict[str, Any]:
        """Results several kinds read (the content gaps), worked out once per pack."""
        return {}

    @functools.cached_property
    def lemma_counts(self) -> Counter[str]:
        return Counter(t.lemma.lower() for t in self.analysis.tokens)

    @functools.cached_property
    def text_lemmas(self) -> frozenset[str]:
        return frozenset(self.lemma_counts)

    @functools.cached_property
    def vocab_by_lemma(self) -> dict[str, VocabEntry]:
        return {v.lemma.lower(): v for v in self.vocabulary}

    @functools.cached_property
    def entity_tokens(self) -> frozenset[int]:
        inside = {i for e in self.analysis.entities for i in range(e.start, e.end)}
        inside |= {t.i for t in self.analysis.tokens if t.ent_type or t.upos == "PROPN"}
        return frozenset(inside)

    @functools.cached_property
    def domains(self) -> frozenset[str]:
        """The article's subject domains (pol., mil. ...) from the glossary, if installed."""
        try:
            from quizgen.german.glossary import article_domains
        except ImportError:
            return frozenset()
        return frozenset(article_domains(frozenset(t.lemma for t in self.analysis.tokens)))

    def sentence_domains(self, index: int) -> frozenset[str]:
        """Domains (mil., sport ...) of the sentence's content words: a distractor from one of
        them may fit the sentence's meaning."""
        try:
            from quizgen.german.glossary import senses_of
        except ImportError:
            return frozenset()
        found: set[str] = set()
        for tok in self.analysis.sentence_tokens(index):
            if tok.upos in ("NOUN", "VERB", "ADJ"):
                for sense in senses_of(tok.lemma):
                    found.update(sense.domains)
        return frozenset(found)

    def gloss(self, lemma: str) -> str | None:
        """The text's gloss of ``lemma`` when it is sure: an uncertain gloss would mislead as a
        hint (issue 13), so it counts as none."""
        entry = self.vocab_by_lemma.get(lemma.lower())
        if entry is None or entry.gloss_confidence == "low":
            return None
        return entry.gloss

    def gloss_of(self, lemma: str, pos: str) -> str | None:
        """English gloss of any word (for the synonym check of distractors): the text's
        vocabulary first, then the glossary when it is installed."""
        known = self.gloss(lemma)
        if known:
            return known
        return _glossary_lookup(lemma, pos)


def _glossary_lookup(lemma: str, pos: str) -> str | None:
    try:
        from quizgen.german.glossary import gloss  # optional: package data of the vocabulary module
    except ImportError:
        return None
    found = gloss(lemma, pos)
    return found.gloss


class ClozeKind(Protocol):
    """One kind of gap exercise: ``name`` is its ``kind`` field, ``description`` says how it
    is answered, printed and shown (quizgen.kinds)."""

    name: str
    description: ExerciseKind

    def candidates(self, ctx: ClozeContext) -> list[ClozeCandidate]: ...


def item_id(kind: str, sentence_text: str, gaps: Iterable[int]) -> str:
    """Stable id: hash of the kind, the sentence text and the gap positions."""
    key = f"{kind}|{sentence_text}|{','.join(str(g) for g in gaps)}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def shuffled(options: Sequence[str], key: str) -> tuple[str, ...]:
    """Options in an order fixed by ``key`` (the item id), the same on every run."""
    order = list(options)
    random.Random(key).shuffle(order)
    return tuple(order)


def gapped(analysis: Analysis, first: int, last: int, gaps: dict[int, str]) -> str:
    """The text of sentences ``first..last`` with tokens replaced: ``gaps`` maps a token index
    to what stands in its place (``___`` or ``chinesisch___``)."""
    start = analysis.sentences[first].start_char
    end = analysis.sentences[last].end_char
    pieces = []
    pos = start
    for i in sorted(gaps):
        tok = analysis.tokens[i]
        pieces.append(analysis.text[pos : tok.idx])
        pieces.append(gaps[i])
        pos = tok.idx + len(tok.text)
    pieces.append(analysis.text[pos:end])
    return _balance_quotes(" ".join("".join(pieces).split()))




def _balance_quotes(text: str) -> str:
    """Drop a quotation mark the sentence splitter left dangling at either end (``so Wang. “``)."""
    if text.endswith(OPENING_QUOTES) and text[:-1].endswith(" "):
        text = text[:-1].rstrip()
    if text.startswith(CLOSING_QUOTES) and len(text) > 1 and text[1] == " ":
        text = text[1:].lstrip()
    return text


def is_plain_word(tok: Token) -> bool:
    """Letters (and inner hyphens) only: no numbers, abbreviations or symbols."""
    word = tok.text.replace("-", "")
    return word.isalpha() and not tok.text.isupper() and len(tok.text) >= 3


def match_case(form: str, like: str) -> str:
    """``form`` capitalised the way ``like`` is (sentence-initial articles)."""
    return form[:1].upper() + form[1:] if like[:1].isupper() else form
