"""The front page leads with making a quiz from a German article; the analysis has a page of its own."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_home_page_leads_with_making_a_quiz(client: Client) -> None:
    html = client.get(reverse("lessons:home")).content.decode()
    assert "Make a quiz from a German article</h1>" in html
    assert f'href="{reverse("accounts:signup")}"' in html  # a new teacher starts by signing up
    assert f'action="{reverse("quizzes:code")}"' in html  # a learner types a code
    assert reverse("lessons:analyse") in html and "<textarea" not in html


def test_a_logged_in_teacher_goes_straight_to_a_new_quiz(client: Client) -> None:
    from tests.learnsite.quiz_factories import make_teacher

    client.force_login(make_teacher())
    html = client.get(reverse("lessons:home")).content.decode()
    assert f'href="{reverse("quizzes:new")}"' in html


def test_the_analysis_has_its_own_page(client: Client) -> None:
    html = client.get(reverse("lessons:analyse")).content.decode()
    assert "Analyse a German text" in html and "<textarea" in html
