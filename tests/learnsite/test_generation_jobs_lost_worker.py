"""A lost worker costs minutes: silent jobs are stalled, swept back to the queue, shown so, run again.

The state rules, without a broker (the real worker is in test_generation_jobs_celery.py): what
the sweep takes, what a second copy of a task does, what the batch page shows.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from learnsite.quizzes import selectors
from learnsite.quizzes.models import GenerationJob, ImportBatch
from learnsite.quizzes.services import jobs
from learnsite.quizzes.services.quizzes import quiz_create_draft
from learnsite.quizzes.tasks import StalledJobSweep, sweep_stalled_jobs
from tests.learnsite.quiz_factories import make_teacher

pytestmark = pytest.mark.django_db

TEXT = ("Die Stadt Kelsbach baut eine neue Straßenbahnlinie. Der Bürgermeister kündigte das Projekt am Montag an. "
        "Die Bahn soll im Jahr 2028 fahren. Viele Bürger freuen sich, weil sie dann schneller zur Arbeit kommen.")
COUNTS = {"cloze:open": 2, "question:wh": 2}
HOST = socket.gethostname()


@pytest.fixture
def sent(monkeypatch):
    """The job ids queued for the workers (the broker is the outside world here)."""
    ids: list[int] = []
    monkeypatch.setattr(jobs, "_send", ids.append)
    return ids


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _running_job(quiz, *, silent: int, worker: str, attempts: int = 1, batch=None) -> GenerationJob:
    job = GenerationJob.objects.create(teacher=quiz.teacher, quiz=quiz, batch=batch, level="B1", counts=COUNTS,
                                       state=GenerationJob.State.RUNNING, attempts=attempts, progress=30,
                                       step="analysis", worker=worker)
    GenerationJob.objects.filter(pk=job.pk).update(updated=timezone.now() - timedelta(seconds=silent))
    job.refresh_from_db()
    return job


@pytest.fixture
def quiz():
    return quiz_create_draft(teacher=make_teacher(), title="Straßenbahn", text=TEXT)


def test_the_sweep_queues_a_silent_job_again_and_leaves_a_live_one(quiz, settings, sent,
                                                                   django_capture_on_commit_callbacks):
    settings.QUIZGEN_JOB_STALLED_AFTER = 120
    lost = _running_job(quiz, silent=121, worker="lost-machine:4242")
    other = quiz_create_draft(teacher=quiz.teacher, title="Zweiter Text", text=TEXT)
    alive = _running_job(other, silent=30, worker="busy-machine:77")
    assert lost.is_stalled and not alive.is_stalled

    with django_capture_on_commit_callbacks(execute=True):
        swept = jobs.job_requeue_stalled()
    assert [job.pk for job in swept] == [lost.pk] and sent == [lost.pk], "queued once the sweep's writes are committed"
    lost.refresh_from_db()
    assert lost.state == GenerationJob.State.QUEUED and lost.step == "" and lost.progress == 0
    assert lost.attempts == 1, "the lost run was counted when it started; the next run counts itself"
    assert "queued again (run 2 of 3)" in lost.message
    alive.refresh_from_db()
    assert alive.state == GenerationJob.State.RUNNING

    ran = jobs.run_job(lost.pk)  # what the worker does with the new message
    assert ran.state == GenerationJob.State.DONE and ran.attempts == 2, ran.message


def test_the_sweep_fails_a_job_that_used_its_last_run(quiz, settings, sent):
    settings.QUIZGEN_JOB_MAX_ATTEMPTS = 2
    lost = _running_job(quiz, silent=settings.QUIZGEN_JOB_STALLED_AFTER + 5, worker="lost-machine:4242", attempts=2)
    jobs.job_requeue_stalled()
    lost.refresh_from_db()
    assert lost.state == GenerationJob.State.FAILED and "stopped 2 times" in lost.message and sent == []


def test_the_worker_step_sweeps_on_the_workers_timer(quiz, settings, sent):
    """The bootstep every worker runs: the sweep every QUIZGEN_JOB_SWEEP_INTERVAL seconds."""
    settings.QUIZGEN_JOB_SWEEP_INTERVAL = 7
    calls = []

    class Timer:
        def call_repeatedly(self, seconds, fun):
            calls.append(("every", seconds, fun))
            return self

        def cancel(self):
            calls.append(("cancel",))

    worker = type("Worker", (), {"timer": Timer()})()
    step = StalledJobSweep(worker)
    step.start(worker)
    assert calls == [("every", 7, sweep_stalled_jobs)]
    step.stop(worker)
    assert calls[-1] == ("cancel",)

    _running_job(quiz, silent=settings.QUIZGEN_JOB_STALLED_AFTER + 1, worker="lost-machine:1")
    assert sweep_stalled_jobs() == 1


def test_a_second_copy_of_a_task_does_nothing_while_the_run_is_alive(quiz):
    """The broker's late redelivery of a job the sweep already queued again must not start a second run."""
    elsewhere = _running_job(quiz, silent=10, worker="other-machine:99")
    assert jobs.run_job(elsewhere.pk).attempts == 1, "alive on another machine: its beats say so"
    here = GenerationJob.objects.filter(pk=elsewhere.pk)
    here.update(worker=f"{HOST}:{os.getppid()}")  # a live process on this machine
    assert jobs.run_job(elsewhere.pk).state == GenerationJob.State.RUNNING

    here.update(worker=f"{HOST}:{_dead_pid()}")  # its pool process was killed: the broker hands the task back
    job = jobs.run_job(elsewhere.pk)
    assert job.state == GenerationJob.State.DONE and job.attempts == 2


def test_a_silent_run_on_another_machine_is_taken_over(quiz, settings):
    lost = _running_job(quiz, silent=settings.QUIZGEN_JOB_STALLED_AFTER, worker="other-machine:99")
    job = jobs.run_job(lost.pk)
    assert job.state == GenerationJob.State.DONE and job.attempts == 2


@pytest.mark.django_db(transaction=True)
def test_a_run_on_a_worker_beats_while_a_long_step_reports_nothing(quiz, settings, monkeypatch):
    settings.QUIZGEN_JOB_STALLED_AFTER = 3  # a beat every half second
    seen = []

    def long_analysis(**_kwargs):
        job = GenerationJob.objects.get(quiz=quiz)
        for _ in range(8):
            time.sleep(0.25)
            seen.append(GenerationJob.objects.values_list("updated", flat=True).get(pk=job.pk))
        assert threading.active_count() >= 2
        return 0

    monkeypatch.setattr(jobs.services, "generation_apply", long_analysis)
    job = GenerationJob.objects.create(teacher=quiz.teacher, quiz=quiz, level="B1", counts=COUNTS)
    job = jobs.run_job(job.pk, beat=True)
    assert job.state == GenerationJob.State.DONE
    assert len(set(seen)) >= 3, "updated moved on while the step said nothing"
    assert not any(t.name.startswith("job-") for t in threading.enumerate()), "the beat stops with the run"


def test_the_batch_page_shows_stalled_jobs_with_run_again_for_each_and_for_the_batch(client, quiz, settings, sent):
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:9/0"  # on workers (never reached: _send is recorded)
    batch = ImportBatch.objects.create(teacher=quiz.teacher, level="B1", counts=COUNTS)
    stalled = _running_job(quiz, silent=settings.QUIZGEN_JOB_STALLED_AFTER + 60, worker="lost-machine:1", batch=batch)
    other = quiz_create_draft(teacher=quiz.teacher, title="Läuft noch", text=TEXT)
    _running_job(other, silent=2, worker="busy-machine:2", batch=batch)
    client.force_login(quiz.teacher)

    progress = selectors.batch_progress(batch=batch)
    assert (progress.running, progress.stalled, progress.finished, progress.to_run_again) == (1, 1, False, 1)
    page = client.get(reverse("quizzes:batch", kwargs={"batch_id": batch.pk})).content.decode()
    assert "1 running" in page and "1 stalled" in page
    assert 'class="job--stalled"' in page and "No sign of its worker for 18" in page and "(run 1 of 3)" in page
    assert reverse("quizzes:job_rerun", kwargs={"job_id": stalled.pk}) in page
    assert reverse("quizzes:batch_rerun", kwargs={"batch_id": batch.pk}) in page
    assert 'http-equiv="refresh"' in page, "it keeps updating while jobs are stalled"
    status = client.get(reverse("quizzes:batch_status", kwargs={"batch_id": batch.pk})).json()
    assert status["stalled"] == 1 and not status["finished"]
    german = client.get(reverse("quizzes:batch", kwargs={"batch_id": batch.pk}), HTTP_ACCEPT_LANGUAGE="de")
    assert "1 hängt" in german.content.decode() and "Seit 18" in german.content.decode()

    response = client.post(reverse("quizzes:batch_rerun", kwargs={"batch_id": batch.pk}), follow=True)
    assert "1 generation started again." in response.content.decode()
    stalled.refresh_from_db()
    assert stalled.state == GenerationJob.State.FAILED and "Replaced" in stalled.message
    new = quiz.jobs.exclude(pk=stalled.pk).get()
    assert new.batch == batch and new.state == GenerationJob.State.QUEUED
    assert selectors.batch_progress(batch=batch).stalled == 0

    response = client.post(reverse("quizzes:batch_rerun", kwargs={"batch_id": batch.pk}), follow=True)
    assert "nothing to run again" in response.content.decode()
    client.force_login(make_teacher("herr_schmidt"))
    assert client.post(reverse("quizzes:batch_rerun", kwargs={"batch_id": batch.pk})).status_code == 404
