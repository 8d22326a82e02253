"""Rule corrections after the statistical NER: a learned gazetteer, street names, first names.

The gazetteer holds word sequences that are an entity of one type nearly every time they occur
in the GermEval 2014 training split (training/build_gazetteer.py). First names come from
gender-guesser (Jörg Michael's name dictionary, GFDL) at run time.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

GAZETTEER_FILE = "gazetteer.json"
MAX_NGRAM = 4
_STREET = re.compile(r"^[A-ZÄÖÜ][\w.-]*(straße|strasse|platz|allee|gasse|ufer|damm|chaussee)$")
_NAME_TAGS = frozenset({"NE", "NN", "FM"})
_FIRST_NAME_GENDERS = frozenset({"male", "female", "mostly_male", "mostly_female", "andy"})


@Language.factory(
    "quizgen_ner_rules",
    default_config={"gazetteer": True, "streets": True, "first_names": True, "split_trailing_places": True},
)
def make_ner_rules(
    nlp: Language, name: str, gazetteer: bool, streets: bool, first_names: bool, split_trailing_places: bool
) -> NerRules:
    return NerRules(
        name=name, use_gazetteer=gazetteer, streets=streets, first_names=first_names,
        split_trailing_places=split_trailing_places,
    )


class NerRules:
    """Adds entities the model missed and repairs two frequent span errors."""

    def __init__(
        self, *, name: str, use_gazetteer: bool, streets: bool, first_names: bool, split_trailing_places: bool
    ) -> None:
        self.name = name
        self.use_gazetteer = use_gazetteer
        self.streets = streets
        self.first_names = first_names
        self.split_trailing_places = split_trailing_places
        self.gazetteer: dict[str, str] = {}
        self._detector: Any = None
        self._first_names: dict[str, bool] = {}  # gender-guesser is slow; names repeat

    def is_first_name(self, word: str) -> bool:
        if not word[:1].isupper() or len(word) < 2:
            return False
        known = self._first_names.get(word)
        if known is None:
            if self._detector is None:
                import gender_guesser.detector

                self._detector = gender_guesser.detector.Detector(case_sensitive=True)
            known = self._detector.get_gender(word) in _FIRST_NAME_GENDERS
            if len(self._first_names) < 100_000:
                self._first_names[word] = known
        return known

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)
        taken = {i for e in ents for i in range(e.start, e.end)}
        if self.first_names:
            ents, taken = self._first_name_persons(doc, ents)
        if self.split_trailing_places and self.gazetteer:
            ents = self._split_trailing_places(doc, ents)
            taken = {i for e in ents for i in range(e.start, e.end)}
        new: list[Span] = []
        if self.use_gazetteer and self.gazetteer:
            new += self._gazetteer_matches(doc, taken)
        if self.streets:
            new += [
                Span(doc, t.i, t.i + 1, label="LOC")
                for t in doc
                if t.i not in taken and _STREET.match(t.text)
            ]
        doc.ents = filter_spans(ents + new)
        return doc

    def _gazetteer_matches(self, doc: Doc, taken: set[int]) -> list[Span]:
        found = []
        texts = [t.text for t in doc]  # a Span and its Tokens per n-gram cost more than the look-up
        i = 0
        while i < len(doc):
            for n in range(min(MAX_NGRAM, len(doc) - i), 0, -1):
                if any(j in taken for j in range(i, i + n)):
                    continue
                label = self.gazetteer.get(" ".join(texts[i : i + n]))
                if label:
                    found.append(Span(doc, i, i + n, label=label))
                    i += n - 1
                    break
            i += 1
        return found

    def _first_name_persons(self, doc: Doc, ents: list[Span]) -> tuple[list[Span], set[int]]:
        # "Silvia Sommerlath": a known first name before capitalised names is a person.
        by_token = {i: e for e in ents for i in range(e.start, e.end)}
        for tok in doc:
            if tok.tag_ not in _NAME_TAGS or not self.is_first_name(tok.text):
                continue
            end = tok.i + 1
            while end < len(doc) and end - tok.i < 4 and doc[end].text[:1].isupper() and (
                doc[end].tag_ == "NE" or (doc[end].tag_ in _NAME_TAGS and self.is_first_name(doc[end].text))
            ):
                end += 1
            if end == tok.i + 1:
                continue
            overlapping = {id(by_token[i]): by_token[i] for i in range(tok.i, end) if i in by_token}
            if any(e.label_ != "PER" or e.start < tok.i or e.end > end for e in overlapping.values()):
                continue
            ents = [e for e in ents if id(e) not in overlapping] + [Span(doc, tok.i, end, label="PER")]
            by_token = {i: e for e in ents for i in range(e.start, e.end)}
        return ents, set(by_token)

    def _split_trailing_places(self, doc: Doc, ents: list[Span]) -> list[Span]:
        # "Xi Jinping Russland": a person span that ends in a known place is two entities.
        out = []
        for ent in ents:
            last = ent[-1].text
            if ent.label_ == "PER" and len(ent) >= 3 and self.gazetteer.get(last) == "LOC":
                out.append(Span(doc, ent.start, ent.end - 1, label="PER"))
                out.append(Span(doc, ent.end - 1, ent.end, label="LOC"))
            else:
                out.append(ent)
        return out

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        text = json.dumps(self.gazetteer, ensure_ascii=False, sort_keys=True, indent=0)
        (path / GAZETTEER_FILE).write_text(text, encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> NerRules:
        file = Path(path) / GAZETTEER_FILE
        if file.is_file():
            self.gazetteer = json.loads(file.read_text(encoding="utf-8"))
        return self
