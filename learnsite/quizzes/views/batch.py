"""Batch import pages: the form, and the batch's progress, which updates itself while jobs run."""

from __future__ import annotations

from dataclasses import asdict

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from learnsite.quizzes import selectors
from learnsite.quizzes.forms import BatchImportForm
from learnsite.quizzes.refusals import explain
from learnsite.quizzes.services import batch_import
from learnsite.quizzes.services.generation import default_counts
from learnsite.quizzes.services.quizzes import generations_left
from quizgen.errors import QuizgenError
from quizgen.text.batch_sources import read_url_list


@login_required
def batch_new(request: HttpRequest) -> HttpResponse:
    form = BatchImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            sources = [batch_import.source_from_upload(f, i) for i, f in enumerate(data["files"], 1)]
            if data["urls"].strip():
                sources += read_url_list(data["urls"], name="web addresses")
            if data["csv"]:
                sources += batch_import.sources_from_csv(data["csv"], csv_format=data.get("csv_format") or "auto")
            batch = batch_import.batch_create(teacher=request.user, sources=sources, level=data["level"],
                                              counts=default_counts(), limit=batch_import.site_limit(),
                                              bounds=batch_import.request_bounds())
        except QuizgenError as exc:
            form.add_error(None, explain(exc))
        else:
            return redirect("quizzes:batch", batch_id=batch.pk)
    bounds = batch_import.request_bounds()
    return render(request, "quizzes/batch_new.html", {"form": form, "limit": batch_import.site_limit(), "bounds": bounds,
                                                       "bounds_characters": f"{bounds.characters:,}" if bounds else "",
                                                       "generations_left": generations_left(teacher=request.user)},
                  status=422 if form.errors else 200)


def _batch_context(batch) -> dict[str, object]:
    jobs = selectors.batch_jobs(batch=batch)
    return {"batch": batch, "jobs": jobs, "progress": selectors.batch_progress(batch=batch, jobs=jobs),
            "max_attempts": settings.QUIZGEN_JOB_MAX_ATTEMPTS}


@login_required
def batch_detail(request: HttpRequest, batch_id: int) -> HttpResponse:
    batch = selectors.batch_get_for_teacher(teacher=request.user, batch_id=batch_id)
    return render(request, "quizzes/batch.html", _batch_context(batch))


@login_required
def batch_status(request: HttpRequest, batch_id: int) -> JsonResponse:
    batch = selectors.batch_get_for_teacher(teacher=request.user, batch_id=batch_id)
    progress = selectors.batch_progress(batch=batch)
    return JsonResponse({**asdict(progress), "finished": progress.finished, "percent": progress.percent,
                         "skipped_articles": batch.skipped}, headers={"Cache-Control": "no-store"})


@login_required
@require_POST
def batch_rerun(request: HttpRequest, batch_id: int) -> HttpResponse:
    batch = selectors.batch_get_for_teacher(teacher=request.user, batch_id=batch_id)
    try:
        again = batch_import.batch_rerun(batch=batch)
    except QuizgenError as exc:
        messages.error(request, explain(exc))
    else:
        messages.success(request, ngettext("%(n)d generation started again.", "%(n)d generations started again.",
                                           len(again)) % {"n": len(again)})
    return redirect("quizzes:batch", batch_id=batch.pk)
