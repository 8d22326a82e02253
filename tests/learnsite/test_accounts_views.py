"""Teacher accounts: sign up, log in, log out, password reset by e-mail."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.urls import reverse

from tests.learnsite.quiz_factories import make_teacher

pytestmark = pytest.mark.django_db


def test_signing_up_creates_the_account_and_logs_in(client):
    response = client.post(reverse("accounts:signup"), {"username": "frau_meier", "email": "m@example.org",
                                                        "password1": "Lange-Passphrase-42", "password2": "Lange-Passphrase-42"})
    assert response["Location"] == reverse("quizzes:list")
    assert client.get(reverse("quizzes:list")).status_code == 200
    assert User.objects.get(username="frau_meier").email == "m@example.org"


def test_a_weak_password_is_explained(client):
    response = client.post(reverse("accounts:signup"), {"username": "x", "email": "x@example.org",
                                                        "password1": "1234", "password2": "1234"})
    assert response.status_code == 422 and "too short" in response.content.decode()


def test_log_in_and_log_out(client):
    make_teacher("frau_lehmann")
    response = client.post(reverse("accounts:login"), {"username": "frau_lehmann", "password": "Sehr-geheim-123"})
    assert response["Location"] == reverse("quizzes:list")
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("quizzes:list")).status_code == 302


def test_a_wrong_password_is_explained(client):
    make_teacher("frau_lehmann")
    response = client.post(reverse("accounts:login"), {"username": "frau_lehmann", "password": "falsch"})
    assert "do not match" in response.content.decode()


def test_password_reset_mails_a_link_that_sets_a_new_password(client):
    make_teacher("frau_lehmann")
    client.post(reverse("accounts:password_reset"), {"email": "frau_lehmann@example.org"})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    set_url = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link
    done = client.post(set_url, {"new_password1": "Neues-Passwort-77", "new_password2": "Neues-Passwort-77"})
    assert done["Location"] == reverse("accounts:password_reset_complete")
    response = client.post(reverse("accounts:login"), {"username": "frau_lehmann", "password": "Neues-Passwort-77"})
    assert response["Location"] == reverse("quizzes:list")


def test_a_password_needs_twelve_characters(client):
    response = client.post(reverse("accounts:signup"), {"username": "herr_kurz", "email": "k@example.org",
                                                        "password1": "Kurz-Pass-9", "password2": "Kurz-Pass-9"})
    assert response.status_code == 422 and "at least 12 characters" in response.content.decode()
    assert not User.objects.filter(username="herr_kurz").exists()


def test_a_log_in_lasts_twelve_hours_by_default(client, settings):
    make_teacher("frau_lehmann")
    response = client.post(reverse("accounts:login"), {"username": "frau_lehmann", "password": "Sehr-geheim-123"})
    assert response.cookies["sessionid"]["max-age"] == 12 * 3600 == settings.SESSION_COOKIE_AGE
