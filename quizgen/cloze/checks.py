"""Checks on a pack's cloze items that a teacher makes by eye, as figures (bench and tests).

- ``shown_answers``: an item whose answer another item shows (its sentence in the other's text
  with the answer in place, or its word in another's hint or options) or that the gapped text
  shows elsewhere (the word or its lemma standing in another sentence);
- ``spelled_hints``: hints that spell their answer (quizgen.cloze.base.hint_spells), leaving
  out a verb form's infinitive, which is the task's given word;
- ``answer_shares``: how the answers of a kind with a closed set of forms (endings, articles)
  are spread.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from quizgen.cloze.base import hint_spells, kind_trait
from quizgen.cloze.passage import gapped_text, item_span
from quizgen.pack import ClozeItem

#: issue 12: no ending form above this share of all ending answers (over the corpus)
MAX_TOP_ENDING_SHARE = 0.4


@dataclass(frozen=True)
class ShownAnswer:
    item: str  # id of the item whose answer is shown
    shown_by: str  # id of the item that shows it, or "text"
    how: str


def _kind(item: ClozeItem) -> object:
    from quizgen.cloze import KINDS

    return KINDS.get(item.kind)


def _answers(item: ClozeItem) -> tuple[str, ...]:
    return tuple(a for a in (item.answers or (item.answer,)) if a)


def _word_in(word: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, flags=re.IGNORECASE) is not None


def shown_answers(items: Sequence[ClozeItem], sentences: Sequence[str], text: str) -> list[ShownAnswer]:
    """Every way an item's answer is on show before it is answered (see the module docstring)."""
    found: list[ShownAnswer] = []
    spans = [set(item_span(item, sentences)) for item in items]
    for y, item in enumerate(items):
        for x, other in enumerate(items):
            if x != y and spans[x] & spans[y]:
                found.append(ShownAnswer(item.id, other.id, "shares a sentence"))
    page = gapped_text(text, sentences, items).plain()
    for y, item in enumerate(items):
        if not kind_trait(_kind(item), "word_answer"):
            continue
        for answer in _answers(item):
            if _word_in(answer, page):
                found.append(ShownAnswer(item.id, "text", f"'{answer}' stands in the gapped text"))
            for x, other in enumerate(items):
                if x == y:
                    continue
                if other.hint and _word_in(answer, other.hint):
                    found.append(ShownAnswer(item.id, other.id, f"'{answer}' in its hint"))
                if any(o.lower() == answer.lower() for o in other.options):
                    found.append(ShownAnswer(item.id, other.id, f"'{answer}' among its options"))
    return found


def spelled_hints(items: Sequence[ClozeItem]) -> list[ClozeItem]:
    """Items whose hint spells an answer (a verb form's infinitive is the task, not a hint)."""
    return [
        item for item in items
        if not kind_trait(_kind(item), "hint_names_word") and any(hint_spells(item.hint, a) for a in _answers(item))
    ]  # fmt: skip


def answer_shares(items: Sequence[ClozeItem], kind: str) -> Counter[str]:
    """How often each answer form (lower case) stands among the items of ``kind``."""
    return Counter(item.answer.lower() for item in items if item.kind == kind)




@dataclass
class ClozeFigures:
    """The issue-12 figures over many packs: answers on show, ending and article shares,
    hints that spell their answer, items per article of ``LONG_ARTICLE`` words or more."""

    LONG_ARTICLE = 300
    MIN_ITEMS_LONG = 10

    packs: int = 0
    items: int = 0
    shown: list[tuple[str, ShownAnswer]] = field(default_factory=list)  # (article, what)
    spelled: list[tuple[str, ClozeItem]] = field(default_factory=list)
    endings: Counter[str] = field(default_factory=Counter)
    articles: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    long_counts: list[tuple[str, int]] = field(default_factory=list)  # (article, items) of long ones

    def add(self, name: str, items: Sequence[ClozeItem], sentences: Sequence[str], text: str, words: int) -> None:
        self.packs += 1
        self.items += len(items)
        self.shown += [(name, s) for s in shown_answers(items, sentences, text)]
        self.spelled += [(name, i) for i in spelled_hints(items)]
        self.endings.update(answer_shares(items, "ending"))
        self.articles.update(answer_shares(items, "article"))
        self.kinds.update(i.kind for i in items)
        if words >= self.LONG_ARTICLE:
            self.long_counts.append((name, len(items)))

    @staticmethod
    def top_share(counts: Counter[str]) -> tuple[str, float]:
        if not counts:
            return "", 0.0
        form, n = counts.most_common(1)[0]
        return form, n / sum(counts.values())

    @property
    def long_below(self) -> list[tuple[str, int]]:
        return [(name, n) for name, n in self.long_counts if n < self.MIN_ITEMS_LONG]

    def lines(self) -> list[str]:
        """The figures as the bench prints them."""
        items_shown = len({(name, s.item) for name, s in self.shown})
        ending, ending_share = self.top_share(self.endings)
        article, article_share = self.top_share(self.articles)
        shares = ", ".join(f"-{f} {n / max(1, sum(self.endings.values())):.0%}" for f, n in self.endings.most_common())
        counts = [n for _name, n in self.long_counts]
        return [
            f"packs: {self.packs}, cloze items: {self.items} ({', '.join(f'{k} {n}' for k, n in sorted(self.kinds.items()))})",
            f"items whose answer is on show (another item or the gapped text): {items_shown}",
            f"ending answers: {sum(self.endings.values())}, top form -{ending} {ending_share:.1%} ({shares})",
            f"article answers: {sum(self.articles.values())}, top form {article} {article_share:.1%}",
            f"hints that spell their answer: {len(self.spelled)}",
            f"articles of {self.LONG_ARTICLE}+ words: {len(counts)}, items per article min {min(counts, default=0)}, "
            f"mean {sum(counts) / max(1, len(counts)):.1f}, below {self.MIN_ITEMS_LONG}: {len(self.long_below)}",
        ]


__all__ = ["MAX_TOP_ENDING_SHARE", "ClozeFigures", "ShownAnswer", "answer_shares", "shown_answers", "spelled_hints"]
