"""Writes for learners' attempts: start, answer (checked forgivingly), finish, retry the wrong ones;
and the teacher's corrections of the marking (answers checked again, "count as right")."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from learnsite.quizzes.models import Answer, Attempt, Item, Learner, Quiz
from learnsite.quizzes.refusals import NotOpen, QuizRefused
from quizgen.lesson.answer_check import check_answer


def _ordered_item_ids(quiz: Quiz, seed: int) -> list[int]:
    """The attempt's items: the gaps in the teacher's order (they follow the text), the questions
    shuffled by the attempt's seed, so two learners side by side do not have the same order and
    one learner keeps the same order on every visit."""
    items = list(quiz.current_items.order_by("section", "position", "id").values_list("id", "section"))
    cloze = [pk for pk, section in items if section == Item.Section.CLOZE]
    questions = [pk for pk, section in items if section == Item.Section.QUESTION]
    random.Random(seed).shuffle(questions)
    return cloze + questions


def attempt_start(*, quiz: Quiz, learner_name: str = "", learner: Learner | None = None) -> Attempt:
    """Start an attempt, or carry on with the learner's unfinished one on the same version.

    In a class the learner is known (they joined it); a quiz shared without a class asks a name.
    """
    if not quiz.is_published:
        raise NotOpen(_("This quiz is not open at the moment. Ask your teacher."))
    if learner is not None:
        if quiz.school_class_id != learner.school_class_id:
            raise QuizRefused(_("This quiz belongs to another class. Ask your teacher for the right link."))
        name = learner.name
        unfinished = quiz.attempts.filter(learner=learner, finished__isnull=True, retry_of__isnull=True,
                                          quiz_version=quiz.version).first()
        if unfinished is not None:
            return unfinished
    else:
        if quiz.school_class_id is not None:
            raise QuizRefused(_("Join the class first: give your name once, then start."))
        name = " ".join(learner_name.split())[:80]
        if not name:
            raise QuizRefused(_("Give your name so your teacher sees your result."))
    if not quiz.current_items.exists():
        raise NotOpen(_("This quiz has no items at the moment. Ask your teacher."))
    attempt = Attempt(quiz=quiz, learner=learner, learner_name=name, quiz_version=quiz.version)
    attempt.item_ids = _ordered_item_ids(quiz, attempt.seed)
    attempt.save()
    return attempt


def attempt_retry_wrong(*, attempt: Attempt) -> Attempt:
    """A new attempt with only the items this one got wrong or left out (each in its newest
    version; items the teacher has removed since are left out)."""
    from learnsite.quizzes.services.items import item_current_version

    if not attempt.quiz.is_published:
        raise NotOpen(_("This quiz is not open at the moment. Ask your teacher."))
    right = set(attempt.answers.filter(correct=True).values_list("item_id", flat=True))
    wrong: list[int] = []
    for item_id in attempt.item_ids:
        if item_id in right:
            continue
        current = item_current_version(item_id=item_id)
        if current is not None and current.pk not in wrong:
            wrong.append(current.pk)
    if not wrong:
        raise QuizRefused(_("Every item was right: there is nothing to retry."))
    return Attempt.objects.create(quiz=attempt.quiz, learner=attempt.learner, learner_name=attempt.learner_name,
                                  item_ids=wrong, retry_of=attempt, quiz_version=attempt.quiz.version)


def _without_stem(item: Item, typed: str) -> str:
    """Where the gap is a word's ending, a learner who types the whole word (ersten for erst___)
    means the ending."""
    stem = re.search(r"(\w+)$", item.prompt.split("___", 1)[0])
    if stem and typed.strip().casefold().startswith(stem.group(1).casefold()) and len(typed.strip()) > len(stem.group(1)):
        return typed.strip()[len(stem.group(1)):]
    return typed


def _judge(item: Item, given: Sequence[str]) -> tuple[bool, bool, str]:
    kind = item.exercise_kind
    expected = item.gap_answers
    if kind.gap_after_stem:
        given = [_without_stem(item, g) for g in given]
    if len(given) != len(expected):
        raise QuizRefused(_("This answer does not fit the item. Reload the page and try again."))
    if not any(g.strip() for g in given):
        raise QuizRefused(_("Type or choose an answer first."))
    selected = kind.picked
    all_right, all_exact, notes = True, True, []
    for typed, answer in zip(given, expected):
        accepted = tuple(item.accepted) if len(expected) == 1 else ()
        verdict = check_answer(typed, answer, accepted=accepted, case_matters=item.case_matters)
        if selected:  # a chosen option is right or wrong; no typo or spelling is forgiven
            right = typed.strip() == answer.strip() or typed.strip() in accepted
            note = verdict.note if not right and verdict.note in ("wrong_article", "wrong_ending") else None
            all_right &= right
            all_exact &= right
            if note:
                notes.append(note)
            continue
        all_right &= verdict.correct
        all_exact &= verdict.exact
        if verdict.note and verdict.note != "empty":
            notes.append(verdict.note)
    return all_right, all_exact, notes[0] if notes else ""


def answer_submit(*, attempt: Attempt, item: Item, given: Sequence[str]) -> Answer:
    """Check and record a learner's answer; a second post for the same item returns the first."""
    if item.quiz_id != attempt.quiz_id or item.pk not in attempt.item_ids:
        raise QuizRefused(_("This item is not part of your quiz."))
    existing = Answer.objects.filter(attempt=attempt, item=item).first()
    if existing is not None:
        return existing
    if attempt.finished is not None:
        raise QuizRefused(_("This attempt is finished. Start again to answer more."))
    limit = settings.QUIZGEN_ANSWER_MAX_CHARS
    if sum(len(g) for g in given) > limit:
        raise QuizRefused(_("This answer is longer than %(n)d characters. Give a shorter answer: a word, a few "
                            "words or one sentence.") % {"n": limit})
    correct, exact, note = _judge(item, given)
    try:
        with transaction.atomic():
            return Answer.objects.create(attempt=attempt, item=item, given=item.exercise_kind.encode_answer(given),
                                         correct=correct, judged_correct=correct, exact=exact, note=note)
    except IntegrityError:  # the same answer posted twice at once
        return Answer.objects.get(attempt=attempt, item=item)


def attempt_unanswered(*, attempt: Attempt) -> int:
    """How many of the attempt's items have no answer yet."""
    return max(0, attempt.total - attempt.answers.count())


def attempt_finish(*, attempt: Attempt) -> Attempt:
    if attempt.finished is None:
        attempt.score = attempt.answers.filter(correct=True).count()
        attempt.finished = timezone.now()
        attempt.save(update_fields=["score", "finished"])
    return attempt


def _rescore(attempt_ids: Sequence[int]) -> None:
    """Finished attempts' scores from their answers as they count now."""
    counted = (Attempt.objects.filter(pk__in=attempt_ids, finished__isnull=False)
               .annotate(right=Count("answers", filter=Q(answers__correct=True))))
    for attempt in counted:
        if attempt.score != attempt.right:
            Attempt.objects.filter(pk=attempt.pk).update(score=attempt.right)


@dataclass(frozen=True)
class Recheck:
    checked: int
    now_right: int
    now_wrong: int


@transaction.atomic
def answers_recheck(*, item: Item) -> Recheck:
    """Check every answer given to ``item`` again, after its answer or accepted answers changed;
    a teacher's "count as right" stays; finished attempts' scores follow."""
    now_right = now_wrong = 0
    answers = list(Answer.objects.select_for_update().filter(item=item))
    for answer in answers:
        given = item.exercise_kind.decode_answer(answer.given)
        try:
            judged, exact, note = _judge(item, given)
        except QuizRefused:  # an answer that no longer fits the item (its gaps changed): left as it was
            continue
        correct = answer.teacher_verdict if answer.teacher_verdict is not None else judged
        if correct and not answer.correct:
            now_right += 1
        elif answer.correct and not correct:
            now_wrong += 1
        answer.judged_correct, answer.exact, answer.note, answer.correct = judged, exact, note, correct
    Answer.objects.bulk_update(answers, ["judged_correct", "exact", "note", "correct"])
    _rescore([a.attempt_id for a in answers])
    return Recheck(checked=len(answers), now_right=now_right, now_wrong=now_wrong)


@transaction.atomic
def answer_count_as_right(*, answer: Answer, right: bool) -> Answer:
    """The teacher counts a learner's answer as right, or takes that back (the check decides again)."""
    answer.teacher_verdict = True if right else None
    answer.correct = right or answer.judged_correct
    answer.save(update_fields=["teacher_verdict", "correct"])
    _rescore([answer.attempt_id])
    return answer

