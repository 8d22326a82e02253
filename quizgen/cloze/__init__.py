"""Cloze exercises: one module per kind, found through a registry.

``build_cloze`` is the entry point the lesson pack calls. Adding a kind is one new module (the
generator and its ``ExerciseKind`` description), one line in ``KINDS`` and one test file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from quizgen.analysis import Analysis
from quizgen.cloze.article import ArticleKind
from quizgen.cloze.base import ClozeContext, ClozeKind, Pending
from quizgen.cloze.choice import ChoiceKind
from quizgen.cloze.ending import EndingKind
from quizgen.cloze.open_gap import OpenKind
from quizgen.cloze.verbform import VerbformKind
from quizgen.cloze.wordbank import WordbankKind
from quizgen.errors import ClozeKindError
from quizgen.pack import LEVELS, ClozeItem, VocabEntry

KINDS: dict[str, ClozeKind] = {
    kind.name: kind
    for kind in (OpenKind(), ChoiceKind(), WordbankKind(), ArticleKind(), EndingKind(), VerbformKind())
}


def default_counts() -> dict[str, int]:
    """How many items of each kind a pack gets unless asked otherwise (its description says)."""
    return {name: kind.description.default_count for name, kind in KINDS.items()}


def get_kind(name: str) -> ClozeKind:
    """The generator of one kind; raises ClozeKindError for a name no module provides."""
    try:
        return KINDS[name]
    except KeyError:
        raise ClozeKindError(
            f"There is no cloze kind {name!r}. Choose from: {', '.join(sorted(KINDS))}."
        ) from None


def build_cloze(
    analysis: Analysis,
    *,
    level: str,
    vocabulary: tuple[VocabEntry, ...],
    seed: int = 0,
    counts: Mapping[str, int] | None = None,
) -> tuple[ClozeItem, ...]:
    """Cloze items of every kind in ``counts`` (kind -> at most this many), in text order.

    Items are spread over the text: each kind takes its candidates from the sentences used
    least so far, and no word is gapped by two items. ``seed`` changes which candidates are
    taken, never whether an item is right.
    """
    if level not in LEVELS:
        raise ClozeKindError(f"Unknown level {level!r}. Use one of {', '.join(LEVELS)}.")
    wanted = default_counts() if counts is None else dict(counts)
    kinds = [(get_kind(name), n) for name, n in wanted.items()]
    # A kind with several gaps needs several free words in one paragraph: it chooses first.
    kinds.sort(key=lambda kind_n: not kind_n[0].description.several_gaps)
    ctx = ClozeContext(analysis=analysis, level=level, vocabulary=tuple(vocabulary), seed=seed)
    used_tokens: set[int] = set()
    sentence_use: dict[int, int] = {}
    items: list[ClozeItem] = []
    for kind, n in kinds:
        pool = _pending(kind, ctx)
        taken = 0
        while taken < n:
            free = [c for c in pool if not used_tokens.intersection(c.tokens)]
            if not free:
                break
            best = min(free, key=lambda c: (sentence_use.get(c.sentence, 0), _rank(c.id, seed)))
            pool.remove(best)
            candidate = best.complete()
            if candidate is None:
                continue
            items.append(candidate.item)
            used_tokens.update(candidate.tokens)
            sentence_use[candidate.item.sentence] = sentence_use.get(candidate.item.sentence, 0) + 1
            taken += 1
    order = {name: i for i, name in enumerate(KINDS)}
    return tuple(sorted(items, key=lambda it: (it.sentence, order.get(it.kind, 99), it.id)))


def _pending(kind: ClozeKind, ctx: ClozeContext) -> list[Pending]:
    """The kind's candidates, completed only when picked if the kind offers ``pending``."""
    lazy = getattr(kind, "pending", None)
    if lazy is not None:
        return list(lazy(ctx))
    return [Pending.done(c) for c in kind.candidates(ctx)]


def _rank(item_id: str, seed: int) -> str:
    return hashlib.sha1(f"{seed}|{item_id}".encode()).hexdigest()


__all__ = ["KINDS", "ClozeContext", "ClozeKind", "build_cloze", "default_counts", "get_kind"]
