"""The teacher's item pages: edit an item, write one of their own, delete (asked first), move."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from learnsite.quizzes import selectors
from learnsite.quizzes.forms import ItemForm, NewItemForm
from learnsite.quizzes.refusals import explain
from learnsite.quizzes.services import items as item_services
from learnsite.quizzes.services.items import ItemChange
from learnsite.quizzes.views.confirm import confirm_page, is_confirmed
from quizgen.errors import QuizgenError
from quizgen.kinds import exercise_kind_by_key


def _item_url(quiz_id: int, item_id: int) -> str:
    return reverse("quizzes:review", kwargs={"quiz_id": quiz_id}) + f"#item-{item_id}"


def _saved_message(change: ItemChange) -> str:
    if change.new_version:
        return _("Saved as a new version of the item. Learners who answered the earlier one keep it, "
                 "with their scores.")
    if change.rechecked:
        return ngettext(
            "Saved. %(n)d answer already given was checked again: %(right)d now right, %(wrong)d now wrong.",
            "Saved. %(n)d answers already given were checked again: %(right)d now right, %(wrong)d now wrong.",
            change.rechecked) % {"n": change.rechecked, "right": change.now_right, "wrong": change.now_wrong}
    return _("Item saved.")


@login_required
def item_edit(request: HttpRequest, quiz_id: int, item_id: int) -> HttpResponse:
    item = selectors.item_get_for_teacher(teacher=request.user, quiz_id=quiz_id, item_id=item_id)
    initial = {"prompt": item.prompt, "answer": item.answer, "accepted": "\n".join(item.accepted),
               "options": "\n".join(item.options), "hint": item.hint, "case_matters": item.case_matters}
    form = ItemForm(request.POST or None, initial=initial, item_kind=item.exercise_kind,
                    has_options=bool(item.options))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            change = item_services.item_update(item=item, prompt=data["prompt"], answer=data["answer"],
                                               accepted=form.accepted_list(), options=form.options_list(),
                                               hint=data["hint"], case_matters=data.get("case_matters"))
        except QuizgenError as exc:
            form.add_error(None, explain(exc))
        else:
            messages.success(request, _saved_message(change))
            return redirect(_item_url(item.quiz_id, change.item.pk))
    answers = item.answers.count()
    return render(request, "quizzes/item_edit.html", {"form": form, "item": item, "quiz": item.quiz,
                                                      "answer_count": answers},
                  status=422 if form.errors else 200)


@login_required
def item_new(request: HttpRequest, quiz_id: int) -> HttpResponse:
    """An item the teacher writes: a question or a gap of their own, beside the generated ones."""
    quiz = selectors.quiz_get_for_teacher(teacher=request.user, quiz_id=quiz_id)
    form = NewItemForm(request.POST or None, initial={"kind": request.GET.get("kind", "question:wh")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        kind = exercise_kind_by_key(data["kind"])
        try:
            item = item_services.item_create(
                quiz=quiz, section=kind.section, kind=kind.name, prompt=data["prompt"], answer=data["answer"],
                accepted=form.accepted_list(), options=form.options_list(), hint=data["hint"], by_teacher=True,
                case_matters=bool(data.get("case_matters")))
        except QuizgenError as exc:
            form.add_error(None, explain(exc))
        else:
            messages.success(request, _("Your item is added."))
            return redirect(_item_url(quiz.pk, item.pk))
    return render(request, "quizzes/item_new.html", {"form": form, "quiz": quiz},
                  status=422 if form.errors else 200)


@login_required
@require_POST
def item_delete(request: HttpRequest, quiz_id: int, item_id: int) -> HttpResponse:
    item = selectors.item_get_for_teacher(teacher=request.user, quiz_id=quiz_id, item_id=item_id)
    if not is_confirmed(request):
        answers = item.answers.count()
        details = [ngettext("%(n)d learner answered it: the item is kept for that result, with its score.",
                            "%(n)d learners answered it: the item is kept for their results, with their scores.",
                            answers) % {"n": answers}] if answers else []
        return confirm_page(request, title=_("Delete this item?"), message=item.prompt, details=details,
                            button=_("Delete the item"), cancel_url=_item_url(quiz_id, item.pk))
    kept = item_services.item_delete(item=item)
    messages.success(request, _("Item deleted; earlier results keep it.") if kept else _("Item deleted."))
    return redirect("quizzes:review", quiz_id=quiz_id)


@login_required
@require_POST
def item_move(request: HttpRequest, quiz_id: int, item_id: int) -> HttpResponse:
    item = selectors.item_get_for_teacher(teacher=request.user, quiz_id=quiz_id, item_id=item_id)
    item_services.item_move(item=item, up=request.POST.get("direction") == "up")
    return redirect(_item_url(quiz_id, item.pk))
