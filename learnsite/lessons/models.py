"""Saved German texts. Lesson packs, quizzes and owners join later."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Article(models.Model):
    """A German text someone saved to make lessons from."""

    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))
    # The demo article shipped with the project, shown on the home page.
    is_demo = models.BooleanField(_("demo article"), default=False)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        constraints = [
            models.UniqueConstraint(fields=["is_demo"], condition=models.Q(is_demo=True), name="one_demo_article"),
        ]

    def __str__(self) -> str:
        return self.title
