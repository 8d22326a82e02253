"""Generation jobs without workers: they run in the request, keep their state, fail with a reason, run again."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from learnsite.quizzes.models import GenerationJob, Quiz
from learnsite.quizzes.refusals import QuizRefused
from learnsite.quizzes.services import generation, jobs
from learnsite.quizzes.services.quizzes import quiz_create_draft
from tests.learnsite.quiz_factories import make_teacher

pytestmark = pytest.mark.django_db

TEXT = ("Die Stadt Kelsbach baut eine neue Straßenbahnlinie. Der Bürgermeister kündigte das Projekt am Montag an. "
        "Die Bahn soll im Jahr 2028 fahren. Viele Bürger freuen sich, weil sie dann schneller zur Arbeit kommen. "
        "Die Händler in der Innenstadt fürchten dagegen die lange Baustelle.")
COUNTS = {"cloze:open": 2, "question:wh": 2}


@pytest.fixture
def quiz():
    return quiz_create_draft(teacher=make_teacher(), title="Straßenbahn", text=TEXT)


def test_without_a_broker_the_job_runs_in_the_request_and_records_its_progress(quiz, monkeypatch):
    steps = []
    real = generation.run_make_pack

    def spy(**kwargs):
        def progress(step, fraction):
            steps.append(step)
            kwargs_progress(step, fraction)
        kwargs_progress = kwargs.pop("progress")
        return real(progress=progress, **kwargs)

    monkeypatch.setattr(generation, "run_make_pack", spy)
    job = jobs.job_start(quiz=quiz, level="B1", counts=COUNTS)
    assert job.state == GenerationJob.State.DONE, job.message
    assert job.progress == 100 and job.attempts == 1 and job.items_made == quiz.items.count() > 0
    assert steps == ["analysis", "vocabulary", "questions", "cloze"]
    assert job.step == "saving"  # the site's own last step, after the pack
    assert job.worker  # host:pid of the process that ran it


def test_a_failing_generation_marks_the_job_failed_with_a_reason_and_keeps_the_text(quiz, monkeypatch):
    def boom(**_kwargs):
        raise RuntimeError("worker bug")

    monkeypatch.setattr(generation, "run_make_pack", boom)
    job = jobs.job_start(quiz=quiz, level="B1", counts=COUNTS)
    assert job.state == GenerationJob.State.FAILED
    assert "try again" in job.message and "worker bug" not in job.message
    assert Quiz.objects.get(pk=quiz.pk).text == TEXT

    monkeypatch.undo()
    again = jobs.job_rerun(job=job)
    assert again.pk != job.pk and again.state == GenerationJob.State.DONE
    assert again.counts == COUNTS and again.level == "B1"


def test_running_a_job_again_after_it_finished_does_nothing(quiz):
    job = jobs.job_start(quiz=quiz, level="B1", counts=COUNTS)
    items = list(quiz.items.values_list("pk", "prompt"))
    again = jobs.run_job(job.pk)  # a task delivered twice
    assert again.state == GenerationJob.State.DONE and again.attempts == 1
    assert list(quiz.items.values_list("pk", "prompt")) == items


def test_a_job_interrupted_half_way_is_run_again_with_the_same_result(quiz):
    """What a redelivered task sees after a worker died: a running job with one attempt and no items."""
    done = jobs.job_start(quiz=quiz, level="B1", counts=COUNTS)
    expected = sorted(quiz.items.values_list("kind", "prompt", "answer"))
    lost = GenerationJob.objects.create(teacher=quiz.teacher, quiz=quiz, level="B1", counts=COUNTS,
                                        state=GenerationJob.State.RUNNING, attempts=1, progress=40, step="cloze")
    rerun = jobs.run_job(lost.pk)
    assert rerun.state == GenerationJob.State.DONE and rerun.attempts == 2
    assert sorted(quiz.items.values_list("kind", "prompt", "answer")) == expected
    assert done.pk != lost.pk


def test_after_the_last_attempt_a_lost_job_is_failed_with_its_reason(quiz, settings):
    settings.QUIZGEN_JOB_MAX_ATTEMPTS = 2
    lost = GenerationJob.objects.create(teacher=quiz.teacher, quiz=quiz, level="B1", counts=COUNTS,
                                        state=GenerationJob.State.RUNNING, attempts=2)
    job = jobs.run_job(lost.pk)
    assert job.state == GenerationJob.State.FAILED
    assert "stopped 2 times" in job.message and "run it again" in job.message
    assert quiz.items.count() == 0


def test_a_second_job_for_the_same_quiz_is_refused_while_one_runs_unless_it_stalled(quiz, settings):
    running = GenerationJob.objects.create(teacher=quiz.teacher, quiz=quiz, level="B1", counts=COUNTS,
                                           state=GenerationJob.State.RUNNING, attempts=1)
    with pytest.raises(QuizRefused, match="already being generated"):
        jobs.job_start(quiz=quiz, level="B1", counts=COUNTS)
    assert quiz.jobs.count() == 1

    GenerationJob.objects.filter(pk=running.pk).update(
        updated=timezone.now() - timedelta(seconds=settings.QUIZGEN_JOB_STALLED_AFTER + 1))
    running.refresh_from_db()
    assert running.is_stalled
    new = jobs.job_start(quiz=quiz, level="B1", counts=COUNTS)
    assert new.state == GenerationJob.State.DONE
    running.refresh_from_db()
    assert running.state == GenerationJob.State.FAILED and "Replaced" in running.message


def test_the_job_page_and_its_status_are_the_teachers_own(client, quiz):
    job = GenerationJob.objects.create(teacher=quiz.teacher, quiz=quiz, level="B1", counts=COUNTS,
                                       state=GenerationJob.State.RUNNING, attempts=1, progress=40, step="cloze")
    client.force_login(quiz.teacher)
    page = client.get(reverse("quizzes:job", kwargs={"job_id": job.pk}))
    assert page.status_code == 200
    assert b'<progress id="job-progress" max="100" value="40">' in page.content
    assert b"making gap exercises" in page.content and b"job.js" in page.content
    status = client.get(reverse("quizzes:job_status", kwargs={"job_id": job.pk})).json()
    assert status["state"] == "running" and status["progress"] == 40 and not status["finished"]

    client.force_login(make_teacher("herr_schmidt"))
    assert client.get(reverse("quizzes:job", kwargs={"job_id": job.pk})).status_code == 404
    assert client.get(reverse("quizzes:job_status", kwargs={"job_id": job.pk})).status_code == 404
    assert client.post(reverse("quizzes:job_rerun", kwargs={"job_id": job.pk})).status_code == 404


def test_generating_from_the_review_page_without_workers_goes_back_to_the_quiz(client, quiz):
    client.force_login(quiz.teacher)
    form = {"level": "B1", **{key: 0 for key in generation.default_counts()}, **COUNTS}
    response = client.post(reverse("quizzes:generate", kwargs={"quiz_id": quiz.pk}), form, follow=True)
    assert response.redirect_chain[-1][0] == reverse("quizzes:review", kwargs={"quiz_id": quiz.pk})
    assert "Generated" in response.content.decode()
    assert quiz.jobs.get().state == GenerationJob.State.DONE


def test_a_job_whose_quiz_was_deleted_is_skipped_quietly(quiz):
    job = GenerationJob.objects.create(teacher=quiz.teacher, quiz=quiz, level="B1", counts=COUNTS)
    quiz.delete()
    assert jobs.run_job(job.pk) is None
