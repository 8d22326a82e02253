"""Production as the README documents it: check --deploy is clean; gunicorn serves pages and WhiteNoise static files."""

from __future__ import annotations

import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent

pytestmark = pytest.mark.slow


def production_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The variables README "Production" lists, with a throwaway database and static folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QUIZGEN_", "DJANGO_"))}
    env.update({
        "QUIZGEN_DEBUG": "0",
        "QUIZGEN_SECRET_KEY": secrets.token_urlsafe(50),
        "QUIZGEN_ALLOWED_HOSTS": "quiz.example.org,127.0.0.1",
        "QUIZGEN_STATIC_ROOT": str(tmp_path / "static"),
        "DATABASE_URL": os.environ.get("DATABASE_URL") or f"sqlite:///{tmp_path / 'db.sqlite3'}",
        **extra,
    })
    return env


def manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)


def test_check_deploy_is_clean_with_the_documented_settings(tmp_path):
    result = manage(production_env(tmp_path), "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = production_env(tmp_path)
    del env["QUIZGEN_SECRET_KEY"]
    result = manage(env, "check")
    assert result.returncode != 0 and "QUIZGEN_SECRET_KEY is not set" in result.stderr


def test_gunicorn_serves_the_site_and_whitenoise_its_static_files(tmp_path):
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.skip("uses its own SQLite file; the PostgreSQL pass covers the pages through the test client")
    env = production_env(tmp_path, QUIZGEN_HTTPS="0")  # plain http on loopback; TLS ends at the proxy
    for args in (("migrate", "--noinput"), ("collectstatic", "--noinput")):
        result = manage(env, *args)
        assert result.returncode == 0, result.stderr
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env.update(QUIZGEN_BIND=f"127.0.0.1:{port}", QUIZGEN_WEB_WORKERS="1")  # the README's command
    # gunicorn's default control socket is one per user account (~/.gunicorn/gunicorn.ctl); ours is off
    env.update(HOME=str(tmp_path / "home"))
    env.pop("XDG_RUNTIME_DIR", None)
    server = subprocess.Popen([str(BIN / "gunicorn"), "-c", "python:learnsite.gunicorn_conf", "learnsite.wsgi"],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60  # the web process preloads the pipeline first
        while True:
            try:
                page = urllib.request.urlopen(base + "/", timeout=5)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("gunicorn did not answer")
                time.sleep(0.3)
        html = page.read().decode()
        assert page.status == 200 and "Quizgen" in html
        css = re.search(r'href="(/static/learnsite/site\.[0-9a-f]{12}\.css)"', html)
        assert css, "hashed static names from the manifest storage"
        static = urllib.request.urlopen(urllib.request.Request(base + css.group(1),
                                                               headers={"Accept-Encoding": "gzip"}), timeout=5)
        assert static.status == 200
        assert "max-age=315360000" in static.headers["Cache-Control"]
        assert static.headers.get("Content-Encoding") == "gzip"
        assert not (tmp_path / "home" / ".gunicorn").exists(), "no control socket shared with other instances"
    finally:
        server.terminate()
        server.wait(10)
