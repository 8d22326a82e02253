"""The gapped text: the article with every cloze item's gaps in place, as a teacher prints it.

The learner's quiz page shows it beside the cloze items and the worksheet prints it as part 1,
so the learner reads the whole text without seeing a gap's answer. Items are placed by their
first sentence and the sentences their text covers; an item a teacher has rewritten still takes
the place of the sentences it came from, so the original words never show beside it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from quizgen.cloze.base import GAP
from quizgen.german.word_lists import QUOTE_MARKS
from quizgen.pack import ClozeItem

MAX_SPAN = 12  # sentences one item may cover (a word bank's passage)
_NOT_LETTERS = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class PassagePiece:
    """Plain text, or a gap: ``item`` is the item's index in the sequence given, ``gap`` the
    gap's index within that item, ``stem`` the letters printed before it (chinesisch___)."""

    text: str = ""
    item: int | None = None
    gap: int = 0


@dataclass(frozen=True)
class GappedText:
    paragraphs: tuple[tuple[PassagePiece, ...], ...]

    def plain(self, blank: str = GAP) -> str:
        """The text with ``blank`` for every gap (for tests and exports)."""
        return "\n\n".join(
            "".join(p.text if p.item is None else blank for p in paragraph) for paragraph in self.paragraphs
        )


def _letters(text: str) -> str:
    return _NOT_LETTERS.sub("", text).lower()


def filled(item: ClozeItem) -> str:
    """The item's text with its answers in the gaps: the sentences it was made from."""
    parts = item.text.split(GAP)
    answers = list(item.answers) or [item.answer]
    out = [parts[0]]
    for i, part in enumerate(parts[1:]):
        out.append(answers[i] if i < len(answers) else "")
        out.append(part)
    return "".join(out)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def first_sentence(item: ClozeItem, sentences: Sequence[str]) -> int | None:
    """The sentence the item starts in: its ``sentence`` when the texts agree, else the one
    whose beginning agrees best with the item's text (another splitter's numbering, an index
    a teacher's quiz does not have)."""
    letters = _letters(filled(item))
    if not letters or not sentences:
        return None
    start = item.sentence
    wanted = min(len(letters), 12)
    if 0 <= start < len(sentences) and _common_prefix(letters, _letters(sentences[start])) >= wanted:
        return start
    best = max(range(len(sentences)), key=lambda i: (_common_prefix(letters, _letters(sentences[i])), -abs(i - start)))
    if _common_prefix(letters, _letters(sentences[best])) >= wanted:
        return best
    return start if 0 <= start < len(sentences) else None


def item_span(item: ClozeItem, sentences: Sequence[str]) -> range:
    """The sentences (indexes) the item's text covers: from its first sentence on, as many as
    make up its text (by letters; the closest when a teacher has rewritten it)."""
    start = first_sentence(item, sentences)
    if start is None:
        return range(0)
    target = len(_letters(filled(item)))
    best, best_diff = start + 1, None
    total = 0
    for end in range(start + 1, min(len(sentences), start + MAX_SPAN) + 1):
        total += len(_letters(sentences[end - 1]))
        diff = abs(total - target)
        if best_diff is None or diff < best_diff:
            best, best_diff = end, diff
        if total > target:
            break
    return range(start, best)


def sentence_offsets(text: str, sentences: Sequence[str]) -> list[tuple[int, int] | None]:
    """Each sentence's (start, end) in ``text``, found in order; None when not found."""
    out: list[tuple[int, int] | None] = []
    cursor = 0
    for sentence in sentences:
        sentence = sentence.strip()  # the splitter keeps a paragraph's line breaks before it
        found = text.find(sentence, cursor)
        if found < 0:
            found = text.find(sentence.strip("".join(QUOTE_MARKS) + " "), cursor)
        if found < 0:
            out.append(None)
            continue
        end = found + len(sentence)
        out.append((found, end))
        cursor = end
    return out


def gapped_text(text: str, sentences: Sequence[str], items: Sequence[ClozeItem]) -> GappedText:
    """``text`` with each item's sentences replaced by the item's gapped text (gaps numbered by
    the item's index in ``items``), its paragraphs kept."""
    offsets = sentence_offsets(text, sentences)
    replaced: list[tuple[int, int, int]] = []  # (start, end, item index)
    for index, item in enumerate(items):
        span = [s for s in item_span(item, sentences) if offsets[s] is not None]
        if not span:
            continue
        start = min(offsets[s][0] for s in span)  # type: ignore[index]
        end = max(offsets[s][1] for s in span)  # type: ignore[index]
        if any(start < e and s < end for s, e, _i in replaced):
            continue  # overlaps another item's passage: the first keeps it
        replaced.append((start, end, index))
    replaced.sort()
    pieces: list[PassagePiece] = []
    position = 0
    for start, end, index in replaced:
        pieces.append(PassagePiece(text[position:start]))
        for gap, part in enumerate(items[index].text.split(GAP)):
            if gap:
                pieces.append(PassagePiece(item=index, gap=gap - 1))
            pieces.append(PassagePiece(part))
        position = end
    pieces.append(PassagePiece(text[position:]))
    return GappedText(_paragraphs(pieces))


def _paragraphs(pieces: list[PassagePiece]) -> tuple[tuple[PassagePiece, ...], ...]:
    """Split plain pieces at blank lines (a single line break is a paragraph too)."""
    paragraphs: list[list[PassagePiece]] = [[]]
    for piece in pieces:
        if piece.item is not None:
            paragraphs[-1].append(piece)
            continue
        chunks = re.split(r"\n\s*\n|\n", piece.text)
        for i, chunk in enumerate(chunks):
            if i:
                paragraphs.append([])
            if chunk:
                paragraphs[-1].append(PassagePiece(chunk))
    return tuple(tuple(p) for p in paragraphs if any(piece.item is not None or piece.text.strip() for piece in p))


__all__ = ["GappedText", "PassagePiece", "filled", "gapped_text", "item_span", "sentence_offsets"]
