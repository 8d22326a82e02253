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
from learnsite.quizzes.models import GenerationRun, Quiz
from learnsite.quizzes.refusals import QuizRefused, RateLimited
from learnsite.quizzes.services import generation
from learnsite.quizzes.services.items import items_insert
from learnsite.quizzes.services.pack_items import drafts_from_pack, pack_summary
from quizgen.errors import KindError
from quizgen.kinds import exercise_kind_by_key
from quizgen.pack import LEVELS
from quizgen.text.checks import check_text


def quiz_create_draft(*, teacher: AbstractBaseUser, title: str, text: str, source: str = "",
                      article: Article | None = None) -> Quiz:
    """Save a teacher's text as a draft quiz, before anything is generated from it."""
    cleaned = check_text(text, max_chars=settings.QUIZGEN_MAX_CHARS)
    title = title.strip() or cleaned.split("\n", 1)[0][:80]
    quiz = Quiz(teacher=teacher, title=title[:200], text=cleaned, source=source[:500], article=article)
    quiz.full_clean()
    quiz.save()
    return quiz


def _check_rate_limit(teacher: AbstractBaseUser) -> None:
    limit = settings.QUIZGEN_GENERATIONS_PER_HOUR
    since = timezone.now() - timedelta(hours=1)
    if GenerationRun.objects.filter(teacher=teacher, created__gte=since).count() >= limit:
        raise RateLimited(
            _("You have generated %(limit)d times in the last hour, the limit per account. "
              "Your text and items are saved; try again later.") % {"limit": limit}
        )


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


def generation_count(*, quiz: Quiz) -> None:
    """Count a generation against the teacher's hourly limit, or refuse it when the limit is reached."""
    _check_rate_limit(quiz.teacher)
    GenerationRun.objects.create(teacher=quiz.teacher, quiz=quiz)


def generation_apply(*, quiz: Quiz, level: str, counts: Mapping[str, int], only_kind: bool = False,
                     progress: generation.ProgressCallback | None = None) -> int:
    """Generate from the quiz's saved text and put the items in, all at once; returns how many.

    Every item is replaced, or with ``only_kind`` only the items of the one kind in ``counts``.
    The text is never touched, so a generation that dies half-way loses nothing, and running
    it twice leaves the same quiz as running it once.
    """
    check_level_and_counts(level, counts)
    pack = generation.run_make_pack(text=quiz.text, title=quiz.title, level=level, counts=counts,
                                    progress=progress)  # outside the transaction: slow
    drafts = drafts_from_pack(pack, counts)
    if progress:
        progress("saving", 0.98)
    with transaction.atomic():
        if only_kind:
            (key,) = counts
            section, kind = key.split(":")
            quiz.items.filter(section=section, kind=kind).delete()
        else:
            quiz.items.all().delete()
            quiz.level = level
            quiz.generated = timezone.now()
        quiz.pack = pack_summary(pack)
        quiz.save()
        items_insert(quiz=quiz, drafts=drafts)
    if not drafts and only_kind:
        raise QuizRefused(_("The text gave no items of this kind; the others are unchanged."))
    if not drafts:
        raise QuizRefused(_("The text gave no items with these settings. A longer text, or other kinds of "
                            "items, give more."))
    return len(drafts)


def quiz_publish(*, quiz: Quiz) -> Quiz:
    if not quiz.items.exists():
        raise QuizRefused(_("Generate or add at least one item before publishing."))
    quiz.status = Quiz.Status.PUBLISHED
    quiz.save(update_fields=["status"])
    return quiz


def quiz_unpublish(*, quiz: Quiz) -> Quiz:
    """Stop new attempts; attempts already started may still be finished."""
    quiz.status = Quiz.Status.DRAFT
    quiz.save(update_fields=["status"])
    return quiz
