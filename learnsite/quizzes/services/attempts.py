"""Writes for learners' attempts: start, answer (checked forgivingly), finish, retry the wrong ones."""

from __future__ import annotations

import re
from collections.abc import Sequence

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from learnsite.quizzes.models import Answer, Attempt, Item, Quiz
from learnsite.quizzes.refusals import NotOpen, QuizRefused
from quizgen.lesson.answer_check import check_answer


def attempt_start(*, quiz: Quiz, learner_name: str) -> Attempt:
    if not quiz.is_published:
        raise NotOpen(_("This quiz is not open at the moment. Ask your teacher."))
    name = " ".join(learner_name.split())[:80]
    if not name:
        raise QuizRefused(_("Give your name so your teacher sees your result."))
    item_ids = list(quiz.items.order_by("section", "position", "id").values_list("id", flat=True))
    return Attempt.objects.create(quiz=quiz, learner_name=name, item_ids=item_ids)


def attempt_retry_wrong(*, attempt: Attempt) -> Attempt:
    """A new attempt with only the items this one got wrong or left out."""
    if not attempt.quiz.is_published:
        raise NotOpen(_("This quiz is not open at the moment. Ask your teacher."))
    right = set(attempt.answers.filter(correct=True).values_list("item_id", flat=True))
    existing = set(attempt.quiz.items.values_list("id", flat=True))
    wrong = [i for i in attempt.item_ids if i not in right and i in existing]
    if not wrong:
        raise QuizRefused(_("Every item was right: there is nothing to retry."))
    return Attempt.objects.create(quiz=attempt.quiz, learner_name=attempt.learner_name, item_ids=wrong,
                                  retry_of=attempt)


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
    correct, exact, note = _judge(item, given)
    try:
        with transaction.atomic():
            return Answer.objects.create(attempt=attempt, item=item, given=item.exercise_kind.encode_answer(given),
                                         correct=correct, exact=exact, note=note)
    except IntegrityError:  # the same answer posted twice at once
        return Answer.objects.get(attempt=attempt, item=item)


def attempt_finish(*, attempt: Attempt) -> Attempt:
    if attempt.finished is None:
        attempt.score = attempt.answers.filter(correct=True).count()
        attempt.finished = timezone.now()
        attempt.save(update_fields=["score", "finished"])
    return attempt
