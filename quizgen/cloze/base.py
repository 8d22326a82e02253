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
    #: what the pack prints outside its cloze items (its questions and their options), as lower
    #: case words between single spaces: a gap whose answer it prints is answered before asked
    shown_elsewhere: str = ""

    @functools.cached_property
    def shown_words(self) -> frozenset[str]:
        return frozenset(self.shown_elsewhere.split())

    def shows_phrase(self, *words: str) -> bool:
        """Whether ``shown_elsewhere`` prints these words one after the other."""
        return f" {' '.join(w.lower() for w in words)} " in f" {self.shown_elsewhere} "

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
    is answered, printed and shown (quizgen.kinds).

    How ``build_cloze`` treats its items is said by optional class attributes (``kind_trait``
    reads them, False when absent): ``tests_meaning``, the gap is a content word, so its
    sentence must stand on its own and say enough; ``word_answer``, the answer is a word of the
    text that must not be seen anywhere else on the page; ``balanced``, the answers come from a
    small closed set (articles, endings), drawn so that no form dominates (a kind may say how
    many different answers a text needs for any item: ``min_forms``, two when it does not say);
    ``hint_names_word``, the hint gives the word whose form is asked (a verb's infinitive)."""

    name: str
    description: ExerciseKind

    def candidates(self, ctx: ClozeContext) -> list[ClozeCandidate]: ...


TRAITS = ("tests_meaning", "word_answer", "balanced", "hint_names_word")


def kind_trait(kind: object, trait: str) -> bool:
    """One of ``TRAITS`` of a kind's generator (False when the kind does not say)."""
    if trait not in TRAITS:
        raise ValueError(f"unknown cloze kind trait {trait!r}")
    return bool(getattr(kind, trait, False))


_UMLAUTS = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss", "é": "e"})


def _folded(word: str) -> str:
    return word.lower().translate(_UMLAUTS)


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance (insertions, deletions, substitutions)."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def spells(hint_word: str, answer: str) -> bool:
    """Whether a word of a hint gives the answer away: within two edits of it, or the same first
    five letters (engl. situation for Situation, region for Region)."""
    h, a = _folded(hint_word), _folded(answer)
    if len(h) < 3:
        return False
    if len(h) >= 5 and len(a) >= 5 and h[:5] == a[:5]:
        return True
    return edit_distance(h, a) <= 2


#: the labels of the hint's own wording (``T… (3 Buchstaben; engl. goal)``), not its content
HINT_LABELS = frozenset({"engl", "buchstaben", "buchstabe"})


def hint_spells(hint: str | None, answer: str) -> bool:
    """Whether any word of ``hint`` (its labels apart) spells ``answer`` (see ``spells``)."""
    if not hint:
        return False
    words = "".join(c if c.isalpha() else " " for c in hint).split()
    return any(spells(w, answer) for w in words if w.lower() not in HINT_LABELS)


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
