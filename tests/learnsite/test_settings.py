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
