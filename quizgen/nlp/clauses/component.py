"""The spaCy component that finds clauses, their verb complex and roles, and case on noun phrases.

It runs last. It stores ``Clause`` records on ``doc._.clauses``, writes Case/Number/Gender
that the noun phrase determines into ``token.morph``, and, when the Doc has a dependency
parse, relabels confident subjects and objects (``nsubj``/``nsubj:pass``/``obj`` and the
dative label) and attaches them to the clause's content verb as UD does.

What the records hold: ``Clause.kind`` is main or sub (relative clauses, dass/ob/w-clauses and
zu-infinitives are sub; ``subordinator`` is the introducing word, None for a bare zu-infinitive).
Phrases are whole constituents (genitive attributes, noun-modifying PPs, appositions with
``inklusive``) with a confidence calibrated on UD German dev/PUD: 0.9+ when the morphology
decides, 0.85 when agreement leaves one candidate, 0.7-0.8 when only word order decides.
``Clause.other`` holds roles that are neither subject nor object: predicative, gen_object,
adverbial (a temporal noun phrase: den ganzen Tag), expletive (Vorfeld-es) and unclear.
``Clause.confidence`` drops below 1 when the segmentation is doubtful (two finite verbs left in
one clause, or no finite verb in a main clause).
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from quizgen.german import reading_masks as cm
from quizgen.analysis import Clause, Phrase
from quizgen.nlp.clauses.phrases import PRONOUN_TAGS, Chunk
from quizgen.nlp.clauses.roles import ClauseRoles, Role, assign_roles
from quizgen.nlp.clauses.verbs import VerbComplex, analyze_verbs
from quizgen.nlp.clauses.fields import RawClause, fill_fields
from quizgen.nlp.clauses.segmentation import segment_sentence

CORE = frozenset({"nsubj", "obj", "iobj"})

def clauses_of(doc: Doc) -> tuple[Clause, ...]:
    """The clauses the component stored on a Doc (empty if it did not run)."""
    return tuple(_clause_from_dict(item) for item in (doc._.clause_data or ()))


# The records are kept as plain dicts so that Doc.to_bytes() and DocBin can serialise them;
# ``doc._.clauses`` rebuilds the frozen Clause records.
if not Doc.has_extension("clause_data"):
    Doc.set_extension("clause_data", default=None)
if not Doc.has_extension("clauses"):
    Doc.set_extension("clauses", getter=clauses_of)


@Language.factory(
    "quizgen_clauses",
    default_config={"set_morph": True, "relabel_deps": True, "dep_threshold": 0.8, "dative_label": "obl:arg"},
)
def make_clauses(
    nlp: Language, name: str, set_morph: bool, relabel_deps: bool, dep_threshold: float, dative_label: str
) -> ClauseAnalyzer:
    return ClauseAnalyzer(
        name=name, set_morph=set_morph, relabel_deps=relabel_deps, dep_threshold=dep_threshold, dative_label=dative_label
    )


class ClauseAnalyzer:
    """Rule-based clause analysis over topological fields; see the module docstring."""

    def __init__(self, *, name: str, set_morph: bool, relabel_deps: bool, dep_threshold: float, dative_label: str) -> None:
        self.name = name
        self.set_morph = set_morph
        self.relabel_deps = relabel_deps
        self.dep_threshold = dep_threshold
        # UD German GSD labels dative objects obl:arg (it has no iobj); PUD uses iobj
        self.dative_label = dative_label

    def __call__(self, doc: Doc) -> Doc:
        clauses: list[Clause] = []
        parsed = doc.has_annotation("DEP")
        sents = list(doc.sents) if doc.has_annotation("SENT_START") or parsed else [doc[:]]
        for si, sent in enumerate(sents):
            for raw in segment_sentence(doc, sent):
                fill_fields(doc, raw)
                verbs = analyze_verbs(doc, raw)
                roles = assign_roles(doc, raw, verbs)
                if roles.subject is not None and roles.subject.chunk.persons <= {1, 2}:
                    verbs = analyze_verbs(doc, raw, third_person_subject=False)
                if self.set_morph:
                    sure = {id(r.chunk) for r in _roles(roles) if r.confidence >= self.dep_threshold}
                    for chunk in roles.chunks:
                        _set_morph(doc, chunk, sure)
                if self.relabel_deps and parsed:
                    self._relabel(doc, raw, verbs, roles)
                clauses.append(_to_clause(doc, len(clauses), si, raw, verbs, roles))
        doc._.clause_data = [asdict(c) for c in clauses]
        return doc

    def _relabel(self, doc: Doc, raw: RawClause, verbs: VerbComplex, roles: ClauseRoles) -> None:
        target = roles.predicate if verbs.copula and roles.predicate is not None else verbs.main
        if target is None:
            return
        labelled: list[tuple[Role, str]] = []
        if roles.subject is not None:
            labelled.append((roles.subject, "nsubj:pass" if verbs.voice == "Pass" else "nsubj"))
        labelled += [(r, "obj") for r in roles.acc]
        labelled += [(r, self.dative_label) for r in roles.dat]
        confident = set()
        for role, label in labelled:
            if role.confidence < self.dep_threshold or role.chunk.head == target:
                continue
            tok = doc[role.chunk.head]
            if tok.head.i != target and not _would_cycle(doc[target], tok):
                tok.head = doc[target]
            if tok.head.i == target:
                tok.dep_ = label
                confident.add(tok.i)
        self._demote(doc, roles, confident)

    def _demote(self, doc: Doc, roles: ClauseRoles, confident: set[int]) -> None:
        """Take back subject/object labels of the parser that the morphology or the phrase rules exclude."""
        role_of = {id(r.chunk): r for r in ([roles.subject] if roles.subject else []) + roles.acc + roles.dat}
        for chunk in roles.chunks:
            for sub in chunk.attached:  # genitive attributes and PPs inside a noun phrase
                tok = doc[sub.head]
                if tok.dep_.split(":")[0] in CORE and tok.i not in confident:
                    if tok.head.i != chunk.head and not _would_cycle(doc[chunk.head], tok):
                        tok.head = doc[chunk.head]
                    tok.dep_ = "nmod"
            tok = doc[chunk.head]
            if tok.i in confident or tok.dep_.split(":")[0] not in CORE:
                continue
            if chunk.kind == "pp":
                tok.dep_ = "obl"
                continue
            cases = cm.cases_of(chunk.lex_mask if chunk.lex_mask >= 0 else chunk.mask)
            role = role_of.get(id(chunk))
            if tok.dep_.startswith("nsubj") and "Nom" not in cases:
                if cases == ("Acc",):
                    tok.dep_ = "obj"
                elif cases == ("Dat",) or (role is not None and role.role == "dat_object"):
                    tok.dep_ = self.dative_label
            elif tok.dep_ == "obj" and "Acc" not in cases and "Nom" not in cases and "Dat" in cases:
                tok.dep_ = self.dative_label


def _would_cycle(verb: Token, tok: Token) -> bool:
    """Whether attaching ``tok`` to ``verb`` would make ``tok`` its own ancestor."""
    node = verb
    for _ in range(len(verb.doc)):
        if node.i == tok.i:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return True


def _roles(roles: ClauseRoles) -> list[Role]:
    return ([roles.subject] if roles.subject else []) + roles.acc + roles.dat


def _set_morph(doc: Doc, chunk: Chunk, sure: set[int]) -> None:
    """Write what the phrase's morphology (and a confident role) fixes onto its words."""
    mask = chunk.mask if id(chunk) in sure or chunk.lex_mask < 0 else chunk.lex_mask
    feats = cm.features_of(mask)
    if chunk.conjuncts:
        feats.pop("Number", None)
        feats.pop("Gender", None)
    if feats:
        for i in chunk.core:
            tok = doc[i]
            if tok.tag_ == "CARD" or tok.text == "%":
                continue  # UD German gives numerals and % no case
            own = feats if tok.tag_ not in PRONOUN_TAGS else {k: v for k, v in feats.items() if k == "Case"}
            merged = dict(tok.morph.to_dict())
            merged.update(own)
            tok.set_morph("|".join(f"{k}={v}" for k, v in sorted(merged.items())))  # type: ignore[attr-defined]  # not in spaCy 3.8's stub
    for sub in chunk.conjuncts + chunk.attached:
        _set_morph(doc, sub, sure)


def _phrase(doc: Doc, role: Role) -> Phrase:
    chunk = role.chunk
    prep = None
    if chunk.prep is not None:
        prep = chunk.prep_lemma
    return Phrase(
        role=role.role,
        start=chunk.start,
        end=chunk.end,
        head=chunk.head,
        text=doc[chunk.start : chunk.end].text,
        case=role.case,
        confidence=round(role.confidence, 2),
        preposition=prep,
    )


def _to_clause(doc: Doc, index: int, si: int, raw: RawClause, verbs: VerbComplex, roles: ClauseRoles) -> Clause:
    toks = [i for i in raw.tokens if not doc[i].is_space]
    lemma = verbs.lemma
    if roles.reflexive is not None and lemma:
        lemma = "sich " + lemma
    subordinator = doc[raw.subordinator].text.lower() if raw.subordinator is not None else None
    confidence = roles.certainty * (1.0 if raw.finite is not None or raw.kind == "sub" else 0.5)
    return Clause(
        index=index,
        sentence=si,
        kind=raw.kind,
        start=min(toks) if toks else 0,
        end=(max(toks) + 1) if toks else 0,
        finite_verb=raw.finite,
        verb_tokens=tuple(raw.verbs),
        verb_lemma=lemma,
        particle=raw.particle,
        subordinator=subordinator,
        subject=_phrase(doc, roles.subject) if roles.subject else None,
        acc_objects=tuple(_phrase(doc, r) for r in roles.acc),
        dat_objects=tuple(_phrase(doc, r) for r in roles.dat),
        pps=tuple(_phrase(doc, r) for r in roles.pps),
        tense=verbs.tense,
        mood=verbs.mood,
        voice=verbs.voice,
        reflexive=roles.reflexive is not None,
        negated=roles.negated,
        confidence=confidence,
        other=tuple(_phrase(doc, r) for r in roles.other),
    )


def _phrase_from_dict(item: dict[str, Any] | None) -> Phrase | None:
    return Phrase(**item) if item is not None else None


def _clause_from_dict(item: dict[str, Any]) -> Clause:
    fields = dict(item)
    fields["subject"] = _phrase_from_dict(fields["subject"])
    for key in ("acc_objects", "dat_objects", "pps", "other"):
        fields[key] = tuple(Phrase(**p) for p in fields[key])
    fields["verb_tokens"] = tuple(fields["verb_tokens"])
    return Clause(**fields)
