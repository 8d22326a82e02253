from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from learnsite.lessons.models import Article
from learnsite.lessons.services import article_create

pytestmark = pytest.mark.django_db

GERMAN = "Die Stadt eröffnet am Montag eine neue Bibliothek. Die Bürger freuen sich über die vielen Bücher."
ENGLISH = "The city opened a new library on Monday, and the people of the town were happy about all the books."


def _textarea(html: str) -> str:
    match = re.search(r"<textarea[^>]*>(.*?)</textarea>", html, re.S)
    assert match, "the page has no textarea"
    return match.group(1)


def test_the_home_page_offers_a_labelled_text_field(client: Client) -> None:
    response = client.get(reverse("lessons:analyse"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<label for="id_text">German text</label>' in html
    assert 'id="id_text"' in html and 'lang="de"' in html


def test_the_home_page_links_the_demo_article_once_loaded(client: Client) -> None:
    assert "Try the demo article" not in client.get(reverse("lessons:analyse")).content.decode()
    demo = Article.objects.create(title="Demo", text=GERMAN, is_demo=True)
    html = client.get(reverse("lessons:analyse")).content.decode()
    assert "Try the demo article" in html
    assert reverse("lessons:article_detail", args=[demo.pk]) in html


@pytest.mark.slow
def test_posting_german_text_shows_tokens_lemmas_and_tags(client: Client) -> None:
    response = client.post(reverse("lessons:analyse"), {"text": GERMAN})
    html = response.content.decode()
    assert response.status_code == 200
    assert "2 sentences" in html
    # the finite verb, its lemma and both tagsets in one token row
    row = re.search(r"<th scope=\"row\">eröffnet</th>(.*?)</tr>", html, re.S)
    assert row, "no row for the token 'eröffnet'"
    assert "eröffnen" in row.group(1)
    assert "<code>VERB</code>" in row.group(1) and "<code>VVFIN</code>" in row.group(1)
    assert _textarea(html) == GERMAN  # the text stays in the form


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "The text is empty"),
        ("   \n  ", "The text is empty"),
        (ENGLISH, "looks like English"),
        ("\x00\x01\x02 binary \x00 junk", "looks like a binary file"),
    ],
)
def test_bad_input_shows_what_to_do_and_keeps_the_text(client: Client, text: str, message: str) -> None:
    response = client.post(reverse("lessons:analyse"), {"text": text})
    html = response.content.decode()
    assert response.status_code == 422
    assert 'role="alert"' in html and message in html
    assert 'aria-invalid="true"' in html
    assert "Analysis</h2>" not in html
    if text.strip() and "\x00" not in text:
        assert _textarea(html) == text


def test_a_text_over_the_limit_is_refused_with_the_limit_named(client: Client, settings) -> None:
    settings.QUIZGEN_ANALYSIS_MAX_CHARS = 1_000
    response = client.post(reverse("lessons:analyse"), {"text": GERMAN * 20})
    html = response.content.decode()
    assert response.status_code == 422
    assert "the limit is 1,000" in html


@pytest.mark.slow
def test_a_saved_article_shows_its_text_and_analysis(client: Client) -> None:
    article = article_create(title="Neue Bibliothek", text=GERMAN)
    response = client.get(reverse("lessons:article_detail", args=[article.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1" in html and "Neue Bibliothek</h1>" in html
    assert _textarea(html) == GERMAN
    assert "Bibliothek</th>" in html


def test_an_unknown_article_is_not_found(client: Client) -> None:
    assert client.get(reverse("lessons:article_detail", args=[999])).status_code == 404


def test_the_stylesheet_is_served_from_the_project(client: Client) -> None:
    html = client.get(reverse("lessons:analyse")).content.decode()
    assert '<link rel="stylesheet" href="/static/learnsite/site.css">' in html
    assert "https://" not in html.split("<body")[0]  # no CDN in the head


def test_a_broken_installation_is_shown_as_such_not_blamed_on_the_text(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    from learnsite.lessons import analysis_display
    from quizgen.errors import PipelineError

    def broken(text: str, *, max_chars: int) -> None:
        raise PipelineError("The trained pipeline is missing: reinstall quizgen.")

    monkeypatch.setattr(analysis_display, "analyze", broken)
    text = GERMAN + " Dieser Satz steht nur hier."  # not analysed before, so not cached
    response = client.post(reverse("lessons:analyse"), {"text": text})
    assert response.status_code == 503
    html = response.content.decode()
    assert "The analysis is not working at the moment." in html
    assert "The trained pipeline is missing: reinstall quizgen." in html
    assert "aria-invalid" not in html
    assert _textarea(html) == text


def test_the_analysis_page_speaks_german_to_a_german_browser(client: Client) -> None:
    html = client.get(reverse("lessons:analyse"), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert '<html lang="de">' in html
    assert "Einen deutschen Text analysieren" in html
    assert "Deutscher Text" in html
