"""Template helpers for quiz pages."""

from __future__ import annotations

import re
from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from learnsite.quizzes.titles import SHORT_TITLE, shorten
from quizgen.kinds import AnswerMode

register = template.Library()


def _gap_span(item: Any) -> tuple[int, int] | None:
    """Where the first gap's answer sits in the evidence sentence, found from the text before it."""
    evidence, answer = item.evidence or "", item.gap_answers[0]
    before = item.prompt.split("___", 1)[0]
    for size in (40, 20, 8):
        anchor = before[-size:]
        if not anchor.strip():
            continue
        start = evidence.find(anchor)
        if start >= 0:
            begin = start + len(anchor)
            if evidence[begin:].startswith(answer):
                return begin, begin + len(answer)
    return None


def _word_span(sentence: str, needles: list[str]) -> tuple[int, int] | None:
    for needle in needles:
        found = re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", sentence, flags=re.IGNORECASE)
        if found:
            return found.start(), found.end()
    return None


@register.filter
def evidence_marked(item: Any) -> SafeString:
    """The item's evidence sentence with its answer marked where the item takes it from."""
    sentence = item.evidence or ""
    span = _gap_span(item) if item.section == "cloze" and "___" in item.prompt else None
    if span is None:
        needles = [n for n in [*item.gap_answers, *item.accepted] if len(n) >= 2]
        if item.exercise_kind.answer_mode is not AnswerMode.TRUE_FALSE:  # richtig is no word of the text
            span = _word_span(sentence, needles)
    if span is None:
        return format_html("{}", sentence)
    start, end = span
    return format_html("{}<mark>{}</mark>{}", sentence[:start], sentence[start:end], sentence[end:])


@register.filter
def item_value(values: list[str], index: int | None) -> str:
    """The learner's earlier answer for gap ``index`` (empty when there is none)."""
    if index is None or index >= len(values):
        return ""
    return values[index]


@register.filter
def percent(value: float | None) -> str:
    return "–" if value is None else f"{round(value * 100)} %"


@register.filter
def duration(seconds: int | None) -> str:
    if seconds is None:
        return "–"
    minutes, secs = divmod(seconds, 60)
    return f"{minutes}:{secs:02d}"


@register.filter
def short(text: str, limit: int = SHORT_TITLE) -> str:
    """A title (or prompt) shortened at a word boundary, with an ellipsis, where space is short."""
    return shorten(str(text), int(limit))
