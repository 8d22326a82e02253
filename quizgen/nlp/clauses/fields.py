"""The topological fields of a clause: Vorfeld, left bracket, Mittelfeld, right bracket, Nachfeld.

A clause (quizgen.nlp.clauses.segmentation cuts the sentence into them) is a RawClause; its
finite verb decides the fields: in second position it is the left bracket after the Vorfeld,
at the end (subordinate clauses) it closes the verb complex. Also the verb-form tests the
segmentation and the verb analysis share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from quizgen.nlp.stts import PREPOSITION_TAGS

FINITE = frozenset({"VVFIN", "VAFIN", "VMFIN", "VVIMP", "VAIMP"})
NONFINITE = frozenset({"VVINF", "VAINF", "VMINF", "VVPP", "VAPP", "VMPP", "VVIZU"})
VERBAL = FINITE | NONFINITE | frozenset({"PTKZU", "PTKVZ"})
REL_TAGS = frozenset({"PRELS", "PRELAT"})
WH_TAGS = frozenset({"PWS", "PWAV", "PWAT"})


@dataclass
class RawClause:
    """A clause being built: its own tokens (without embedded clauses) and its fields."""

    kind: str  # main, sub
    tokens: list[int]
    subordinator: int | None = None  # token index of dass/weil/relative pronoun/um
    finite: int | None = None
    verbs: list[int] = field(default_factory=list)  # verb complex in text order
    particle: int | None = None
    vorfeld: list[int] = field(default_factory=list)
    mittelfeld: list[int] = field(default_factory=list)
    nachfeld: list[int] = field(default_factory=list)
    appendix: list[int] = field(default_factory=list)  # fragments after the clause
    coordinated: bool = False  # a conjunct that shares its subject with the clause before
    first: bool = False  # nothing of the sentence comes before it (so V1 is a question or a dropped subject)


_ZU_INFIX = re.compile(
    r"^(ab|an|auf|aus|bei|ein|fest|her|hin|los|mit|nach|vor|weg|zurück|zusammen|vorbei|weiter|heraus|herein|"
    r"hinaus|voran|dar|frei|statt|teil|hervor|offen|bekannt|kennen)zu[a-zäöüß]+n$"
)


def is_zu_form(tok: Token) -> bool:
    """A zu-infinitive in one word (anzukündigen), also when the tagger did not know the verb."""
    return tok.tag_ == "VVIZU" or (tok.tag_ in ("VVINF", "VVFIN", "ADJD") and bool(_ZU_INFIX.match(tok.text.lower())))


def is_finite(tok: Token) -> bool:
    """A finite verb, not a zu-infinitive the tagger called finite (zu finden, anzubringen)."""
    after_zu = tok.i > 0 and tok.doc[tok.i - 1].tag_ == "PTKZU"
    return tok.tag_ in FINITE and not is_zu_form(tok) and not after_zu


def fill_fields(doc: Doc, clause: RawClause) -> None:
    """Find the finite verb, the verb complex, the separable particle and the fields."""
    body = _body(doc, clause)
    finite_positions = [k for k, i in enumerate(body) if is_finite(doc[i])]
    if not finite_positions and clause.kind == "main":
        misread = [k for k, i in enumerate(body) if doc[i].tag_ in ("VVINF", "VAINF", "VMINF")]
        if misread and (misread[0] == 0 or len(misread) == 1):
            finite_positions = [misread[0]]
    if clause.kind == "main" and finite_positions:
        _verb_second_fields(doc, clause, body, finite_positions[0])
    else:
        _verb_final_fields(doc, clause, body, finite_positions)
    particles = [i for i in clause.verbs if doc[i].tag_ == "PTKVZ"]
    clause.particle = particles[-1] if particles else None


def _body(doc: Doc, clause: RawClause) -> list[int]:
    """The clause's tokens from the word after its subordinator (from a relative pronoun and
    the preposition before it, which belong to the clause), without a joining und."""
    toks = [i for i in clause.tokens if not doc[i].is_space]
    start = 0
    if clause.subordinator is not None and clause.subordinator in toks:
        pronoun_like = REL_TAGS | WH_TAGS | {"ART", "PDS"}  # the relative pronoun is an argument of its clause
        start = toks.index(clause.subordinator) + (0 if doc[clause.subordinator].tag_ in pronoun_like else 1)
        if doc[clause.subordinator].tag_ in pronoun_like:
            start = toks.index(clause.subordinator)
            while start > 0 and doc[toks[start - 1]].tag_ in PREPOSITION_TAGS:
                start -= 1
    body = toks[start:]
    if body and doc[body[0]].tag_ == "KON":
        body = body[1:]
    return body


def _verb_second_fields(doc: Doc, clause: RawClause, body: list[int], fk: int) -> None:
    """Vorfeld | finite verb | Mittelfeld | the other verbs | Nachfeld."""
    clause.finite = body[fk]
    after = [(a + fk + 1, b + fk + 1) for a, b in _runs(doc, body[fk + 1 :])]
    right = after[-1] if after else None
    clause.vorfeld = body[:fk]
    if right is None:
        clause.mittelfeld = body[fk + 1 :]
        clause.verbs = [body[fk]]
    else:
        clause.mittelfeld = body[fk + 1 : right[0]]
        clause.nachfeld = body[right[1] :]
        clause.verbs = [body[fk]] + body[right[0] : right[1]]


def _verb_final_fields(doc: Doc, clause: RawClause, body: list[int], finite_positions: list[int]) -> None:
    """Mittelfeld | the verb complex with the finite verb last | Nachfeld."""
    verbal_runs = _runs(doc, body)
    run = None
    if not finite_positions and clause.kind == "sub" and verbal_runs and _introduced(doc, clause):
        last_run = verbal_runs[-1]
        last = body[last_run[1] - 1]
        if doc[last].tag_ in ("VVINF", "VAINF", "VMINF"):
            finite_positions = [last_run[1] - 1]  # HanTa tags "bieten" in "dass Krisen Chancen bieten" VVINF
    if finite_positions:
        fk = finite_positions[-1]
        clause.finite = body[fk]
        run = next((r for r in verbal_runs if r[0] <= fk < r[1]), None)
    elif verbal_runs:
        run = verbal_runs[-1]
    if run is None:
        clause.mittelfeld = body
    else:
        clause.mittelfeld = body[: run[0]]
        clause.verbs = body[run[0] : run[1]]
        clause.nachfeld = body[run[1] :]


def _introduced(doc: Doc, clause: RawClause) -> bool:
    """Whether a clause has a subordinator that requires a finite verb (not um ... zu)."""
    sub = clause.subordinator
    return sub is not None and doc[sub].tag_ != "KOUI" and doc[sub].text.lower() not in ("um", "ohne", "statt", "anstatt")


def _runs(doc: Doc, body: list[int]) -> list[tuple[int, int]]:
    """Maximal runs [a, b) of verbal tokens (verbs, zu, separable particles) in ``body``."""
    runs: list[tuple[int, int]] = []
    k = 0
    while k < len(body):
        if doc[body[k]].tag_ in VERBAL:
            j = k
            while j < len(body) and doc[body[j]].tag_ in VERBAL:
                j += 1
            if any(doc[body[m]].tag_ not in ("PTKZU",) for m in range(k, j)):
                runs.append((k, j))
            k = j
        else:
            k += 1
    return runs
