"""A spaCy component that tags STTS and lemmatises with HanTa (Hanover Tagger, LGPL-3.0)."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from quizgen.stts import STTS_TO_UPOS, hanta_to_stts


@Language.factory("quizgen_hanta", default_config={"set_pos": True})
def make_hanta(nlp: Language, name: str, set_pos: bool) -> HantaTagger:
    return HantaTagger(name=name, set_pos=set_pos)


class HantaTagger:
    """Sets ``tag_`` (STTS), ``lemma_`` and, if asked, ``pos_`` from HanTa, one sentence at a time."""

    def __init__(self, *, name: str, set_pos: bool) -> None:
        self.name = name
        self.set_pos = set_pos
        self._tagger: Any = None

    @property
    def tagger(self) -> Any:
        # Loaded lazily: HanTa's model is pickled package data of the HanTa package.
        if self._tagger is None:
            from HanTa import HanoverTagger

            self._tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
        return self._tagger

    def __call__(self, doc: Doc) -> Doc:
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        for sent in sents:
            words = [t.text for t in sent]
            if not words:
                continue
            for tok, (_word, lemma, tag) in zip(sent, self.tagger.tag_sent(words, taglevel=1)):
                stts = hanta_to_stts(tag)
                tok.tag_ = stts
                tok.lemma_ = lemma
                if self.set_pos:
                    tok.pos_ = STTS_TO_UPOS.get(stts, "X")
        return doc
