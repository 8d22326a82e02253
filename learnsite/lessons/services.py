"""Writes for the lessons app: every change to its tables goes through a function here."""

from __future__ import annotations

from django.db import transaction

from learnsite.lessons.models import Article


def article_create(*, title: str, text: str) -> Article:
    """Save a German text under a title."""
    article = Article(title=title.strip(), text=text)
    article.full_clean()
    article.save()
    return article


@transaction.atomic
def demo_article_load(*, title: str, text: str) -> tuple[Article, bool]:
    """Make the demo article exist with this title and text; True when something changed."""
    article = Article.objects.select_for_update().filter(is_demo=True).first()
    if article is None:
        article = Article(is_demo=True)
    elif article.title == title and article.text == text:
        return article, False
    article.title = title
    article.text = text
    article.full_clean()
    article.save()
    return article, True
