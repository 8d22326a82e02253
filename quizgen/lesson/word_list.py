"""Which entries of a text's word list a pack or a learner sees, and in what order: the words at
or above a level, the key words, and the words the exercises are about (``pack_vocabulary``);
by level, part of speech and order (``filter_vocabulary``). The entries themselves are built by
``lesson.vocabulary``.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from quizgen.errors import InputError
from quizgen.german.cefr_estimate import level_index
from quizgen.pack import ClozeItem, Question, VocabEntry

ORDERS = ("text", "frequency", "alphabet")

_ALPHABET = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})  # German dictionary order


def _alphabet_key(entry: VocabEntry) -> str:
    word = entry.lemma.removeprefix("sich ").casefold()
    return word.translate(_ALPHABET)


#: the parts of speech a cloze item or a question is "about" when it names a word
ITEM_POS = frozenset({"NOUN", "VERB", "ADJ"})


def pack_vocabulary(
    entries: Iterable[VocabEntry],
    *,
    min_level: str,
    cloze: Iterable[ClozeItem] = (),
    questions: Iterable[Question] = (),
) -> tuple[VocabEntry, ...]:
    """The pack's word list, in text order: the words at or above ``min_level`` (those a learner
    at that level is likely still to learn), the key words, and, whatever their level, the
    nouns, verbs and adjectives a cloze item gaps or a question's short answer names, so that
    the list explains every word the exercises are about."""
    floor = _level_floor(min_level)
    gapped = {item.lemma.removeprefix("sich ") for item in cloze if item.lemma}
    gapped_forms = {answer for item in cloze if item.lemma for answer in (item.answers or (item.answer,))}
    asked: set[str] = set()
    for question in questions:  # what a question is about is what its answer names
        asked.update(re.findall(r"\w+", question.answer_short))
    kept = [
        e for e in entries
        if e.key or level_index(e.cefr) >= floor or e.lemma.removeprefix("sich ") in gapped
        or (e.pos in ITEM_POS and not gapped_forms.isdisjoint(e.forms))
        or (e.pos in ITEM_POS and not asked.isdisjoint(e.forms))
    ]
    return tuple(sorted(kept, key=lambda e: e.sentence))


def _level_floor(level: str) -> int:
    try:
        return level_index(level)
    except ValueError:
        raise InputError(f"Unknown level {level!r}: use one of A1, A2, B1, B2, C1, C2.") from None


def filter_vocabulary(
    entries: tuple[VocabEntry, ...] | list[VocabEntry],
    *,
    min_level: str | None = None,
    pos: str | Collection[str] | None = None,
    order: str = "text",
) -> tuple[VocabEntry, ...]:
    """Entries at or above ``min_level``, of the parts of speech ``pos``, in ``order``.

    ``order`` is ``text`` (first occurrence), ``frequency`` (count in the text, most first)
    or ``alphabet`` (ignoring ``sich`` and umlauts).
    """
    if order not in ORDERS:
        raise InputError(f"Unknown order {order!r}: use one of {', '.join(ORDERS)}.")
    kept = list(entries)
    if min_level is not None:
        floor = _level_floor(min_level)
        kept = [e for e in kept if level_index(e.cefr) >= floor]
    if pos is not None:
        wanted = {pos} if isinstance(pos, str) else set(pos)
        kept = [e for e in kept if e.pos in wanted]
    if order == "frequency":
        kept.sort(key=lambda e: -e.count)
    elif order == "alphabet":
        kept.sort(key=_alphabet_key)
    else:
        kept.sort(key=lambda e: e.sentence)
    return tuple(kept)
