"""Loads the German NLP pipeline once per process and turns its Doc into an Analysis."""

from __future__ import annotations

import functools
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

import quizgen.nlp.hanta_component  # noqa: F401  (registers the factories)
import quizgen.nlp.ner_rules  # noqa: F401  (registers quizgen_ner_rules)
import quizgen.nlp.line_breaks  # noqa: F401  (registers quizgen_line_breaks)
from quizgen.nlp.clauses.component import clauses_of  # also registers quizgen_clauses
from quizgen.analysis import Analysis, Entity, NounInfo, Sentence, Token
from quizgen.errors import PipelineError
from quizgen.german.nouns import noun_info

PIPELINE_NAME = "quizgen_de-0.1.0"
PIPELINE_DIR = Path(__file__).parents[1] / "data" / "pipeline"


@functools.lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The pipeline, loaded once per process: line breaks, sentencizer, HanTa, the trained parts,
    then rules.

    The trained parts (tok2vec, morphologizer, parser, ner) are package data built by
    ``make model`` (see training/README.md).
    """
    if not (PIPELINE_DIR / "config.cfg").is_file():
        raise PipelineError(
            f"The trained pipeline is missing from {PIPELINE_DIR}: reinstall quizgen, or run `make model`."
        )
    nlp = spacy.load(PIPELINE_DIR)
    nlp.add_pipe("quizgen_line_breaks", before="sentencizer")  # a headline is a sentence of its own
    nlp.add_pipe("quizgen_clauses", last=True)  # rule-based clauses and case (clause_component.py)
    return nlp


@functools.lru_cache(maxsize=4096)
def _morph_items(morph: str) -> tuple[tuple[str, str], ...]:
    # A few hundred feature strings recur across all texts: parse each once.
    return tuple(sorted(tuple(feat.split("=", 1)) for feat in morph.split("|") if "=" in feat))  # type: ignore[misc]


@functools.lru_cache(maxsize=50_000)
def _noun_info(lemma: str) -> NounInfo | None:
    return noun_info(lemma)  # NounInfo is frozen: one record serves every token of the lemma


def doc_to_analysis(doc: Doc) -> Analysis:
    """Map a processed Doc to the frozen Analysis records (clauses are added separately)."""
    sent_of: dict[int, int] = {}
    sentences = []
    for si, sent in enumerate(doc.sents):
        sent_of.update(dict.fromkeys(range(sent.start, sent.end), si))
        sentences.append(
            Sentence(
                index=si,
                start=sent.start,
                end=sent.end,
                start_char=sent.start_char,
                end_char=sent.end_char,
                text=sent.text,
            )
        )
    tokens = tuple(
        Token(
            i=tok.i,
            text=tok.text,
            whitespace=tok.whitespace_,
            idx=tok.idx,
            sentence=sent_of.get(tok.i, 0),
            lemma=tok.lemma_ or tok.text,
            upos=tok.pos_ or "X",
            tag=tok.tag_ or "XY",
            morph=_morph_items(str(tok.morph)),
            head=tok.head.i,
            dep=tok.dep_ or "dep",
            ent_type=tok.ent_type_,
            noun=_noun_info(tok.lemma_) if tok.pos_ == "NOUN" and tok.lemma_ else None,
        )
        for tok in doc
    )
    entities = tuple(
        Entity(label=e.label_, start=e.start, end=e.end, start_char=e.start_char, end_char=e.end_char, text=e.text)
        for e in doc.ents
    )
    return Analysis(
        text=doc.text,
        sentences=tuple(sentences),
        tokens=tokens,
        entities=entities,
        clauses=clauses_of(doc),
        pipeline=PIPELINE_NAME,
    )
