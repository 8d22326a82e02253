"""Build quizgen/data/distractor_words.tsv: common German lemmas per part of speech.

Distractors for choice cloze items are drawn from these lists (quizgen.lesson.distractors). Each
lemma is checked to be a real word of its class, not just a frequent string:

- NOUN: lemmas of the noun lexicon (german-nouns) with a wordfreq Zipf of at least 2.5;
  gender comes from the lexicon.
- ADJ: words from wordfreq's German list whose declined forms -e/-en/-er/-es are frequent
  words too and that HanTa analyses as attributive adjectives of that lemma (``ADJ(A)``).
- VERB: infinitives whose present 3rd person singular and past participle (conjugated with
  ablaut) are frequent words too and that HanTa analyses as verbs of that lemma. Separable
  verbs are marked so that generators can keep them apart.

Run: ``.venv/bin/python tools/build_distractor_words.py quizgen/data/distractor_words.tsv``
"""

from __future__ import annotations

import sys

import ablaut
import wordfreq
from HanTa import HanoverTagger

from quizgen.german.nouns import all_noun_lemmas, noun_forms, noun_gender

TOP_N = 60000
MIN_NOUN_ZIPF = 2.5
MIN_OTHER_ZIPF = 2.0
MIN_NOUN_SCORE = -20.0  # HanTa's log score: unknown words score about -30
# Determiners and pronouns decline like adjectives but are no adjectives.
NOT_ADJECTIVES = frozenset(
    "sein mein dein ihr unser euer kein ein dies jen welch manch all solch jed ander "
    "viel wenig mehr beid einig etlich folgend sogenannt".split()
)
# Modal and auxiliary verbs change the clause's structure: never distractors.
NOT_VERBS = frozenset("sein haben werden können müssen sollen wollen dürfen mögen lassen".split())


def main(out_path: str) -> None:
    tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    words = wordfreq.top_n_list("de", TOP_N)
    wordset = set(words)
    rows: list[tuple[str, str, float, str]] = []

    for lemma in all_noun_lemmas():
        if not lemma[:1].isupper() or not lemma.isalpha():
            continue
        zipf = wordfreq.zipf_frequency(lemma, "de")
        gender = noun_gender(lemma)
        if zipf < MIN_NOUN_ZIPF or gender not in ("m", "f", "n") or lemma.isupper():
            continue
        # wordfreq folds case, so "Total" counts "total": HanTa must take both spellings as a
        # known common noun (names, brands, foreign words and numbers drop out), and the
        # lexicon must know a plural (brands and odd loans have none).
        if tagger.analyze(lemma) != (lemma, "NN") or tagger.analyze(lemma.lower())[1] != "NN":
            continue
        if tagger.tag_word(lemma)[0][1] < MIN_NOUN_SCORE or not noun_forms(lemma).get(("Nom", "Plur")):
            continue
        rows.append(("NOUN", lemma, zipf, gender))

    for word in words:
        if not word.isalpha() or not word.islower() or len(word) < 3:
            continue
        zipf = wordfreq.zipf_frequency(word, "de")
        if zipf < MIN_OTHER_ZIPF:
            continue
        if "ss" in word and word.replace("ss", "ß") in wordset:
            continue  # Swiss spellings (regelmässig)
        if (
            word not in NOT_ADJECTIVES
            and all(word + end in wordset for end in ("e", "en", "er", "es"))
            and tagger.analyze(word + "e") == (word, "ADJ(A)")
            and tagger.analyze(word + "en")[0] == word
            and tagger.analyze(word)[1] == "ADJ(D)"
        ):
            rows.append(("ADJ", word, zipf, ""))
        if word.endswith("en") or word.endswith("ern") or word.endswith("eln"):
            if word in NOT_VERBS or tagger.analyze(word)[0] != word:
                continue
            if not tagger.analyze(word)[1].startswith("VV"):
                continue
            try:
                conj = ablaut.conjugate(word)
            except ValueError:
                continue
            third = conj.present[2]
            finite = third.split(" ")[0]
            if finite in wordset and conj.past_participle in wordset:
                flag = "sep" if " " in third else ""
                rows.append(("VERB", word, zipf, flag))

    rows.sort(key=lambda r: (r[0], -r[2], r[1]))
    with open(out_path, "w", encoding="utf-8") as fh:
        fh.write("# pos\tlemma\tzipf\tinfo (gender for nouns, sep for separable verbs)\n")
        fh.write("# built by tools/build_distractor_words.py from wordfreq, german-nouns, HanTa, ablaut\n")
        for pos, lemma, zipf, info in rows:
            fh.write(f"{pos}\t{lemma}\t{zipf:.2f}\t{info}\n")
    counts = {p: sum(1 for r in rows if r[0] == p) for p in ("NOUN", "ADJ", "VERB")}
    print(f"wrote {out_path}: {counts}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "quizgen/data/distractor_words.tsv")
