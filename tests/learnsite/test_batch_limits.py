"""Batch imports within the teacher's hourly limit and, without workers, within the request's
bounds; lost generations not counted (issue 15, findings 3, 5 and 15)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from learnsite.quizzes.models import GenerationJob, ImportBatch, Quiz
from learnsite.quizzes.services import batch_import, jobs
from learnsite.quizzes.services import quizzes as services
from learnsite.quizzes.services.batch_import import RequestBounds
from quizgen.text.batch_sources import ArticleSource
from tests.learnsite.quiz_factories import make_teacher
from tests.learnsite.test_batch_import import GERMAN_1, GERMAN_2

pytestmark = pytest.mark.django_db

COUNTS = {"cloze:open": 1}


def _sources(n: int, text: str = GERMAN_1) -> list[ArticleSource]:
    return [ArticleSource(name=f"a{i}", text=text, title=f"Artikel {i}", source=f"a{i}.txt") for i in range(n)]


def test_a_batch_counts_against_the_hourly_limit_and_says_which_articles_are_over_it(client, settings):
    settings.QUIZGEN_GENERATIONS_PER_HOUR = 2
    teacher = make_teacher()
    client.force_login(teacher)
    assert "2 are left this hour" in client.get(reverse("quizzes:batch_new")).content.decode()
    csv = "title,text\n" + "".join(f"Artikel {i},{GERMAN_1}\n" for i in range(4))
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(reverse("quizzes:batch_new"), {
        "level": "B1", "csv": SimpleUploadedFile("artikel.csv", csv.encode(), content_type="text/csv")})
    batch = ImportBatch.objects.get()
    assert response["Location"] == reverse("quizzes:batch", args=[batch.pk])
    assert batch.jobs.count() == 2 and Quiz.objects.count() == 2
    assert [s["reason"] for s in batch.skipped] == ["Over your limit of 2 generations an hour (each article of a "
                                                    "batch is one): import it again later."] * 2
    assert services.generations_left(teacher=teacher) == 0
    single = Quiz.objects.first()
    with pytest.raises(services.RateLimited):
        jobs.job_start(quiz=single, level="B1", counts=COUNTS)


def test_the_operators_import_command_does_not_use_the_teachers_share(settings):
    settings.QUIZGEN_GENERATIONS_PER_HOUR = 1
    teacher = make_teacher()
    batch = batch_import.batch_create(teacher=teacher, sources=_sources(2), level="B1", counts=COUNTS,
                                      counted=False)
    assert batch.jobs.count() == 2 and services.generations_left(teacher=teacher) == 1


def test_a_batch_in_the_request_is_bounded_by_its_characters_and_reports_the_rest(settings):
    teacher = make_teacher()
    bounds = RequestBounds(articles=20, characters=len(GERMAN_1) + len(GERMAN_2) + 10, seconds=60)
    sources = _sources(1) + [ArticleSource(name="b", text=GERMAN_2, source="b.txt"),
                             ArticleSource(name="c", text=GERMAN_1, source="c.txt")]
    # A2: GERMAN_2 is written in A1 words, which from B1 on no open gap asks
    batch = batch_import.batch_create(teacher=teacher, sources=sources, level="A2", counts=COUNTS, bounds=bounds)
    assert batch.jobs.filter(state=GenerationJob.State.DONE).count() == 2
    ((skipped),) = batch.skipped
    assert skipped["name"] == "c.txt" and f"Over the {bounds.characters:,} characters" in skipped["reason"]


def test_jobs_beyond_the_requests_time_are_set_aside_to_run_again_and_not_counted(monkeypatch):
    teacher = make_teacher()
    clock = [0.0]
    monkeypatch.setattr(batch_import, "_clock", lambda: clock[0])
    real_run = jobs.run_job

    def run_and_take_long(job_id: int):
        clock[0] += 100  # the first generation uses up the 60 s
        return real_run(job_id)

    monkeypatch.setattr(jobs, "run_job", run_and_take_long)
    bounds = RequestBounds(articles=20, characters=100_000, seconds=60)
    batch = batch_import.batch_create(teacher=teacher, sources=_sources(3), level="B1", counts=COUNTS, bounds=bounds)
    states = sorted(batch.jobs.values_list("state", "lost"))
    assert states == [("done", False), ("failed", True), ("failed", True)]
    assert "run it again" in batch.jobs.filter(state="failed").first().message
    assert services.generations_in_last_hour(teacher=teacher) == 1  # the two never run are not counted
    monkeypatch.setattr(jobs, "run_job", real_run)
    again = batch_import.batch_rerun(batch=batch)
    assert len(again) == 2 and all(job.state == "done" for job in again)


def test_articles_read_after_the_requests_time_are_reported_not_dropped(monkeypatch):
    teacher = make_teacher()
    clock = [0.0]
    monkeypatch.setattr(batch_import, "_clock", lambda: clock[0])
    sources = iter(_sources(3))

    def slow_sources():
        yield next(sources)
        clock[0] = 100  # reading the first took all the time (a slow page, say)
        yield from sources

    bounds = RequestBounds(articles=20, characters=100_000, seconds=60)
    batch = batch_import.batch_create(teacher=teacher, sources=slow_sources(), level="B1", counts=COUNTS,
                                      bounds=bounds)
    assert batch.jobs.count() == 1
    assert [s["name"] for s in batch.skipped] == ["a1.txt", "a2.txt"]
    assert all("ran out of time" in s["reason"] for s in batch.skipped)


def test_a_killed_generation_does_not_count_and_its_job_is_offered_again(settings):
    settings.QUIZGEN_GENERATIONS_PER_HOUR = 1
    teacher = make_teacher()
    quiz = services.quiz_create_draft(teacher=teacher, title="Kelsbach", text=GERMAN_1)
    job = jobs.job_start(quiz=quiz, level="B1", counts=COUNTS, run_now=False)  # counted, then the worker dies
    assert services.generations_left(teacher=teacher) == 0
    GenerationJob.objects.filter(pk=job.pk).update(state="running", updated=timezone.now() - timedelta(seconds=600))
    job.refresh_from_db()
    assert job.is_stalled and services.generations_left(teacher=teacher) == 1
    again = jobs.job_rerun(job=job)
    assert again.state == "done"
    job.refresh_from_db()
    assert job.state == "failed" and job.lost and services.generations_left(teacher=teacher) == 0


def test_a_job_left_waiting_by_a_killed_request_is_stalled_without_workers(settings):
    teacher = make_teacher()
    quiz = services.quiz_create_draft(teacher=teacher, title="Kelsbach", text=GERMAN_1)
    job = jobs.job_start(quiz=quiz, level="B1", counts=COUNTS, run_now=False)
    GenerationJob.objects.filter(pk=job.pk).update(updated=timezone.now() - timedelta(seconds=600))
    job.refresh_from_db()
    assert job.state == "queued" and job.is_stalled
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"  # with workers, waiting is normal
    assert not job.is_stalled


def test_deleting_a_quiz_does_not_give_its_generation_back(settings):
    settings.QUIZGEN_GENERATIONS_PER_HOUR = 1
    teacher = make_teacher()
    quiz = services.quiz_create_draft(teacher=teacher, title="Kelsbach", text=GERMAN_1)
    jobs.job_start(quiz=quiz, level="B1", counts=COUNTS)
    quiz.delete()
    assert services.generations_left(teacher=teacher) == 0


def test_thousands_of_bad_rows_are_reported_with_one_save_of_the_batch():
    teacher = make_teacher()
    sources = [ArticleSource(name=f"r{i}", text=None, source=f"articles.csv line {i}", error="bad row")
               for i in range(2000)]
    with CaptureQueriesContext(connection) as queries:
        batch = batch_import.batch_create(teacher=teacher, sources=sources, level="B1", counts=COUNTS)
    assert len(batch.skipped) == 2000
    updates = [q for q in queries.captured_queries if q["sql"].startswith("UPDATE") and "skipped" in q["sql"]]
    assert len(updates) <= 2, len(updates)
