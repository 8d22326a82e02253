"""Reads for quizzes. A teacher's own objects are reached only through ``_owned``, which
answers 404 for anyone else's (and for objects that do not exist, so nothing is confirmed)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any, TypeVar

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Count, Model, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from learnsite.quizzes.models import (
    Answer,
    ApiToken,
    Attempt,
    GenerationJob,
    ImportBatch,
    Item,
    Learner,
    Quiz,
    SchoolClass,
)

M = TypeVar("M", bound=Model)


def _owned(queryset: QuerySet[M], *, user: AbstractBaseUser | AnonymousUser, owner: str = "teacher",
           **lookup: Any) -> M:
    """The object matching ``lookup`` if ``user`` is its ``owner`` (a field path); 404 otherwise."""
    if not user.is_authenticated:
        raise Http404
    return get_object_or_404(queryset, **{owner: user}, **lookup)


def quiz_get_for_teacher(*, teacher: AbstractBaseUser | AnonymousUser, quiz_id: int) -> Quiz:
    return _owned(Quiz.objects.all(), user=teacher, pk=quiz_id)


def class_get_for_teacher(*, teacher: AbstractBaseUser | AnonymousUser, class_id: int) -> SchoolClass:
    return _owned(SchoolClass.objects.all(), user=teacher, pk=class_id)


def class_list_for_teacher(*, teacher: AbstractBaseUser) -> QuerySet[SchoolClass]:
    return SchoolClass.objects.filter(teacher=teacher).annotate(learner_count=Count("learners", distinct=True))


def learner_get_for_teacher(*, teacher: AbstractBaseUser | AnonymousUser, class_id: int, learner_id: int) -> Learner:
    return _owned(Learner.objects.select_related("school_class"), user=teacher, owner="school_class__teacher",
                  pk=learner_id, school_class_id=class_id)


def answer_get_for_teacher(*, teacher: AbstractBaseUser | AnonymousUser, quiz_id: int, answer_id: int) -> Answer:
    return _owned(Answer.objects.select_related("attempt", "item"), user=teacher, owner="attempt__quiz__teacher",
                  pk=answer_id, attempt__quiz_id=quiz_id)


def item_get_for_teacher(*, teacher: AbstractBaseUser | AnonymousUser, quiz_id: int, item_id: int) -> Item:
    return _owned(Item.objects.select_related("quiz"), user=teacher, owner="quiz__teacher", pk=item_id,
                  quiz_id=quiz_id)


def job_get_for_teacher(*, teacher: AbstractBaseUser | AnonymousUser, job_id: int) -> GenerationJob:
    return _owned(GenerationJob.objects.select_related("quiz"), user=teacher, pk=job_id)


def batch_get_for_teacher(*, teacher: AbstractBaseUser | AnonymousUser, batch_id: int) -> ImportBatch:
    return _owned(ImportBatch.objects.all(), user=teacher, pk=batch_id)


def api_token_teacher(*, key_hash: str) -> AbstractBaseUser | None:
    """The teacher whose API key hashes to ``key_hash`` (and the key's last use is noted), or None."""
    token = ApiToken.objects.select_related("teacher").filter(key_hash=key_hash).first()
    if token is None or not token.teacher.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used=timezone.now())
    return token.teacher


def api_tokens_for_teacher(*, teacher: AbstractBaseUser) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(teacher=teacher)


def api_token_get_for_teacher(*, teacher: AbstractBaseUser | AnonymousUser, token_id: int) -> ApiToken:
    return _owned(ApiToken.objects.all(), user=teacher, pk=token_id)


def quiz_list_for_teacher(*, teacher: AbstractBaseUser) -> QuerySet[Quiz]:
    return Quiz.objects.filter(teacher=teacher).select_related("school_class").annotate(
        item_count=Count("items", filter=Q(items__retired__isnull=True), distinct=True),
        attempt_count=Count("attempts", distinct=True))


def answered_item_ids(*, quiz: Quiz) -> set[int]:
    """The quiz's items that some learner has answered."""
    return set(Answer.objects.filter(item__quiz=quiz).values_list("item_id", flat=True).distinct())


def quiz_get_by_token(*, token: str) -> Quiz:
    return get_object_or_404(Quiz, share_token=token)


def quiz_get_for_download(*, token: str, user: AbstractBaseUser | AnonymousUser) -> Quiz:
    """A quiz's learner downloads: open while it is published, to its teacher always; 404 else."""
    quiz = quiz_get_by_token(token=token)
    if not quiz.is_published and not (user.is_authenticated and user.pk == quiz.teacher_id):
        raise Http404
    return quiz


def _code(code: str) -> str:
    """A code as typed: spaces and dashes dropped, any case."""
    return "".join(code.replace("-", " ").split()).upper()


def learner_card_items(*, quiz: Quiz, attempt: Attempt | None = None) -> QuerySet[Item]:
    """The items whose cards (cloze and question notes: each card shows its answer) a learner's
    Anki deck may hold: every item when the teacher allows the answer cards; else the items the
    learner answered in ``attempt`` once it is finished; else none (the deck is the vocabulary)."""
    if quiz.answer_cards_for_learners:
        return quiz.current_items.all()
    if attempt is not None and attempt.finished is not None and attempt.quiz_id == quiz.pk:
        return quiz.items.filter(answers__attempt=attempt)
    return quiz.items.none()


def quiz_find_by_code(*, code: str) -> Quiz | None:
    """The published quiz with this class code; a draft or unpublished quiz is not found by it."""
    return Quiz.objects.filter(class_code=_code(code), status=Quiz.Status.PUBLISHED).first()


def class_find_by_code(*, code: str) -> SchoolClass | None:
    return SchoolClass.objects.filter(code=_code(code)).first()


def class_get_by_code(*, code: str) -> SchoolClass:
    return get_object_or_404(SchoolClass, code=_code(code))


def learner_find_by_code(*, code: str) -> Learner | None:
    return Learner.objects.select_related("school_class").filter(personal_code=_code(code)).first()


def learners_known_here(*, learner_ids: Collection[int]) -> QuerySet[Learner]:
    """The learners this browser joined as (or came back as with a personal code)."""
    return Learner.objects.select_related("school_class").filter(pk__in=list(learner_ids))


def learner_in_class(*, school_class: SchoolClass, learner_ids: Collection[int]) -> Learner | None:
    """The learner of ``school_class`` this browser is, if any."""
    return school_class.learners.filter(pk__in=list(learner_ids)).first()


def quizzes_open_in_class(*, school_class: SchoolClass) -> QuerySet[Quiz]:
    return school_class.quizzes.filter(status=Quiz.Status.PUBLISHED)


def attempts_of_learner(*, learner: Learner) -> QuerySet[Attempt]:
    return learner.attempts.select_related("quiz")


class AttemptElsewhere(Exception):
    """The attempt exists but was started in another browser: the page says how to go on."""

    def __init__(self, attempt: Attempt) -> None:
        super().__init__(attempt.pk)
        self.attempt = attempt


def attempt_get_for_browser(*, token: str, attempt_id: int, started_here: Collection[int],
                            learners_here: Collection[int] = ()) -> Attempt:
    """The attempt if it belongs to the quiz of ``token`` and this browser may see it: it was
    started here (``started_here``: the attempt ids the session remembers) or belongs to a class
    learner who joined or came back here (``learners_here``). Another browser's attempt raises
    AttemptElsewhere; no such attempt, 404."""
    quiz = quiz_get_by_token(token=token)
    attempt = get_object_or_404(Attempt.objects.select_related("quiz", "learner"), pk=attempt_id, quiz=quiz)
    if attempt.pk not in started_here and attempt.learner_id not in set(learners_here):
        raise AttemptElsewhere(attempt)
    return attempt


def item_get_in_attempt(*, attempt: Attempt, item_id: int) -> Item:
    """An item the attempt asks; 404 for any other (another quiz's item among them)."""
    if item_id not in attempt.item_ids:
        raise Http404
    return get_object_or_404(Item, pk=item_id, quiz_id=attempt.quiz_id)


def attempt_items(*, attempt: Attempt) -> list[Item]:
    """The attempt's items in the order it was given them, earlier versions included (the items
    a teacher deleted before anyone answered them are left out)."""
    by_id = {item.pk: item for item in attempt.quiz.items.filter(pk__in=attempt.item_ids)}
    return [by_id[i] for i in attempt.item_ids if i in by_id]


def answers_by_item(*, attempt: Attempt) -> dict[int, Answer]:
    return {answer.item_id: answer for answer in attempt.answers.all()}


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
