"""The word list's shape over the news corpus (issues 19 and 20): acronyms keep their case, no
entry is also a name, every article of 150 words or more has 8-15 key words, none of them a
name, weekday, month or number word, at most 2% without a gloss.

In CI (``CI`` set) the first pass of ``make test`` reads all 514 articles (about three minutes);
elsewhere, and in the PostgreSQL pass, which has nothing to add here, a fixed sample of 40.
``QUIZGEN_CORPUS_ARTICLES=all`` (or a number) chooses. bench/vocabulary_corpus.py prints the
same figures with examples, and the entries without article or gloss by reason.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

import pytest

from quizgen.lesson.key_words import mark_key_words
from quizgen.lesson.vocabulary import build_vocabulary, part_entry
from quizgen.nlp.analyze import analyze
from tests.shared_data import CORPUS

sys.path.insert(0, str(Path(__file__).parents[3] / "bench"))
from corpus import read_corpus  # noqa: E402
from vocabulary_corpus import KEY_RANGE, MIN_WORDS, acronym_faults, key_fault, name_fault  # noqa: E402

pytestmark = pytest.mark.slow
SAMPLE = 40


def _articles() -> list[tuple[int, str]]:
    texts = read_corpus(CORPUS)
    wanted = os.environ.get("QUIZGEN_CORPUS_ARTICLES")
    if wanted is None and os.environ.get("CI") and not os.environ.get("QUIZGEN_REQUIRE_SERVICES"):
        wanted = "all"
    if wanted == "all":
        return list(enumerate(texts))
    chosen = sorted(random.Random(19).sample(range(len(texts)), int(wanted or SAMPLE)))
    return [(n, texts[n]) for n in chosen]


@pytest.fixture(scope="module")
def corpus_lists():
    if not CORPUS.exists():
        pytest.skip(f"the corpus is not at {CORPUS}")
    out = []
    for n, text in _articles():
        analysis = analyze(text)
        everything, names = build_vocabulary(analysis)
        marked = mark_key_words(everything, analysis, level="B1", names={name.text for name in names},
                                make_part=lambda compound, part, a=analysis: part_entry(a, compound, part))
        out.append((n, text, marked, names))
    return out


def test_no_acronym_part_loses_its_case(corpus_lists):
    faults = [f"{n}: {fault}" for n, _, entries, _ in corpus_lists for e in entries for fault in acronym_faults(e)]
    assert not faults


def test_no_entry_is_also_a_name(corpus_lists):
    faults = []
    for n, _, entries, names in corpus_lists:
        texts = {name.text for name in names}
        faults += [f"{n}: {e.lemma}" for e in entries
                   if e.lemma in texts or (e.pos == "NOUN" and texts.intersection(e.forms))]
    assert not faults


def test_names_are_no_phrases_nor_hyphenated_common_nouns(corpus_lists):
    names = [name for _, _, _, found in corpus_lists for name in found]
    faults = [name.text for name in names if name_fault(name) in ("phrase", "hyphenated common noun")]
    assert len(faults) <= 0.005 * len(names), faults


def test_every_full_article_has_8_to_15_key_words_and_none_is_a_name_date_or_number(corpus_lists):
    counts, faults, without_gloss, total = [], [], 0, 0
    for n, text, entries, names in corpus_lists:
        key = [e for e in entries if e.key]
        if len(text.split()) >= MIN_WORDS:
            counts.append((n, len(key)))
        faults += [f"{n}: {e.lemma} ({fault})" for e in key if (fault := key_fault(e, names))]
        without_gloss += sum(1 for e in key if not e.gloss)
        total += len(key)
    assert all(KEY_RANGE[0] <= count <= KEY_RANGE[1] for _, count in counts), counts
    assert not faults
    assert without_gloss <= 0.02 * total


def test_a_word_has_one_level_in_every_article(corpus_lists):
    seen: dict[tuple[str, str], set[str]] = {}
    for _, _, entries, _ in corpus_lists:
        for e in entries:
            seen.setdefault((e.lemma, e.pos), set()).add(e.cefr)
    assert not {k: v for k, v in seen.items() if len(v) > 1}
