"""Generation on a real Celery worker over a real Redis, with the PostgreSQL test database.

``make test`` starts PostgreSQL and Redis on loopback (tools/test_services.sh) and runs these
in its second pass. The worker is a separate process, ``celery -A learnsite worker``, as in
production; a pool process killed half-way through a task must lose nothing.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection
from django.urls import reverse

from learnsite.quizzes.models import GenerationJob
from learnsite.quizzes.services import generation
from learnsite.quizzes.services.quizzes import quiz_create_draft
from tests.learnsite.conftest import require_services
from tests.learnsite.quiz_factories import SEED, make_teacher

pytestmark = [pytest.mark.celery, pytest.mark.postgres, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

TEXT = ("Die Stadt Kelsbach baut eine neue Straßenbahnlinie. Der Bürgermeister kündigte das Projekt am Montag an. "
        "Die Bahn soll im Jahr 2028 fahren. Viele Bürger freuen sich, weil sie dann schneller zur Arbeit kommen. "
        "Die Händler in der Innenstadt fürchten dagegen die lange Baustelle.")
COUNTS = {"cloze:open": 2, "question:wh": 2}
ROOT = Path(__file__).resolve().parents[2]
CELERY = Path(sys.executable).with_name("celery")


@pytest.fixture(scope="module")
def redis_url():
    url = os.environ.get("QUIZGEN_TEST_REDIS_URL", "")
    if not url:
        require_services("QUIZGEN_TEST_REDIS_URL is not set")
    return url


def _start_worker(log: Path, redis_url: str, *extra_args: str, **extra_env: str) -> subprocess.Popen:
    """``celery -A learnsite worker`` (concurrency 1) on the test database, ready to take tasks."""
    db = connection.settings_dict
    database_url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    env = {**os.environ, "DATABASE_URL": database_url, "CELERY_BROKER_URL": redis_url, "PYTHONUNBUFFERED": "1",
           **extra_env}
    process = subprocess.Popen(
        [str(CELERY), "-A", "learnsite", "worker", "--concurrency=1", "--pool=prefork", "--loglevel=INFO",
         "--without-gossip", "--without-mingle", "--without-heartbeat", f"--logfile={log}", *extra_args],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True,
    )
    _wait(lambda: log.exists() and " ready." in log.read_text(), 60, "the worker did not start", log)
    return process


def _stop_worker(process: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
    os.killpg(process.pid, sig)
    try:
        process.wait(20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(5)


@pytest.fixture(scope="module")
def worker(redis_url, django_db_setup, django_db_blocker, tmp_path_factory):
    """One worker process (concurrency 1) on the test database; yields its log file."""
    if connection.vendor != "postgresql":
        require_services("the database is not PostgreSQL (set DATABASE_URL)")
    import redis

    redis.Redis.from_url(redis_url).flushdb()
    from learnsite.celery import app

    app.conf.broker_url = redis_url
    log = tmp_path_factory.mktemp("celery") / "worker.log"
    process = _start_worker(log, redis_url)
    try:
        yield log
    finally:
        _stop_worker(process)


@pytest.fixture
def on_workers(settings, redis_url):
    settings.CELERY_BROKER_URL = redis_url


def _wait(condition, seconds, what, log=None):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    tail = log.read_text()[-3000:] if log and log.exists() else ""
    pytest.fail(f"{what} within {seconds} s\n{tail}")


def _finished(job: GenerationJob, log: Path, seconds: int = 180) -> GenerationJob:
    def done():
        job.refresh_from_db()
        return job.is_finished
    _wait(done, seconds, f"job {job.pk} did not finish (state {job.state})", log)
    return job


def _pipeline_loads(log: Path) -> list[str]:
    return re.findall(r"worker process (\d+) loaded the NLP pipeline", log.read_text())


def test_the_site_queues_generation_and_a_worker_does_it_loading_the_pipeline_once(client, worker, on_workers):
    teacher = make_teacher()
    client.force_login(teacher)
    pids = set()
    for title in ("Straßenbahn", "Straßenbahn, zweiter Teil"):
        quiz = quiz_create_draft(teacher=teacher, title=title, text=TEXT)
        form = {"level": "B1", **{key: 0 for key in generation.default_counts()}, **COUNTS}
        response = client.post(reverse("quizzes:generate", kwargs={"quiz_id": quiz.pk}), form)
        job = quiz.jobs.get()
        assert response.status_code == 302 and response["Location"] == reverse("quizzes:job", kwargs={"job_id": job.pk})
        job = _finished(job, worker)
        assert job.state == GenerationJob.State.DONE, job.message
        assert job.attempts == 1 and job.progress == 100
        assert quiz.items.count() == job.items_made > 0
        assert job.worker.endswith(tuple(_pipeline_loads(worker)))
        pids.add(job.worker)
        status = client.get(reverse("quizzes:job_status", kwargs={"job_id": job.pk})).json()
        assert status["state"] == "done" and status["finished"]
    assert len(pids) == 1, "both jobs ran in the one pool process"
    assert len(_pipeline_loads(worker)) == 1, "the pipeline is loaded once per worker process, not per task"


def test_a_pool_process_killed_half_way_loses_nothing_the_task_runs_again(worker, on_workers):
    from learnsite.quizzes.services import jobs

    long_text = "\n\n".join([SEED.read_text(encoding="utf-8")] * 10)  # several seconds of analysis
    quiz = quiz_create_draft(teacher=make_teacher("herr_schmidt"), title="Moskau-Besuch", text=long_text)
    job = jobs.job_start(quiz=quiz, level="B1", counts=COUNTS)

    def running():
        job.refresh_from_db()
        assert not job.is_finished, "the job finished before it could be interrupted: give it a longer text"
        return job.state == GenerationJob.State.RUNNING and job.step == "analysis"
    _wait(running, 120, "the job did not start", worker)
    pid = int(job.worker.rsplit(":", 1)[1])
    assert pid != os.getpid()
    os.kill(pid, signal.SIGKILL)  # as the kernel's OOM killer would

    job = _finished(job, worker)
    assert job.state == GenerationJob.State.DONE, job.message
    assert job.attempts == 2, "run once, lost, delivered again and run to the end"
    assert int(job.worker.rsplit(":", 1)[1]) != pid
    assert quiz.items.count() == job.items_made > 0
    assert quiz.text == long_text


def test_a_whole_worker_killed_half_way_hands_the_task_to_the_next_worker_after_the_visibility_timeout(
        worker, on_workers, redis_url, tmp_path):
    """The worker's parent dies too (a machine lost): Redis keeps the unacknowledged task and gives it
    to a worker that starts after the visibility timeout. Its own queue keeps the module's worker out."""
    from learnsite.quizzes.tasks import run_generation_job

    long_text = "\n\n".join([SEED.read_text(encoding="utf-8")] * 10)
    quiz = quiz_create_draft(teacher=make_teacher("frau_wagner"), title="Moskau-Besuch", text=long_text)
    job = GenerationJob.objects.create(teacher=quiz.teacher, quiz=quiz, level="B1", counts=COUNTS)
    short_visibility = {"QUIZGEN_JOB_VISIBILITY_TIMEOUT": "5"}
    first = _start_worker(tmp_path / "first.log", redis_url, "-Q", "lost-worker", **short_visibility)
    try:
        run_generation_job.apply_async(args=[job.pk], queue="lost-worker")

        def running():
            job.refresh_from_db()
            assert not job.is_finished, "the job finished before it could be interrupted"
            return job.state == GenerationJob.State.RUNNING and job.step == "analysis"
        _wait(running, 120, "the job did not start", tmp_path / "first.log")
    finally:
        _stop_worker(first, signal.SIGKILL)  # parent and pool process at once, no goodbye to the broker
    time.sleep(6)  # past the visibility timeout
    job.refresh_from_db()
    assert job.state == GenerationJob.State.RUNNING and job.attempts == 1  # as the dead worker left it

    second = _start_worker(tmp_path / "second.log", redis_url, "-Q", "lost-worker", **short_visibility)
    try:
        job = _finished(job, tmp_path / "second.log")
    finally:
        _stop_worker(second)
    assert job.state == GenerationJob.State.DONE, job.message
    assert job.attempts == 2
    assert quiz.items.count() == job.items_made > 0
