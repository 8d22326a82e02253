"""The learner's reading view: the text in paragraphs, each word of the vocabulary list linked to
its entry (lemma with article and plural, gloss, level), and the list itself.

A word is linked where the pack says it stands: every occurrence of a form the entry was seen in,
except for a separated verb's form (kündigte ... an), which is linked only in the sentence the
entry was taken from (the same form elsewhere may be another verb: "geht" in "es geht um").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy

from learnsite.quizzes.models import Item, Quiz

WORD = re.compile(r"\w+(?:[-‐]\w+)*")
POS_LABELS = {"NOUN": gettext_lazy("noun"), "VERB": gettext_lazy("verb"), "ADJ": gettext_lazy("adjective"),
              "ADV": gettext_lazy("adverb")}


@dataclass(frozen=True)
class Piece:
    text: str
    entry: int | None  # index into the vocabulary list, or None for plain text


@dataclass(frozen=True)
class VocabRow:
    index: int
    display: str
    plural: str
    pos: str
    gloss: str
    uncertain: bool
    cefr: str
    example: str
    key: bool


def _separated(entry: dict[str, Any], form: str) -> bool:
    """A verb form that does not begin as its lemma does: a separated verb (kündigte for
    ankündigen, geht for vorangehen), or a strong past (hob for heben), linked only where found."""
    lemma = str(entry.get("lemma") or "").casefold().removeprefix("sich ")
    return entry.get("pos") == "VERB" and not form.casefold().startswith(lemma[:2])


def _sentence_spans(text: str, sentences: list[str]) -> list[tuple[int, int]]:
    spans, position = [], 0
    for sentence in sentences:
        start = text.find(sentence[:40], position) if sentence else -1
        if start < 0:
            spans.append((-1, -1))
            continue
        spans.append((start, start + len(sentence)))
        position = start + len(sentence)
    return spans


def vocabulary_rows(pack: dict[str, Any]) -> list[VocabRow]:
    rows = []
    for index, entry in enumerate(pack.get("vocabulary") or []):
        rows.append(VocabRow(
            index=index, display=entry.get("display") or entry.get("lemma") or "",
            plural=entry.get("plural") or "", pos=entry.get("pos") or "", gloss=entry.get("gloss") or "",
            uncertain=entry.get("gloss_confidence") == "low", cefr=entry.get("cefr") or "",
            example=(entry.get("example") or "").replace("**", ""), key=bool(entry.get("key"))))
    return rows


def reading_paragraphs(*, quiz: Quiz) -> list[list[Piece]]:
    """The quiz's text as paragraphs of pieces, the vocabulary's words linked to their entries."""
    pack = quiz.pack or {}
    vocabulary = pack.get("vocabulary") or []
    everywhere: dict[str, int] = {}
    in_sentence: dict[tuple[int, str], int] = {}
    for index, entry in enumerate(vocabulary):
        for form in entry.get("forms") or [entry.get("lemma") or ""]:
            if not form:
                continue
            if _separated(entry, form):
                in_sentence.setdefault((int(entry.get("sentence", -1)), form), index)
            else:
                everywhere.setdefault(form, index)
    spans = _sentence_spans(quiz.text, pack.get("sentences") or [])

    def sentence_at(offset: int) -> int:
        for number, (start, end) in enumerate(spans):
            if start <= offset < end:
                return number
        return -1

    paragraphs: list[list[Piece]] = []
    offset = 0
    for block in re.split(r"(\n\s*\n)", quiz.text):
        if not block.strip() or re.fullmatch(r"\n\s*\n", block):
            offset += len(block)
            continue
        pieces: list[Piece] = []
        last = 0
        for match in WORD.finditer(block):
            word = match.group()
            entry = everywhere.get(word)
            if entry is None and in_sentence:
                entry = in_sentence.get((sentence_at(offset + match.start()), word))
            if entry is None:
                continue
            if match.start() > last:
                pieces.append(Piece(block[last:match.start()], None))
            pieces.append(Piece(word, entry))
            last = match.end()
        if last < len(block):
            pieces.append(Piece(block[last:], None))
        paragraphs.append(pieces)
        offset += len(block)
    return paragraphs


def entries_for_script(pack: dict[str, Any]) -> list[dict[str, str]]:
    """The vocabulary as the look-up script shows it (English labels translated here)."""
    return [{"display": row.display, "plural": row.plural, "pos": str(POS_LABELS.get(row.pos, gettext_lazy("word"))),
             "gloss": row.gloss + (" (?)" if row.uncertain else ""), "cefr": row.cefr, "example": row.example}
            for row in vocabulary_rows(pack)]


@dataclass(frozen=True)
class GapPiece:
    """A piece of the gapped text: text, or the gap of item ``item_id``, numbered ``number``."""

    text: str = ""
    number: int | None = None
    item_id: int | None = None


@dataclass(frozen=True)
class GappedReading:
    paragraphs: list[list[GapPiece]]
    #: the quiz's title has a gap's answer in it: the page shows no title beside the gaps
    title_shows_answer: bool


def _sentences_without_pack(text: str) -> list[str]:
    """Sentences of a text no pack was made for (a quiz written by hand): at . ! ? and a capital
    after them, enough to put the teacher's gaps in place."""
    return [s for s in re.split(r"(?<=[.!?…“”\"])\s+(?=[„“\"]?[A-ZÄÖÜ])", text) if s.strip()]


def gapped_reading(*, quiz: Quiz, cloze_items: list[tuple[int, Item]]) -> GappedReading:
    """The quiz's text with every gap of ``cloze_items`` ((number on the page, item)) in place
    (quizgen.cloze.passage), as paragraphs: what the learner reads beside the gaps, with none of
    their answers."""
    from learnsite.quizzes.services.pack_items import cloze_from_item
    from quizgen.cloze.passage import gapped_text

    pack = quiz.pack or {}
    text = pack.get("text") or quiz.text
    sentences = pack.get("sentences") or _sentences_without_pack(text)
    passage = gapped_text(text, sentences, [cloze_from_item(item) for _n, item in cloze_items])
    paragraphs = [
        [GapPiece(text=p.text) if p.item is None
         else GapPiece(number=cloze_items[p.item][0], item_id=cloze_items[p.item][1].pk) for p in paragraph]
        for paragraph in passage.paragraphs
    ]
    answers = {a.casefold() for _n, item in cloze_items for a in item.gap_answers if len(a) > 3}
    return GappedReading(paragraphs, bool(answers & {w.casefold() for w in WORD.findall(quiz.title)}))
