"""The learner's pages: no account, a name, the quiz beside the text, instant feedback."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from learnsite.quizzes import selectors
from learnsite.quizzes.feedback import take_item
from learnsite.quizzes.forms import CodeForm, StartForm
from learnsite.quizzes.models import Attempt, Quiz
from learnsite.quizzes.refusals import explain
from learnsite.quizzes.services import attempts as attempt_services
from learnsite.quizzes.services import downloads
from learnsite.quizzes.views.downloads import download_response
from quizgen.errors import QuizgenError

SESSION_KEY = "quiz_attempts"


def _remember(request: HttpRequest, attempt: Attempt) -> None:
    request.session[SESSION_KEY] = [*request.session.get(SESSION_KEY, []), attempt.pk][-50:]


def _learner_attempt(request: HttpRequest, token: str, attempt_id: int) -> tuple[Quiz, Attempt]:
    """The attempt if it belongs to this quiz and was started in this browser; 404 otherwise."""
    attempt = selectors.attempt_get_for_browser(token=token, attempt_id=attempt_id,
                                                started_here=request.session.get(SESSION_KEY, []))
    return attempt.quiz, attempt


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def code_entry(request: HttpRequest) -> HttpResponse:
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        quiz = selectors.quiz_find_by_code(code=form.cleaned_data["code"])
        if quiz is not None:
            return redirect("quizzes:start", token=quiz.share_token)
        form.add_error("code", _("No quiz has this code. Check it with your teacher."))
    return render(request, "quizzes/code_entry.html", {"form": form}, status=422 if form.errors else 200)


def quiz_start(request: HttpRequest, token: str) -> HttpResponse:
    quiz = selectors.quiz_get_by_token(token=token)
    form = StartForm(request.POST or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            attempt = attempt_services.attempt_start(quiz=quiz, learner_name=form.cleaned_data["name"])
        except QuizgenError as exc:
            error = explain(exc)
        else:
            _remember(request, attempt)
            return redirect("quizzes:take", token=token, attempt_id=attempt.pk)
    status = 200 if quiz.is_published and not error and not form.errors else (410 if not quiz.is_published else 422)
    return render(request, "quizzes/start.html", {"quiz": quiz, "form": form, "error": error}, status=status)


def _take_items(attempt: Attempt) -> list:
    answers = selectors.answers_by_item(attempt=attempt)
    return [take_item(item, n, answers.get(item.pk))
            for n, item in enumerate(selectors.attempt_items(attempt=attempt), start=1)]


def attempt_take(request: HttpRequest, token: str, attempt_id: int) -> HttpResponse:
    quiz, attempt = _learner_attempt(request, token, attempt_id)
    if attempt.finished:
        return redirect("quizzes:result", token=token, attempt_id=attempt.pk)
    items = _take_items(attempt)
    context = {"quiz": quiz, "attempt": attempt, "items": items,
               "answered": sum(1 for t in items if t.answer), "error": request.GET.get("error", "")}
    return render(request, "quizzes/take.html", context)


@require_POST
def answer_post(request: HttpRequest, token: str, attempt_id: int, item_id: int) -> HttpResponse:
    quiz, attempt = _learner_attempt(request, token, attempt_id)
    item = selectors.item_get_in_attempt(attempt=attempt, item_id=item_id)
    given = [request.POST.get(f"gap_{i}", "") for i in range(len(item.gap_answers))]
    try:
        answer = attempt_services.answer_submit(attempt=attempt, item=item, given=given)
    except QuizgenError as exc:
        if _wants_json(request):
            return JsonResponse({"error": explain(exc)}, status=422)
        return render(request, "quizzes/refused.html", {"quiz": quiz, "message": explain(exc),
                      "back": reverse("quizzes:take", kwargs={"token": token, "attempt_id": attempt.pk})
                      + f"#item-{item.pk}"}, status=422)
    if _wants_json(request):
        number = attempt.item_ids.index(item.pk) + 1
        html = render_to_string("quizzes/_take_item.html",
                                {"t": take_item(item, number, answer), "quiz": quiz, "attempt": attempt},
                                request=request)
        answered = attempt.answers.count()
        return JsonResponse({"correct": answer.correct, "html": html, "answered": answered,
                             "total": attempt.total})
    return redirect(reverse("quizzes:take", kwargs={"token": token, "attempt_id": attempt.pk}) + f"#item-{item.pk}")


@require_POST
def attempt_finish(request: HttpRequest, token: str, attempt_id: int) -> HttpResponse:
    _quiz, attempt = _learner_attempt(request, token, attempt_id)
    attempt_services.attempt_finish(attempt=attempt)
    return redirect("quizzes:result", token=token, attempt_id=attempt.pk)


def attempt_result(request: HttpRequest, token: str, attempt_id: int) -> HttpResponse:
    quiz, attempt = _learner_attempt(request, token, attempt_id)
    if not attempt.finished:
        return redirect("quizzes:take", token=token, attempt_id=attempt.pk)
    items = _take_items(attempt)
    wrong = sum(1 for t in items if not (t.answer and t.answer.correct))
    return render(request, "quizzes/result.html", {"quiz": quiz, "attempt": attempt, "items": items,
                                                    "wrong": wrong})


@require_POST
def attempt_retry(request: HttpRequest, token: str, attempt_id: int) -> HttpResponse:
    quiz, attempt = _learner_attempt(request, token, attempt_id)
    try:
        retry = attempt_services.attempt_retry_wrong(attempt=attempt)
    except QuizgenError as exc:
        return render(request, "quizzes/refused.html", {"quiz": quiz, "message": explain(exc),
                      "back": reverse("quizzes:result", kwargs={"token": token, "attempt_id": attempt.pk})},
                      status=422)
    _remember(request, retry)
    return redirect("quizzes:take", token=token, attempt_id=retry.pk)


def vocabulary_csv(request: HttpRequest, token: str) -> HttpResponse:
    """The quiz text's vocabulary list as CSV, for a spreadsheet."""
    quiz = selectors.quiz_get_for_download(token=token, user=request.user)
    file_name, content = downloads.vocabulary_csv(quiz=quiz)
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


def learner_download(request: HttpRequest, token: str, fmt: str) -> HttpResponse:
    """The learner's downloads of a published quiz: the Anki deck and the Anki CSV."""
    quiz = selectors.quiz_get_for_download(token=token, user=request.user)
    return download_response(request, quiz=quiz, fmt=fmt, for_learner=True)
