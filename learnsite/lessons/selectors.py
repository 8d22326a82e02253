"""Reads for the lessons app."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from learnsite.lessons.models import Article


def article_get(*, pk: int) -> Article:
    """The article with this id, or a 404 response."""
    return get_object_or_404(Article, pk=pk)


def article_get_demo() -> Article | None:
    """The demo article loaded by ``manage.py load_demo``, if it is loaded."""
    return Article.objects.filter(is_demo=True).first()


def article_list_recent(*, limit: int = 20) -> QuerySet[Article]:
    """The newest saved articles first."""
    return Article.objects.all()[:limit]
