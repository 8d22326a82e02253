"""Hand-built analyses for question tests, and the tags-only pipeline (no trained model).

``sentence(...)`` builds tokens from ``word/TAG/lemma`` strings so a generator's logic can be
tested without any model; ``tags_only_analysis(text)`` runs sentencizer + HanTa + the clause
rules, the pipeline the clause tests use too.
"""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

import quizgen.nlp.clauses.component  # noqa: F401  (registers quizgen_clauses)
import quizgen.nlp.hanta_component  # noqa: F401
from quizgen.analysis import Analysis, Clause, Phrase, Sentence, Token
from quizgen.text.checks import check_text
from quizgen.nlp.pipeline import doc_to_analysis


@functools.lru_cache(maxsize=1)
def tags_only_pipeline() -> Language:
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("quizgen_hanta")
    nlp.add_pipe("quizgen_clauses")
    return nlp


def tags_only_analysis(text: str) -> Analysis:
    return doc_to_analysis(tags_only_pipeline()(check_text(text)))


def build(sentences: list[str], clauses: list[dict]) -> Analysis:
    """An Analysis from sentences of ``word/TAG[/lemma]`` items and clause specs.

    A clause spec names token indexes: ``finite``, ``verbs``, ``particle``, spans ``subject``,
    ``acc``, ``dat``, ``pps`` (with preposition) as (start, end) pairs, and the other fields.
    """
    tokens: list[Token] = []
    sents: list[Sentence] = []
    text = ""
    for si, sent in enumerate(sentences):
        start = len(tokens)
        start_char = len(text)
        for item in sent.split():
            parts = item.split("/")
            word, tag = parts[0].replace("_", " "), parts[1]
            lemma = parts[2] if len(parts) > 2 else word
            if text and not text.endswith(" ") and word not in ".,!?":
                text += " "
            tokens.append(
                Token(
                    i=len(tokens), text=word, whitespace=" ", idx=len(text), sentence=si, lemma=lemma,
                    upos="X", tag=tag, morph=(), head=len(tokens), dep="dep",
                )
            )
            text += word
        sents.append(Sentence(si, start, len(tokens), start_char, len(text), text[start_char:]))
        text += " "
    analysis = Analysis(text=text, sentences=tuple(sents), tokens=tuple(tokens), entities=(), clauses=())

    def phrase(role: str, span: tuple[int, int], case: str, prep: str | None = None, conf: float = 0.9) -> Phrase:
        return Phrase(role, span[0], span[1], span[1] - 1, analysis.span_text(*span), case, conf, prep)

    built = []
    for k, spec in enumerate(clauses):
        built.append(
            Clause(
                index=k,
                sentence=spec.get("sentence", 0),
                kind=spec.get("kind", "main"),
                start=spec["span"][0],
                end=spec["span"][1],
                finite_verb=spec["finite"],
                verb_tokens=tuple(spec.get("verbs", (spec["finite"],))),
                verb_lemma=spec["lemma"],
                particle=spec.get("particle"),
                subordinator=spec.get("subordinator"),
                subject=phrase("subject", spec["subject"], "Nom") if "subject" in spec else None,
                acc_objects=tuple(phrase("acc_object", s, "Acc") for s in spec.get("acc", ())),
                dat_objects=tuple(phrase("dat_object", s, "Dat") for s in spec.get("dat", ())),
                pps=tuple(phrase("pp", s, "Dat", p) for s, p in spec.get("pps", ())),
                tense=spec.get("tense", "Pres"),
                mood=spec.get("mood", "Ind"),
            )
        )
    return Analysis(text=text, sentences=tuple(sents), tokens=tuple(tokens), entities=(), clauses=tuple(built))
