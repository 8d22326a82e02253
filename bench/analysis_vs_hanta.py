"""The full analysis against its limit, bare HanTa tagging of the same tokens, in one run.

Usage: python bench/analysis_vs_hanta.py [N_ARTICLES] [--csv PATH] [--profile]

Reads the first N articles of the 10kGNAD sample (``category;'text'``, ' as quote character;
CC BY-NC-SA, used here only to measure, never shipped). After a warm-up (pipeline, HanTa, one
analysis, then ``quizgen.preload.preload`` as a long-running process calls it), every article
is timed three ways, one right after the other so both sides run under the same load:

- bare HanTa, tags only: a fresh, unmodified ``HanoverTagger`` tagging the article's
  sentences, split and tokenised as the pipeline splits them (``tag_sent(words, taglevel=0)``;
  HanTa keeps no cache between calls, so every pass costs the same);
- bare HanTa, tags and lemmas: ``tag_sent(words)`` (taglevel 1, HanTa's default);
- the full analysis: ``quizgen.analyze(text)`` (tokenizer, sentences, HanTa with our rules,
  morphology, parser, NER, NER rules, clause analysis, the Analysis records).

Two passes: the first analyses each article for the first time in the process (HanTa's
per-form caches hold only the shipped table of frequent forms); the warm pass analyses them
again with the per-form caches full but the per-sentence cache cleared, so HanTa's sentence
search runs again, as for a new article made of known words. The ratio is analysis time over
bare tagging time (CPU seconds: on a shared machine wall time counts others' jobs); the
target is at most 2.0 warm. A third pass times each pipeline component (the profile summary);
``--profile`` adds cProfile's top functions. The last line is a JSON summary.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import sys
import time
from collections.abc import Callable
from typing import Any

from corpus import DEFAULT_CORPUS, read_corpus

TARGET = 2.0


def cpu(fn: Callable[[], Any]) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="?", type=int, default=50)
    parser.add_argument("--csv", default=DEFAULT_CORPUS)
    parser.add_argument("--profile", action="store_true", help="print cProfile's top functions of a warm pass")
    args = parser.parse_args()
    texts = read_corpus(args.csv, args.articles)
    load_before = os.getloadavg()

    from HanTa import HanoverTagger

    from quizgen.nlp.analyze import analyze
    from quizgen.nlp.pipeline import doc_to_analysis, load_pipeline
    from quizgen.preload import preload
    from quizgen.text.checks import check_text

    nlp = load_pipeline()
    preload()
    bare = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    # The words HanTa sees in the pipeline: the pipeline's tokens, split at its sentences.
    sentencizer = nlp.get_pipe("sentencizer")
    article_sents = []
    for text in texts:
        doc = sentencizer(nlp.make_doc(check_text(text)))
        article_sents.append([[t.text for t in s if not t.is_space] for s in doc.sents])
    words = sum(len(s) for sents in article_sents for s in sents)

    def tag(sents: list[list[str]], level: int) -> None:
        for s in sents:
            if s:
                bare.tag_sent(s, taglevel=level)

    hanta = nlp.get_pipe("quizgen_hanta")
    passes: dict[str, dict[str, float]] = {}
    for name in ("first", "warm"):
        if name == "first":
            hanta.forget_words()  # only the shipped table of frequent forms is known
        else:
            hanta.forget_sentences()
        t = passes[name] = {"tags": 0.0, "lemmas": 0.0, "analysis": 0.0}
        for text, sents in zip(texts, article_sents):
            t["tags"] += cpu(lambda: tag(sents, 0))
            t["lemmas"] += cpu(lambda: tag(sents, 1))
            t["analysis"] += cpu(lambda: analyze(text))

    # Where the time goes: each component of a warm analysis timed on its own.
    hanta.forget_sentences()
    shares: dict[str, float] = {"tokenizer": 0.0, **{n: 0.0 for n in nlp.pipe_names}, "records": 0.0}
    for text in texts:
        cleaned = check_text(text)
        start = time.process_time()
        doc = nlp.make_doc(cleaned)
        shares["tokenizer"] += time.process_time() - start
        for name, proc in nlp.pipeline:
            start = time.process_time()
            doc = proc(doc)
            shares[name] += time.process_time() - start
        start = time.process_time()
        doc_to_analysis(doc)
        shares["records"] += time.process_time() - start
    total = sum(shares.values())

    load_after = os.getloadavg()
    print(f"command: python bench/analysis_vs_hanta.py {args.articles}")
    print(f"load average (1, 5, 15 min) before {load_before[0]:.1f} {load_before[1]:.1f} {load_before[2]:.1f}, "
          f"after {load_after[0]:.1f} {load_after[1]:.1f} {load_after[2]:.1f}")
    print(f"{len(texts)} articles, {words} words; CPU seconds, words per CPU second:")
    summary: dict[str, Any] = {"articles": len(texts), "words": words}
    for name, t in passes.items():
        print(f"  {name:5} pass: HanTa tags {t['tags']:.2f} s ({words / t['tags']:,.0f}/s), "
              f"tags+lemmas {t['lemmas']:.2f} s ({words / t['lemmas']:,.0f}/s), "
              f"analysis {t['analysis']:.2f} s ({words / t['analysis']:,.0f}/s): "
              f"{t['analysis'] / t['tags']:.2f}x tags, {t['analysis'] / t['lemmas']:.2f}x tags+lemmas")
        prefix = "" if name == "warm" else "first_"
        summary[f"{prefix}hanta_tags_words_per_s"] = round(words / t["tags"], 1)
        summary[f"{prefix}hanta_lemmas_words_per_s"] = round(words / t["lemmas"], 1)
        summary[f"{prefix}analysis_words_per_s"] = round(words / t["analysis"], 1)
        summary[f"{prefix}ratio"] = round(t["analysis"] / t["tags"], 3)
        summary[f"{prefix}ratio_vs_lemmas"] = round(t["analysis"] / t["lemmas"], 3)
    print(f"warm analysis over bare HanTa tags: {summary['ratio']:.2f} (target <= {TARGET})")
    print(f"where a warm analysis spends its CPU time ({total:.2f} s, components timed one by one):")
    print("  " + ", ".join(f"{name} {100 * s / total:.0f}%" for name, s in shares.items() if s / total >= 0.005))
    summary["shares"] = {name: round(s / total, 3) for name, s in shares.items()}
    summary["load"] = [round(x, 1) for x in load_before]

    if args.profile:
        hanta.forget_sentences()
        profile = cProfile.Profile()
        profile.enable()
        for text in texts:
            analyze(text)
        profile.disable()
        pstats.Stats(profile, stream=sys.stdout).sort_stats("tottime").print_stats(15)
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
