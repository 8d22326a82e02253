"""Scores the clause rules alone (no trained parser) on a CoNLL-U file: subject/object precision and recall.

    python tools/eval_clause_rules.py FILE.conllu [--tags gold|hanta] [--threshold 0.8] [--rules]

``gold`` uses the file's STTS tags and lemmas (GSD only; PUD has no STTS), ``hanta`` tags with HanTa
as the shipped pipeline does. A predicted nsubj/obj counts when the gold relation (without subtype)
and the gold head agree. ``--rules`` prints how often each rule was right, to calibrate confidences.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import spacy
from spacy.tokens import Doc

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import quizgen.nlp.hanta_component  # noqa: E402,F401
from quizgen.german import nouns as noun_lexicon  # noqa: E402
from quizgen.nlp.clauses.roles import assign_roles  # noqa: E402
from quizgen.nlp.clauses.verbs import analyze_verbs  # noqa: E402
from quizgen.nlp.clauses.fields import fill_fields, segment_sentence  # noqa: E402


def read_sentences(path: str) -> list[list[list[str]]]:
    sents, cur = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            if cur:
                sents.append(cur)
                cur = []
            continue
        if line.startswith("#"):
            continue
        fields = line.split("\t")
        if "-" in fields[0] or "." in fields[0]:
            continue
        cur.append(fields)
    if cur:
        sents.append(cur)
    return sents


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file")
    ap.add_argument("--tags", choices=["gold", "hanta"], default="hanta")
    ap.add_argument("--threshold", type=float, default=0.8)
    ap.add_argument("--rules", action="store_true")
    args = ap.parse_args()
    nlp = spacy.blank("de")
    hanta = nlp.add_pipe("quizgen_hanta")
    noun_lexicon.noun_case_numbers("Haus")  # load the lexicon before timing
    tp = fp = fn = 0
    rules: dict[str, list[int]] = {}
    words, seconds = 0, 0.0
    for sent in read_sentences(args.file):
        forms = [f[1] for f in sent]
        starts = [True] + [False] * (len(forms) - 1)
        if args.tags == "gold":
            tags = ["PROAV" if f[4] == "PAV" else f[4] for f in sent]
            doc = Doc(nlp.vocab, words=forms, tags=tags, lemmas=[f[2] for f in sent], sent_starts=starts)
        else:
            doc = hanta(Doc(nlp.vocab, words=forms, sent_starts=starts))
        gold = {k: (f[7].split(":")[0], int(f[6]) - 1) for k, f in enumerate(sent) if f[7].split(":")[0] in ("nsubj", "obj")}
        pred: dict[int, tuple[str, int]] = {}
        start = time.perf_counter()
        for raw in segment_sentence(doc, doc[:]):
            fill_fields(doc, raw)
            verbs = analyze_verbs(doc, raw)
            roles = assign_roles(doc, raw, verbs)
            target = roles.predicate if verbs.copula and roles.predicate is not None else verbs.main
            if target is None:
                continue
            items = ([(roles.subject, "nsubj")] if roles.subject else []) + [(r, "obj") for r in roles.acc]
            for role, label in items:
                if role.chunk.head == target:
                    continue
                ok = gold.get(role.chunk.head) == (label, target)
                rules.setdefault(f"{label} {role.rule}", [0, 0])[0 if ok else 1] += 1
                if role.confidence >= args.threshold:
                    pred[role.chunk.head] = (label, target)
        seconds += time.perf_counter() - start
        words += len(forms)
        tp += sum(1 for k, p in pred.items() if gold.get(k) == p)
        fp += sum(1 for k, p in pred.items() if gold.get(k) != p)
        fn += sum(1 for k, g in gold.items() if pred.get(k) != g)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    print(f"{Path(args.file).name} tags={args.tags} threshold={args.threshold}: "
          f"P={100 * p:.1f} R={100 * r:.1f} (tp={tp} fp={fp} fn={fn}); rules {words / seconds:.0f} words/s")
    if args.rules:
        for name in sorted(rules):
            print(f"  {name:45s} right={rules[name][0]:5d} wrong={rules[name][1]:5d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
