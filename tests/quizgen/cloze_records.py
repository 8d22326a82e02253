"""Hand-built Analysis records for cloze tests: generator logic without the NLP model."""

from __future__ import annotations

from quizgen.analysis import Analysis, Clause, Entity, Sentence, Token

NO_SPACE_BEFORE = {".", ",", "!", "?", ":", ";", "”"}


def analysis_of(
    sentences: list[list[tuple[str, str, str, str]]],
    *,
    clauses: tuple[Clause, ...] = (),
    entities: tuple[tuple[int, int, str], ...] = (),
    paragraph_breaks: frozenset[int] = frozenset(),
) -> Analysis:
    """Sentences of (text, lemma, UPOS, STTS) tuples; ``entities`` as (start, end, label)
    token spans; ``paragraph_breaks`` holds sentence indexes that start a new paragraph."""
    text = ""
    tokens: list[Token] = []
    sents: list[Sentence] = []
    for si, words in enumerate(sentences):
        if si:
            text += "\n\n" if si in paragraph_breaks else " "
        start, start_char = len(tokens), len(text)
        for k, (form, lemma, upos, tag) in enumerate(words):
            if k and form not in NO_SPACE_BEFORE:
                text += " "
            i = len(tokens)
            tokens.append(
                Token(i=i, text=form, whitespace=" ", idx=len(text), sentence=si, lemma=lemma,
                      upos=upos, tag=tag, morph=(), head=i, dep="dep")
            )
            text += form
        sents.append(Sentence(index=si, start=start, end=len(tokens), start_char=start_char,
                              end_char=len(text), text=text[start_char:]))
    ents = []
    for start, end, label in entities:
        first, last = tokens[start], tokens[end - 1]
        ents.append(Entity(label=label, start=start, end=end, start_char=first.idx,
                           end_char=last.idx + len(last.text), text=text[first.idx : last.idx + len(last.text)]))
        for i in range(start, end):
            t = tokens[i]
            tokens[i] = Token(**{**t.__dict__, "ent_type": label})
    return Analysis(text=text, sentences=tuple(sents), tokens=tuple(tokens), entities=tuple(ents), clauses=clauses)


def w(form: str, lemma: str, tag: str) -> tuple[str, str, str, str]:
    """One token; UPOS follows from the STTS tag for the tags these tests use."""
    upos = {
        "ART": "DET", "PPOSAT": "DET", "PDAT": "DET", "PIAT": "DET", "ADJA": "ADJ", "ADJD": "ADJ",
        "NN": "NOUN", "NE": "PROPN", "VVFIN": "VERB", "VVINF": "VERB", "VVPP": "VERB",
        "VAFIN": "AUX", "APPR": "ADP", "APPRART": "ADP", "PTKVZ": "ADP", "$.": "PUNCT",
        "$,": "PUNCT", "PPER": "PRON", "PRF": "PRON", "KON": "CCONJ", "ADV": "ADV", "KOUS": "SCONJ",
    }.get(tag, "X")
    return (form, lemma, upos, tag)
