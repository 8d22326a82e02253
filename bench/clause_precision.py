"""Core-argument precision of the clauses the question generators use, on held-out UD German.

    python bench/clause_precision.py [--threshold 0.6]

Runs the shipped pipeline on the held-out UD sentences (every 8th sentence of GSD dev and PUD,
the split of training/convert.py; the pipeline was not trained on them) with their gold words,
then reads every clause as the W-question generator does (``read_clause``: a finite verb, a
clause it would ask about) and takes the roles it would use: the subject and accusative and
dative objects at or above ``--threshold`` confidence. A role is right when its head token is,
in the gold tree, the subject (nsubj, nsubj:pass), object (obj) or indirect object (iobj) as
named (a word of the phrase, as UD heads a name on its last part and a coordination on its
first conjunct); an expletive ``es``, which the generators never ask about, is left out. Prints the precision of those roles, the share of clauses kept, and the same for all
clauses the analysis finds (for comparison). The last line is a JSON summary.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from corpus import SHARED_DIR

from quizgen.nlp.corpus_formats import UDSentence, read_conllu

UD_FILES = ("ud-german/de_gsd-ud-dev.conllu", "ud-german/de_pud-ud-test.conllu")
GOLD_ROLE = {"subject": ("nsubj", "nsubj:pass", "csubj"), "acc_object": ("obj",), "dat_object": ("iobj", "obl:arg")}


def heldout() -> list[UDSentence]:
    """Every 8th sentence of each UD file: the held-out split of training/convert.py."""
    out: list[UDSentence] = []
    for name in UD_FILES:
        sentences = read_conllu(str(Path(SHARED_DIR) / "nlp-data" / name))
        out += [s for k, s in enumerate(sentences) if k % 8 == 0]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=0.6)
    parser.add_argument("--show", action="store_true", help="print the wrong roles")
    args = parser.parse_args(argv)

    from spacy.tokens import Doc

    from quizgen.nlp.evaluate import run_components
    from quizgen.nlp.pipeline import doc_to_analysis, load_pipeline
    from quizgen.nlp.clauses.component import clauses_of
    from quizgen.questions.clause_reading import read_clause

    nlp = load_pipeline()
    gold = heldout()
    docs = [
        Doc(nlp.vocab, words=list(s.words), spaces=list(s.spaces), sent_starts=[True] + [False] * (len(s.words) - 1))
        for s in gold
    ]
    docs = run_components(nlp, docs)
    counts = {"used": [0, 0], "all": [0, 0]}  # [right, roles]
    clauses_total = clauses_kept = 0
    for sent, doc in zip(gold, docs, strict=True):
        analysis = doc_to_analysis(doc)
        analysis = type(analysis)(**{**analysis.__dict__, "clauses": clauses_of(doc)})
        for clause in analysis.clauses:
            if clause.finite_verb is None:
                continue
            clauses_total += 1
            kept = read_clause(analysis, clause) is not None
            clauses_kept += kept
            roles = [("subject", clause.subject)] + [("acc_object", p) for p in clause.acc_objects] + [("dat_object", p) for p in clause.dat_objects]
            for role, phrase in roles:
                if phrase is None or phrase.text.lower() == "es":
                    continue  # an expletive es: the generators never ask about it
                deprel = sent.deps[phrase.head] if phrase.head < len(sent.deps) else ""
                # right when a word of the phrase has the gold relation: UD heads a name on its
                # last part (Beate Weber) and a coordination on its first conjunct
                right = any(sent.deps[i] in GOLD_ROLE[role] for i in range(phrase.start, min(phrase.end, len(sent.deps))))
                counts["all"][0] += right
                counts["all"][1] += 1
                if kept and phrase.confidence >= args.threshold:
                    counts["used"][0] += right
                    counts["used"][1] += 1
                    if not right and args.show:
                        gold_head = sent.words[sent.heads[phrase.head]] if phrase.head < len(sent.heads) else "?"
                        print(f"  {role} {phrase.text!r} ({phrase.confidence}) gold {deprel} of {gold_head!r} | {' '.join(sent.words)[:150]}")
    used_p = counts["used"][0] / max(1, counts["used"][1])
    all_p = counts["all"][0] / max(1, counts["all"][1])
    print(f"held-out UD sentences: {len(gold)}; clauses with a finite verb: {clauses_total}")
    print(f"clauses the question generators read: {clauses_kept} ({clauses_kept / max(1, clauses_total):.1%})")
    print(f"core arguments they use (confidence >= {args.threshold}): {counts['used'][1]}, precision {used_p:.1%}")
    print(f"all core arguments the clause analysis gives: {counts['all'][1]}, precision {all_p:.1%}")
    print(json.dumps({
        "sentences": len(gold), "clauses": clauses_total, "kept": clauses_kept,
        "kept_share": round(clauses_kept / max(1, clauses_total), 4), "used_roles": counts["used"][1],
        "used_precision": round(used_p, 4), "all_roles": counts["all"][1], "all_precision": round(all_p, 4),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
