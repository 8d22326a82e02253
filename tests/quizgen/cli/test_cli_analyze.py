from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.shared_data import SEED  # noqa: E402


def _run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quizgen", *args], input=stdin, capture_output=True, text=True, timeout=300
    )


def test_it_prints_one_json_object_with_the_analysis_fields() -> None:
    result = _run("analyze", str(SEED), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) >= {"sentences", "tokens", "entities", "clauses"}
    assert data["tokens"][0]["text"] == "Kurz"
    assert {"lemma", "upos", "tag", "morph", "head", "dep"} <= set(data["tokens"][0])


def test_it_prints_a_readable_table() -> None:
    result = _run("analyze", str(SEED))
    assert result.returncode == 0, result.stderr
    assert "Partnerschaft" in result.stdout and "STTS" in result.stdout


def test_it_explains_empty_input_and_exits_non_zero() -> None:
    result = _run("analyze", "-", stdin="   \n")
    assert result.returncode == 2
    assert "empty" in result.stderr and "Traceback" not in result.stderr
