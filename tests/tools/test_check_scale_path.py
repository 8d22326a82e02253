"""The README's scale path runs as written (tools/check_scale_path.py), in the second pass of make test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.celery]


def test_the_readme_scale_path_runs_as_written_on_a_throwaway_postgresql_and_redis():
    if os.environ.get("QUIZGEN_REQUIRE_SERVICES") != "1":
        pytest.skip("starts its own PostgreSQL and Redis: make test runs it in its second pass")
    result = subprocess.run([sys.executable, "tools/check_scale_path.py"], cwd=ROOT, capture_output=True, text=True,
                            timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "the README's scale path ran as written" in result.stdout
