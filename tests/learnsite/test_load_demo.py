from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from learnsite.lessons.demo_article import read_demo_article
from learnsite.lessons.models import Article
from learnsite.lessons.services import demo_article_load
from quizgen.text.checks import check_text

pytestmark = pytest.mark.django_db


def _load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_it_loads_the_demo_article_once() -> None:
    assert "Loaded the demo article" in _load_demo()
    assert "already loaded" in _load_demo()
    demo = Article.objects.get()
    assert demo.is_demo
    assert demo.title == "Neue Straßenbahnlinie verbindet Kelsbach mit dem Hafenviertel"
    assert demo.text.startswith("Kelsbach. Nach drei Jahren Bauzeit")


def test_it_updates_a_changed_demo_article_instead_of_adding_one() -> None:
    demo_article_load(title="Old title", text="Alter Text über die Stadt.")
    _load_demo()
    demo = Article.objects.get()
    assert demo.title == read_demo_article().title


def test_it_leaves_other_articles_alone() -> None:
    Article.objects.create(title="Mein Text", text="Ein Text, den jemand gespeichert hat.")
    _load_demo()
    assert Article.objects.count() == 2


def test_the_demo_article_is_a_german_news_text_of_about_300_words() -> None:
    demo = read_demo_article()
    assert 280 <= len(demo.text.split()) <= 330
    assert check_text(demo.text) == demo.text  # German, clean, within the limit
