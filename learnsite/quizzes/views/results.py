"""The teacher's results: per learner (best and latest attempt) and per item, refreshed during a
lesson; "count as right"; the results as CSV and XLSX."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from learnsite.quizzes import selectors
from learnsite.quizzes.results import item_results, learner_rows
from learnsite.quizzes.services import attempts as attempt_services
from learnsite.quizzes.services import results_export as export_services

#: seconds between two refreshes of the results page while learners work
REFRESH_SECONDS = 15


@login_required
def quiz_results(request: HttpRequest, quiz_id: int) -> HttpResponse:
    """The results page; with ``?part=live`` only its tables, which the page's script fetches."""
    quiz = selectors.quiz_get_for_teacher(teacher=request.user, quiz_id=quiz_id)
    try:  # ?refresh=N: another interval (a lesson in a hurry, or a test), at least 2 seconds
        refresh = max(2, int(request.GET.get("refresh", REFRESH_SECONDS)))
    except ValueError:
        refresh = REFRESH_SECONDS
    context = {"quiz": quiz, "learners": learner_rows(quiz=quiz), "items": item_results(quiz=quiz),
               "refresh_seconds": refresh}
    if request.GET.get("part") == "live":
        response = render(request, "quizzes/_results_live.html", context)
        response["Cache-Control"] = "no-store"
        return response
    return render(request, "quizzes/quiz_results.html", context)


@login_required
@require_POST
def answer_count(request: HttpRequest, quiz_id: int, answer_id: int) -> HttpResponse:
    """Count a learner's answer as right, or take that back."""
    answer = selectors.answer_get_for_teacher(teacher=request.user, quiz_id=quiz_id, answer_id=answer_id)
    right = request.POST.get("right") == "1"
    attempt_services.answer_count_as_right(answer=answer, right=right)
    messages.success(request, _("Counted as right; the score follows.") if right
                     else _("The check decides again; the score follows."))
    anchor = request.POST.get("anchor", "")
    return redirect(reverse("quizzes:results", kwargs={"quiz_id": quiz_id}) + (f"#{anchor}" if anchor else ""))


@login_required
def results_export(request: HttpRequest, quiz_id: int, table: str, fmt: str) -> HttpResponse:
    quiz = selectors.quiz_get_for_teacher(teacher=request.user, quiz_id=quiz_id)
    if fmt not in ("csv", "xlsx") or table not in (*export_services.TABLES, "all"):
        raise Http404
    if fmt == "csv" and table == "all":
        raise Http404
    file_name, content, media_type = export_services.quiz_results_file(quiz=quiz, table=table, fmt=fmt)
    response = HttpResponse(content, content_type=media_type)
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response
