"""Cloze exercises: one module per kind, found through a registry.

``build_cloze`` is the entry point the lesson pack calls. Adding a kind is one new module (the
generator and its ``ExerciseKind`` description), one line in ``KINDS`` and one test file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from quizgen.analysis import Analysis
from quizgen.cloze.article import ArticleKind
from quizgen.cloze.base import ClozeContext, ClozeKind, Pending
from quizgen.cloze.choice import ChoiceKind
from quizgen.cloze.ending import EndingKind
from quizgen.cloze.open_gap import OpenKind
from quizgen.cloze.selection import ClozeSection, build_section
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
    """Cloze items of every kind in ``counts`` (kind -> at most this many), in text order."""
    return cloze_section(analysis, level=level, vocabulary=vocabulary, seed=seed, counts=counts).items


def cloze_section(
    analysis: Analysis,
    *,
    level: str,
    vocabulary: tuple[VocabEntry, ...],
    seed: int = 0,
    counts: Mapping[str, int] | None = None,
    shown_elsewhere: str = "",
) -> ClozeSection:
    """The cloze items and the pack's notes on them (quizgen.cloze.selection: one item per
    passage, no answer on show, balanced forms and option positions). ``seed`` changes which
    candidates are taken, never whether an item is right. ``shown_elsewhere`` is the text the
    rest of the pack prints (its questions): no gap has an answer it prints (a word, or an
    article or ending with the word after it)."""
    if level not in LEVELS:
        raise ClozeKindError(f"Unknown level {level!r}. Use one of {', '.join(LEVELS)}.")
    wanted = default_counts() if counts is None else dict(counts)
    for name in wanted:
        get_kind(name)
    ctx = ClozeContext(analysis=analysis, level=level, vocabulary=tuple(vocabulary), seed=seed,
                       shown_elsewhere=" ".join(re.findall(r"[^\W\d_]+", shown_elsewhere.lower())))
    return build_section(ctx, wanted, KINDS, _pending, fill=counts is None)


def _pending(kind: ClozeKind, ctx: ClozeContext) -> list[Pending]:
    """The kind's candidates, completed only when picked if the kind offers ``pending``."""
    lazy = getattr(kind, "pending", None)
    if lazy is not None:
        return list(lazy(ctx))
    return [Pending.done(c) for c in kind.candidates(ctx)]


__all__ = ["KINDS", "ClozeContext", "ClozeKind", "ClozeSection", "build_cloze", "cloze_section", "default_counts", "get_kind"]
