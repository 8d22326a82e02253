from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from learnsite.environment import env_bool, env_choice, env_int, env_list, env_str


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("YES", True), ("on", True), ("0", False), ("false", False), ("Off", False)])
def test_env_bool_reads_the_usual_spellings(monkeypatch: pytest.MonkeyPatch, raw: str, expected: bool) -> None:
    monkeypatch.setenv("QUIZGEN_X", raw)
    assert env_bool("QUIZGEN_X", not expected) is expected


def test_env_bool_refuses_anything_else(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZGEN_X", "maybe")
    with pytest.raises(ImproperlyConfigured, match="QUIZGEN_X='maybe' is not a yes/no value"):
        env_bool("QUIZGEN_X", True)


def test_unset_or_empty_variables_give_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QUIZGEN_X", raising=False)
    assert env_bool("QUIZGEN_X", True) is True
    monkeypatch.setenv("QUIZGEN_X", "  ")
    assert env_str("QUIZGEN_X", "d") == "d"
    assert env_int("QUIZGEN_X", 7) == 7
    assert env_list("QUIZGEN_X", ["a"]) == ["a"]


def test_env_int_refuses_words_and_too_small_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZGEN_X", "ten")
    with pytest.raises(ImproperlyConfigured, match="not a whole number"):
        env_int("QUIZGEN_X", 1)
    monkeypatch.setenv("QUIZGEN_X", "5")
    with pytest.raises(ImproperlyConfigured, match="at least 10"):
        env_int("QUIZGEN_X", 20, minimum=10)


def test_env_list_splits_on_commas_and_refuses_empty_items(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZGEN_X", "example.org, www.example.org")
    assert env_list("QUIZGEN_X", []) == ["example.org", "www.example.org"]
    monkeypatch.setenv("QUIZGEN_X", "example.org,,x")
    with pytest.raises(ImproperlyConfigured, match="empty item"):
        env_list("QUIZGEN_X", [])


def test_env_choice_takes_any_case_and_names_the_choices(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZGEN_X", "warning")
    assert env_choice("QUIZGEN_X", "INFO", ("INFO", "WARNING")) == "WARNING"
    monkeypatch.setenv("QUIZGEN_X", "verbose")
    with pytest.raises(ImproperlyConfigured, match="QUIZGEN_X='verbose' is not one of INFO, WARNING"):
        env_choice("QUIZGEN_X", "INFO", ("INFO", "WARNING"))
