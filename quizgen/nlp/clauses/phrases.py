"""Noun and prepositional phrases, with their possible cases: the one noun-phrase finder.

A phrase is a full constituent: determiner, adjectives, noun, names after a title noun,
genitive attributes, PPs that modify the noun, coordinated nouns and a trailing
``inklusive ...``. Works on STTS tags alone; the noun lexicon and closed-class words give
each phrase a mask of possible (case, number, gender) readings (see quizgen.german.reading_masks).
The clause analysis runs it over the fields of a clause (spaCy tokens); the cloze kinds run
it over the sentences of an Analysis (quizgen.cloze.noun_phrases), through ``PhraseToken``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from quizgen.german import reading_masks as cm
from quizgen.german import nouns as noun_lexicon
from quizgen.german.morphology import CONTRACTIONS, Declension
from quizgen.german.word_lists import MEASURE_NOUNS, NAME_PARTICLES, NUMBER_NOUNS, PLACE_NAMES, QUOTE_MARKS, TIME_NOUNS
from quizgen.nlp.stts import PREPOSITION_TAGS

DET_TAGS = frozenset({"ART", "PDAT", "PIAT", "PIDAT", "PPOSAT", "PWAT", "PRELAT"})
NOUN_TAGS = frozenset({"NN", "NE", "NNE", "NNA", "FM"})
PRONOUN_TAGS = frozenset({"PPER", "PRF", "PDS", "PIS", "PWS", "PRELS", "PPOSS"})
#: what may stand between an article and the participle it belongs to (die von China angekündigte)
_BEFORE_PRENOMINAL = PREPOSITION_TAGS | {"ADV", "ADJD", "PTKA"}
#: prepositions whose phrase right after a common noun usually modifies that noun
NOUN_PP_PREPS = frozenset({"von", "zwischen", "mit", "für", "gegen", "über", "zu", "aus",
                           "inklusive", "einschließlich", "samt", "gegenüber", "um"})
#: prepositions that continue a noun phrase across a comma: ..., inklusive der Krim
APPENDIX_PREPS = frozenset({"inklusive", "einschließlich", "samt", "darunter", "außer", "exklusive"})


@dataclass
class Chunk:
    """A noun phrase or PP found in a clause (mutable while it is being built)."""

    kind: str  # "np" or "pp"
    start: int
    end: int
    head: int  # the noun/pronoun carrying the phrase (UD head: the first noun of a name)
    mask: int = cm.ALL
    persons: frozenset[int] = frozenset({3})
    core: list[int] = field(default_factory=list)  # det/adj/noun tokens that agree
    prep: int | None = None  # token index of the preposition of a pp
    prep_lemma: str | None = None
    pronoun: str | None = None  # lower-cased form if the phrase is a bare pronoun
    has_det: bool = False
    conjuncts: list[Chunk] = field(default_factory=list)
    temporal: bool = False
    attached: list[Chunk] = field(default_factory=list)  # genitive attributes, PPs inside it
    lex_mask: int = -1  # the mask from morphology alone, before roles narrowed it

    @property
    def plural(self) -> bool:
        return bool(self.conjuncts) or not (self.mask & cm.SING)

    def number_mask(self) -> int:
        return cm.PLUR if self.conjuncts else self.mask


class PhraseToken(Protocol):
    """What the finder reads of a token: a spaCy ``Token`` is one."""

    @property
    def i(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def tag_(self) -> str: ...
    @property
    def lemma_(self) -> str: ...
    @property
    def ent_iob_(self) -> str: ...
    @property
    def ent_type_(self) -> str: ...
    @property
    def is_space(self) -> bool: ...


class PhraseTokens(Protocol):
    """The tokens of a text by index: a spaCy ``Doc`` is one."""

    def __getitem__(self, i: int) -> PhraseToken: ...
    def __len__(self) -> int: ...


@dataclass
class _Agreement:
    """What the words of a noun phrase read so far agree on (mutable while it is being read)."""

    declension: Declension
    has_det: bool
    mask: int = cm.ALL
    core: list[int] = field(default_factory=list)


def is_quote(tok: PhraseToken) -> bool:
    return tok.text in QUOTE_MARKS or tok.is_space


class PhraseChunker:
    """Finds phrases in a list of token indexes (a clause field, possibly with gaps)."""

    def __init__(self, doc: PhraseTokens, toks: list[int], pronouns: frozenset[int] = frozenset()) -> None:
        self.doc = doc
        self.pronouns = pronouns  # tokens known to be pronouns whatever their tag (relative der/die/das)
        self.toks = [i for i in toks if not is_quote(doc[i])]
        self.n = len(self.toks)

    def tag(self, pos: int) -> str:
        return self.doc[self.toks[pos]].tag_ if 0 <= pos < self.n else ""

    def tok(self, pos: int) -> PhraseToken:
        return self.doc[self.toks[pos]]

    def adjacent(self, pos: int) -> bool:
        """Whether toks[pos] follows toks[pos-1] with only quotes between them."""
        if pos <= 0 or pos >= self.n:
            return False
        a, b = self.toks[pos - 1], self.toks[pos]
        return all(is_quote(self.doc[k]) for k in range(a + 1, b))

    def chunks(self) -> list[Chunk]:
        out: list[Chunk] = []
        pos = 0
        while pos < self.n:
            tag = self.tag(pos)
            starts_np = self.tag(pos + 1) in DET_TAGS | NOUN_TAGS | PRONOUN_TAGS | {"ADJA", "CARD"}
            if tag in PREPOSITION_TAGS or (tag == "KOKOM" and starts_np):
                chunk, nxt = self.pp(pos)  # als/wie + NP: a comparison, never an object
                out.append(chunk)
                pos = nxt
                continue
            parsed = self.np(pos)
            if parsed is None:
                pos += 1
                continue
            chunk, nxt = parsed
            if self.tag(nxt) == "APPO" and self.adjacent(nxt):
                post = self.tok(nxt)
                chunk = Chunk("pp", chunk.start, post.i + 1, chunk.head, chunk.mask & cm.preposition_mask(post.text, post.lemma_) or chunk.mask,
                              core=chunk.core, prep=post.i, prep_lemma=post.lemma_.lower() or post.text.lower())
                nxt += 1
            out.append(chunk)
            pos = nxt
        return out

    # --- prepositional phrases ---------------------------------------------------------

    def pp(self, pos: int) -> tuple[Chunk, int]:
        prep = self.tok(pos)
        lemma = (prep.lemma_ or prep.text).lower()
        if prep.tag_ == "APPRART" and prep.text.lower() in CONTRACTIONS:
            lemma = CONTRACTIONS[prep.text.lower()][0]
        governed = cm.preposition_mask(prep.text, lemma)
        year = self.tag(pos + 1) == "CARD" and self.tok(pos + 1).text.isdigit() and len(self.tok(pos + 1).text) == 4
        if year and self.adjacent(pos + 1):
            # seit 1988 Finanzminister: a year ends the PP, it does not count the noun after it
            return Chunk("pp", prep.i, self.toks[pos + 1] + 1, self.toks[pos + 1], governed, prep=prep.i,
                         prep_lemma=lemma), pos + 2
        start = pos + 1
        if self.tag(start) in ("ADV", "PTKA") and self.tag(start + 1) in ("ART", "CARD") and self.adjacent(start + 1):
            start += 1  # vor fast einem Jahr, mit rund 100 Leuten
        inner = self.np(start, governed=governed, contracted=prep.tag_ == "APPRART") if self.adjacent(pos + 1) else None
        if inner is None:
            # bis heute, seit langem: a preposition with an adverb
            end_pos = pos + 1
            if self.tag(end_pos) in ("ADV", "ADJD", "CARD", "PROAV") and self.adjacent(end_pos):
                end_pos += 1
            last = self.toks[end_pos - 1]
            return Chunk("pp", prep.i, last + 1, last, governed, prep=prep.i, prep_lemma=lemma), end_pos
        np_chunk, nxt = inner
        if self.tag(nxt) == "APZR" and self.adjacent(nxt):
            nxt += 1
        mask = cm.narrow(np_chunk.mask, governed)
        chunk = Chunk("pp", prep.i, self.toks[nxt - 1] + 1, np_chunk.head, mask, core=np_chunk.core,
                      prep=prep.i, prep_lemma=lemma, conjuncts=np_chunk.conjuncts, temporal=np_chunk.temporal,
                      attached=np_chunk.attached, has_det=np_chunk.has_det)
        return chunk, nxt

    # --- noun phrases ------------------------------------------------------------------

    def np(self, pos: int, *, governed: int = cm.ALL, contracted: bool = False, extend: bool = True) -> tuple[Chunk, int] | None:
        core = self.np_core(pos, governed=governed, contracted=contracted)
        if core is None:
            return None
        chunk, nxt = core
        if not extend:
            return chunk, nxt
        return self.extend(chunk, nxt, governed)

    def np_core(self, pos: int, *, governed: int, contracted: bool) -> tuple[Chunk, int] | None:
        """The noun phrase that starts at ``pos`` up to its noun (or pronoun), without what follows it."""
        if pos >= self.n:
            return None
        first = self.tok(pos)
        if first.tag_ in PRONOUN_TAGS or first.i in self.pronouns:
            return self._pronoun(pos, governed)
        # am, zum ... contain a definite article; the preposition's case is applied last: an
        # article that contradicts it wins
        np = _Agreement(declension="weak" if contracted else "strong", has_det=contracted)
        p = self._determiners(pos, np)
        inner: list[Chunk] = []
        if np.has_det and p < self.n and self.adjacent(p) and self.tag(p) in _BEFORE_PRENOMINAL:
            p = self._prenominal_phrases(p, inner)  # die von China angekündigte Initiative
        p, trunc = self._modifiers(pos, p, np)
        if p < self.n and (p == pos or self.adjacent(p)) and self.tag(p) in NOUN_TAGS:
            head_pos = p
            p = self._head_noun(p, np)
        elif np.core and self.tok(p - 1).tag_ in ("ADJA", "CARD", "PIAT") and np.has_det:
            head_pos = p - 1  # elliptic: die beiden, der erste
        elif first.tag_ in ("ART", "PDAT") and first.text.lower() in cm.PRONOUN_MASKS:
            return self._pronoun(pos, governed)  # das immer mehr Beachtung verdient: an "article" without a noun
        else:
            return None
        head_tok = self.tok(trunc if trunc is not None else head_pos)
        chunk = Chunk("np", self.toks[pos], self.toks[p - 1] + 1, head_tok.i, cm.narrow(np.mask, governed),
                      core=np.core, has_det=np.has_det, attached=inner,
                      temporal=head_tok.lemma_ in TIME_NOUNS or head_tok.text in TIME_NOUNS)
        return chunk, p

    def _pronoun(self, pos: int, governed: int) -> tuple[Chunk, int]:
        first = self.tok(pos)
        mask, persons = cm.pronoun_mask(first.text)
        if first.tag_ == "PIS" and first.text.lower() in ("alles", "alle", "beide", "viele", "einige"):
            persons = frozenset({3})
        return Chunk("np", first.i, first.i + 1, first.i, cm.narrow(mask, governed), persons,
                     core=[first.i], pronoun=first.text.lower()), pos + 1

    def _determiners(self, pos: int, np: _Agreement) -> int:
        """Read the article-like words from ``pos`` on; the position after them."""
        p = pos
        while p < self.n and (p == pos or self.adjacent(p)):
            t = self.tok(p)
            if t.tag_ in DET_TAGS and not (t.tag_ == "PIAT" and t.lemma_.lower().startswith("beid")):
                det = cm.determiner_mask(t.text)
                if det is not None:
                    np.mask = cm.narrow(np.mask, det[0])
                    np.declension = det[1] if np.declension == "strong" else np.declension
                np.has_det = True
                np.core.append(t.i)
                p += 1
            elif t.tag_ == "NE" and t.text.endswith("s") and self.tag(p + 1) in ("NN", "ADJA") and self.adjacent(p + 1):
                # Wangs Äußerung: a prenominal genitive acts as the determiner
                np.has_det = True
                p += 1
            else:
                break
        return p

    def _modifiers(self, pos: int, p: int, np: _Agreement) -> tuple[int, int | None]:
        """Read adverbs before adjectives, adjectives, numbers and truncated compounds from ``p``
        on; the position after them and the truncated first part of a compound, if any."""
        trunc: int | None = None
        while p < self.n and self.adjacent(p) or (p == pos and p < self.n):
            t = self.tok(p)
            if t.tag_ in ("ADJA", "CARD") or (t.tag_ == "PIAT" and t.lemma_.lower().startswith("beid")):
                if t.tag_ == "ADJA":
                    np.mask = cm.narrow(np.mask, cm.adjective_mask(t.text, np.declension))
                np.core.append(t.i)
                p += 1
            elif t.tag_ in ("ADV", "ADJD", "PTKA") and self._adjective_follows(p):
                p += 1
            elif t.tag_ == "TRUNC" and self.tag(p + 1) == "KON":
                trunc = p if trunc is None else trunc  # Keim- und Wachstumsfähigkeit: UD heads on Keim-
                p += 2
            elif (t.tag_ == "KON" or t.text == "wie") and np.core and self.tag(p - 1) == "ADJA" and self.tag(p + 1) == "ADJA":
                p += 1
            else:
                break
        return p, trunc

    def _head_noun(self, p: int, np: _Agreement) -> int:
        """Read the noun at ``p`` and the names after it; the position after them."""
        head = self.tok(p)
        nouns = self.noun_sequence(p)
        title = head.tag_ == "NN" and len(nouns) > 1
        if not title:
            np.mask = cm.narrow(np.mask, self.noun_form_mask(head, bare=not np.has_det))
        if head.tag_ == "NNA":
            np.mask = cm.narrow(np.mask, cm.adjective_mask(head.text.lower(), np.declension))
        # the names after a title (Präsident | Wladimir Putin) stay out of core: UD gives them their own case
        np.core.append(head.i)
        return p + len(nouns)

    def _prenominal_phrases(self, p: int, inner: list[Chunk]) -> int:
        """Skip adverbs and PPs between an article and its participle: ein kürzlich von China gestellter Plan."""
        q = p
        found: list[Chunk] = []
        for _ in range(5):
            if q >= self.n or not self.adjacent(q):
                return p
            tag = self.tag(q)
            if tag in ("ADV", "ADJD", "PTKA") and not self._adjective_follows(q):
                q += 1
            elif tag in PREPOSITION_TAGS:
                pp, nxt = self.pp(q)
                found.append(pp)
                q = nxt
            else:
                break
        if q < self.n and self.adjacent(q) and self.tag(q) == "ADJA" and found:
            inner.extend(found)
            return q
        return p

    def _adjective_follows(self, p: int) -> bool:
        q = p + 1
        while q < self.n and self.adjacent(q) and self.tag(q) in ("ADV", "ADJD", "PTKA"):
            q += 1
        return q < self.n and self.adjacent(q) and self.tag(q) in ("ADJA", "CARD")

    def noun_sequence(self, p: int) -> list[int]:
        """The noun and the names that belong to it: Präsident Wladimir Putin, Xi Jinping."""
        seq = [p]
        first = self.tok(p)
        q = p + 1
        while q < self.n and self.adjacent(q):
            t = self.tok(q)
            prev = self.tok(q - 1)
            if t.ent_iob_ == "I" and prev.ent_iob_ in ("B", "I"):
                pass  # inside one named entity: United Internet
            elif t.tag_ in ("NE", "NNE", "FM"):
                if t.text in PLACE_NAMES and not (len(seq) == 1 and prev.tag_ == "NN"):
                    break
                if t.ent_iob_ == "B" and prev.ent_type_ and prev.ent_type_ != t.ent_type_:
                    break
            elif t.text in NAME_PARTICLES and prev.tag_ in ("NE", "NNE") and self._name_after_particle(q):
                # Alexander Van der Bellen, Ursula von der Leyen
                while q < self.n and self.tok(q).text in NAME_PARTICLES:
                    seq.append(q)
                    q += 1
            elif t.tag_ == "NN" and prev.text in NUMBER_NOUNS:
                pass  # 31 Millionen Euro
            elif t.tag_ == "NN" and len(seq) == 1 and prev.lemma_ in MEASURE_NOUNS and q >= 2 \
                    and self.tok(q - 2).tag_ == "CARD" and self.adjacent(q - 1):
                pass  # nach drei Jahren Bauzeit, zwei Tonnen Stahl: what is measured
            elif t.tag_ == "NN":
                # a capitalised word the noun lexicon does not know, right after a name: Xi Jinping
                if prev.tag_ not in ("NE", "NNE") or noun_lexicon.noun_info(t.lemma_ or t.text) is not None:
                    break
                if first.tag_ == "NN" and len(seq) == 1:
                    break
            else:
                break
            seq.append(q)
            q += 1
        return seq

    def _name_after_particle(self, q: int) -> bool:
        """Whether name particles at q (von, van der ...) lead to a name within two words."""
        for k in (q + 1, q + 2):
            if k >= self.n or not self.adjacent(k):
                return False
            t = self.tok(k)
            if t.text not in NAME_PARTICLES:
                # a common noun the lexicon knows makes den/der an article: Strache den Prozess
                known = t.tag_ == "NN" and noun_lexicon.noun_info(t.lemma_ or t.text) is not None
                return t.tag_ in ("NE", "NNE", "NN") and t.text[:1].isupper() and not known
        return False

    def noun_form_mask(self, tok: PhraseToken, *, bare: bool) -> int:
        if tok.ent_type_ == "PER":
            return cm.SING  # Jasmine the person, not the plural of Jasmin
        mask = cm.noun_mask(tok.text, tok.lemma_ or tok.text)
        if mask == cm.ALL and tok.tag_ in ("NE", "NNE") and bare:
            return cm.SING
        return mask

    # --- what follows a noun -----------------------------------------------------------

    def extend(self, chunk: Chunk, pos: int, governed: int) -> tuple[Chunk, int]:
        head = self.doc[chunk.head]
        last_core = self.doc[chunk.core[-1]] if chunk.core else head
        common = (head.tag_ in ("NN", "NNA") and last_core.tag_ in ("NN", "NNA") and not chunk.temporal
                  and chunk.pronoun is None and self.tag(pos - 1) in ("NN", "NNA"))  # not after a name
        partitive = head.tag_ in ("PIS", "PDS") or (head.tag_ in ("NE", "FM") and not chunk.temporal)
        while pos < self.n:
            tag = self.tag(pos)
            if not self.adjacent(pos):
                break
            # manche dieser Bezeichnungen, im dritten Game des zweiten Satzes: unambiguous genitives
            unambiguous = partitive and tag in ("ART", "PDAT", "PPOSAT") and self.tok(pos).text.lower().endswith(("es", "er"))
            if unambiguous and head.tag_ in ("NE", "FM"):
                unambiguous = self.tok(pos).text.lower() in ("des", "eines")
            if (common or unambiguous) and tag in ("ART", "PPOSAT", "PDAT", "PIAT", "ADJA", "NNA") and self._genitive_start(pos):
                sub = self.np(pos, governed=cm.case_mask("Gen"))
                if sub is None or not sub[0].mask & cm.case_mask("Gen"):
                    break
                chunk.end = sub[0].end
                chunk.attached.append(sub[0])
                pos = sub[1]
                continue
            if common and tag in PREPOSITION_TAGS and self._noun_pp(pos):
                sub_pp, nxt = self.pp(pos)
                chunk.end = sub_pp.end
                chunk.attached.append(sub_pp)
                pos = nxt
                continue
            if tag == "$," and self.tag(pos + 1) == "APPR" and self.tok(pos + 1).text.lower() in APPENDIX_PREPS and self.adjacent(pos + 1):
                sub_pp, nxt = self.pp(pos + 1)
                chunk.end = sub_pp.end
                chunk.attached.append(sub_pp)
                pos = nxt
                continue
            if tag == "KON" and self.tok(pos).text.lower() in ("und", "oder", "sowie", "bzw.") and chunk.pronoun is None:
                sub = self.np(pos + 1, governed=governed) if self.adjacent(pos + 1) else None
                if sub is None or sub[0].pronoun is not None:
                    break
                other, nxt = sub
                if not any(c in cm.cases_of(other.mask) for c in cm.cases_of(chunk.mask)):
                    break
                shared = sum(cm.case_mask(c) for c in cm.cases_of(chunk.mask) if c in cm.cases_of(other.mask))
                chunk.conjuncts.append(other)
                chunk.mask = cm.narrow(chunk.mask, shared)
                other.mask = cm.narrow(other.mask, shared)
                chunk.end = other.end
                pos = nxt
                break
            break
        return chunk, pos

    def _genitive_start(self, pos: int) -> bool:
        t = self.tok(pos)
        low = t.text.lower()
        if t.tag_ == "ART":
            return low in ("des", "der", "eines", "einer")
        if t.tag_ in ("PPOSAT", "PDAT", "PIAT"):
            return low.endswith(("es", "er")) and not low.endswith("ieder")
        if t.tag_ == "ADJA":
            return low.endswith("er") and t.text[:1].islower()
        if t.tag_ == "NNA":
            return low.endswith("er")
        return False

    def _noun_pp(self, pos: int) -> bool:
        t = self.tok(pos)
        if t.tag_ == "APPRART":
            return t.text.lower() in ("zum", "zur", "vom")
        return t.text.lower() in NOUN_PP_PREPS
