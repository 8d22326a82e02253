"""Reading the pack's text conventions: ``___`` gaps in cloze items, ``**marks**`` in examples."""

from __future__ import annotations

import re
import unicodedata

from quizgen.kinds import kind_of
from quizgen.pack import ClozeItem, LessonPack, Question

GAP = "___"
_MARK = re.compile(r"\*\*(.+?)\*\*")


def split_at_gaps(text: str) -> list[str]:
    """The text around the gaps: one piece more than there are gaps."""
    return text.split(GAP)


def gap_answers(item: ClozeItem) -> tuple[str, ...]:
    """Each gap's answer in order (``answers``, or ``answer`` decoded as its kind encodes it)."""
    answers = item.answers or kind_of(item).decode_answer(item.answer)
    gaps = item.text.count(GAP)
    return tuple(answers[:gaps]) + ("",) * (gaps - len(answers))


def is_usable_cloze(item: ClozeItem) -> bool:
    """At least one gap, and an answer for every gap: anything else cannot be checked."""
    answers = gap_answers(item)
    return bool(answers) and all(answer.strip() for answer in answers)


def is_usable_question(question: Question) -> bool:
    return bool(question.question.strip() and (question.answer or question.answer_short).strip())


def marked_pieces(example: str) -> list[tuple[str, bool]]:
    """Split an example at its ``**marks**``: (text, is_marked) pieces in order."""
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in _MARK.finditer(example):
        if match.start() > position:
            pieces.append((example[position : match.start()], False))
        pieces.append((match.group(1), True))
        position = match.end()
    if position < len(example):
        pieces.append((example[position:], False))
    return pieces


def slug(title: str, *, limit: int = 60) -> str:
    """A file- and tag-safe ASCII name: 'Moskau-Besuch: Russland' -> 'moskau-besuch-russland'."""
    folded = title.replace("ß", "ss")
    folded = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", folded.lower())
    name = "-".join(words)[:limit].strip("-")
    return name or "lesson"


def file_stem(pack: LessonPack) -> str:
    return slug(pack.title)


def sentence(pack: LessonPack, index: int) -> str:
    """The pack's sentence at index, or '' when a generator pointed past the end."""
    if 0 <= index < len(pack.sentences):
        return pack.sentences[index]
    return ""
