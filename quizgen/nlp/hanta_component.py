"""A spaCy component that tags STTS and lemmatises with HanTa (Hanover Tagger, LGPL-3.0).

HanTa's output is corrected in three layers: general lemma rules (quizgen.nlp.lemma_rules), word
specific tag and lemma fixes learned from the UD training split, and a learned STTS -> UPOS map
with lemma exceptions. Where the map cannot decide (``VAFIN`` of *haben* is AUX or VERB), the
token's POS is left unset for the trained morphologizer (run with ``overwrite=False``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from quizgen.nlp.hanta_forms import HantaForms, read_table, write_table
from quizgen.nlp.lemma_rules import fix_lemma
from quizgen.nlp.stts import STTS_TO_UPOS, hanta_to_stts

RULES_FILE = "rules.json"
FORMS_FILE = "forms.tsv.gz"  # training/build_hanta_forms.py
CACHE_SIZE = 20_000


@dataclass(frozen=True)
class HantaRules:
    """Corrections learned from annotated data; keys join form/tag/lemma with a tab."""

    tag_fixes: dict[str, str] = field(default_factory=dict)  # "form\thanta_tag" -> STTS
    lemma_fixes: dict[str, str] = field(default_factory=dict)  # "form\ttag" -> lemma
    upos: dict[str, str] = field(default_factory=dict)  # tag -> UPOS
    upos_by_lemma: dict[str, str] = field(default_factory=dict)  # "tag\tlemma" -> UPOS
    defer_upos: frozenset[str] = frozenset()  # tags whose UPOS the morphologizer decides

    def to_json(self) -> dict[str, Any]:
        return {
            "tag_fixes": self.tag_fixes,
            "lemma_fixes": self.lemma_fixes,
            "upos": self.upos,
            "upos_by_lemma": self.upos_by_lemma,
            "defer_upos": sorted(self.defer_upos),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> HantaRules:
        return cls(
            tag_fixes=dict(data.get("tag_fixes", {})),
            lemma_fixes=dict(data.get("lemma_fixes", {})),
            upos=dict(data.get("upos", {})),
            upos_by_lemma=dict(data.get("upos_by_lemma", {})),
            defer_upos=frozenset(data.get("defer_upos", ())),
        )

    @classmethod
    def load(cls, path: str | Path) -> HantaRules:
        return cls.from_json(json.loads(Path(path).read_text(encoding="utf-8")))

    def tag(self, form: str, stts: str) -> str:
        return self.tag_fixes.get(f"{form}\t{stts}", stts)

    def lemma(self, form: str, tag: str, lemma: str) -> str:
        return self.lemma_fixes.get(f"{form}\t{tag}", fix_lemma(form, tag, lemma))

    def upos_for(self, tag: str, lemma: str) -> str | None:
        """The UPOS of a tagged, lemmatised word, or None where a trained model should decide."""
        by_lemma = self.upos_by_lemma.get(f"{tag}\t{lemma}")
        if by_lemma:
            return by_lemma
        if tag in self.defer_upos:
            return None
        return self.upos.get(tag) or STTS_TO_UPOS.get(tag, "X")


def analyse_words(tagger: Any, rules: HantaRules, words: list[str]) -> list[tuple[str, str]]:
    """(STTS tag, lemma) for each word of one sentence, after all corrections."""
    forms = HantaForms.installed(tagger)
    if forms is not None:
        tagged = forms.tag_sentence(words)
    else:
        tagged = [(hanta_tag, lemma) for _w, lemma, hanta_tag in tagger.tag_sent(words, taglevel=1)]
    out = []
    for word, (hanta_tag, lemma) in zip(words, tagged):
        tag = rules.tag(word, hanta_to_stts(hanta_tag))
        out.append((tag, rules.lemma(word, tag, lemma)))
    return out


def load_hanta(table: dict[str, str] | None = None) -> Any:
    """HanTa's German model, its per-form analyses answered from ``table`` and a process cache.

    HanTa re-runs its morphological search for every token, even for words it has seen; both
    per-word steps are pure functions of their arguments, so the table of frequent forms built
    by ``make model`` and the cache change no output (quizgen.nlp.hanta_forms).
    """
    from HanTa import HanoverTagger

    tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    HantaForms(tagger, table).install()
    return tagger


@Language.factory("quizgen_hanta", default_config={"set_pos": True, "rules_path": ""})
def make_hanta(nlp: Language, name: str, set_pos: bool, rules_path: str) -> HantaTagger:
    rules = HantaRules.load(rules_path) if rules_path else HantaRules()
    return HantaTagger(name=name, set_pos=set_pos, rules=rules)


class HantaTagger:
    """Sets ``tag_`` (STTS), ``lemma_`` and, where the map decides, ``pos_``, one sentence at a time."""

    def __init__(self, *, name: str, set_pos: bool, rules: HantaRules) -> None:
        self.name = name
        self.set_pos = set_pos
        self.rules = rules
        self._tagger: Any = None
        self.forms: dict[str, str] = {}  # the table of frequent forms, quizgen.nlp.hanta_forms
        # Training re-tags the same sentences every epoch; a bounded cache makes that cheap.
        self._cache: dict[tuple[str, ...], list[tuple[str, str]]] = {}

    @property
    def tagger(self) -> Any:
        # Loaded lazily: HanTa's model is pickled package data of the HanTa package.
        if self._tagger is None:
            self._tagger = load_hanta(self.forms)
        return self._tagger

    def __call__(self, doc: Doc) -> Doc:
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        for sent in sents:
            words = [t.text for t in sent]
            if not words:
                continue
            key = tuple(words)
            analysed = self._cache.get(key)
            if analysed is None:
                analysed = analyse_words(self.tagger, self.rules, words)
                if len(self._cache) >= CACHE_SIZE:
                    self._cache.clear()
                self._cache[key] = analysed
            for tok, (tag, lemma) in zip(sent, analysed):
                tok.tag_ = tag
                tok.lemma_ = lemma
                if self.set_pos:
                    tok.pos_ = self.rules.upos_for(tag, lemma) or ""
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    def forget_sentences(self) -> None:
        """Empty the per-sentence cache (benchmarks time HanTa's sentence search on known words)."""
        self._cache.clear()

    def forget_words(self) -> None:
        """Empty the per-sentence and per-form caches, keep the table (benchmarks: a first look)."""
        self._cache.clear()
        forms = HantaForms.installed(self._tagger) if self._tagger is not None else None
        if forms is not None:
            forms.forget()

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        text = json.dumps(self.rules.to_json(), ensure_ascii=False, sort_keys=True, indent=0)
        (path / RULES_FILE).write_text(text, encoding="utf-8")
        if self.forms:
            write_table(self.forms, path / FORMS_FILE)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> HantaTagger:
        rules_file = Path(path) / RULES_FILE
        if rules_file.is_file():
            self.rules = HantaRules.load(rules_file)
            self._cache.clear()
        forms_file = Path(path) / FORMS_FILE
        if forms_file.is_file():
            self.forms = read_table(forms_file)
            self._tagger = None  # loaded again, lazily, with the table
        return self


AUX_RELATIONS = frozenset({"aux", "cop"})


@Language.factory("quizgen_aux_or_verb")
def make_aux_or_verb(nlp: Language, name: str) -> AuxOrVerb:
    return AuxOrVerb(name=name)


class AuxOrVerb:
    """UD's AUX/VERB split for STTS VA*/VM* verbs, decided by the parse.

    In UD German GSD a form of *haben*, *sein*, *werden* or a modal is AUX exactly when it
    attaches as ``aux`` or ``cop``; as a main verb (``Er hat ein Auto``) it is VERB.
    """

    def __init__(self, *, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            return doc
        for tok in doc:
            if tok.tag_[:2] in ("VA", "VM"):
                tok.pos_ = "AUX" if tok.dep_.split(":")[0] in AUX_RELATIONS else "VERB"
        return doc
