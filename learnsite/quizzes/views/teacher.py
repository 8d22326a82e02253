"""The teacher's pages: new text, review and edit, publish, results. Each view parses, calls, renders."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from learnsite.lessons import selectors as article_selectors
from learnsite.quizzes import selectors
from learnsite.quizzes.forms import GenerateForm, ItemForm, NewTextForm
from learnsite.quizzes.models import GenerationJob, Item, kind_choices, kind_label
from learnsite.quizzes.refusals import explain
from learnsite.quizzes.services import items as item_services
from learnsite.quizzes.services import jobs, text_sources
from learnsite.quizzes.services import quizzes as services
from learnsite.quizzes.views.downloads import download_response
from quizgen.errors import KindError, QuizgenError
from quizgen.kinds import exercise_kind_by_key


@login_required
def quiz_list(request: HttpRequest) -> HttpResponse:
    quizzes = selectors.quiz_list_for_teacher(teacher=request.user)
    return render(request, "quizzes/quiz_list.html", {"quizzes": quizzes})


@login_required
def quiz_new(request: HttpRequest) -> HttpResponse:
    form = NewTextForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["source_kind"] == "file":
                fetched = text_sources.text_from_upload(data["file"])
            elif data["source_kind"] == "url":
                fetched = text_sources.text_from_url(data["url"])
            else:
                fetched = text_sources.FetchedText(text=data["text"], title="", source="")
            quiz = services.quiz_create_draft(teacher=request.user, title=data["title"] or fetched.title,
                                              text=fetched.text, source=fetched.source)
        except QuizgenError as exc:
            form.add_error(None, explain(exc))
            status = 422
        else:
            messages.success(request, _("Text saved. Choose the level and the items, then generate."))
            return redirect("quizzes:review", quiz_id=quiz.pk)
    elif request.method == "POST":
        status = 422
    return render(request, "quizzes/quiz_new.html", {"form": form}, status=status)


@login_required
@require_POST
def quiz_from_article(request: HttpRequest, article_id: int) -> HttpResponse:
    """A draft quiz of the teacher's own from one of the site's saved articles (the text is copied)."""
    article = article_selectors.article_get(pk=article_id)
    try:
        quiz = services.quiz_create_draft(teacher=request.user, title=article.title, text=article.text,
                                          article=article)
    except QuizgenError as exc:
        messages.error(request, explain(exc))
        return redirect("lessons:article_detail", pk=article.pk)
    messages.success(request, _("Text saved. Choose the level and the items, then generate."))
    return redirect("quizzes:review", quiz_id=quiz.pk)


@login_required
def quiz_review(request: HttpRequest, quiz_id: int) -> HttpResponse:
    quiz = selectors.quiz_get_for_teacher(teacher=request.user, quiz_id=quiz_id)
    items = list(quiz.items.all())
    share_url = request.build_absolute_uri(reverse("quizzes:start", kwargs={"token": quiz.share_token}))
    context = {
        "quiz": quiz,
        "cloze_items": [i for i in items if i.section == Item.Section.CLOZE],
        "questions": [i for i in items if i.section == Item.Section.QUESTION],
        "generate_form": GenerateForm(initial={"level": quiz.level}),
        "kind_choices": kind_choices(),
        "share_url": share_url,
        "join_url": request.build_absolute_uri(reverse("quizzes:code")),
        "pack": quiz.pack or {},
        "job": selectors.latest_job(quiz=quiz),
    }
    return render(request, "quizzes/quiz_review.html", context)


def _after_job_start(request: HttpRequest, job: GenerationJob, done: str = "") -> HttpResponse:
    """In the request (no workers) the job has finished: back to the quiz. Queued: follow the job."""
    if job.state == GenerationJob.State.DONE:
        messages.success(request, done or job.message)
    elif job.state == GenerationJob.State.FAILED:
        messages.error(request, job.message)
    else:
        return redirect("quizzes:job", job_id=job.pk)
    return redirect("quizzes:review", quiz_id=job.quiz_id)


@login_required
@require_POST
def quiz_generate(request: HttpRequest, quiz_id: int) -> HttpResponse:
    quiz = selectors.quiz_get_for_teacher(teacher=request.user, quiz_id=quiz_id)
    form = GenerateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Check the level and the numbers of items (0 to 20 of each kind)."))
        return redirect("quizzes:review", quiz_id=quiz.pk)
    try:
        job = jobs.job_start(quiz=quiz, level=form.cleaned_data["level"], counts=form.counts())
    except QuizgenError as exc:
        messages.error(request, explain(exc))
        return redirect("quizzes:review", quiz_id=quiz.pk)
    return _after_job_start(request, job)


@login_required
@require_POST
def quiz_regenerate(request: HttpRequest, quiz_id: int) -> HttpResponse:
    quiz = selectors.quiz_get_for_teacher(teacher=request.user, quiz_id=quiz_id)
    key = request.POST.get("kind", "")
    try:
        kind = exercise_kind_by_key(key)
    except KindError:
        messages.error(request, _("Choose which kind of item to regenerate."))
        return redirect("quizzes:review", quiz_id=quiz.pk)
    try:
        count = int(request.POST.get("count", kind.default_count))
        job = jobs.job_start(quiz=quiz, level=quiz.level, counts={key: count}, only_kind=True)
    except ValueError:
        messages.error(request, _("Give the number of items as a whole number."))
    except QuizgenError as exc:
        messages.error(request, explain(exc))
    else:
        return _after_job_start(request, job, done=_("Regenerated: %(kind)s.") % {"kind": kind_label(kind)})
    return redirect("quizzes:review", quiz_id=quiz.pk)


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
            item_services.item_update(item=item, prompt=data["prompt"], answer=data["answer"],
                                 accepted=form.accepted_list(),
                                 options=form.options_list(), hint=data["hint"],
                                 case_matters=data.get("case_matters"))
        except QuizgenError as exc:
            form.add_error(None, explain(exc))
        else:
            messages.success(request, _("Item saved."))
            return redirect(reverse("quizzes:review", kwargs={"quiz_id": item.quiz_id}) + f"#item-{item.pk}")
    return render(request, "quizzes/item_edit.html", {"form": form, "item": item, "quiz": item.quiz},
                  status=422 if form.errors else 200)


@login_required
@require_POST
def item_delete(request: HttpRequest, quiz_id: int, item_id: int) -> HttpResponse:
    item = selectors.item_get_for_teacher(teacher=request.user, quiz_id=quiz_id, item_id=item_id)
    item_services.item_delete(item=item)
    messages.success(request, _("Item deleted."))
    return redirect("quizzes:review", quiz_id=quiz_id)


@login_required
@require_POST
def item_move(request: HttpRequest, quiz_id: int, item_id: int) -> HttpResponse:
    item = selectors.item_get_for_teacher(teacher=request.user, quiz_id=quiz_id, item_id=item_id)
    item_services.item_move(item=item, up=request.POST.get("direction") == "up")
    return redirect(reverse("quizzes:review", kwargs={"quiz_id": quiz_id}) + f"#item-{item.pk}")


@login_required
@require_POST
def quiz_publish(request: HttpRequest, quiz_id: int) -> HttpResponse:
    quiz = selectors.quiz_get_for_teacher(teacher=request.user, quiz_id=quiz_id)
    try:
        services.quiz_publish(quiz=quiz)
    except QuizgenError as exc:
        messages.error(request, explain(exc))
    else:
        messages.success(request, _("Published. Give your learners the link or the class code."))
    return redirect("quizzes:review", quiz_id=quiz.pk)


@login_required
@require_POST
def quiz_unpublish(request: HttpRequest, quiz_id: int) -> HttpResponse:
    quiz = selectors.quiz_get_for_teacher(teacher=request.user, quiz_id=quiz_id)
    services.quiz_unpublish(quiz=quiz)
    messages.success(request, _("Unpublished. No new attempts can start; the results are kept."))
    return redirect("quizzes:review", quiz_id=quiz.pk)


@login_required
def quiz_results(request: HttpRequest, quiz_id: int) -> HttpResponse:
    quiz = selectors.quiz_get_for_teacher(teacher=request.user, quiz_id=quiz_id)
    learners, items = selectors.quiz_results(quiz=quiz)
    return render(request, "quizzes/quiz_results.html", {"quiz": quiz, "learners": learners, "items": items})


@login_required
def quiz_download(request: HttpRequest, quiz_id: int, fmt: str) -> HttpResponse:
    """Every export of the quiz (Anki, worksheet PDF/HTML, Moodle, GIFT, CSV, JSON) for its teacher."""
    quiz = selectors.quiz_get_for_teacher(teacher=request.user, quiz_id=quiz_id)
    return download_response(request, quiz=quiz, fmt=fmt, for_learner=False)
