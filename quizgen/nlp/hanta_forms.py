"""HanTa's word analyses without its search for every form seen before.

HanTa (Hanover Tagger) searches a morpheme lattice for each word: once for the word's tag
probabilities (``analyze_forward``) and once more, for the tag the sentence search chose, for
the lemma (``analyze_viterbi``). Both results depend only on the lower-cased form (and the
tag), yet HanTa recomputes them for every token; the search is most of its time.

``HantaForms`` answers both from, in order: a table of frequent forms built once by
``make model`` (training/build_hanta_forms.py) and shipped with the pipeline, a cache that
lives as long as the process, and HanTa's own search. The answers are HanTa's, bit for bit
(the table keeps the log probabilities as ``repr`` floats), so tagging output does not change.
"""

from __future__ import annotations

import gzip
import math
from operator import itemgetter
from pathlib import Path
from typing import Any

# HanoverTagger's reserved tag numbers
EMPTY, START, END = 0, 1, 2
UNKNOWN = 3  # the "any tag" answer for forms HanTa cannot analyse
LOWER_BOUND = -1e6  # HanoverTagger's floor for log probabilities
CUTOFF = 5.0  # HanoverTagger.tag_sent_viterbi keeps tags within 5 (log) of the best
CACHE_SIZE = 200_000  # per cache; cleared when full, so memory stays bounded

Scores = list[tuple[int, float]]


def surviving_tags(tagger: Any, scores: Scores, in_model: bool) -> set[int]:
    """Tags of ``scores`` the sentence search can see: those ``_tag_word`` keeps.

    Mirrors ``HanoverTagger._tag_word`` (conditional, cutoff 5) for the three ways the
    sentence search calls it: case-insensitive (first word), capitalised and lower-case.
    Forms of HanTa's own cache keep every tag.
    """
    tags: set[int] = set()
    for case_sensitive, upper in ((False, False), (True, True), (True, False)):
        adjusted = []
        for tag, lp in scores:
            if tag != UNKNOWN:
                if case_sensitive:
                    lp += tagger.LP_case_t[tag][upper]
                lp -= tagger.LP_wtag[tag]
            adjusted.append((tag, lp))
        adjusted.sort(key=itemgetter(1), reverse=True)
        if not in_model and adjusted:
            limit = adjusted[0][1] - CUTOFF
            adjusted = [(t, lp) for t, lp in adjusted if lp >= limit]
        tags.update(t for t, _ in adjusted)
    return tags


def table_entry(tagger: Any, form: str) -> tuple[Scores | None, dict[int, str]]:
    """What the table keeps of a form: its tag scores (None when HanTa's model caches them),
    only for the tags the sentence search can see (the best is always among them, so the
    cutoff keeps the same tags), and the lemma of each of those tags that needs a search."""
    in_model = form in tagger.cache
    scores = tagger.cache[form] if in_model else tagger.analyze_forward(form)
    seen = surviving_tags(tagger, scores, in_model)
    kept = None if in_model else [(t, lp) for t, lp in scores if t in seen]
    lemmas = {
        t: tagger._analyze(form, t, taglevel=1)[0]
        for t in seen
        if t != UNKNOWN and -t not in tagger.atomic_class
    }
    return kept, lemmas


def encode_line(form: str, scores: Scores | None, lemmas: dict[int, str]) -> str:
    """One table line: form, tag scores (empty when HanTa's model caches them), lemmas by tag."""
    score_field = "" if scores is None else ",".join(f"{t}:{float(lp)!r}" for t, lp in scores)
    lemma_field = "|".join(f"{t}={lemma}" for t, lemma in sorted(lemmas.items()))
    return f"{form}\t{score_field}\t{lemma_field}\n"


def read_table(path: str | Path) -> dict[str, str]:
    """The table as form -> rest of its line; lines are decoded on first use (memory)."""
    table: dict[str, str] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            form, _, rest = line.rstrip("\n").partition("\t")
            table[form] = rest
    return table


class HantaForms:
    """HanTa's per-form steps answered from the shipped table, then a process-wide cache."""

    def __init__(self, tagger: Any, table: dict[str, str] | None = None) -> None:
        self.tagger = tagger
        self.table = table or {}
        self._search_forward = tagger.analyze_forward
        self._search_analyze = tagger._analyze
        self._forward: dict[str, Scores] = {}
        self._lemmas: dict[tuple[str, int], str] = {}
        self._word_tags: dict[tuple[str, bool], dict[int, float]] = {}
        self._follower_order: dict[tuple[int, int], dict[int, int]] = {}
        self._decoded: set[str] = set()
        self.searches = 0  # forms and (form, tag) pairs HanTa had to search for, for benchmarks

    def install(self) -> None:
        """Route the tagger's two per-word steps through this object (instance attributes)."""
        self.tagger.analyze_forward = self.forward
        self.tagger._analyze = self.analyze

    @staticmethod
    def installed(tagger: Any) -> HantaForms | None:
        """The HantaForms installed on ``tagger``, if any."""
        owner = getattr(tagger.analyze_forward, "__self__", None)
        return owner if isinstance(owner, HantaForms) else None

    def _decode(self, form: str) -> None:
        self._decoded.add(form)
        rest = self.table.get(form)
        if rest is None:
            return
        score_field, _, lemma_field = rest.partition("\t")
        if score_field:
            scores = []
            for item in score_field.split(","):
                tag, _, lp = item.partition(":")
                scores.append((int(tag), float(lp)))
            self._remember(self._forward, form, scores)
        if lemma_field:
            for item in lemma_field.split("|"):
                tag, _, lemma = item.partition("=")
                self._remember(self._lemmas, (form, int(tag)), lemma)

    @staticmethod
    def _remember(cache: dict[Any, Any], key: Any, value: Any) -> None:
        if len(cache) >= CACHE_SIZE:
            cache.clear()
        cache[key] = value

    def forward(self, word: str) -> Scores:
        """``HanoverTagger.analyze_forward``: tag log probabilities of a normalised form."""
        scores = self._forward.get(word)
        if scores is None and word not in self._decoded:
            self._decode(word)
            scores = self._forward.get(word)
        if scores is None:
            self.searches += 1
            scores = self._search_forward(word)
            self._remember(self._forward, word, scores)
        return scores

    def analyze(self, word: str, pos: int, taglevel: int = 1) -> Any:
        """``HanoverTagger._analyze``; at taglevel 1 (lemma, tag) from the table or the cache.

        The tag returned is the one asked for: ``tag_sent`` reads only the lemma.
        """
        if taglevel != 1 or -pos in self.tagger.atomic_class:
            return self._search_analyze(word, pos, taglevel)
        form = word.lower()
        key = (form, pos)
        lemma = self._lemmas.get(key)
        if lemma is None and form not in self._decoded:
            self._decode(form)
            lemma = self._lemmas.get(key)
        if lemma is None:
            self.searches += 1
            lemma = self._search_analyze(word, pos, taglevel)[0]
            self._remember(self._lemmas, key, lemma)
        return lemma, self.tagger.int2tag[pos]

    def forget(self) -> None:
        """Drop the cached analyses (benchmarks time a first look); the table stays."""
        self._forward.clear()
        self._lemmas.clear()
        self._decoded.clear()
        self._word_tags.clear()

    def word_tags(self, word: str, case_sensitive: bool) -> dict[int, float]:
        """``dict(HanoverTagger._tag_word(word, 5, case_sensitive, conditional=True))``, cached."""
        key = (word, case_sensitive)
        scores = self._word_tags.get(key)
        if scores is None:
            scores = dict(self.tagger._tag_word(word, cutoff=5, casesensitive=case_sensitive, conditional=True))
            self._remember(self._word_tags, key, scores)
        return scores

    def tag_sentence(self, words: list[str]) -> list[tuple[str, str]]:
        """(HanTa tag, lemma) per word: ``HanoverTagger.tag_sent(words, taglevel=1)``, faster.

        The same trigram Viterbi search as ``HanoverTagger.tag_sent_viterbi`` (5 best states
        kept per word), but each state visits only the word's candidate tags, in the order
        HanTa visits them (so ties resolve alike), instead of every tag that may follow it.
        """
        if not words:
            return []
        tagger = self.tagger
        trans = tagger.LP_trans_word
        backpointer: list[dict[tuple[int, int], tuple[int, int]]] = []
        prevrow: dict[tuple[int, int], float] = {(EMPTY, START): 0.0}
        for i, word in enumerate(words):
            wprobs = self.word_tags(word, i != 0)
            if len(wprobs) == 1 and UNKNOWN in wprobs:
                wprobs = {}
            row: dict[tuple[int, int], float] = {}
            back: dict[tuple[int, int], tuple[int, int]] = {}
            rowbound = sorted(prevrow.values(), reverse=True)[5] - 1 if len(prevrow) > 5 else LOWER_BOUND
            for state, lp0 in prevrow.items():
                if lp0 < rowbound:
                    continue
                followers = trans[state]
                if wprobs:
                    order = self._order(state, followers)
                    steps = sorted(
                        (order[c], c, followers[c] + lp) for c, lp in wprobs.items() if c in order
                    )
                    moves = [(c, lp) for _, c, lp in steps]
                else:  # a word HanTa cannot analyse may take any tag
                    moves = [(c, lp) for c, lp in followers.items() if c != END]
                for c, step in moves:
                    lp = lp0 + step
                    if lp > LOWER_BOUND:
                        newstate = (state[1], c)
                        if newstate not in row or lp > row[newstate]:
                            row[newstate] = lp
                            back[newstate] = state
            backpointer.append(back)
            prevrow = row
        best, last = -math.inf, None
        for state, lp0 in prevrow.items():
            lp = lp0 + trans[state].get(END, -math.inf)
            if lp > best:
                best, last = lp, state
        if last is None:  # no path ends the sentence: whatever HanTa itself does then
            return [(tag, lemma) for _w, lemma, tag in tagger.tag_sent(words, taglevel=1)]
        tags: list[int] = []
        state = last
        for i in range(len(words) - 1, -1, -1):
            tags.append(state[1])
            if i > 0:
                state = backpointer[i][state]
        tags.reverse()
        return [(tagger.int2tag[t], self.analyze(w, t)[0]) for w, t in zip(words, tags)]

    def _order(self, state: tuple[int, int], followers: dict[int, float]) -> dict[int, int]:
        order = self._follower_order.get(state)
        if order is None:
            order = {c: k for k, c in enumerate(followers) if c != END}
            self._follower_order[state] = order
        return order


def write_table(table: dict[str, str], path: str | Path) -> None:
    """Write a table read by ``read_table``, sorted and byte-stable (no time stamp)."""
    text = "".join(f"{form}\t{rest}\n" for form, rest in sorted(table.items()))
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as fh:
        fh.write(text.encode("utf-8"))
