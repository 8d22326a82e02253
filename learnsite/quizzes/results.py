"""Reads of learners' results (selectors, kept apart from selectors.py as their own reason to
change): per learner one row with the best and the latest attempt, per item the share right and
the common wrong answers, per class a learner-by-quiz table. The pages, the CSV/XLSX exports and
the API all read these, so their numbers agree.

Items are numbered as the teacher's review page numbers them (gaps first, then questions); an
item that was replaced after learners answered it keeps its number with "earlier version".
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from learnsite.quizzes.models import (
    Answer,
    Attempt,
    Item,
    Learner,
    Quiz,
    SchoolClass,
    name_key,
)


def item_numbers(*, quiz: Quiz) -> dict[int, str]:
    """``{item id: number}`` for the quiz's items now and the earlier versions its attempts hold."""
    numbers: dict[int, str] = {}
    current = list(quiz.current_items.order_by("section", "position", "id"))
    for n, item in enumerate(sorted(current, key=lambda i: (i.section != Item.Section.CLOZE, i.position, i.pk)),
                             start=1):
        numbers[item.pk] = str(n)
    retired = list(quiz.items.filter(retired__isnull=False).order_by("-id"))
    successor = {i.replaces_id: i.pk for i in [*current, *retired] if i.replaces_id}
    for item in retired:
        later, seen = successor.get(item.pk), set()
        while later is not None and later not in numbers and later not in seen:
            seen.add(later)
            later = successor.get(later)
        base = numbers.get(later) if later is not None else None
        numbers[item.pk] = (_("%(n)s, earlier version") % {"n": base}) if base else _("earlier version")
    return numbers


@dataclass(frozen=True)
class AnswerRow:
    number: str
    item: Item
    answer: Answer | None


@dataclass(frozen=True)
class AttemptResult:
    attempt: Attempt
    rows: list[AnswerRow]

    @property
    def answered(self) -> int:
        return sum(1 for r in self.rows if r.answer is not None)

    @property
    def right(self) -> int:
        return sum(1 for r in self.rows if r.answer is not None and r.answer.correct)

    @property
    def total(self) -> int:
        return self.attempt.total

    @property
    def finished(self) -> bool:
        return self.attempt.finished is not None

    @property
    def share(self) -> float | None:
        return self.attempt.score / self.total if self.finished and self.total else None

    @property
    def seconds(self) -> int | None:
        if self.attempt.finished is None:
            return None
        return int((self.attempt.finished - self.attempt.started).total_seconds())


@dataclass
class LearnerRow:
    """One learner: every attempt (newest first), the best finished one and the latest."""

    key: str
    name: str
    learner: Learner | None
    attempts: list[AttemptResult] = field(default_factory=list)

    @property
    def full_attempts(self) -> list[AttemptResult]:
        """Attempts at the whole quiz (retries of the wrong items are shown, not ranked)."""
        return [a for a in self.attempts if a.attempt.retry_of_id is None] or self.attempts

    @property
    def best(self) -> AttemptResult | None:
        finished = [a for a in self.full_attempts if a.finished]
        if not finished:
            return None
        return max(finished, key=lambda a: (a.share or 0, a.attempt.score, a.attempt.started))

    @property
    def latest(self) -> AttemptResult:
        return self.full_attempts[0]

    @property
    def anchor(self) -> str:
        return f"learner-{self.key}"


def _learner_key(attempt: Attempt) -> str:
    if attempt.learner_id is not None:
        return f"l{attempt.learner_id}"
    return "n" + "-".join(name_key(attempt.learner_name).split())


def learner_rows(*, quiz: Quiz) -> list[LearnerRow]:
    """One row per learner (a class member, or a name given on the quiz's link), by name."""
    numbers = item_numbers(quiz=quiz)
    items = {item.pk: item for item in quiz.items.all()}
    attempts = list(quiz.attempts.select_related("learner").prefetch_related("answers"))
    rows: dict[str, LearnerRow] = {}
    for attempt in attempts:  # newest first (Attempt.Meta.ordering)
        key = _learner_key(attempt)
        name = attempt.learner.name if attempt.learner else attempt.learner_name
        row = rows.setdefault(key, LearnerRow(key=key, name=name, learner=attempt.learner))
        by_item = {a.item_id: a for a in attempt.answers.all()}
        answer_rows = [AnswerRow(number=numbers.get(i, "?"), item=items[i], answer=by_item.get(i))
                       for i in attempt.item_ids if i in items]
        row.attempts.append(AttemptResult(attempt=attempt, rows=answer_rows))
    return sorted(rows.values(), key=lambda r: name_key(r.name))


@dataclass(frozen=True)
class ItemResult:
    number: str
    item: Item
    answered: int
    right: int
    common_wrong: list[tuple[str, int]]

    @property
    def share_right(self) -> float | None:
        return self.right / self.answered if self.answered else None


def item_results(*, quiz: Quiz) -> list[ItemResult]:
    """Every item with its answers: the current ones in quiz order, then earlier versions."""
    numbers = item_numbers(quiz=quiz)
    answers = defaultdict(list)
    for answer in Answer.objects.filter(item__quiz=quiz):
        answers[answer.item_id].append(answer)
    current = sorted(quiz.current_items, key=lambda i: (i.section != Item.Section.CLOZE, i.position, i.pk))
    earlier = [i for i in quiz.items.filter(retired__isnull=False).order_by("id") if answers[i.pk]]
    results = []
    for item in [*current, *earlier]:
        mine = answers[item.pk]
        wrong = Counter(a.given.strip().casefold() for a in mine if not a.correct)
        results.append(ItemResult(number=numbers[item.pk], item=item, answered=len(mine),
                                  right=sum(a.correct for a in mine), common_wrong=wrong.most_common(3)))
    return results


@dataclass(frozen=True)
class ClassCell:
    quiz: Quiz
    row: LearnerRow | None


@dataclass(frozen=True)
class ClassRow:
    learner: Learner
    cells: list[ClassCell]


def class_table(*, school_class: SchoolClass) -> tuple[list[Quiz], list[ClassRow]]:
    """The class's quizzes (newest first) and, per learner on its list, their row in each quiz."""
    quizzes = list(school_class.quizzes.all())
    per_quiz = {quiz.pk: {row.key: row for row in learner_rows(quiz=quiz)} for quiz in quizzes}
    rows = []
    for learner in school_class.learners.all():
        cells = [ClassCell(quiz=quiz, row=per_quiz[quiz.pk].get(f"l{learner.pk}")) for quiz in quizzes]
        rows.append(ClassRow(learner=learner, cells=cells))
    return quizzes, rows
