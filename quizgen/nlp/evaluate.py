"""Scores the shipped pipeline on annotated files: ``python -m quizgen.nlp.evaluate ud|ner FILE``.

``ud FILE.conllu`` runs the pipeline on the file's gold words and sentence boundaries and scores
UPOS, STTS (XPOS), lemma, UD features, UAS/LAS and core arguments. ``ner FILE.tsv`` scores exact
PER/LOC/ORG/OTH spans on a GermEval 2014 file. The last printed line is one JSON object.

Conventions: lemmas are compared case-sensitively; FEATS as sets of Feature=Value; LAS and core
arguments compare the relation without its subtype (``nmod:poss`` counts as ``nmod``), as the
CoNLL 2018 shared task did; the STTS tag PROAV matches GSD's older name PAV.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from quizgen.nlp.corpus_formats import NER_LABELS, NERSentence, UDSentence, bio_spans, read_conllu, read_germeval
from quizgen.nlp.stts import same_stts

CORE_ARGS = frozenset({"nsubj", "obj", "iobj"})
SKIPPED_COMPONENTS = frozenset({"sentencizer", "senter"})  # gold sentence boundaries are given


@dataclass(frozen=True)
class PredictedSentence:
    """What the pipeline said about one gold sentence, in CoNLL-U terms."""

    upos: tuple[str, ...]
    xpos: tuple[str, ...]
    lemmas: tuple[str, ...]
    feats: tuple[str, ...]
    heads: tuple[int, ...]  # 0-based; the root points to itself
    deps: tuple[str, ...]


def base_relation(dep: str) -> str:
    dep = dep.split(":")[0]
    return "root" if dep == "ROOT" else dep


def _feat_set(feats: str) -> frozenset[str]:
    return frozenset(f for f in feats.split("|") if f and f != "_")


def _pct(part: float, whole: float) -> float:
    return round(100.0 * part / whole, 2) if whole else 0.0


def _prf(correct: int, predicted: int, gold: int) -> dict[str, float]:
    p, r = _pct(correct, predicted), _pct(correct, gold)
    f = round(2 * p * r / (p + r), 2) if p + r else 0.0
    return {"p": p, "r": r, "f": f}


def score_ud(gold: Sequence[UDSentence], predicted: Sequence[PredictedSentence]) -> dict[str, Any]:
    """Token-level accuracies (in %) and core-argument precision/recall of predictions against gold."""
    words = upos = xpos = lemma = morph = uas = las = 0
    core_pred = core_gold = core_pred_ok = core_gold_ok = 0
    for g, p in zip(gold, predicted, strict=True):
        for i in range(len(g.words)):
            words += 1
            upos += p.upos[i] == g.upos[i]
            xpos += same_stts(p.xpos[i], g.xpos[i])
            lemma += p.lemmas[i] == g.lemmas[i]
            morph += _feat_set(p.feats[i]) == _feat_set(g.feats[i])
            head_ok = p.heads[i] == g.heads[i]
            same_rel = base_relation(p.deps[i]) == base_relation(g.deps[i])
            uas += head_ok
            las += head_ok and same_rel
            if base_relation(p.deps[i]) in CORE_ARGS:
                core_pred += 1
                core_pred_ok += head_ok and same_rel
            if base_relation(g.deps[i]) in CORE_ARGS:
                core_gold += 1
                core_gold_ok += head_ok and same_rel
    return {
        "sentences": len(gold),
        "words": words,
        "upos": _pct(upos, words),
        "xpos": _pct(xpos, words),
        "lemma": _pct(lemma, words),
        "morph": _pct(morph, words),
        "uas": _pct(uas, words),
        "las": _pct(las, words),
        "core_args_p": _pct(core_pred_ok, core_pred),
        "core_args_r": _pct(core_gold_ok, core_gold),
    }


def score_ner(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]) -> dict[str, Any]:
    """Exact-span precision/recall/F1 (in %) over BIO sequences, overall and per label."""
    counts = {label: [0, 0, 0] for label in NER_LABELS}  # correct, predicted, gold
    for g, p in zip(gold, predicted, strict=True):
        gold_spans, pred_spans = bio_spans(g), bio_spans(p)
        for span in pred_spans:
            if span[2] in counts:
                counts[span[2]][1] += 1
                counts[span[2]][0] += span in gold_spans
        for span in gold_spans:
            if span[2] in counts:
                counts[span[2]][2] += 1
    total = [sum(c[k] for c in counts.values()) for k in range(3)]
    result: dict[str, Any] = {"sentences": len(gold), **_prf(*total)}
    result["per_type"] = {label: _prf(*c) for label, c in counts.items()}
    return result


def run_components(nlp: Language, docs: list[Doc], exclude: Iterable[str] = ()) -> list[Doc]:
    """Run every pipeline component except sentence splitters (and ``exclude``) over ready Docs."""
    skipped = SKIPPED_COMPONENTS | set(exclude)
    for name, proc in nlp.pipeline:
        if name in skipped:
            continue
        docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(doc) for doc in docs]
    return docs


def _one_sentence(n: int) -> list[bool | int | None]:
    """Doc's sent_starts for ``n`` words that are one sentence."""
    starts: list[bool | int | None] = [True]
    return starts + [False] * (n - 1)


def predict_ud(nlp: Language, gold: Sequence[UDSentence], exclude: Iterable[str] = ()) -> list[PredictedSentence]:
    docs = [
        Doc(nlp.vocab, words=list(s.words), spaces=list(s.spaces), sent_starts=_one_sentence(len(s.words)))
        for s in gold
    ]
    out = []
    for doc in run_components(nlp, docs, exclude):
        out.append(
            PredictedSentence(
                upos=tuple(t.pos_ for t in doc),
                xpos=tuple(t.tag_ for t in doc),
                lemmas=tuple(t.lemma_ for t in doc),
                feats=tuple(str(t.morph) for t in doc),
                heads=tuple(t.head.i for t in doc),
                deps=tuple(t.dep_ for t in doc),
            )
        )
    return out


def predict_ner(nlp: Language, gold: Sequence[NERSentence], exclude: Iterable[str] = ()) -> list[list[str]]:
    docs = [Doc(nlp.vocab, words=list(s.words), sent_starts=_one_sentence(len(s.words))) for s in gold]
    out = []
    for doc in run_components(nlp, docs, exclude):
        tags = ["O"] * len(doc)
        for ent in doc.ents:
            tags[ent.start] = f"B-{ent.label_}"
            for i in range(ent.start + 1, ent.end):
                tags[i] = f"I-{ent.label_}"
        out.append(tags)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m quizgen.nlp.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("kind", choices=["ud", "ner"], help="ud: a CoNLL-U file; ner: a GermEval 2014 TSV file")
    parser.add_argument("file")
    parser.add_argument("--exclude", nargs="*", default=[], help="pipeline components to leave out")
    args = parser.parse_args(argv)

    from quizgen.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    if args.kind == "ud":
        ud_gold = read_conllu(args.file)
        predict_ud(nlp, ud_gold[:1], args.exclude)  # warm-up: HanTa loads its model lazily
        start = time.perf_counter()
        ud_pred = predict_ud(nlp, ud_gold, args.exclude)
        seconds = time.perf_counter() - start
        result = score_ud(ud_gold, ud_pred)
        result["words_per_s"] = round(result["words"] / seconds, 1) if seconds else 0.0
    else:
        ner_gold = read_germeval(args.file)
        ner_pred = predict_ner(nlp, ner_gold, args.exclude)
        result = score_ner([s.tags for s in ner_gold], ner_pred)
        for label, prf in result["per_type"].items():
            print(f"{label}: P {prf['p']:.2f} R {prf['r']:.2f} F {prf['f']:.2f}")
    print(f"pipeline components: {[n for n in nlp.pipe_names if n not in set(args.exclude)]}")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
