"""A whole worker lost during a batch (machine gone, SIGKILL of the main process and its pool).

Its running jobs fall silent; a new worker, started at once, finishes every job within
QUIZGEN_JOB_STALLED_AFTER + QUIZGEN_JOB_SWEEP_INTERVAL plus the jobs' own time, not after the
broker's visibility timeout (20 minutes by default, left as it is here). Both are small here so
the test takes well under a minute of waiting; the README gives the figures with the defaults.
Its own module, so no other worker of the tests listens on the queue.
"""

from __future__ import annotations

import signal
import time

import pytest
from django.urls import reverse

from learnsite.quizzes import selectors
from learnsite.quizzes.models import GenerationJob
from learnsite.quizzes.services import batch_import
from quizgen.text.batch_sources import ArticleSource
from tests.learnsite.celery_worker import redis_url, require_postgres, start_worker, stop_worker, wait_for  # noqa: F401
from tests.learnsite.quiz_factories import SEED, make_teacher

pytestmark = [pytest.mark.celery, pytest.mark.postgres, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

COUNTS = {"cloze:open": 2, "question:wh": 2}
STALLED_AFTER, SWEEP_INTERVAL = 6, 10
#: seconds the two lost jobs and the waiting one may take on the new worker, on a busy 2-core machine
RUN_MARGIN = 90


def test_a_whole_worker_killed_during_a_batch_its_jobs_finish_on_a_new_worker_within_the_sweep(
        client, redis_url, settings, tmp_path):
    require_postgres()
    import redis

    from learnsite.celery import app

    redis.Redis.from_url(redis_url).flushdb()
    app.conf.broker_url = redis_url
    settings.CELERY_BROKER_URL = redis_url
    settings.QUIZGEN_JOB_STALLED_AFTER = STALLED_AFTER  # as the workers see it, for the page
    env = {"QUIZGEN_JOB_STALLED_AFTER": str(STALLED_AFTER), "QUIZGEN_JOB_SWEEP_INTERVAL": str(SWEEP_INTERVAL)}

    first = start_worker(tmp_path / "first.log", redis_url, concurrency=2, **env)
    teacher = make_teacher()
    long_text = "\n\n".join([SEED.read_text(encoding="utf-8")] * 10)  # several seconds of analysis each
    sources = [ArticleSource(name=f"moskau-{i}.txt", text=long_text, title=f"Moskau-Besuch {i}") for i in range(3)]
    try:
        batch = batch_import.batch_create(teacher=teacher, sources=sources, level="B1", counts=COUNTS)

        def two_running():
            states = list(batch.jobs.values_list("state", flat=True))
            assert "done" not in states and "failed" not in states, "a job finished before the kill: longer texts"
            return states.count(GenerationJob.State.RUNNING) == 2
        wait_for(two_running, 120, "the first worker did not start two jobs", tmp_path / "first.log")
    finally:
        stop_worker(first, signal.SIGKILL)  # main process and pool at once, no goodbye to the broker
    killed = time.monotonic()
    lost = set(batch.jobs.filter(state=GenerationJob.State.RUNNING).values_list("pk", flat=True))

    second = start_worker(tmp_path / "second.log", redis_url, concurrency=2, **env)
    try:
        client.force_login(teacher)
        page_url = reverse("quizzes:batch", kwargs={"batch_id": batch.pk})
        seen = {}

        def page_shows_stalled():
            page = client.get(page_url).content.decode()
            if 'class="job--stalled"' in page:
                seen["page"] = page
            return "page" in seen or selectors.batch_progress(batch=batch).finished
        wait_for(page_shows_stalled, STALLED_AFTER + SWEEP_INTERVAL + 30, "the batch page never showed a stalled job")
        assert "page" in seen, "the jobs were queued again before the page could show them stalled"
        assert "2 stalled" in seen["page"] and "No sign of its worker for" in seen["page"]
        assert reverse("quizzes:batch_rerun", kwargs={"batch_id": batch.pk}) in seen["page"]
        assert all(reverse("quizzes:job_rerun", kwargs={"job_id": pk}) in seen["page"] for pk in lost)

        wait_for(lambda: selectors.batch_progress(batch=batch).finished, STALLED_AFTER + SWEEP_INTERVAL + RUN_MARGIN,
                 "the batch did not finish on the new worker", tmp_path / "second.log")
        seconds = time.monotonic() - killed
    finally:
        stop_worker(second)

    jobs = list(batch.jobs.all())
    assert len(jobs) == 3 and all(job.state == GenerationJob.State.DONE for job in jobs), [j.message for j in jobs]
    assert {job.pk: job.attempts for job in jobs} == {job.pk: 2 if job.pk in lost else 1 for job in jobs}, \
        "each lost run is counted"
    assert all(job.quiz.items.count() == job.items_made > 0 for job in jobs)
    log = (tmp_path / "second.log").read_text()
    assert log.count("queued again for run 2 of 3") == 2, log[-3000:]
    assert seconds < STALLED_AFTER + SWEEP_INTERVAL + RUN_MARGIN, f"{seconds:.0f} s from the kill to the last job"
    print(f"whole worker killed: every job done {seconds:.1f} s later "
          f"(stalled after {STALLED_AFTER} s, sweep every {SWEEP_INTERVAL} s)")
