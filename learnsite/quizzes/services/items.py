"""Writes for a quiz's items: generated ones put in, the teacher's own, edits, order, removal."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from learnsite.quizzes.models import Item, Quiz
from learnsite.quizzes.refusals import QuizRefused
from learnsite.quizzes.services.pack_items import ItemDraft


def items_insert(*, quiz: Quiz, drafts: Sequence[ItemDraft]) -> None:
    """Put the drafts in after the items of their section."""
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



def item_create(*, quiz: Quiz, section: str, kind: str, prompt: str, answer: str,
                accepted: Sequence[str] = (), options: Sequence[str] = (), hint: str = "",
                evidence: str = "", sentence_index: int = 0) -> Item:
    """Add one item by hand, after the others of its section."""
    draft = ItemDraft(section=section, kind=kind, prompt=prompt, answer=answer,
                                 accepted=tuple(accepted), options=tuple(options), hint=hint,
                                 evidence=evidence, sentence_index=sentence_index, generated_id="")
    items_insert(quiz=quiz, drafts=[draft])
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
