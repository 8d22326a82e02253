"""Writes for quizzes: draft, generation, publishing. Items: services/items.py; attempts: services/attempts.py."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from learnsite.lessons.models import Article
from learnsite.quizzes.models import TITLE_MAX_LENGTH, GenerationJob, GenerationRun, Quiz, SchoolClass
from learnsite.quizzes.refusals import QuizRefused, RateLimited
from learnsite.quizzes.services import generation
from learnsite.quizzes.services.items import items_insert, items_replace
from learnsite.quizzes.services.pack_items import drafts_from_pack, pack_summary
from learnsite.quizzes.titles import shorten, title_from_text
from quizgen.errors import KindError
from quizgen.kinds import exercise_kind_by_key
from quizgen.pack import LEVELS
from quizgen.text.checks import check_text


def quiz_create_draft(*, teacher: AbstractBaseUser, title: str, text: str, source: str = "",
                      article: Article | None = None) -> Quiz:
    """Save a teacher's text as a draft quiz, before anything is generated from it."""
    cleaned = check_text(text, max_chars=settings.QUIZGEN_MAX_CHARS)
    title = shorten(title, TITLE_MAX_LENGTH) or title_from_text(cleaned, max_length=TITLE_MAX_LENGTH)
    quiz = Quiz(teacher=teacher, title=title, text=cleaned, source=source[:500], article=article)
    quiz.full_clean()
    quiz.save()
    return quiz


def generations_in_last_hour(*, teacher: AbstractBaseUser) -> int:
    """Generations the teacher started in the last hour, for the hourly limit. A generation whose
    run was lost does not count: its job failed as lost, or it is stalled (running, or without
    workers waiting, with no sign of life for QUIZGEN_JOB_STALLED_AFTER seconds)."""
    now = timezone.now()
    silent_since = now - timedelta(seconds=settings.QUIZGEN_JOB_STALLED_AFTER)
    runs = (GenerationRun.objects.filter(teacher=teacher, created__gte=now - timedelta(hours=1))
            .exclude(job__lost=True)
            .exclude(job__state=GenerationJob.State.RUNNING, job__updated__lt=silent_since))
    if not settings.CELERY_BROKER_URL:
        runs = runs.exclude(job__state=GenerationJob.State.QUEUED, job__updated__lt=silent_since)
    return runs.count()


def generations_left(*, teacher: AbstractBaseUser) -> int:
    """How many more generations the teacher may start this hour."""
    return max(0, settings.QUIZGEN_GENERATIONS_PER_HOUR - generations_in_last_hour(teacher=teacher))


def _rate_limited() -> RateLimited:
    limit = settings.QUIZGEN_GENERATIONS_PER_HOUR
    return RateLimited(
        _("You have generated %(limit)d times in the last hour, the limit per account. "
          "Your text and items are saved; try again later.") % {"limit": limit}
    )


def generation_check(*, teacher: AbstractBaseUser) -> None:
    """Refuse a generation when the teacher's hourly limit is used up."""
    if generations_left(teacher=teacher) <= 0:
        raise _rate_limited()


def check_level_and_counts(level: str, counts: Mapping[str, int]) -> None:
    if level not in LEVELS:
        raise QuizRefused(_("Choose a level from A1 to C2."))
    if any(n < 0 or n > generation.MAX_PER_KIND for n in counts.values()):
        raise QuizRefused(_("Ask for between 0 and %(max)d items of each kind.") % {"max": generation.MAX_PER_KIND})
    if not any(counts.values()):
        raise QuizRefused(_("Ask for at least one item."))
    for key in counts:
        try:
            exercise_kind_by_key(key)
        except KindError:
            raise QuizRefused(_("Choose the kinds of item from the list.")) from None


def generation_count(*, quiz: Quiz, job: GenerationJob | None = None) -> None:
    """Count a generation (of ``job``) against the teacher's hourly limit; call
    ``generation_check`` first."""
    GenerationRun.objects.create(teacher=quiz.teacher, quiz=quiz, job=job)


def generation_apply(*, quiz: Quiz, level: str, counts: Mapping[str, int], only_kind: bool = False,
                     progress: generation.ProgressCallback | None = None) -> int:
    """Generate from the quiz's saved text and put the items in, all at once; returns how many.

    Every generated item is replaced, or with ``only_kind`` only the items of the one kind in
    ``counts``. The text is never touched, so a generation that dies half-way loses nothing, and
    running it twice leaves the same quiz as running it once.
    Items learners have answered are not deleted: they are retired (kept for those attempts) and
    the quiz's version goes up. The teacher's own items stay.
    """
    check_level_and_counts(level, counts)
    pack = generation.run_make_pack(text=quiz.text, title=quiz.title, level=level, counts=counts,
                                    progress=progress)  # outside the transaction: slow
    drafts = drafts_from_pack(pack, counts)
    if not drafts and only_kind:
        raise QuizRefused(_("The text gave no items of this kind; the others are unchanged."))
    if not drafts:
        raise QuizRefused(_("The text gave no items with these settings. A longer text, or other kinds of "
                            "items, give more. The items you had are unchanged."))
    if progress:
        progress("saving", 0.98)
    with transaction.atomic():
        quiz.refresh_from_db()
        replaced = quiz.current_items.filter(by_teacher=False)
        if only_kind:
            (key,) = counts
            section, kind = key.split(":")
            replaced = replaced.filter(section=section, kind=kind)
        else:
            quiz.level = level
            quiz.generated = timezone.now()
        items_replace(quiz=quiz, items=replaced)
        quiz.pack = pack_summary(pack)
        quiz.save()
        items_insert(quiz=quiz, drafts=drafts)
    return len(drafts)


def quiz_publish(*, quiz: Quiz) -> Quiz:
    if not quiz.current_items.exists():
        raise QuizRefused(_("Generate or add at least one item before publishing."))
    quiz.status = Quiz.Status.PUBLISHED
    quiz.save(update_fields=["status"])
    return quiz


def quiz_unpublish(*, quiz: Quiz) -> Quiz:
    """Stop new attempts; attempts already started may still be finished."""
    quiz.status = Quiz.Status.DRAFT
    quiz.save(update_fields=["status"])
    return quiz


def quiz_rename(*, quiz: Quiz, title: str) -> Quiz:
    """A new title, stored whole (lists shorten it for display)."""
    title = " ".join(title.split())
    if not title:
        raise QuizRefused(_("Give the quiz a title."))
    if len(title) > TITLE_MAX_LENGTH:
        raise QuizRefused(_("A title can have at most %(n)d characters.") % {"n": TITLE_MAX_LENGTH})
    quiz.title = title
    quiz.save(update_fields=["title"])
    return quiz


def quiz_delete(*, quiz: Quiz) -> None:
    """Delete the quiz with its items, attempts and results (the views ask first)."""
    quiz.delete()


@transaction.atomic
def quiz_duplicate(*, quiz: Quiz) -> Quiz:
    """A draft copy of the quiz with its current items, for another class or another version of the
    lesson; no attempts, a new link and code."""
    title = shorten(_("%(title)s (copy)") % {"title": quiz.title}, TITLE_MAX_LENGTH)
    copy = Quiz.objects.create(teacher=quiz.teacher, article=quiz.article, title=title, text=quiz.text,
                               source=quiz.source, level=quiz.level, pack=quiz.pack, generated=quiz.generated,
                               school_class=quiz.school_class)
    for item in quiz.current_items.order_by("section", "position", "id"):
        item.pk = None
        item.quiz = copy
        item.replaces = None
        item.save()
    return copy


def quiz_assign_class(*, quiz: Quiz, school_class: SchoolClass | None) -> Quiz:
    """Share the quiz with one of the teacher's classes (or with anyone who has the link)."""
    if school_class is not None and school_class.teacher_id != quiz.teacher_id:
        raise QuizRefused(_("Choose one of your classes."))
    quiz.school_class = school_class
    quiz.save(update_fields=["school_class"])
    return quiz
