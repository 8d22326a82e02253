from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.slow
def test_importing_every_quizgen_module_and_analysing_does_not_load_django() -> None:
    code = (
        "import importlib, pkgutil, sys, quizgen\n"
        "for mod in pkgutil.walk_packages(quizgen.__path__, 'quizgen.'):\n"
        "    importlib.import_module(mod.name)\n"
        "quizgen.analyze('Die Stadt eröffnet eine neue Bibliothek.')\n"
        "print(sorted(m for m in sys.modules if m == 'django' or m.startswith('django.')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
