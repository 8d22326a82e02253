"""The demo article shipped with the project: an invented German news text (GPL-3.0-or-later)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEMO_ARTICLE_PATH = Path(__file__).resolve().parent.parent / "demo" / "kelsbach-strassenbahn.txt"


@dataclass(frozen=True)
class DemoArticle:
    title: str
    text: str


def read_demo_article(path: Path = DEMO_ARTICLE_PATH) -> DemoArticle:
    """The title is the file's first line; the text is everything after the blank line."""
    title, _, text = path.read_text(encoding="utf-8").partition("\n\n")
    return DemoArticle(title=title.strip(), text=text.strip())
