"""The teacher's quiz pages: new text, review, generate, publish and share, rename, duplicate,
delete. Each view parses, calls a service or selector, renders. Items: views/items.py;
results: views/results.py; classes: views/classes.py."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from learnsite.lessons import selectors as article_selectors
from learnsite.quizzes import selectors
from learnsite.quizzes.forms import (
    ClassChoiceForm,
    GenerateForm,
    NewTextForm,
    RenameForm,
)
from learnsite.quizzes.models import GenerationJob, Item, Quiz, kind_choices, kind_label
from learnsite.quizzes.refusals import QuizRefused, explain
from learnsite.quizzes.results import item_numbers
from learnsite.quizzes.services import downloads, jobs, text_sources
from learnsite.quizzes.services import quizzes as services
from learnsite.quizzes.sharing import qr_svg, share_links
from learnsite.quizzes.views.confirm import confirm_page, is_confirmed
from learnsite.quizzes.views.downloads import download_response
from quizgen.errors import KindError, QuizgenError
from quizgen.kinds import exercise_kind_by_key


@login_required
def quiz_list(request: HttpRequest) -> HttpResponse:
    quizzes = selectors.quiz_list_for_teacher(teacher=request.user)
    classes = selectors.class_list_for_teacher(teacher=request.user)
    return render(request, "quizzes/quiz_list.html", {"quizzes": quizzes, "classes": classes})


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
    items = list(quiz.current_items.all())
    numbers = item_numbers(quiz=quiz)
    for item in items:
        item.number = numbers[item.pk]  # type: ignore[attr-defined]
    context = {
        "quiz": quiz,
        "cloze_items": [i for i in items if i.section == Item.Section.CLOZE],
        "questions": [i for i in items if i.section == Item.Section.QUESTION],
        "answered_ids": selectors.answered_item_ids(quiz=quiz),
        "generate_form": GenerateForm(initial={"level": quiz.level}),
        "rename_form": RenameForm(initial={"title": quiz.title}),
        "class_form": ClassChoiceForm(initial={"school_class": quiz.school_class_id}, teacher=request.user),
        "kind_choices": kind_choices(),
        "links": share_links(request, quiz=quiz),
        "pack": quiz.pack or {},
        "job": selectors.latest_job(quiz=quiz),
        "attempt_count": quiz.attempts.count(),
    }
    return render(request, "quizzes/quiz_review.html", context)


@login_required
def quiz_qr(request: HttpRequest, quiz_id: int) -> HttpResponse:
    """The QR code of the link learners open (the class's page, or the quiz's own link), as SVG."""
    quiz = selectors.quiz_get_for_teacher(teacher=request.user, quiz_id=quiz_id)
    return HttpResponse(qr_svg(share_links(request, quiz=quiz).learner_url), content_type="image/svg+xml")


def _after_job_start(request: HttpRequest, job: GenerationJob, done: str = "") -> HttpResponse:
    """In the request (no workers) the job has finished: back to the quiz. Queued: follow the job."""
    if job.state == GenerationJob.State.DONE:
        messages.success(request, done or job.message)
    elif job.state == GenerationJob.State.FAILED:
        messages.error(request, job.message)
    else:
        return redirect("quizzes:job", job_id=job.pk)
    return redirect("quizzes:review", quiz_id=job.quiz_id)


def _replacing_details(quiz: Quiz, items: list[Item]) -> list[str]:
    """What a generation would replace, for the question before it."""
    answered = selectors.answered_item_ids(quiz=quiz)
    kept = sum(1 for i in items if i.pk in answered)
    lines = [ngettext("%(n)d item is replaced.", "%(n)d items are replaced.", len(items)) % {"n": len(items)}]
    if kept:
        lines.append(ngettext(
            "%(n)d of them has answers: it is kept for those results (they keep their items and scores), and "
            "the quiz gets a new version.",
            "%(n)d of them have answers: they are kept for those results (they keep their items and scores), and "
            "the quiz gets a new version.", kept) % {"n": kept})
    own = quiz.current_items.filter(by_teacher=True).count()
    if own:
        lines.append(ngettext("Your own item stays.", "Your %(n)d own items stay.", own) % {"n": own})
    return lines


@login_required
@require_POST
def quiz_generate(request: HttpRequest, quiz_id: int) -> HttpResponse:
    quiz = selectors.quiz_get_for_teacher(teacher=request.user, quiz_id=quiz_id)
    form = GenerateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Check the level and the numbers of items (0 to 20 of each kind)."))
        return redirect("quizzes:review", quiz_id=quiz.pk)
    replaced = list(quiz.current_items.filter(by_teacher=False))
    if replaced and not is_confirmed(request):
        return confirm_page(
            request, title=_("Generate again?"),
            message=_("Generating again replaces every generated item, including your edits to them."),
            details=_replacing_details(quiz, replaced), button=_("Generate again"),
            cancel_url=reverse("quizzes:review", kwargs={"quiz_id": quiz.pk}))
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
        count = int(request.POST.get("count", kind.default_count))
    except KindError:
        messages.error(request, _("Choose which kind of item to regenerate."))
        return redirect("quizzes:review", quiz_id=quiz.pk)
    except ValueError:
        messages.error(request, _("Give the number of items as a whole number."))
        return redirect("quizzes:review", quiz_id=quiz.pk)
    replaced = list(quiz.current_items.filter(by_teacher=False, section=kind.section, kind=kind.name))
    if replaced and not is_confirmed(request):
        return confirm_page(
            request, title=_("Regenerate: %(kind)s?") % {"kind": kind_label(kind)},
            message=_("New items of this kind replace the ones the quiz has now, including your edits to them."),
            details=_replacing_details(quiz, replaced), button=_("Regenerate"),
            cancel_url=reverse("quizzes:review", kwargs={"quiz_id": quiz.pk}))
    try:
        job = jobs.job_start(quiz=quiz, level=quiz.level, counts={key: count}, only_kind=True)
    except QuizgenError as exc:
        messages.error(request, explain(exc))
        return redirect("quizzes:review", quiz_id=quiz.pk)
    return _after_job_start(request, job, done=_("Regenerated: %(kind)s.") % {"kind": kind_label(kind)})


@login_required
@require_POST
def quiz_publish(request: HttpRequest, quiz_id: int) -> HttpResponse:
    quiz = selectors.quiz_get_for_teacher(teacher=request.user, quiz_id=quiz_id)
    try:
        services.quiz_publish(quiz=quiz)
    except QuizgenError as exc:
        messages.error(request, explain(exc))
    else:
        messages.success(request, _("Published. Give your learners the link, the QR code or the code."))
    return redirect(reverse("quizzes:review", kwargs={"quiz_id": quiz.pk}) + "#publish-h")


@login_required
@require_POST
def quiz_unpublish(request: HttpRequest, quiz_id: int) -> HttpResponse:
    quiz = selectors.quiz_get_for_teacher(teacher=request.user, quiz_id=quiz_id)
    services.quiz_unpublish(quiz=quiz)
    messages.success(request, _("Unpublished. No new attempts can start; the results are kept."))
    return redirect("quizzes:review", quiz_id=quiz.pk)


@login_required
@require_POST
def quiz_answer_cards(request: HttpRequest, quiz_id: int) -> HttpResponse:
    """Allow learners the items' Anki cards (with the answers) before they finish, or stop it."""
    quiz = selectors.quiz_get_for_teacher(teacher=request.user, quiz_id=quiz_id)
    allowed = request.POST.get("allowed") == "1"
    downloads.quiz_set_answer_cards(quiz=quiz, allowed=allowed)
    messages.success(request, _("Learners' Anki decks now hold every item's card with its answer.") if allowed else
                     _("Learners' Anki decks hold the vocabulary, and the cards of the items they answered once "
                       "they finish."))
    return redirect("quizzes:review", quiz_id=quiz.pk)


@login_required
@require_POST
def quiz_rename(request: HttpRequest, quiz_id: int) -> HttpResponse:
    quiz = selectors.quiz_get_for_teacher(teacher=request.user, quiz_id=quiz_id)
    form = RenameForm(request.POST)
    try:
        if not form.is_valid():
            raise QuizRefused(" ".join(e for errors in form.errors.values() for e in errors))
        services.quiz_rename(quiz=quiz, title=form.cleaned_data["title"])
    except QuizgenError as exc:
        messages.error(request, explain(exc))
    else:
        messages.success(request, _("Renamed."))
    return redirect("quizzes:review", quiz_id=quiz.pk)


@login_required
@require_POST
def quiz_assign_class(request: HttpRequest, quiz_id: int) -> HttpResponse:
    quiz = selectors.quiz_get_for_teacher(teacher=request.user, quiz_id=quiz_id)
    form = ClassChoiceForm(request.POST, teacher=request.user)
    if form.is_valid():
        services.quiz_assign_class(quiz=quiz, school_class=form.cleaned_data["school_class"])
        if quiz.school_class:
            messages.success(request, _("Shared with the class %(name)s.") % {"name": quiz.school_class.name})
        else:
            messages.success(request, _("Shared with anyone who has the link."))
    else:
        messages.error(request, _("Choose one of your classes."))
    return redirect(reverse("quizzes:review", kwargs={"quiz_id": quiz.pk}) + "#publish-h")


@login_required
@require_POST
def quiz_duplicate(request: HttpRequest, quiz_id: int) -> HttpResponse:
    quiz = selectors.quiz_get_for_teacher(teacher=request.user, quiz_id=quiz_id)
    copy = services.quiz_duplicate(quiz=quiz)
    messages.success(request, _("This is a copy, as a draft with its own link. The original is unchanged."))
    return redirect("quizzes:review", quiz_id=copy.pk)


@login_required
@require_POST
def quiz_delete(request: HttpRequest, quiz_id: int) -> HttpResponse:
    quiz = selectors.quiz_get_for_teacher(teacher=request.user, quiz_id=quiz_id)
    if not is_confirmed(request):
        attempts = quiz.attempts.count()
        details = [ngettext("%(n)d attempt by learners and its answers are deleted too.",
                            "%(n)d attempts by learners and their answers are deleted too.", attempts)
                   % {"n": attempts}] if attempts else []
        return confirm_page(request, title=_("Delete this quiz?"),
                            message=_("“%(title)s” is deleted with its items. This cannot be undone.")
                            % {"title": quiz.title}, details=details, button=_("Delete the quiz"),
                            cancel_url=reverse("quizzes:review", kwargs={"quiz_id": quiz.pk}))
    services.quiz_delete(quiz=quiz)
    messages.success(request, _("Quiz deleted."))
    return redirect("quizzes:list")


@login_required
def quiz_download(request: HttpRequest, quiz_id: int, fmt: str) -> HttpResponse:
    """Every export of the quiz (Anki, worksheet PDF/HTML, Moodle, GIFT, CSV, JSON) for its teacher."""
    quiz = selectors.quiz_get_for_teacher(teacher=request.user, quiz_id=quiz_id)
    return download_response(request, quiz=quiz, fmt=fmt, for_learner=False)
