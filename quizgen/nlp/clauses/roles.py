"""Subject, objects and PPs of a clause, decided by case and agreement, with a confidence.

Precision first: a role is only given a high confidence when the morphology leaves one
reading (``den Abzug`` can only be accusative) or the alternatives are excluded by the
other phrases; word order alone (subject first) gives a low one, so generators can skip it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from quizgen.german import reading_masks as cm
from quizgen.german.morphology import TWO_WAY
from quizgen.nlp.stts import PREPOSITION_TAGS
from quizgen.nlp.clauses.phrases import Chunk, PhraseChunker
from quizgen.nlp.clauses.verbs import VerbComplex
from quizgen.nlp.clauses.fields import RawClause, is_finite

NOM, ACC, DAT, GEN = (cm.case_mask(c) for c in cm.CASES)
#: tags after an ADJD that make it modify what follows (deutlich mehr, schnell wachsende), not the predicative
_STARTS_PHRASE = PREPOSITION_TAGS | {"ADJD", "ADJA", "ART", "NN", "KOKOM"}


@dataclass
class Role:
    role: str  # subject, acc_object, dat_object, gen_object, predicative, pp, adverbial
    chunk: Chunk
    case: str | None
    confidence: float
    rule: str = ""  # which rule decided (for calibration and debugging)


@dataclass
class ClauseRoles:
    chunks: list[Chunk] = field(default_factory=list)  # every phrase, for morphology
    subject: Role | None = None
    acc: list[Role] = field(default_factory=list)
    dat: list[Role] = field(default_factory=list)
    pps: list[Role] = field(default_factory=list)
    other: list[Role] = field(default_factory=list)
    reflexive: int | None = None  # token index of a reflexive pronoun (sich freuen)
    negated: bool = False
    predicate: int | None = None  # head of the predicative of a copula clause
    certainty: float = 1.0  # how sure the segmentation of the clause is


def _agrees(chunk: Chunk, verbs: VerbComplex) -> bool:
    if not chunk.mask & NOM:
        return False
    if chunk.pronoun == "sich":
        return False
    if verbs.number == "Plur":
        number_ok = chunk.plural or bool(chunk.mask & NOM & cm.PLUR)
    elif verbs.number == "Sing":
        # der Koalitionsverhandler und Wirtschaftslandesrat Strugl: one person when the article is shared
        one_referent = all(not c.has_det for c in chunk.conjuncts) and chunk.has_det
        number_ok = (not chunk.conjuncts or one_referent) and bool(chunk.mask & NOM & cm.SING)
    else:
        number_ok = True
    if verbs.person is not None and verbs.person not in chunk.persons:
        return False
    if verbs.person is None and chunk.persons <= {1, 2} and chunk.pronoun not in ("ihr",):
        # ich/du/wir with a form that is not theirs: sagt ich
        return verbs.number == "Plur" and chunk.pronoun == "wir" or verbs.number == "Sing" and chunk.pronoun == "ich"
    return number_ok


def assign_roles(doc: Doc, clause: RawClause, verbs: VerbComplex) -> ClauseRoles:
    """Chunk the clause's fields and decide which phrase is subject, object or adjunct."""
    out = ClauseRoles()
    front = PhraseChunker(doc, clause.vorfeld).chunks() if clause.vorfeld else []
    middle_toks = clause.mittelfeld + clause.nachfeld
    appendix_start = None
    if clause.appendix:
        appendix_start = clause.appendix[0]
        middle_toks = middle_toks + clause.appendix
    sub = clause.subordinator
    pronouns = frozenset({sub}) if sub is not None and doc[sub].tag_ in ("ART", "PDS") else frozenset()
    middle = PhraseChunker(doc, middle_toks, pronouns).chunks() if middle_toks else []
    if appendix_start is not None:
        middle = [c for c in middle if c.start < appendix_start]
    nachfeld_start = clause.nachfeld[0] if clause.nachfeld else None
    chunks = front + middle
    for chunk in chunks:
        chunk.lex_mask = chunk.mask
    out.chunks = chunks
    out.negated = any(doc[i].tag_ == "PTKNEG" for i in clause.vorfeld + clause.mittelfeld)

    nps: list[Chunk] = []
    for chunk in chunks:
        in_nachfeld = nachfeld_start is not None and chunk.start >= nachfeld_start
        if chunk.kind == "pp":
            case = _single_case(chunk.mask)
            conf = 0.8 if case else 0.6
            if case is None and chunk.prep_lemma in TWO_WAY and not chunk.has_det and doc[chunk.head].tag_ == "NE":
                case = "Dat"  # in Cleveland: a place name after a two-way preposition is a location
            out.pps.append(Role("pp", chunk, case, conf))
        elif chunk.temporal:
            out.other.append(Role("adverbial", chunk, _single_case(chunk.mask), 0.6))
        elif doc[chunk.head].tag_ == "PRF" and out.reflexive is None:
            out.reflexive = chunk.head
        elif not in_nachfeld:
            nps.append(chunk)

    if clause.finite is not None:
        _choose_subject(doc, out, nps, verbs, clause)
    rest = [c for c in nps if out.subject is None or c is not out.subject.chunk]
    if verbs.copula:
        _copula_predicate(doc, out, rest, clause)
    else:
        _choose_objects(out, rest, verbs)
    _discount_unclear_clauses(doc, out, clause, verbs)
    return out


def _participle_like(tok: Token) -> bool:
    low = tok.text.lower()
    return low.startswith(("ge", "be", "ent", "er", "ver", "zer", "emp", "miss")) or low.endswith(("iert", "en"))


def _discount_unclear_clauses(doc: Doc, out: ClauseRoles, clause: RawClause, verbs: VerbComplex) -> None:
    """Lower the confidence where segmentation is doubtful: two finite verbs, a bare zu-infinitive."""
    misread = {i for i in clause.verbs if i != verbs.main and i != clause.finite} | ({verbs.main} - {clause.finite})
    finites = [i for i in clause.tokens if is_finite(doc[i]) and (i == clause.finite or i not in misread or doc[i].tag_ != "VVFIN" or not _participle_like(doc[i]))]
    factor = 0.7 if len(finites) > 1 else 1.0
    out.certainty = factor
    zu_verbs = [i for i in clause.verbs if doc[i].tag_ == "VVIZU" or (i > 0 and doc[i - 1].tag_ == "PTKZU")]
    object_factor = factor * (0.6 if zu_verbs and verbs.main not in zu_verbs else 1.0)
    if out.subject is not None:
        out.subject.confidence *= factor
    for role in out.acc + out.dat:
        role.confidence *= object_factor
    for role in out.acc[1:]:
        role.confidence = min(role.confidence, 0.6)  # two accusatives are rare: often a missed coordination


def _single_case(mask: int) -> str | None:
    cases = cm.cases_of(mask)
    return cases[0] if len(cases) == 1 else None


def _choose_subject(doc: Doc, out: ClauseRoles, nps: list[Chunk], verbs: VerbComplex, clause: RawClause) -> None:
    candidates = _subject_candidates(nps, verbs, clause)
    if not candidates or _expletive_subject(out, nps, candidates, verbs, clause):
        return
    nom_only = [c for c in candidates if cm.cases_of(c.mask) == ("Nom",)]
    if verbs.lemma in ("sein", "werden", "bleiben", "heißen") and len(candidates) > 1:
        nom_only = []  # Trump wird Präsident: two nominatives, the subject comes first
    evidence = [c for c in candidates if _parser_says_subject(doc, c)]
    if len(candidates) > 1 and len(nom_only) != 1 and len(evidence) == 1:
        chosen = evidence[0]  # the trained parser breaks the tie that morphology left
        out.subject = Role("subject", chosen, "Nom", 0.8, "parser")
        chosen.mask = cm.narrow(chosen.mask, NOM)
        return
    chosen, conf, rule = _subject_by_agreement(nps, candidates, nom_only, verbs, clause)
    if verbs.copula and len([c for c in nps if c.mask & NOM]) > 1:
        conf, rule = min(conf, 0.75), rule + "+copula"
    if not clause.vorfeld and clause.kind == "main" and clause.first and cm.cases_of(chosen.mask) != ("Nom",):
        conf, rule = min(conf, 0.6), rule + "+v1"  # V1: a question, a condition, or a dropped subject (Habe meine Küche ...)
    if chosen.pronoun == "es":
        rule += "-es"
    out.subject = Role("subject", chosen, "Nom", conf, rule)
    chosen.mask = cm.narrow(chosen.mask, NOM)


def _subject_candidates(nps: list[Chunk], verbs: VerbComplex, clause: RawClause) -> list[Chunk]:
    """The phrases that agree with the finite verb in case, number and person."""
    candidates = [c for c in nps if _agrees(c, verbs)]
    if clause.coordinated and ((not clause.vorfeld and clause.kind == "main") or (clause.kind == "sub" and clause.subordinator is None)):
        # ... und verschrieb etwas: the subject is shared with the conjunct before
        candidates = [c for c in candidates if cm.cases_of(c.mask) == ("Nom",)]
    return candidates


def _expletive_subject(
    out: ClauseRoles, nps: list[Chunk], candidates: list[Chunk], verbs: VerbComplex, clause: RawClause
) -> bool:
    """es gibt (es is the subject) and a Vorfeld-es (Es fehlt ein System: the other is); True
    when one of them decided."""
    expletive = [c for c in candidates if c.pronoun == "es"]
    if expletive and verbs.lemma == "geben":
        out.subject = Role("subject", expletive[0], "Nom", 0.9, "es-gibt")
        expletive[0].mask = cm.narrow(expletive[0].mask, NOM)
        return True
    if expletive and expletive[0].start in clause.vorfeld and len(candidates) == 2 and not verbs.copula:
        other = candidates[1] if candidates[0] is expletive[0] else candidates[0]
        out.subject = Role("subject", other, "Nom", 0.6, "vorfeld-es")
        out.other.append(Role("expletive", expletive[0], "Nom", 0.6))
        nps.remove(expletive[0])
        other.mask = cm.narrow(other.mask, NOM)
        return True
    return False


def _subject_by_agreement(
    nps: list[Chunk], candidates: list[Chunk], nom_only: list[Chunk], verbs: VerbComplex, clause: RawClause
) -> tuple[Chunk, float, str]:
    """The subject morphology and word order point to, its confidence and the rule's name."""
    if len(nom_only) == 1:
        return nom_only[0], (0.95 if len(candidates) == 1 else 0.9), "nom-only"
    if nom_only:
        return nom_only[0], 0.6, "first-of-nom-only"
    if len(candidates) == 1:
        others_nominative = any(c.mask & NOM for c in nps if c is not candidates[0])
        # the others fail agreement: as reliable as a lone candidate, except around a copula (measured)
        conf = 0.75 if others_nominative and verbs.copula else 0.85
        return candidates[0], conf, "single-candidate" + ("-othernom" if others_nominative else "")
    # word order: the subject tends to come first; morphology could not decide
    chosen = candidates[0]
    rule = "first-candidate"
    rule += "-vf" if chosen.start in clause.vorfeld else ("-sub" if clause.kind == "sub" else "-mf")
    rule += "-pron" if chosen.pronoun else ""
    # how often the first of several candidates was the subject on UD German GSD dev and PUD:
    # subordinate clause, full noun phrase ~97%; Mittelfeld ~81%; Vorfeld or pronoun ~70-72%
    return chosen, {"first-candidate-sub": 0.9, "first-candidate-mf": 0.8}.get(rule, 0.7), rule


def _parser_says_subject(doc: Doc, chunk: Chunk) -> bool:
    """Whether the parser or the morphologizer (when present) call this phrase the subject."""
    head = doc[chunk.head]
    return head.dep_.startswith("nsubj") or (head.morph.get("Case", []) == ["Nom"] and not head.dep_)


def _choose_objects(out: ClauseRoles, rest: list[Chunk], verbs: VerbComplex) -> None:
    ambiguous: list[Chunk] = []
    subject_conf = out.subject.confidence if out.subject is not None else 0.0
    for chunk in rest:
        mask = chunk.mask
        if verbs.lemma in ("werden", "bleiben", "heißen") and verbs.voice == "Act" and mask & NOM:
            out.other.append(Role("predicative", chunk, "Nom", 0.6))  # die SPÖ wurde stärkste Partei
            continue
        if out.subject is not None:
            mask = cm.narrow(mask, ACC | DAT | GEN)
        cases = set(cm.cases_of(mask))
        if cases == {"Acc"}:
            conf, rule = (0.95 if chunk.has_det or chunk.pronoun else 0.9), "acc-only"
            if chunk.mask & NOM:
                # not nominative only because the subject is elsewhere: right ~80% of the time (UD dev)
                conf, rule = min(0.8, subject_conf), "acc-after-subject"
            out.acc.append(Role("acc_object", chunk, "Acc", conf * (0.6 if verbs.voice == "Pass" else 1), rule))
            chunk.mask = mask
        elif cases == {"Dat"}:
            out.dat.append(Role("dat_object", chunk, "Dat", 0.9 if not chunk.mask & NOM else min(0.9, subject_conf)))
            chunk.mask = mask
        elif cases == {"Dat", "Gen"}:
            out.dat.append(Role("dat_object", chunk, "Dat", 0.7))
            chunk.mask = cm.narrow(mask, DAT)
        elif cases == {"Gen"}:
            out.other.append(Role("gen_object", chunk, "Gen", 0.6))
        elif cases == {"Nom"} and verbs.lemma in ("werden", "bleiben"):
            out.other.append(Role("predicative", chunk, "Nom", 0.7))
        elif cases == {"Nom"}:
            out.other.append(Role("unclear", chunk, "Nom", 0.3))
        else:
            ambiguous.append(chunk)
    for chunk in ambiguous:
        mask = cm.narrow(chunk.mask, ACC | DAT | GEN) if out.subject is not None else chunk.mask
        cases = set(cm.cases_of(mask))
        if "Acc" in cases and not out.acc:
            conf = 0.75 if cases <= {"Nom", "Acc"} and out.subject is not None else 0.6
            out.acc.append(Role("acc_object", chunk, "Acc", conf * (0.6 if verbs.voice == "Pass" else 1), "acc-ambiguous"))
            chunk.mask = cm.narrow(mask, ACC)
        elif "Dat" in cases and not out.dat:
            out.dat.append(Role("dat_object", chunk, "Dat", 0.55))
            chunk.mask = cm.narrow(mask, DAT)
        else:
            out.other.append(Role("unclear", chunk, _single_case(mask), 0.3))


def _copula_predicate(doc: Doc, out: ClauseRoles, rest: list[Chunk], clause: RawClause) -> None:
    for chunk in rest:
        if chunk.mask & NOM:
            out.other.append(Role("predicative", chunk, "Nom", 0.7))
            if out.predicate is None:
                out.predicate = chunk.head
        elif chunk.mask & DAT:
            out.dat.append(Role("dat_object", chunk, "Dat", 0.6))
        else:
            out.other.append(Role("unclear", chunk, _single_case(chunk.mask), 0.3))
    if out.predicate is None:
        genitive = [c for c in rest if c.mask & GEN and c.has_det]
        if genitive and clause.mittelfeld and genitive[0].start in clause.mittelfeld:
            out.predicate = genitive[0].head  # Ich bin der Meinung
            return
        covered = {i for c in out.chunks for i in range(c.start, c.end)}
        field_toks = [i for i in clause.vorfeld + clause.mittelfeld + clause.verbs if i not in covered]
        chosen = None
        for k, i in enumerate(field_toks):
            nxt = doc[field_toks[k + 1]].tag_ if k + 1 < len(field_toks) else ""
            if doc[i].tag_ == "ADJD" and nxt not in _STARTS_PHRASE:
                chosen = k  # the last adjective that is not an adverb of something after it
        if chosen is not None:
            while chosen >= 2 and doc[field_toks[chosen - 1]].tag_ == "KON" and doc[field_toks[chosen - 2]].tag_ == "ADJD":
                chosen -= 2  # sehr unfreundlich und genervt: the first conjunct
            out.predicate = field_toks[chosen]
