"""Writes for a quiz's items: generated ones put in, the teacher's own, edits, order, removal.

Results stay true: an item a learner has answered is never changed in what it asks nor deleted.
Editing its prompt, options or hint makes a new version of it (the old one is *retired*: kept
for the attempts that answered it, gone from the quiz); removing it retires it. What counts as
right (the answer, the accepted answers, whether capitals count) is changed in place, and every
answer already given is checked again (``attempts.answers_recheck``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from learnsite.quizzes.models import Answer, Item, Quiz
from learnsite.quizzes.refusals import QuizRefused
from learnsite.quizzes.services.attempts import answers_recheck
from learnsite.quizzes.services.pack_items import ItemDraft
from quizgen.errors import KindError
from quizgen.kinds import ExerciseKind, exercise_kind

#: what the learner sees of an item; changing it after answers makes a new version
CONTENT_FIELDS = ("prompt", "options", "hint")
#: what counts as right; changing it checks the answers given again
MARKING_FIELDS = ("answer", "accepted", "case_matters")
GAP = "___"


@dataclass(frozen=True)
class ItemChange:
    """What an edit did: the item as it is now, and what happened to the answers already given."""

    item: Item
    new_version: bool  # the answered item was kept for its attempts and a new one took its place
    rechecked: int  # answers checked again under the new marking
    now_right: int  # of those, right now and not before
    now_wrong: int  # of those, wrong now and right before


def items_insert(*, quiz: Quiz, drafts: Sequence[ItemDraft], by_teacher: bool = False) -> list[Item]:
    """Put the drafts in after the current items of their section."""
    current = quiz.current_items
    next_position = {section: (current.filter(section=section).aggregate(m=Max("position"))["m"] or 0) + 1
                     for section in Item.Section.values}
    made = []
    for draft in drafts:
        made.append(Item.objects.create(
            quiz=quiz, section=draft.section, kind=draft.kind, position=next_position[draft.section],
            prompt=draft.prompt, answer=draft.answer, accepted=list(draft.accepted), options=list(draft.options),
            hint=draft.hint, evidence=draft.evidence, sentence_index=draft.sentence_index,
            generated_id=draft.generated_id, by_teacher=by_teacher,
        ))
        next_position[draft.section] += 1
    return made


def is_answered(item: Item) -> bool:
    return Answer.objects.filter(item=item).exists()


def _retire(quiz: Quiz, items: Iterable[Item]) -> int:
    """Take answered items out of the quiz (their attempts keep them) and delete the others.

    Returns how many were retired; the quiz's version goes up when any was.
    """
    items = list(items)
    answered = set(Answer.objects.filter(item__in=items).values_list("item_id", flat=True))
    retired = [i.pk for i in items if i.pk in answered]
    Item.objects.filter(pk__in=retired).update(retired=timezone.now())
    Item.objects.filter(pk__in=[i.pk for i in items if i.pk not in answered]).delete()
    if retired:
        Quiz.objects.filter(pk=quiz.pk).update(version=F("version") + 1)
        quiz.refresh_from_db(fields=["version"])
    return len(retired)


def items_replace(*, quiz: Quiz, items: Iterable[Item]) -> int:
    """Remove items before a generation puts new ones in; answered ones are retired, not deleted."""
    return _retire(quiz, items)


def _clean_fields(kind: ExerciseKind, section: str, *, prompt: str, answer: str, accepted: Sequence[str],
                  options: Sequence[str]) -> tuple[str, str, list[str], list[str]]:
    """The item's fields tidied and checked against what its kind needs; refused with a reason."""
    prompt, answer = prompt.strip(), answer.strip()
    options = [o.strip() for o in options if o.strip()]
    if not prompt or not answer:
        raise QuizRefused(_("An item needs a prompt and an answer."))
    answers = kind.decode_answer(answer)
    if any(not a for a in answers):
        raise QuizRefused(_("Give an answer for every gap, separated by |."))
    if section == Item.Section.CLOZE and prompt.count(GAP) != len(answers):
        raise QuizRefused(_("Mark each gap in the cloze text with ___ (three underscores): the text has "
                            "%(gaps)d, the answer has %(answers)d.") % {"gaps": prompt.count(GAP),
                                                                        "answers": len(answers)})
    if kind.fixed_options and not options:
        options = list(kind.fixed_options)
    if kind.several_gaps and kind.has_options and not options:
        options = list(answers)  # a word bank of the answers alone
    if kind.picked:
        if len(options) < 2:
            raise QuizRefused(_("Give at least two options to choose from, one per line."))
        missing = [a for a in answers if a not in options]
        if missing:
            raise QuizRefused(_("The answer must be one of the options: add “%(answer)s” to them.")
                              % {"answer": missing[0]})
    accepted_list = [a.strip() for a in accepted if a.strip() and a.strip() != answer]
    return prompt, kind.encode_answer(answers), list(dict.fromkeys(accepted_list)), options


def _evidence_for(quiz: Quiz, answers: Sequence[str]) -> tuple[str, int]:
    """The first sentence of the text that holds every answer (the teacher's own item's evidence)."""
    sentences = (quiz.pack or {}).get("sentences") or re.split(r"(?<=[.!?])\s+", quiz.text)
    for index, sentence in enumerate(sentences):
        if all(a.casefold() in sentence.casefold() for a in answers):
            return sentence, index
    return "", 0


def item_create(*, quiz: Quiz, section: str, kind: str, prompt: str, answer: str,
                accepted: Sequence[str] = (), options: Sequence[str] = (), hint: str = "",
                evidence: str = "", sentence_index: int = 0, by_teacher: bool = False,
                case_matters: bool = False) -> Item:
    """Add one item, after the others of its section; the teacher's own are checked as edits are."""
    try:
        description = exercise_kind(section, kind)
    except KindError:
        raise QuizRefused(_("Choose the kinds of item from the list.")) from None
    if by_teacher:
        prompt, answer, accepted_list, option_list = _clean_fields(
            description, section, prompt=prompt, answer=answer, accepted=accepted, options=options)
        if not evidence:
            evidence, sentence_index = _evidence_for(quiz, description.decode_answer(answer))
    else:
        accepted_list, option_list = list(accepted), list(options)
    draft = ItemDraft(section=section, kind=kind, prompt=prompt, answer=answer, accepted=tuple(accepted_list),
                      options=tuple(option_list), hint=hint.strip(), evidence=evidence,
                      sentence_index=sentence_index, generated_id="")
    (item,) = items_insert(quiz=quiz, drafts=[draft], by_teacher=by_teacher)
    if case_matters:
        item.case_matters = True
        item.save(update_fields=["case_matters"])
    return item


@transaction.atomic
def item_update(*, item: Item, prompt: str, answer: str, accepted: Sequence[str],
                options: Sequence[str], hint: str = "", case_matters: bool | None = None) -> ItemChange:
    """Change what an item asks and what counts as right (see the module's note on answered items)."""
    if item.retired is not None:
        raise QuizRefused(_("This item was replaced by a newer version. Edit that one."))
    prompt, answer, accepted_list, option_list = _clean_fields(
        item.exercise_kind, item.section, prompt=prompt, answer=answer, accepted=accepted, options=options)
    new = {"prompt": prompt, "options": option_list, "hint": hint.strip(), "answer": answer,
           "accepted": accepted_list, "case_matters": item.case_matters if case_matters is None else case_matters}
    changed = {name for name, value in new.items() if getattr(item, name) != value}
    if not changed:
        return ItemChange(item=item, new_version=False, rechecked=0, now_right=0, now_wrong=0)
    if changed & set(CONTENT_FIELDS) and is_answered(item):
        return ItemChange(item=_new_version(item, new), new_version=True, rechecked=0, now_right=0, now_wrong=0)
    for name, value in new.items():
        setattr(item, name, value)
    item.save()
    if changed & set(MARKING_FIELDS):
        outcome = answers_recheck(item=item)
        return ItemChange(item=item, new_version=False, rechecked=outcome.checked, now_right=outcome.now_right,
                          now_wrong=outcome.now_wrong)
    return ItemChange(item=item, new_version=False, rechecked=0, now_right=0, now_wrong=0)


def _new_version(item: Item, fields: dict[str, object]) -> Item:
    """A copy of ``item`` with ``fields`` in its place in the quiz; the answered original is retired."""
    copy = Item.objects.get(pk=item.pk)
    copy.pk = None
    copy.replaces = item
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    _retire(item.quiz, [item])
    return copy


def item_delete(*, item: Item) -> bool:
    """Remove an item from the quiz; returns whether it was kept for attempts that answered it."""
    return _retire(item.quiz, [item]) > 0


@transaction.atomic
def item_move(*, item: Item, up: bool) -> None:
    """Swap an item with its neighbour in the same section."""
    siblings = list(item.quiz.current_items.filter(section=item.section).order_by("position", "id"))
    for position, sibling in enumerate(siblings, start=1):
        sibling.position = position
    index = next(i for i, s in enumerate(siblings) if s.pk == item.pk)
    other = index - 1 if up else index + 1
    if 0 <= other < len(siblings):
        siblings[index].position, siblings[other].position = siblings[other].position, siblings[index].position
    Item.objects.bulk_update(siblings, ["position"])


def item_current_version(*, item_id: int) -> Item | None:
    """The item that now stands in the quiz for ``item_id`` (itself, or its newest version); None
    when it was removed."""
    item = Item.objects.filter(pk=item_id).first()
    seen = set()
    while item is not None and item.retired is not None and item.pk not in seen:
        seen.add(item.pk)
        item = Item.objects.filter(replaces_id=item.pk).order_by("-id").first()
    return item if item is not None and item.retired is None else None
