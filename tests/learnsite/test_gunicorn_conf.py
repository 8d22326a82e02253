"""learnsite/gunicorn_conf.py reads its variables through the typed helpers, as the settings do."""

from __future__ import annotations

import os
import runpy
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")


def _conf(monkeypatch: pytest.MonkeyPatch, **env: str):
    for name in ("QUIZGEN_BIND", "QUIZGEN_WEB_WORKERS", "QUIZGEN_WEB_PRELOAD", "QUIZGEN_CONTROL_SOCKET",
                 "CELERY_BROKER_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return SimpleNamespace(**runpy.run_path(str(ROOT / "learnsite" / "gunicorn_conf.py")))


def test_without_variables_it_serves_loopback_with_two_preloading_processes_and_no_control_socket(monkeypatch):
    conf = _conf(monkeypatch)
    assert (conf.bind, conf.workers, conf._PRELOAD) == ("127.0.0.1:8000", 2, True)
    assert conf.control_socket_disable is True and not hasattr(conf, "control_socket")


def test_the_variables_set_bind_workers_preload_and_the_control_socket(monkeypatch, tmp_path):
    conf = _conf(monkeypatch, QUIZGEN_BIND="127.0.0.1:9000", QUIZGEN_WEB_WORKERS="4", QUIZGEN_WEB_PRELOAD="yes",
                 CELERY_BROKER_URL="redis://127.0.0.1:6379/0", QUIZGEN_CONTROL_SOCKET=str(tmp_path / "web.ctl"))
    assert (conf.bind, conf.workers, conf._PRELOAD) == ("127.0.0.1:9000", 4, True)  # yes means yes
    assert conf.control_socket == str(tmp_path / "web.ctl") and not hasattr(conf, "control_socket_disable")
    assert _conf(monkeypatch, CELERY_BROKER_URL="redis://127.0.0.1:6379/0")._PRELOAD is False


@pytest.mark.parametrize(("name", "value", "says"), [
    ("QUIZGEN_WEB_WORKERS", "four", "QUIZGEN_WEB_WORKERS='four' is not a whole number"),
    ("QUIZGEN_WEB_WORKERS", "0", "QUIZGEN_WEB_WORKERS=0 is too small"),
    ("QUIZGEN_WEB_PRELOAD", "maybe", "QUIZGEN_WEB_PRELOAD='maybe' is not a yes/no value"),
])
def test_gunicorn_refuses_a_bad_value_naming_its_variable(name, value, says):
    env = {**os.environ, name: value}
    result = subprocess.run([str(GUNICORN), "--check-config", "-c", "python:learnsite.gunicorn_conf", "learnsite.wsgi"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    assert says in result.stdout + result.stderr
