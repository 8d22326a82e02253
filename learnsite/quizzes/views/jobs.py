"""A generation job's page and its state as JSON, for the page to follow it; run again."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from learnsite.quizzes import selectors
from learnsite.quizzes.models import GenerationJob
from learnsite.quizzes.refusals import explain
from learnsite.quizzes.services import jobs
from quizgen.errors import QuizgenError


def job_state(job: GenerationJob) -> dict[str, object]:
    """What the job page shows, as the JSON its script polls."""
    return {
        "id": job.pk,
        "state": job.state,
        "state_label": str(job.get_state_display()),
        "progress": job.progress,
        "step": str(jobs.STEP_LABELS.get(job.step, job.step)),
        "message": job.message,
        "attempts": job.attempts,
        "stalled": job.is_stalled,
        "finished": job.is_finished,
        "review_url": reverse("quizzes:review", kwargs={"quiz_id": job.quiz_id}),
    }


@login_required
def job_detail(request: HttpRequest, job_id: int) -> HttpResponse:
    job = selectors.job_get_for_teacher(teacher=request.user, job_id=job_id)
    return render(request, "quizzes/job.html", {"job": job, "quiz": job.quiz, "state": job_state(job)})


@login_required
def job_status(request: HttpRequest, job_id: int) -> JsonResponse:
    job = selectors.job_get_for_teacher(teacher=request.user, job_id=job_id)
    return JsonResponse(job_state(job), headers={"Cache-Control": "no-store"})


@login_required
@require_POST
def job_rerun(request: HttpRequest, job_id: int) -> HttpResponse:
    job = selectors.job_get_for_teacher(teacher=request.user, job_id=job_id)
    try:
        new = jobs.job_rerun(job=job)
    except QuizgenError as exc:
        messages.error(request, explain(exc))
        return redirect("quizzes:job", job_id=job.pk)
    if new.state == GenerationJob.State.DONE:
        messages.success(request, new.message)
        return redirect("quizzes:review", quiz_id=new.quiz_id)
    return redirect("quizzes:job", job_id=new.pk)
