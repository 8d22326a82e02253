"""Throttles: log-in (django-axes), sign-up, password reset, class codes and the analysis page
answer 429 with a message once their limit is used up (issue 15, findings 6, 7 and 14)."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from learnsite.client_address import client_address
from learnsite.quizzes.models import Quiz
from learnsite.throttling import Throttle
from tests.learnsite.quiz_factories import make_quiz, make_teacher

pytestmark = pytest.mark.django_db


def _log_in(client: Client, password: str, username: str = "frau_lehmann", url: str = "accounts:login"):
    return client.post(reverse(url), {"username": username, "password": password})


def test_log_in_is_refused_with_429_after_five_wrong_passwords_even_with_the_right_one(client):
    make_teacher("frau_lehmann")
    for _ in range(4):
        assert _log_in(client, "falsch").status_code == 200
    locked = _log_in(client, "falsch")
    assert locked.status_code == 429 and "paused" in locked.content.decode()
    assert _log_in(client, "Sehr-geheim-123").status_code == 429


def test_the_pause_holds_per_account_from_another_address(client):
    make_teacher("frau_lehmann")
    for _ in range(5):
        _log_in(client, "falsch")
    other = Client(REMOTE_ADDR="198.51.100.7")
    assert _log_in(other, "Sehr-geheim-123").status_code == 429


def test_the_pause_holds_per_address_across_accounts(client):
    for n in range(5):
        _log_in(client, "falsch", username=f"gibt_es_nicht_{n}")
    make_teacher("frau_lehmann")
    assert _log_in(client, "Sehr-geheim-123").status_code == 429


def test_the_admin_log_in_is_throttled_too(client):
    from django.contrib.auth.models import User

    User.objects.create_superuser("admin", "a@example.org", "Admin-Passwort-99")
    for _ in range(5):
        client.post(reverse("admin:login"), {"username": "admin", "password": "falsch"})
    response = client.post(reverse("admin:login"), {"username": "admin", "password": "Admin-Passwort-99"})
    assert response.status_code == 429


def test_a_password_reset_ends_the_pause(client):
    make_teacher("frau_lehmann")
    for _ in range(5):
        _log_in(client, "falsch")
    client.post(reverse("accounts:password_reset"), {"email": "frau_lehmann@example.org"})
    link = re.search(r"https?://[^/]+(/\S+)", mail.outbox[0].body).group(1)
    page = client.get(link, follow=True)
    set_url = page.redirect_chain[-1][0] if page.redirect_chain else link
    client.post(set_url, {"new_password1": "Neues-Passwort-77", "new_password2": "Neues-Passwort-77"})
    assert _log_in(Client(REMOTE_ADDR="198.51.100.8"), "Neues-Passwort-77")["Location"] == reverse("quizzes:list")


def test_sign_ups_from_one_address_are_throttled(client, settings):
    settings.QUIZGEN_SIGNUPS_PER_HOUR = 2
    for n in range(2):
        response = Client().post(reverse("accounts:signup"), {
            "username": f"lehrer{n}", "email": f"l{n}@example.org",
            "password1": "Lange-Passphrase-42", "password2": "Lange-Passphrase-42"})
        assert response.status_code == 302
    refused = client.post(reverse("accounts:signup"), {"username": "lehrer9", "email": "l9@example.org",
                                                       "password1": "Lange-Passphrase-42",
                                                       "password2": "Lange-Passphrase-42"})
    assert refused.status_code == 429 and "Too many accounts" in refused.content.decode()
    assert int(refused["Retry-After"]) > 0


def test_password_resets_are_throttled_per_address_and_per_e_mail(client, settings):
    settings.QUIZGEN_PASSWORD_RESETS_PER_HOUR = 2
    make_teacher("frau_lehmann")
    for n in range(2):
        remote = Client(REMOTE_ADDR=f"198.51.100.{n + 1}")
        assert remote.post(reverse("accounts:password_reset"),
                           {"email": "frau_lehmann@example.org"}).status_code == 302
    third = Client(REMOTE_ADDR="198.51.100.3").post(reverse("accounts:password_reset"),
                                                     {"email": "frau_lehmann@example.org"})
    assert third.status_code == 429 and len(mail.outbox) == 2
    for n in range(2):
        client.post(reverse("accounts:password_reset"), {"email": f"x{n}@example.org"})
    assert client.post(reverse("accounts:password_reset"), {"email": "y@example.org"}).status_code == 429


def test_wrong_class_codes_are_throttled_but_right_ones_are_not_counted(client, settings):
    settings.QUIZGEN_CODE_GUESSES_PER_HOUR = 3
    quiz = make_quiz(make_teacher())
    for _ in range(5):
        assert client.post(reverse("quizzes:code"), {"code": quiz.class_code}).status_code == 302
    for code in ("AAAAAAAA", "BBBBBBBB", "CCCCCCCC"):
        assert client.post(reverse("quizzes:code"), {"code": code}).status_code == 422
    assert client.post(reverse("quizzes:code"), {"code": "DDDDDDDD"}).status_code == 429
    assert client.post(reverse("quizzes:code"), {"code": quiz.class_code}).status_code == 429
    assert Client(REMOTE_ADDR="198.51.100.9").post(reverse("quizzes:code"), {"code": quiz.class_code}).status_code == 302


def test_a_class_code_does_not_find_an_unpublished_quiz(client):
    quiz = make_quiz(make_teacher())
    quiz.status = Quiz.Status.DRAFT
    quiz.save()
    response = client.post(reverse("quizzes:code"), {"code": quiz.class_code})
    assert response.status_code == 422 and quiz.share_token not in response.content.decode()


def test_new_class_codes_have_eight_symbols():
    quiz = make_quiz(make_teacher())
    assert len(quiz.class_code) == 8


def test_the_analysis_page_is_throttled_per_address(client, settings):
    settings.QUIZGEN_ANALYSES_PER_HOUR = 2
    text = "Die Regierung hat am Mittwoch einen neuen Plan vorgestellt. Er soll im Herbst gelten."
    for _ in range(2):
        assert client.post(reverse("lessons:analyse"), {"text": text}).status_code == 200
    refused = client.post(reverse("lessons:analyse"), {"text": text})
    assert refused.status_code == 429 and "analyses" in refused.content.decode()
    assert client.get(reverse("lessons:analyse")).status_code == 200  # reading the page is not counted


def test_a_throttle_counts_atomically_per_key_and_window():
    throttle = Throttle("test", "QUIZGEN_CODE_GUESSES_PER_HOUR")
    limit = throttle.limit
    assert [throttle.hit("a") for _ in range(limit + 1)][-2:] == [False, True]
    assert throttle.count("a") == limit + 1 and not throttle.hit("b")


def test_the_client_address_is_read_behind_the_configured_proxies(rf, settings):
    request = rf.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.5")
    assert client_address(request) == "10.0.0.1"
    settings.QUIZGEN_PROXY_COUNT = 1
    assert client_address(request) == "203.0.113.5"  # not the 6.6.6.6 the client wrote itself
    v6 = rf.get("/", REMOTE_ADDR="2001:db8:1:2:3:4:5:6")
    settings.QUIZGEN_PROXY_COUNT = 0
    assert client_address(v6) == "2001:db8:1:2::"  # its /64, as one address (axes stores an address)
    assert client_address(rf.get("/", REMOTE_ADDR="")) is None


def test_the_throttles_count_in_redis_when_the_cache_is_redis(settings):
    """make test's second pass sets QUIZGEN_CACHE_URL to its Redis, so every throttle test above
    runs on Redis there (and on the local-memory cache in the first pass)."""
    import os

    from django.core.cache import cache

    from tests.learnsite.conftest import require_services

    if not os.environ.get("QUIZGEN_CACHE_URL"):
        require_services("QUIZGEN_CACHE_URL is not set")
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    throttle = Throttle("redis-check", "QUIZGEN_CODE_GUESSES_PER_HOUR")
    assert not throttle.hit("x") and throttle.count("x") == 1
    assert cache._cache.get_client().ping()  # type: ignore[attr-defined]


def test_the_429_page_speaks_german_to_a_german_browser(client, settings):
    from tests.learnsite.quiz_factories import compile_german_catalog

    compile_german_catalog()
    settings.QUIZGEN_CODE_GUESSES_PER_HOUR = 1
    client.post(reverse("quizzes:code"), {"code": "AAAAAAAA"}, HTTP_ACCEPT_LANGUAGE="de")
    refused = client.post(reverse("quizzes:code"), {"code": "BBBBBBBB"}, HTTP_ACCEPT_LANGUAGE="de")
    html = refused.content.decode()
    assert refused.status_code == 429 and "Zu viele Versuche" in html and "falsche Klassencodes" in html


def test_class_pages_and_personal_codes_count_as_code_guesses(client, settings):
    from learnsite.quizzes.models import SchoolClass

    settings.QUIZGEN_CODE_GUESSES_PER_HOUR = 2
    teacher = make_teacher()
    school_class = SchoolClass.objects.create(teacher=teacher, name="7b")
    assert client.get(reverse("quizzes:class_home", args=["ZZZZZZZZ"])).status_code == 404
    page = client.post(reverse("quizzes:class_home", args=[school_class.code]), {"personal_code": "YYYYYYYY"})
    assert page.status_code == 422
    assert client.get(reverse("quizzes:class_home", args=["XXXXXXXX"])).status_code == 429
    assert client.get(reverse("quizzes:class_home", args=[school_class.code])).status_code == 429
    assert Client(REMOTE_ADDR="198.51.100.9").get(reverse("quizzes:class_home", args=[school_class.code])).status_code == 200
