from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _check(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("QUIZGEN_")}
    return subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, timeout=120
    )


def test_the_site_starts_with_no_variable_set() -> None:
    result = _check({})
    assert result.returncode == 0, result.stderr


def test_production_without_a_secret_key_fails_loudly() -> None:
    result = _check({"QUIZGEN_DEBUG": "0"})
    assert result.returncode != 0
    assert "QUIZGEN_SECRET_KEY is not set" in result.stderr


def test_a_bad_debug_value_fails_loudly() -> None:
    result = _check({"QUIZGEN_DEBUG": "sometimes"})
    assert result.returncode != 0
    assert "QUIZGEN_DEBUG='sometimes' is not a yes/no value" in result.stderr


def _settings_of(env: dict[str, str], *names: str) -> list[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("QUIZGEN_", "DATABASE_URL", "CELERY_"))}
    code = "import django; django.setup(); from django.conf import settings as s; " + "; ".join(
        f"print(repr({name}))" for name in names)
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env={**clean, "DJANGO_SETTINGS_MODULE": "learnsite.settings", **env})
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_database_url_switches_to_postgresql_and_the_broker_to_celery() -> None:
    engine, name, port, broker, visibility = _settings_of(
        {"DATABASE_URL": "postgres://quizgen:secret@db.example.org:5433/schule",
         "CELERY_BROKER_URL": "redis://127.0.0.1:6379/2", "QUIZGEN_JOB_TIME_LIMIT": "300"},
        "s.DATABASES['default']['ENGINE']", "s.DATABASES['default']['NAME']", "s.DATABASES['default']['PORT']",
        "s.CELERY_BROKER_URL", "s.CELERY_BROKER_TRANSPORT_OPTIONS['visibility_timeout']")
    assert engine == "'django.db.backends.postgresql'" and name == "'schule'" and port == "5433"
    assert broker == "'redis://127.0.0.1:6379/2'"
    assert visibility == "600", "the visibility timeout outlasts the longest task"


def test_without_variables_the_database_is_sqlite_and_generation_in_the_request() -> None:
    engine, broker, acks_late = _settings_of({}, "s.DATABASES['default']['ENGINE']", "s.CELERY_BROKER_URL",
                                             "s.CELERY_TASK_ACKS_LATE")
    assert engine == "'django.db.backends.sqlite3'" and broker == "''" and acks_late == "True"


def test_a_bad_database_url_fails_loudly() -> None:
    result = _check({"DATABASE_URL": "not a url at all"})
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr


def test_another_sqlite_file_keeps_the_lock_options(tmp_path) -> None:
    mode, timeout = _settings_of({"DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}"},
                                 "s.DATABASES['default']['OPTIONS']['transaction_mode']",
                                 "s.DATABASES['default']['OPTIONS']['timeout']")
    assert mode == "'IMMEDIATE'" and timeout == "20"


def _hsts_header(env: dict[str, str]) -> str:
    """The Strict-Transport-Security header a production site sends over https with ``env``."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("QUIZGEN_", "DATABASE_URL", "CELERY_"))}
    code = ("import django; django.setup(); from django.test import Client; "
            "print(Client(raise_request_exception=False).get('/no-such-page/', secure=True).headers.get('Strict-Transport-Security'))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env={**clean, "DJANGO_SETTINGS_MODULE": "learnsite.settings", "QUIZGEN_DEBUG": "0",
                                 "QUIZGEN_SECRET_KEY": "k" * 50, "QUIZGEN_ALLOWED_HOSTS": "testserver", **env})
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_hsts_sends_what_the_readme_says_and_the_subdomains_can_be_left_out() -> None:
    assert _hsts_header({}) == "max-age=31536000; includeSubDomains; preload"
    assert _hsts_header({"QUIZGEN_HSTS_INCLUDE_SUBDOMAINS": "0"}) == "max-age=31536000"
    assert _hsts_header({"QUIZGEN_HTTPS": "0"}) == "None", "plain http: no HSTS"
    result = _check({"QUIZGEN_DEBUG": "0", "QUIZGEN_SECRET_KEY": "k" * 50, "QUIZGEN_HSTS_INCLUDE_SUBDOMAINS": "0",
                     "QUIZGEN_HSTS_PRELOAD": "1"})
    assert result.returncode != 0 and "QUIZGEN_HSTS_PRELOAD=1 needs QUIZGEN_HSTS_INCLUDE_SUBDOMAINS=1" in result.stderr


def test_a_bad_log_level_names_its_variable() -> None:
    result = _check({"QUIZGEN_LOG_LEVEL": "verbose"})
    assert result.returncode != 0 and "QUIZGEN_LOG_LEVEL='verbose' is not one of DEBUG, INFO" in result.stderr
