"""Real Celery workers for the tests of the second pass: ``celery -A learnsite worker`` on the test database.

``make test`` starts PostgreSQL and Redis on loopback (tools/test_services.sh); without them
the tests that use these skip in the first pass and fail in the second (require_services).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from tests.learnsite.conftest import require_services

ROOT = Path(__file__).resolve().parents[2]
CELERY = Path(sys.executable).with_name("celery")


@pytest.fixture(scope="module")
def redis_url():
    url = os.environ.get("QUIZGEN_TEST_REDIS_URL", "")
    if not url:
        require_services("QUIZGEN_TEST_REDIS_URL is not set")
    return url


def require_postgres() -> None:
    if connection.vendor != "postgresql":
        require_services("the database is not PostgreSQL (set DATABASE_URL)")


def start_worker(log: Path, redis_url: str, *extra_args: str, concurrency: int = 1,
                 **extra_env: str) -> subprocess.Popen:
    """``celery -A learnsite worker -l INFO`` (as the README runs it) on the test database, ready to take tasks."""
    db = connection.settings_dict
    database_url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    env = {**os.environ, "DATABASE_URL": database_url, "CELERY_BROKER_URL": redis_url, "PYTHONUNBUFFERED": "1",
           **extra_env}
    process = subprocess.Popen(
        [str(CELERY), "-A", "learnsite", "worker", f"--concurrency={concurrency}", "--pool=prefork", "-l", "INFO",
         "--without-gossip", "--without-mingle", "--without-heartbeat", f"--logfile={log}", *extra_args],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True,
    )
    wait_for(lambda: log.exists() and " ready." in log.read_text(), 90, "the worker did not start", log)
    return process


def stop_worker(process: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
    """Stop the worker's whole process group (main process and pool); SIGKILL loses it as a crash would."""
    os.killpg(process.pid, sig)
    try:
        process.wait(20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(5)
    if sig == signal.SIGKILL:  # the pool processes are not the killed process's children to reap
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                os.killpg(process.pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.05)


def wait_for(condition, seconds, what, log=None):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    tail = log.read_text()[-3000:] if log and log.exists() else ""
    pytest.fail(f"{what} within {seconds} s\n{tail}")
