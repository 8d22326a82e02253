from __future__ import annotations

import os
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "tools" / "install_system_packages.sh"


def _run(*packages: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QUIZGEN_APT_DRY_RUN": "1"}
    return subprocess.run([str(SCRIPT), *packages], env=env, capture_output=True, text=True, timeout=60)


def test_it_does_nothing_when_every_package_is_installed() -> None:
    result = _run("bash", "dpkg")
    assert result.returncode == 0
    assert result.stdout == ""


def test_it_installs_only_the_missing_packages() -> None:
    result = _run("bash", "quizgen-surely-not-a-package")
    assert result.returncode == 0
    assert "apt-get install -y quizgen-surely-not-a-package" in result.stdout
    assert "bash" not in result.stdout.replace("#!/usr/bin/env bash", "")


def test_it_accepts_an_empty_list() -> None:
    assert _run().returncode == 0
