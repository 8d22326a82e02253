"""Reads for quizzes. A teacher's own objects are reached only through ``_owned``, which
answers 404 for anyone else's (and for objects that do not exist, so nothing is confirmed)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any, TypeVar

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Model, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from learnsite.quizzes.models import Answer, Attempt, GenerationJob, ImportBatch, Item, Quiz

M = TypeVar("M", bound=Model)


def _owned(queryset: QuerySet[M], *, user: AbstractBaseUser | AnonymousUser, owner: str = "teacher",
           **lookup: Any) -> M:
    """The object matching ``lookup`` if ``user`` is its ``owner`` (a field path); 404 otherwise."""
    if not user.is_authenticated:
        raise Http404
    return get_object_or_404(queryset, **{owner: user}, **lookup)


def quiz_get_for_teacher(*, teacher: AbstractBaseUser | AnonymousUser, quiz_id: int) -> Quiz:
    return _owned(Quiz.objects.all(), user=teacher, pk=quiz_id)


def item_get_for_teacher(*, teacher: AbstractBaseUser | AnonymousUser, quiz_id: int, item_id: int) -> Item:
    return _owned(Item.objects.select_related("quiz"), user=teacher, owner="quiz__teacher", pk=item_id,
                  quiz_id=quiz_id)


def job_get_for_teacher(*, teacher: AbstractBaseUser | AnonymousUser, job_id: int) -> GenerationJob:
    return _owned(GenerationJob.objects.select_related("quiz"), user=teacher, pk=job_id)


def batch_get_for_teacher(*, teacher: AbstractBaseUser | AnonymousUser, batch_id: int) -> ImportBatch:
    return _owned(ImportBatch.objects.all(), user=teacher, pk=batch_id)


def quiz_list_for_teacher(*, teacher: AbstractBaseUser) -> QuerySet[Quiz]:
    return Quiz.objects.filter(teacher=teacher)


def quiz_get_by_token(*, token: str) -> Quiz:
    return get_object_or_404(Quiz, share_token=token)


def quiz_get_for_download(*, token: str, user: AbstractBaseUser | AnonymousUser) -> Quiz:
    """A quiz's learner downloads: open while it is published, to its teacher always; 404 else."""
    quiz = quiz_get_by_token(token=token)
    if not quiz.is_published and not (user.is_authenticated and user.pk == quiz.teacher_id):
        raise Http404
    return quiz


def quiz_find_by_code(*, code: str) -> Quiz | None:
    cleaned = "".join(code.split()).upper()
    return Quiz.objects.filter(class_code=cleaned).first()


def attempt_get_for_browser(*, token: str, attempt_id: int, started_here: Collection[int]) -> Attempt:
    """The attempt if it belongs to the quiz of ``token`` and was started in this browser
    (``started_here``: the attempt ids its session remembers); 404 otherwise."""
    quiz = quiz_get_by_token(token=token)
    attempt = get_object_or_404(Attempt.objects.select_related("quiz"), pk=attempt_id, quiz=quiz)
    if attempt.pk not in started_here:
        raise Http404
    return attempt


def item_get_in_attempt(*, attempt: Attempt, item_id: int) -> Item:
    """An item the attempt asks; 404 for any other (another quiz's item among them)."""
    if item_id not in attempt.item_ids:
        raise Http404
    return get_object_or_404(Item, pk=item_id, quiz_id=attempt.quiz_id)


def attempt_items(*, attempt: Attempt) -> list[Item]:
    """The attempt's items in the order it was given them (deleted items left out)."""
    by_id = {item.pk: item for item in attempt.quiz.items.filter(pk__in=attempt.item_ids)}
    return [by_id[i] for i in attempt.item_ids if i in by_id]


def answers_by_item(*, attempt: Attempt) -> dict[int, Answer]:
    return {answer.item_id: answer for answer in attempt.answers.all()}


@dataclass(frozen=True)
class ItemResult:
    item: Item
    answered: int
    right: int
    common_wrong: list[tuple[str, int]]

    @property
    def share_right(self) -> float | None:
        return self.right / self.answered if self.answered else None


@dataclass(frozen=True)
class LearnerResult:
    attempt: Attempt
    answers: list[Answer]
    seconds: int | None


def quiz_results(*, quiz: Quiz) -> tuple[list[LearnerResult], list[ItemResult]]:
    """Per learner (each attempt, newest first) and per item (share right, common wrong answers)."""
    attempts = list(quiz.attempts.prefetch_related("answers__item"))
    learners = []
    for attempt in attempts:
        seconds = int((attempt.finished - attempt.started).total_seconds()) if attempt.finished else None
        answers = sorted(attempt.answers.all(), key=lambda a: (a.item.section, a.item.position))
        learners.append(LearnerResult(attempt=attempt, answers=answers, seconds=seconds))
    items = []
    all_answers = list(Answer.objects.filter(item__quiz=quiz))
    for item in quiz.items.all():
        mine = [a for a in all_answers if a.item_id == item.pk]
        wrong = Counter(a.given.strip().casefold() for a in mine if not a.correct)
        items.append(ItemResult(item=item, answered=len(mine), right=sum(a.correct for a in mine),
                                common_wrong=wrong.most_common(3)))
    return learners, items


def latest_job(*, quiz: Quiz) -> GenerationJob | None:
    """The quiz's last generation job, shown on the review page while it runs or when it failed."""
    return quiz.jobs.order_by("-created", "-pk").first()


@dataclass(frozen=True)
class BatchProgress:
    """Where a batch stands: its jobs by state, the articles skipped, whether anything still runs.

    ``stalled`` jobs are running jobs whose worker fell silent (not counted in ``running``): the
    workers' sweep queues them again, or the teacher runs them again at once.
    """

    total: int
    done: int
    failed: int
    waiting: int
    running: int
    skipped: int
    stalled: int = 0

    @property
    def finished(self) -> bool:
        return self.waiting == 0 and self.running == 0 and self.stalled == 0

    @property
    def to_run_again(self) -> int:
        """Jobs that "Run again" for the whole batch would start: the failed and the stalled."""
        return self.failed + self.stalled

    @property
    def percent(self) -> int:
        return 100 if not self.total else round(100 * (self.done + self.failed) / self.total)


def batch_jobs(*, batch: ImportBatch) -> list[GenerationJob]:
    """The last job of each quiz in the batch (a job run again replaces the failed one), in import order."""
    latest: dict[int, GenerationJob] = {}
    for job in batch.jobs.select_related("quiz").order_by("created", "pk"):
        latest.pop(job.quiz_id, None)
        latest[job.quiz_id] = job
    return sorted(latest.values(), key=lambda j: j.quiz_id)


def batch_progress(*, batch: ImportBatch, jobs: list[GenerationJob] | None = None) -> BatchProgress:
    """How many of the batch's jobs are done, failed, waiting, running and stalled, and how many
    articles were skipped; from ``jobs`` (``batch_jobs``) when the caller has just read them."""
    latest = batch_jobs(batch=batch) if jobs is None else jobs
    states = Counter("stalled" if job.is_stalled else job.state for job in latest)
    return BatchProgress(total=len(latest), done=states[GenerationJob.State.DONE],
                         failed=states[GenerationJob.State.FAILED], waiting=states[GenerationJob.State.QUEUED],
                         running=states[GenerationJob.State.RUNNING], stalled=states["stalled"],
                         skipped=len(batch.skipped))
