"""The result of analysing a German text: frozen, typed records that cross every boundary.

Token positions are indexes into ``Analysis.tokens``; spans are half-open ``[start, end)``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

ClauseKind = Literal["main", "sub"]
EntityLabel = Literal["PER", "LOC", "ORG", "OTH"]


@dataclass(frozen=True)
class NounInfo:
    """Lexicon facts about a common noun: what a learner writes on a card."""

    lemma: str
    gender: Literal["m", "f", "n"] | None
    article: str | None  # der / die / das, None for plural-only nouns
    plural: str | None  # None when the noun has no plural in the lexicon
    source: str = "german-nouns (Wiktionary, CC BY-SA 4.0)"


@dataclass(frozen=True)
class Token:
    """One token with its tags, lemma, morphology and dependency."""

    i: int
    text: str
    whitespace: str
    idx: int  # character offset in Analysis.text
    sentence: int
    lemma: str
    upos: str
    tag: str  # STTS
    morph: tuple[tuple[str, str], ...]  # sorted (feature, value) pairs, UD names
    head: int  # index of the head token; the root points to itself
    dep: str  # UD relation
    ent_type: str = ""  # PER/LOC/ORG/OTH or ""
    noun: NounInfo | None = None

    def feat(self, name: str) -> str | None:
        """The value of one morphological feature, or None."""
        for key, value in self.morph:
            if key == name:
                return value
        return None

    @property
    def feats(self) -> dict[str, str]:
        return dict(self.morph)

    @property
    def morph_str(self) -> str:
        return "|".join(f"{k}={v}" for k, v in self.morph)


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int  # first token
    end: int  # one past the last token
    start_char: int
    end_char: int
    text: str


@dataclass(frozen=True)
class Entity:
    label: str  # EntityLabel
    start: int
    end: int
    start_char: int
    end_char: int
    text: str


@dataclass(frozen=True)
class Phrase:
    """A constituent of a clause: its role, its tokens, its case and how sure we are."""

    role: str  # subject, acc_object, dat_object, gen_object, pp, predicative
    start: int
    end: int
    head: int  # the token that carries the phrase (noun, pronoun, name)
    text: str
    case: str | None  # Nom, Acc, Dat, Gen; for a pp the case the preposition governs
    confidence: float  # 0..1: generators skip roles below their threshold
    preposition: str | None = None  # for pp: the preposition's lemma


@dataclass(frozen=True)
class Clause:
    """One clause in topological terms with its verb complex and its arguments."""

    index: int
    sentence: int
    kind: str  # ClauseKind
    start: int
    end: int
    finite_verb: int | None  # token index of the finite verb
    verb_tokens: tuple[int, ...]  # the whole verb complex in text order (incl. particle)
    verb_lemma: str  # the full lemma of the main verb: ankündigen, sich freuen
    particle: int | None  # token index of a detached separable particle
    subordinator: str | None  # dass, weil, ob, relative pronoun ...
    subject: Phrase | None
    acc_objects: tuple[Phrase, ...]
    dat_objects: tuple[Phrase, ...]
    pps: tuple[Phrase, ...]
    tense: str | None  # Pres, Past, Perf, Pqp, Fut
    mood: str | None  # Ind, Sub (Konjunktiv I/II), Imp
    voice: str = "Act"  # Act or Pass
    reflexive: bool = False
    negated: bool = False
    confidence: float = 1.0
    other: tuple[Phrase, ...] = field(default=())  # predicatives, genitive objects ...


@dataclass(frozen=True)
class Analysis:
    """Everything the generators need to know about one text."""

    text: str
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    entities: tuple[Entity, ...]
    clauses: tuple[Clause, ...]
    pipeline: str = ""  # name and version of the pipeline that produced it

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens ``[start, end)`` with their original spacing."""
        if start >= end:
            return ""
        first, last = self.tokens[start], self.tokens[end - 1]
        return self.text[first.idx : last.idx + len(last.text)]

    def sentence_tokens(self, index: int) -> tuple[Token, ...]:
        sent = self.sentences[index]
        return self.tokens[sent.start : sent.end]

    def clauses_in(self, sentence: int) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if c.sentence == sentence)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: sentences, tokens (with feats as a dict), entities, clauses."""
        tokens = []
        for tok in self.tokens:
            item = asdict(tok)
            item["morph"] = tok.feats
            tokens.append(item)
        return {
            "pipeline": self.pipeline,
            "sentences": [asdict(s) for s in self.sentences],
            "tokens": tokens,
            "entities": [asdict(e) for e in self.entities],
            "clauses": [asdict(c) for c in self.clauses],
        }
