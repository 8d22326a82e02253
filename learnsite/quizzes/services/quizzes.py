"""Writes for quizzes: every change to a quiz, its items and learners' attempts goes through here."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from learnsite.lessons.models import Article
from learnsite.quizzes.models import Answer, Attempt, GenerationRun, Item, Quiz
from learnsite.quizzes.refusals import NotOpen, QuizRefused, RateLimited
from learnsite.quizzes.services import generation
from learnsite.quizzes.services.pack_items import ItemDraft, drafts_from_pack, pack_summary
from quizgen.errors import KindError
from quizgen.kinds import exercise_kind_by_key
from quizgen.lesson.answer_check import check_answer
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


def _insert_drafts(quiz: Quiz, drafts: Sequence[ItemDraft]) -> None:
    next_position = {section: (quiz.items.filter(section=section).aggregate(m=Max("position"))["m"] or 0) + 1
                     for section in Item.Section.values}
    for draft in drafts:
        Item.objects.create(
            quiz=quiz, section=draft.section, kind=draft.kind, position=next_position[draft.section],
            prompt=draft.prompt, answer=draft.answer, accepted=list(draft.accepted), options=list(draft.options),
            hint=draft.hint, evidence=draft.evidence, sentence_index=draft.sentence_index,
            generated_id=draft.generated_id,
        )
        next_position[draft.section] += 1


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
        _insert_drafts(quiz, drafts)
    if not drafts and only_kind:
        raise QuizRefused(_("The text gave no items of this kind; the others are unchanged."))
    if not drafts:
        raise QuizRefused(_("The text gave no items with these settings. A longer text, or other kinds of "
                            "items, give more."))
    return len(drafts)


def item_create(*, quiz: Quiz, section: str, kind: str, prompt: str, answer: str,
                accepted: Sequence[str] = (), options: Sequence[str] = (), hint: str = "",
                evidence: str = "", sentence_index: int = 0) -> Item:
    """Add one item by hand, after the others of its section."""
    draft = ItemDraft(section=section, kind=kind, prompt=prompt, answer=answer,
                                 accepted=tuple(accepted), options=tuple(options), hint=hint,
                                 evidence=evidence, sentence_index=sentence_index, generated_id="")
    _insert_drafts(quiz, [draft])
    return quiz.items.order_by("-id").first()  # type: ignore[return-value]


def item_update(*, item: Item, prompt: str, answer: str, accepted: Sequence[str],
                options: Sequence[str], hint: str = "", case_matters: bool | None = None) -> Item:
    """Change what an item asks and what counts as right."""
    prompt, answer = prompt.strip(), answer.strip()
    options = [o.strip() for o in options if o.strip()]
    if not prompt or not answer:
        raise QuizRefused(_("An item needs a prompt and an answer."))
    kind = item.exercise_kind
    answers = kind.decode_answer(answer)
    if item.section == Item.Section.CLOZE and prompt.count("___") < len(answers):
        raise QuizRefused(_("Mark each gap in the cloze text with ___ (three underscores)."))
    if options and kind.picked:
        missing = [a for a in answers if a not in options]
        if missing:
            raise QuizRefused(_("The answer must be one of the options: add “%(answer)s” to them.")
                              % {"answer": missing[0]})
    item.prompt, item.answer, item.hint = prompt, kind.encode_answer(answers), hint.strip()
    item.accepted = [a.strip() for a in accepted if a.strip()]
    item.options = options
    if case_matters is not None:
        item.case_matters = case_matters
    item.save()
    return item


def item_delete(*, item: Item) -> None:
    item.delete()


@transaction.atomic
def item_move(*, item: Item, up: bool) -> None:
    """Swap an item with its neighbour in the same section."""
    siblings = list(item.quiz.items.filter(section=item.section).order_by("position", "id"))
    for position, sibling in enumerate(siblings, start=1):
        sibling.position = position
    index = next(i for i, s in enumerate(siblings) if s.pk == item.pk)
    other = index - 1 if up else index + 1
    if 0 <= other < len(siblings):
        siblings[index].position, siblings[other].position = siblings[other].position, siblings[index].position
    Item.objects.bulk_update(siblings, ["position"])


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
