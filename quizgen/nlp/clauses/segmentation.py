"""Clause segmentation over the German topological fields, from STTS tags.

A sentence is cut at commas, colons, dashes and brackets, and at coordinating conjunctions
between clauses. Each piece is a subordinate clause (it starts with dass/weil/... , a
relative pronoun, a w-word, or um/ohne + zu-infinitive), a main clause (it has a finite
verb in first or second position) or a fragment, which joins the clause it belongs to: a
Vorfeld cut off by an embedded relative clause, a right bracket after a parenthesis, an
appended ``inklusive ...``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from quizgen.german import reading_masks as cm
from quizgen.german.word_lists import QUOTE_MARKS
from quizgen.nlp.clauses.fields import FINITE, NONFINITE, REL_TAGS, VERBAL, WH_TAGS, RawClause, is_finite, is_zu_form
from quizgen.nlp.stts import PREPOSITION_TAGS

BOUNDARY_TEXT = frozenset({",", ";", ":", "–", "—", "(", ")", "[", "]", "-", "--", "/"})
DASHES = frozenset({"-", "–", "—", "--"})
CLAUSE_KON = frozenset({"und", "oder", "aber", "sondern", "denn", "doch", "sowie"})
#: subordinators that are also prepositions (während seiner Visite)
PREPOSITION_LIKE = frozenset({"während", "seit", "bis"})


def _content(doc: Doc, toks: list[int]) -> list[int]:
    return [i for i in toks if not (doc[i].is_space or doc[i].is_punct or doc[i].text in QUOTE_MARKS)]


def _has_finite(doc: Doc, toks: list[int]) -> bool:
    return any(is_finite(doc[i]) for i in toks)


def _is_zu_infinitive(doc: Doc, toks: list[int]) -> bool:
    tags = [doc[i].tag_ for i in toks]
    return any(is_zu_form(doc[i]) for i in toks) or any(a == "PTKZU" and b in NONFINITE for a, b in zip(tags, tags[1:]))


def _segments(doc: Doc, sent: Span) -> list[list[int]]:
    """Cut a sentence at punctuation that separates clauses."""
    segs: list[list[int]] = [[]]
    for tok in sent:
        if tok.is_space:
            if "\n" in tok.text:
                segs.append([])
            continue
        if tok.text in BOUNDARY_TEXT and (tok.tag_.startswith("$") or tok.is_punct):
            segs.append([])
            continue
        if tok.tag_ == "$.":
            continue
        segs[-1].append(tok.i)
    return [s for s in segs if _content(doc, s)]


def _split_coordination(doc: Doc, seg: list[int]) -> list[tuple[list[int], bool]]:
    """Split at und/oder/aber between two clauses; the flag marks the later conjuncts."""
    parts: list[tuple[list[int], bool]] = []
    start = 0
    for k in range(1, len(seg) - 1):
        tok = doc[seg[k]]
        if tok.tag_ != "KON" or tok.text.lower() not in CLAUSE_KON:
            continue
        left, right = seg[start:k], seg[k + 1 :]
        nxt = doc[seg[k + 1]]
        prev = doc[seg[k - 1]]
        right_content = right
        # "und deren/der ..." opens a second relative clause only after a first one (der X tat und
        # den Y mochte); after a main clause it is a noun phrase (über A und deren Tochter B).
        if (
            nxt.tag_ in ("KOUS", "KOUI") or (nxt.tag_ in REL_TAGS and _opens_subordinate(doc, left))
            or (_has_finite(doc, left) and _finite_before_next_kon(doc, right))
            or (prev.tag_ in VERBAL and prev.tag_ != "PTKZU" and any(doc[i].tag_ in NONFINITE | FINITE for i in right_content))
        ):
            parts.append((left, bool(parts)))
            start = k + 1
    parts.append((seg[start:], bool(parts)))
    return [(p, c) for p, c in parts if p]


def _opens_subordinate(doc: Doc, part: list[int]) -> bool:
    """Whether the part starts like a subordinate clause: a subordinator or a relative pronoun (after a preposition)."""
    first = doc[part[0]]
    if first.tag_ in PREPOSITION_TAGS and len(part) > 1:
        first = doc[part[1]]
    return first.tag_ in REL_TAGS or first.tag_ in ("KOUS", "PWS", "PWAV")


def _finite_before_next_kon(doc: Doc, right: list[int]) -> bool:
    """Whether a finite verb follows before the next und/oder (Kind und Hund ... und wird: no)."""
    for i in right:
        if is_finite(doc[i]):
            return True
        if doc[i].tag_ == "KON" and doc[i].text.lower() in CLAUSE_KON:
            return False
    return False


def _split_unmarked(doc: Doc, part: list[int]) -> list[list[int]]:
    """Split where a comma is missing: Das ist, was ...; wenn er wedelt, freut er sich; um ... zu."""
    finites = [k for k, i in enumerate(part) if is_finite(doc[i])]
    if finites:
        for k in range(finites[0] + 1, len(part) - 1):
            starts_infinitive = doc[part[k]].tag_ == "KOUI" or (
                doc[part[k]].text.lower() == "um" and doc[part[k + 1]].tag_ not in ("ART", "CARD", "NN", "NE")
            )
            if starts_infinitive and _is_zu_infinitive(doc, part[k:]):
                return _split_unmarked(doc, part[:k]) + [part[k:]]
    if len(finites) < 2:
        return [part]
    first = 1 if doc[part[0]].tag_ == "KON" else 0
    if doc[part[first]].tag_ in ("KOUS", "PRELS", "PWS", "PWAV") or (
        doc[part[first]].tag_ in PREPOSITION_TAGS and first + 1 < len(part) and doc[part[first + 1]].tag_ == "PRELS"
    ):
        end = finites[0] + 1  # a verb-final clause ends at its finite verb
        if end < len(part):
            return [part[:end]] + _split_unmarked(doc, part[end:])
    for k in range(finites[0] + 1, finites[-1]):
        tag = doc[part[k]].tag_
        if tag in ("KOUS", "PRELS", "PRELAT", "PWS", "PWAV", "PWAT"):
            cut = k
            while cut > finites[0] + 1 and doc[part[cut - 1]].tag_ in PREPOSITION_TAGS:
                cut -= 1
            return [part[:cut]] + _split_unmarked(doc, part[cut:])
    return [part]


RELATIVE_FORMS = frozenset({"der", "die", "das", "dem", "den", "denen", "dessen", "deren"})


def _noun_right_after(doc: Doc, content: list[int]) -> bool:
    """Whether der/die/das starts a main clause's subject rather than a relative clause.

    It is an article if it agrees with the noun after it, that noun phrase is the only thing before
    the finite verb (V2) and it agrees with the verb: die Kinder spielen. Otherwise (die Kohlenstoff
    entfernen; die Immobilienmakler in Ontario vertritt) it is a relative pronoun.
    """
    if len(content) < 2:
        return False
    art, nxt = doc[content[0]], doc[content[1]]
    if nxt.tag_ not in ("NN", "NE", "ADJA"):
        return False
    k = 1
    while k < len(content) and doc[content[k]].tag_ == "ADJA":
        k += 1
    if k >= len(content) or doc[content[k]].tag_ not in ("NN", "NE"):
        return nxt.tag_ == "ADJA"
    noun = doc[content[k]]
    det = cm.determiner_mask(art.text)
    if det is not None and not det[0] & cm.noun_mask(noun.text, noun.lemma_ or noun.text):
        return False
    rest = content[k + 1 :]
    if not rest or not is_finite(doc[rest[0]]):
        return False  # more than one phrase before a final verb: a verb-final relative clause
    plural_verb = doc[rest[0]].text.lower().endswith(("en", "rn", "ln")) or doc[rest[0]].text.lower() == "sind"
    plural_np = det is not None and bool(det[0] & cm.PLUR & cm.case_mask("Nom")) and not det[0] & cm.SING & cm.case_mask("Nom")
    return plural_verb == plural_np or det is None


def _opening(doc: Doc, toks: list[int]) -> tuple[str, int | None]:
    """Classify a piece by its first words: ('sub', subordinator) or ('main'/'frag', None)."""
    content = _content(doc, toks)
    if not content:
        return "frag", None
    k = 0
    if doc[content[0]].tag_ == "KON" and doc[content[0]].text.lower() in CLAUSE_KON and len(content) > 1:
        k = 1
    first = doc[content[k]]
    if first.tag_ == "KOUS" and first.text.lower() in PREPOSITION_LIKE and not _has_finite(doc, content):
        return ("sub", None) if _is_zu_infinitive(doc, content) else ("frag", None)
    if first.tag_ in ("KOUS", "KOUI"):
        if first.text.lower() in ("als", "wie") and not any(doc[i].tag_ in FINITE | NONFINITE for i in content):
            return "frag", None  # als Griss' Wahlprogramm: a comparison, not a clause
        return "sub", first.i
    if first.text.lower() in ("um", "ohne", "statt", "anstatt") and not _has_finite(doc, content) and _is_zu_infinitive(doc, content):
        return "sub", first.i  # HanTa tags sentence-initial "Um ... zu" as a preposition
    if first.tag_ in REL_TAGS:
        return "sub", first.i
    if (first.tag_ in ("ART", "PDS") and first.text.lower() in RELATIVE_FORMS and k == 0 and content[0] > 0
            and doc[content[0] - 1].text == "," and _verb_final(doc, content) and not _noun_right_after(doc, content)):
        return "sub", first.i  # die Kohlenstoff aus der Luft entfernen: HanTa took the pronoun for an article
    if first.tag_ in PREPOSITION_TAGS and k + 1 < len(content):
        nxt = doc[content[k + 1]]
        if nxt.tag_ in REL_TAGS or (nxt.tag_ in WH_TAGS and doc[content[-1]].tag_ in FINITE):
            return "sub", nxt.i
    last_is_finite = doc[content[-1]].tag_ in FINITE or (
        len(content) > 1 and doc[content[-1]].tag_ in NONFINITE and doc[content[-2]].tag_ in FINITE
    )
    if first.tag_ in WH_TAGS and last_is_finite and len(content) > 2:
        return "sub", first.i
    if first.text.lower() in ("wie", "als", "so") and first.tag_ in ("KOKOM", "KON", "ADV") and last_is_finite and len(content) > 2:
        return "sub", first.i
    if _has_finite(doc, content):
        return "main", None
    if first.tag_ in ("VVINF", "VAINF", "VMINF") and first.text.endswith("en") and content[0] > 0 and not _is_zu_infinitive(doc, content):
        return "main", None  # ..., bleichen die Riffe aus: a plural verb first that the tagger read as infinitive
    if _is_zu_infinitive(doc, content):
        return "sub", None
    return "frag", None


@dataclass(frozen=True)
class Piece:
    """A stretch of a sentence between clause boundaries, and how it opens."""

    tokens: list[int]
    coordinated: bool  # joined to the clause before by und, oder ...
    kind: str  # main, sub or frag (no finite verb of its own)
    subordinator: int | None  # dass, weil, a relative pronoun ...


def segment_sentence(doc: Doc, sent: Span) -> list[RawClause]:
    """The clauses of one sentence, with their tokens; fields are filled by ``fill_fields``."""
    pieces = _pieces(doc, sent)
    builder = _ClauseBuilder(doc, pieces)
    for n, piece in enumerate(pieces):
        builder.add(n, piece)
    return builder.clauses


def _pieces(doc: Doc, sent: Span) -> list[Piece]:
    """The sentence cut at its clause boundaries: punctuation, coordination, unmarked clauses."""
    pieces = []
    for seg in _segments(doc, sent):
        for part, coordinated in _split_coordination(doc, seg):
            for k, tokens in enumerate(_split_unmarked(doc, part)):
                kind, sub = _opening(doc, tokens)
                pieces.append(Piece(tokens, coordinated and k == 0, kind, sub))
    if not any(p.kind == "main" for p in pieces):
        pieces = _promote_misread_finite(doc, pieces)
    return pieces


class _ClauseBuilder:
    """Turns the pieces of a sentence into clauses, one piece at a time: a piece opens a clause,
    closes one left open, or is the Vorfeld, an apposition or an appendix of another."""

    def __init__(self, doc: Doc, pieces: list[Piece]) -> None:
        self.doc = doc
        self.pieces = pieces
        self.clauses: list[RawClause] = []
        self.pending: list[int] = []  # a fragment waiting for its finite verb (Vorfeld)
        self.parenthetical: list[int] = []  # an apposition between the Vorfeld and the finite verb

    def add(self, n: int, piece: Piece) -> None:
        doc, part, kind, coordinated = self.doc, piece.tokens, piece.kind, piece.coordinated
        content = _content(doc, part)
        if content and doc[content[0]].tag_ == "KON" and doc[content[0]].text.lower() in CLAUSE_KON:
            coordinated = True  # -- und werden auch gerne Gäste mitbringen
        if n == 0 and len(content) <= 3 and part[-1] + 1 < len(doc) and doc[part[-1] + 1].text in DASHES:
            return  # a dateline: Wien - Mit seiner Ankündigung ...
        if kind != "sub" and self._closes_open_subordinate(part, content):
            return
        if kind == "frag" and coordinated and self.clauses and any(doc[i].tag_ in NONFINITE for i in part):
            kind = self.clauses[-1].kind  # ... überwinden können und Bedingungen schaffen
        if kind == "main" and coordinated and self.clauses and self.clauses[-1].kind == "sub" and _verb_final(doc, part):
            kind = "sub"  # weil es alles gibt und das Personal freundlich ist
        if kind == "frag":
            self._place_fragment(n, part)
            return
        if kind == "main" and self._closes_main_bracket(part, content):
            return
        if kind == "main" and self.pending:
            part = self._after_vorfeld(part)
        first = part[0] == self.pieces[0].tokens[0]
        self.clauses.append(RawClause(kind=kind, tokens=list(part), subordinator=piece.subordinator,
                                      coordinated=coordinated, first=first))

    def _closes_open_subordinate(self, part: list[int], content: list[int]) -> bool:
        """A piece of verbs only ends the last subordinate clause still without its finite verb:
        dass man mit dem Geld, das ..., auskommen könnte."""
        doc = self.doc
        if not content or not all(doc[i].tag_ in VERBAL for i in content):
            return False
        open_sub = next((c for c in reversed(self.clauses) if c.kind == "sub" and c.subordinator is not None
                         and not any(is_finite(doc[i]) for i in c.tokens)), None)
        if open_sub is None:
            return False
        open_sub.tokens.extend(part)
        return True

    def _place_fragment(self, n: int, part: list[int]) -> None:
        """A piece without a finite verb: the right bracket of a main clause, a quote, the
        Vorfeld of a main clause to come, an apposition, or an appendix of the clause before."""
        doc = self.doc
        last_content = _content(doc, part)[-1:]
        closing = bool(last_content) and doc[last_content[0]].tag_ in NONFINITE | {"PTKVZ"}
        main_before = next((c for c in reversed(self.clauses) if c.kind == "main"), None)
        if closing and main_before is not None and not any(
            doc[i].tag_ in NONFINITE or doc[i].tag_ == "PTKVZ" for i in main_before.tokens
        ):
            main_before.tokens.extend(part)  # the right bracket after an embedded clause
        elif _quoted(doc, part):
            return  # „Totale Vernachlässigung“, berichtete seine Frau: the quote is not a Vorfeld phrase
        elif _vorfeld_ahead(doc, self.pieces, n):
            if self.pending:
                self.parenthetical.extend(part)  # Kammenos, zugleich Chef der Partei, warf ...
            else:
                self.pending.extend(part)
        elif self.clauses:
            comma = part[0] - 1
            if comma >= 0 and doc[comma].text == "," and not self.clauses[-1].appendix:
                self.clauses[-1].appendix.append(comma)
            self.clauses[-1].appendix.extend(part)

    def _closes_main_bracket(self, part: list[int], content: list[int]) -> bool:
        """A lone full verb after an embedded clause is the right bracket of the main clause
        before: werden Technologien, die ..., benötigt."""
        doc = self.doc
        if not (len(content) == 1 and doc[content[0]].tag_ == "VVFIN" and any(c.kind == "main" for c in self.clauses)):
            return False
        main_before = next(c for c in reversed(self.clauses) if c.kind == "main")
        if any(doc[i].tag_ in NONFINITE for i in main_before.tokens) or not any(
            doc[i].tag_ in ("VAFIN", "VMFIN") for i in main_before.tokens
        ):
            return False
        main_before.tokens.extend(part)
        return True

    def _after_vorfeld(self, part: list[int]) -> list[int]:
        """The main clause with the Vorfeld that waited for it, without the apposition between."""
        part = self.pending + part
        self.pending = []
        if self.parenthetical:
            apposition, self.parenthetical = self.parenthetical, []
            part = [i for i in part if i not in apposition]
        return part


def _quoted(doc: Doc, part: list[int]) -> bool:
    """Whether a piece is enclosed in quotation marks."""
    before, after = part[0] - 1, part[-1] + 1
    opening = before >= 0 and doc[before].text in QUOTE_MARKS or doc[part[0]].text in QUOTE_MARKS
    closing = after < len(doc) and doc[after].text in QUOTE_MARKS or doc[part[-1]].text in QUOTE_MARKS
    return opening and closing


def _promote_misread_finite(doc: Doc, pieces: list[Piece]) -> list[Piece]:
    """A sentence without a main clause: its first fragment with an -en "infinitive" is one (Die Richtlinien bestimmen)."""
    for n, piece in enumerate(pieces):
        if piece.kind != "frag":
            continue
        verbs = [i for i in _content(doc, piece.tokens) if doc[i].tag_ in ("VVINF", "VAINF", "VMINF")]
        if len(verbs) == 1 and doc[verbs[0]].text.endswith("en") and not _is_zu_infinitive(doc, piece.tokens):
            out = list(pieces)
            out[n] = replace(piece, kind="main", subordinator=None)
            return out
    return pieces


def _verb_final(doc: Doc, part: list[int]) -> bool:
    content = _content(doc, part)
    finites = [k for k, i in enumerate(content) if is_finite(doc[i])]
    return len(finites) == 1 and finites[0] > 1 and all(doc[i].tag_ in VERBAL for i in content[finites[0] :])


def _vorfeld_ahead(doc: Doc, pieces: list[Piece], n: int) -> bool:
    """Whether a fragment is the Vorfeld of a main clause that resumes after embedded clauses."""
    for piece in pieces[n + 1 :]:
        if piece.kind in ("sub", "frag"):
            continue
        if piece.kind != "main":
            return False
        content = _content(doc, piece.tokens)
        return bool(content) and doc[content[0]].tag_ in FINITE
    return False


