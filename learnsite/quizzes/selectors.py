"""Reads for quizzes. A teacher reaches a quiz only through ``get_quiz_for_teacher``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from learnsite.quizzes.models import Answer, Attempt, GenerationJob, ImportBatch, Item, Quiz


def get_quiz_for_teacher(user: AbstractBaseUser, quiz_id: int) -> Quiz:
    """The quiz if this user made it; 404 otherwise (also for quizzes that do not exist)."""
    if not user.is_authenticated:
        raise Http404
    return get_object_or_404(Quiz, pk=quiz_id, teacher=user)


def get_item_for_teacher(user: AbstractBaseUser, quiz_id: int, item_id: int) -> Item:
    quiz = get_quiz_for_teacher(user, quiz_id)
    return get_object_or_404(Item, pk=item_id, quiz=quiz)


def quiz_list_for_teacher(*, teacher: AbstractBaseUser) -> QuerySet[Quiz]:
    return Quiz.objects.filter(teacher=teacher)


def quiz_get_by_token(*, token: str) -> Quiz:
    return get_object_or_404(Quiz, share_token=token)


def quiz_find_by_code(*, code: str) -> Quiz | None:
    cleaned = "".join(code.split()).upper()
    return Quiz.objects.filter(class_code=cleaned).first()


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


def get_job_for_teacher(user: AbstractBaseUser, job_id: int) -> GenerationJob:
    """The job if this user started it; 404 otherwise."""
    if not user.is_authenticated:
        raise Http404
    return get_object_or_404(GenerationJob.objects.select_related("quiz"), pk=job_id, teacher=user)


def get_batch_for_teacher(user: AbstractBaseUser, batch_id: int) -> ImportBatch:
    """The batch import if this user started it; 404 otherwise."""
    if not user.is_authenticated:
        raise Http404
    return get_object_or_404(ImportBatch, pk=batch_id, teacher=user)
