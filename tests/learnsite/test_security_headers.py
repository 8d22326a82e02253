"""Content-Security-Policy and Permissions-Policy on every page, and no inline script or style for
the policy to block (issue 15, finding 11). The browser tests run with the same policy."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from learnsite.quizzes.models import Attempt
from tests.learnsite.quiz_factories import make_quiz, make_teacher

pytestmark = pytest.mark.django_db

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.IGNORECASE)
_INLINE_STYLE = re.compile(r"<style\b|\sstyle=|\son[a-z]+=|javascript:", re.IGNORECASE)


def _pages(client: Client) -> list[tuple[str, Client]]:
    teacher = make_teacher()
    quiz = make_quiz(teacher)
    learner = Client()
    learner.post(reverse("quizzes:start", args=[quiz.share_token]), {"name": "Ada"})
    attempt = Attempt.objects.get(learner_name="Ada")
    signed_in = Client()
    signed_in.force_login(teacher)
    anonymous = [reverse(name) for name in ("lessons:home", "lessons:analyse", "accounts:login", "accounts:signup", "quizzes:code",
                                            "accounts:password_reset", "admin:login")]
    anonymous += [reverse("quizzes:start", args=[quiz.share_token]), "/no-such-page/"]
    teacher_pages = [reverse("quizzes:list"), reverse("quizzes:new"), reverse("quizzes:review", args=[quiz.pk]),
                     reverse("quizzes:results", args=[quiz.pk]), reverse("quizzes:batch_new")]
    return ([(url, client) for url in anonymous] + [(url, signed_in) for url in teacher_pages]
            + [(reverse("quizzes:take", args=[quiz.share_token, attempt.pk]), learner)])


def test_every_page_sends_the_policies_and_has_nothing_inline_for_them_to_block(client):
    for url, who in _pages(client):
        response = who.get(url)
        assert response.status_code in (200, 404), url
        policy = response["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "script-src 'self'" in policy and "style-src 'self'" in policy, url
        assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy, url
        assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]
        html = response.content.decode()
        assert not _INLINE_SCRIPT.search(html), (url, _INLINE_SCRIPT.search(html))
        assert not _INLINE_STYLE.search(html), (url, _INLINE_STYLE.search(html))


def test_a_post_answer_and_a_download_carry_the_policy_too(client):
    quiz = make_quiz(make_teacher())
    response = client.get(reverse("quizzes:learner_download", args=[quiz.share_token, "csv"]))
    assert "default-src 'self'" in response["Content-Security-Policy"]
    refused = client.post(reverse("quizzes:code"), {"code": "ZZZZZZZZ"})
    assert "Permissions-Policy" in refused
