"""``manage.py load_demo``: put the demo article into the database (safe to run again)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from learnsite.lessons.demo_article import read_demo_article
from learnsite.lessons.services import demo_article_load


class Command(BaseCommand):
    help = "Load the demo article shown on the home page; running it again changes nothing."

    def handle(self, *args: Any, **options: Any) -> None:
        demo = read_demo_article()
        article, changed = demo_article_load(title=demo.title, text=demo.text)
        if changed:
            self.stdout.write(self.style.SUCCESS(f"Loaded the demo article “{article.title}” (id {article.pk})."))
        else:
            self.stdout.write(f"The demo article “{article.title}” (id {article.pk}) is already loaded.")
