"""Template helpers for quiz pages."""

from __future__ import annotations

import re

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


@register.filter
def mark_answer(sentence: str, answer: str) -> SafeString:
    """The sentence with the (first gap's) answer marked; everything escaped."""
    needles = [part.strip() for part in (answer or "").split("|") if part.strip()]
    if needles:
        found = re.search(re.escape(needles[0]), sentence or "", flags=re.IGNORECASE)
        if found:
            return format_html("{}<mark>{}</mark>{}", sentence[: found.start()], found.group(0),
                               sentence[found.end():])
    return format_html("{}", sentence or "")


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
