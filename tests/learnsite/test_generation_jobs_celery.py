"""Generation on a real Celery worker over a real Redis, with the PostgreSQL test database.

``make test`` starts PostgreSQL and Redis on loopback (tools/test_services.sh) and runs these
in its second pass. The worker is a separate process, ``celery -A learnsite worker -l INFO``, as
in production; a pool process killed half-way through a task must lose nothing. A whole worker
killed: test_generation_jobs_worker_loss.py.
"""

from __future__ import annotations

import os
import re
import signal
from pathlib import Path

import pytest
from django.urls import reverse

from learnsite.quizzes.models import GenerationJob
from learnsite.quizzes.services import generation
from learnsite.quizzes.services.quizzes import quiz_create_draft
from tests.learnsite.celery_worker import redis_url, require_postgres, start_worker, stop_worker, wait_for  # noqa: F401
from tests.learnsite.quiz_factories import SEED, make_teacher

pytestmark = [pytest.mark.celery, pytest.mark.postgres, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

TEXT = ("Die Stadt Kelsbach baut eine neue Straßenbahnlinie. Der Bürgermeister kündigte das Projekt am Montag an. "
        "Die Bahn soll im Jahr 2028 fahren. Viele Bürger freuen sich, weil sie dann schneller zur Arbeit kommen. "
        "Die Händler in der Innenstadt fürchten dagegen die lange Baustelle.")
COUNTS = {"cloze:open": 2, "question:wh": 2}


@pytest.fixture(scope="module")
def worker(redis_url, django_db_setup, django_db_blocker, tmp_path_factory):
    """One worker (concurrency 1) on the test database; yields its log file (the main process id in ``pid``)."""
    require_postgres()
    import redis

    redis.Redis.from_url(redis_url).flushdb()
    from learnsite.celery import app

    app.conf.broker_url = redis_url
    log = tmp_path_factory.mktemp("celery") / "worker.log"
    process = start_worker(log, redis_url)
    (log.parent / "pid").write_text(str(process.pid))
    try:
        yield log
    finally:
        stop_worker(process)


@pytest.fixture
def on_workers(settings, redis_url):
    settings.CELERY_BROKER_URL = redis_url


def _finished(job: GenerationJob, log: Path, seconds: int = 180) -> GenerationJob:
    def done():
        job.refresh_from_db()
        return job.is_finished
    wait_for(done, seconds, f"job {job.pk} did not finish (state {job.state})", log)
    return job


def _pipeline_loads(log: Path) -> list[str]:
    return re.findall(r"worker (\d+) loaded the NLP pipeline", log.read_text())


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
        pids.add(job.worker)
        status = client.get(reverse("quizzes:job_status", kwargs={"job_id": job.pk})).json()
        assert status["state"] == "done" and status["finished"]
        wait_for(lambda: f"job {job.pk} done in" in worker.read_text(), 10, "no log line for the job's end", worker)
    assert len(pids) == 1, "both jobs ran in the one pool process"
    log = worker.read_text()
    assert _pipeline_loads(worker) == [(worker.parent / "pid").read_text()], \
        "the pipeline is loaded once per worker, by its main process, not per pool process or task"
    assert log.index("loaded the NLP pipeline") < log.index(" ready."), "loaded before the worker takes tasks"
    assert log.count("Task quizzes.run_generation_job[") >= 4, "-l INFO: each job's received and succeeded lines"
    assert re.search(r"job \d+ \(quiz \d+\): run 1 of 3 on ", log)
    assert "stalled-job sweep every 30 s" in log


def test_a_pool_process_killed_half_way_loses_nothing_the_task_runs_again(worker, on_workers):
    from learnsite.quizzes.services import jobs

    long_text = "\n\n".join([SEED.read_text(encoding="utf-8")] * 10)  # several seconds of analysis
    quiz = quiz_create_draft(teacher=make_teacher("herr_schmidt"), title="Moskau-Besuch", text=long_text)
    job = jobs.job_start(quiz=quiz, level="B1", counts=COUNTS)

    def running():
        job.refresh_from_db()
        assert not job.is_finished, "the job finished before it could be interrupted: give it a longer text"
        return job.state == GenerationJob.State.RUNNING and job.step == "analysis"
    wait_for(running, 120, "the job did not start", worker)
    pid = int(job.worker.rsplit(":", 1)[1])
    assert pid != os.getpid()
    os.kill(pid, signal.SIGKILL)  # as the kernel's OOM killer would

    job = _finished(job, worker)
    assert job.state == GenerationJob.State.DONE, job.message
    assert job.attempts == 2, "run once, lost, delivered again and run to the end"
    assert int(job.worker.rsplit(":", 1)[1]) != pid
    assert quiz.items.count() == job.items_made > 0
    assert quiz.text == long_text
