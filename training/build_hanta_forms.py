"""Builds HanTa's table of frequent forms: its word analyses done once, shipped, never searched again.

Usage: python training/build_hanta_forms.py OUT.tsv.gz [--top N] [--corpus FILE ...]

HanTa searches the morpheme lattice of every word twice: once for the tag probabilities
(``analyze_forward``) and once per chosen tag for the lemma (``analyze_viterbi``). Both are
pure functions of the lower-cased form (and the tag). This script runs them for the N most
frequent German forms of wordfreq plus every form of the given training files (CoNLL-U or
GermEval TSV; pass training splits only) and writes one line per form:
``form<TAB>tag:logprob,...<TAB>tag=lemma|...`` (tag numbers are HanTa's; the second field
is empty for forms HanTa's own model caches). ``quizgen_hanta`` loads the table, so the
search runs only for forms never seen (see quizgen.nlp.hanta_forms).
"""

from __future__ import annotations

import argparse
import gzip
import time
from pathlib import Path

from quizgen.nlp.corpus_formats import read_conllu, read_germeval
from quizgen.nlp.hanta_forms import encode_line, table_entry


def training_forms(paths: list[Path]) -> set[str]:
    forms: set[str] = set()
    for path in paths:
        sents = read_conllu(path) if path.suffix == ".conllu" else read_germeval(path)
        for sent in sents:
            forms.update(w.lower() for w in sent.words)
    return forms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--top", type=int, default=100_000, help="most frequent wordfreq forms to include")
    parser.add_argument("--corpus", nargs="*", type=Path, default=[], help="training files whose forms to include")
    args = parser.parse_args()

    from HanTa import HanoverTagger
    from wordfreq import top_n_list

    tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    forms = set(top_n_list("de", args.top)) | training_forms(args.corpus)
    forms = {f for f in forms if f and not any(c in f for c in "\t\n|")}
    start = time.perf_counter()
    lines = []
    for form in sorted(forms):
        lines.append(encode_line(form, *table_entry(tagger, form)))
    with gzip.open(args.out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("".join(lines))
    print(f"wrote {args.out}: {len(lines)} forms in {time.perf_counter() - start:.0f} s "
          f"({Path(args.out).stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
