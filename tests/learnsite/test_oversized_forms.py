"""A paste over Django's 2.5 MB is refused by its page with a message, the form keeping what fits,
instead of a bare 400 that loses the text (issue 15, finding 15)."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.urls import reverse

from learnsite.quizzes.models import Quiz
from tests.learnsite.quiz_factories import make_teacher
from tests.learnsite.test_batch_import import GERMAN_1

pytestmark = pytest.mark.django_db


def _huge_form(client, url: str, text: str):
    body = urlencode({"title": "Zu lang", "text": text})
    assert len(body) > 2_621_440  # Django's DATA_UPLOAD_MAX_MEMORY_SIZE
    return client.generic("POST", url, body, content_type="application/x-www-form-urlencoded")


def test_an_oversized_paste_is_refused_with_a_message_and_the_form_keeps_the_start(client, settings):
    client.force_login(make_teacher())
    text = (GERMAN_1 + " Überall Straßenbahnen. ") * 12_000
    response = _huge_form(client, reverse("quizzes:new"), text)
    html = response.content.decode()
    assert response.status_code == 422
    assert "larger than the site accepts" in html and "shorten it" in html
    assert GERMAN_1[:80] in html  # the form keeps the start of the text
    assert not Quiz.objects.exists()


def test_the_analysis_page_refuses_an_oversized_paste_as_too_long_and_keeps_it(client):
    text = (GERMAN_1 + " ") * 15_000
    response = _huge_form(client, reverse("lessons:analyse"), text)
    html = response.content.decode()
    assert response.status_code == 422 and "limit is 20,000" in html
    assert GERMAN_1[:80] in html
