"""The quiz pages speak German or English, chosen by the browser and switchable."""

from __future__ import annotations

import pytest
from django.urls import reverse

from learnsite.quizzes.services import quizzes as services
from tests.learnsite.quiz_factories import (
    compile_german_catalog,
    item,
    make_quiz,
    make_teacher,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def compiled_catalog():
    compile_german_catalog()


def test_the_browser_language_chooses_german(client):
    quiz = make_quiz(make_teacher())
    html = client.get(reverse("quizzes:start", args=[quiz.share_token]), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Dein Name" in html and 'lang="de"' in html


def test_the_language_switch_remembers_the_choice(client):
    client.post(reverse("set_language"), {"language": "de", "next": "/join/"})
    assert "Code von deiner Lehrkraft" in client.get(reverse("quizzes:code")).content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": "/join/"})
    assert "Code from your teacher" in client.get(reverse("quizzes:code")).content.decode()


def test_feedback_notes_are_translated(client):
    quiz = make_quiz(make_teacher())
    client.post(reverse("quizzes:start", args=[quiz.share_token]), {"name": "Ada"}, HTTP_ACCEPT_LANGUAGE="de")
    attempt = quiz.attempts.get()
    url = reverse("quizzes:answer", args=[quiz.share_token, attempt.pk, item(quiz, "open").pk])
    data = client.post(url, {"gap_0": "Aussenminister"}, HTTP_ACCEPT="application/json",
                       HTTP_ACCEPT_LANGUAGE="de").json()
    assert "Mit ß schreibt man: Außenminister" in data["html"]


def test_refusals_are_explained_in_german(client):
    quiz = make_quiz(make_teacher())
    services.quiz_unpublish(quiz=quiz)
    html = client.get(reverse("quizzes:start", args=[quiz.share_token]), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Dieses Quiz ist gerade nicht geöffnet" in html
