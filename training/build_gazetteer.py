"""Learns the NER gazetteer from GermEval training files: python training/build_gazetteer.py OUT.json TSV...

An entry is a word sequence (up to 4 words) seen at least ``--min-count`` times as an entity,
labelled the same way in at least 90% of those, and an entity in at least ``--min-share`` of all
its occurrences in the training text (so "Bank" or "Mai" do not get in).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from quizgen.nlp.corpus_formats import bio_spans, read_germeval
from quizgen.nlp.ner_rules import MAX_NGRAM


def learn(files: list[Path], min_count: int, min_share: float) -> dict[str, str]:
    sents = [s for f in files for s in read_germeval(f)]
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for s in sents:
        for start, end, label in bio_spans(s.tags):
            if end - start <= MAX_NGRAM:
                labels[" ".join(s.words[start:end])][label] += 1
    seen: Counter[str] = Counter()
    for s in sents:
        for n in range(1, MAX_NGRAM + 1):
            for i in range(len(s.words) - n + 1):
                key = " ".join(s.words[i : i + n])
                if key in labels:
                    seen[key] += 1
    out = {}
    for key, counts in labels.items():
        label, n = counts.most_common(1)[0]
        total = sum(counts.values())
        if n >= min_count and n / total >= 0.9 and total / seen[key] >= min_share and key[:1].isupper():
            out[key] = label
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("files", nargs="+")
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--min-share", type=float, default=0.8)
    args = parser.parse_args()
    gazetteer = learn([Path(f) for f in args.files], args.min_count, args.min_share)
    Path(args.out).write_text(json.dumps(gazetteer, ensure_ascii=False, sort_keys=True, indent=0), encoding="utf-8")
    print(f"{len(gazetteer)} gazetteer entries: {Counter(gazetteer.values()).most_common()}")


if __name__ == "__main__":
    main()
