"""Generation jobs: start one, run it (in the request or on a Celery worker), run it again.

Without ``CELERY_BROKER_URL`` a job runs at once, in the request that started it, and is
finished when ``job_start`` returns. With a broker it is queued by task name (RUN_JOB_TASK,
which learnsite/quizzes/tasks.py registers; this module does not import the tasks); a worker
runs it and the job page follows its state and progress.

Nothing is lost when a worker dies: the text was saved before the job existed, the items are
replaced in one transaction at the end, the broker delivers an unacknowledged task again, and
``run_job`` does nothing for a finished job. After ``QUIZGEN_JOB_MAX_ATTEMPTS`` runs that never
finished, the job is marked failed with that reason, and the teacher can run it again.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from learnsite.celery import app
from learnsite.quizzes.models import GenerationJob, ImportBatch, Quiz
from learnsite.quizzes.refusals import QuizRefused, explain
from learnsite.quizzes.services import quizzes as services
from quizgen.errors import QuizgenError

logger = logging.getLogger(__name__)

State = GenerationJob.State

#: the Celery task that runs one job (registered in learnsite/quizzes/tasks.py)
RUN_JOB_TASK = "quizzes.run_generation_job"

STEP_LABELS = {
    "": gettext_lazy("waiting for a worker"),
    "analysis": gettext_lazy("analysing the text"),
    "vocabulary": gettext_lazy("choosing the vocabulary"),
    "cloze": gettext_lazy("making gap exercises"),
    "questions": gettext_lazy("making questions"),
    "saving": gettext_lazy("saving the items"),
}


def uses_workers() -> bool:
    """Whether jobs go to Celery workers (a broker is configured) or run in the request."""
    return bool(settings.CELERY_BROKER_URL)


def is_stalled(job: GenerationJob) -> bool:
    """A running job whose worker has said nothing for QUIZGEN_JOB_STALLED_AFTER seconds."""
    if job.state != State.RUNNING:
        return False
    return timezone.now() - job.updated > timedelta(seconds=settings.QUIZGEN_JOB_STALLED_AFTER)


def job_start(*, quiz: Quiz, level: str, counts: Mapping[str, int], only_kind: bool = False,
              batch: ImportBatch | None = None) -> GenerationJob:
    """Check and count the generation, store the job, and run or queue it.

    Refusals (level, counts, the hourly limit, a job already running for this quiz) raise
    QuizRefused before anything is stored. Jobs of a batch import do not count against the
    hourly limit: the batch size has its own limit.
    """
    services.check_level_and_counts(level, counts)
    active = quiz.jobs.filter(state__in=(State.QUEUED, State.RUNNING)).first()
    if active and not is_stalled(active):
        raise QuizRefused(_("This quiz is already being generated. Wait until that has finished."))
    if batch is None:
        services.generation_count(quiz=quiz)
    job = GenerationJob.objects.create(
        teacher=quiz.teacher, quiz=quiz, batch=batch, level=level, counts=dict(counts),
        action=GenerationJob.Action.REGENERATE if only_kind else GenerationJob.Action.GENERATE,
        language=translation.get_language() or settings.LANGUAGE_CODE,
    )
    if active:  # stalled: this job replaces it
        _finish(active, State.FAILED, _("Replaced by a new run after the worker stopped answering."))
    _dispatch(job)
    job.refresh_from_db()
    return job


def job_rerun(*, job: GenerationJob) -> GenerationJob:
    """Run a failed or stalled job again with the same settings, as a new job."""
    if not (job.state == State.FAILED or is_stalled(job)):
        raise QuizRefused(_("This job has not failed; there is nothing to run again."))
    return job_start(quiz=job.quiz, level=job.level, counts=job.counts,
                     only_kind=job.action == GenerationJob.Action.REGENERATE, batch=job.batch)


def _dispatch(job: GenerationJob) -> None:
    if not uses_workers():
        run_job(job.pk)
        return
    # Queue only once the job row is committed, or the worker may not find it yet.
    transaction.on_commit(lambda: _send(job.pk))


def _send(job_id: int) -> None:
    app.send_task(RUN_JOB_TASK, args=[job_id])


def _claim(job_id: int) -> GenerationJob | None:
    """Mark the job running for this process, or None when there is nothing (more) to run."""
    with transaction.atomic():
        job = GenerationJob.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.is_finished:
            return None  # deleted with its quiz, or a redelivered task that already ran
        if job.attempts >= settings.QUIZGEN_JOB_MAX_ATTEMPTS:
            _finish(job, State.FAILED, _(
                "Generation stopped %(n)d times before it finished (the worker was lost). Your text is saved: "
                "run it again, and if it fails again tell the site's administrator.") % {"n": job.attempts})
            return None
        job.state = State.RUNNING
        job.attempts += 1
        job.started = timezone.now()
        job.progress = 0
        job.step = ""
        job.worker = f"{socket.gethostname()}:{os.getpid()}"[:100]
        job.save()
    return job


def _finish(job: GenerationJob, state: str, message: str, items_made: int = 0) -> None:
    job.state = state
    job.message = str(message)
    job.items_made = items_made
    job.finished = timezone.now()
    fields = ["state", "message", "items_made", "finished", "updated"]
    if state == State.DONE:
        job.progress = 100
        fields.append("progress")
    job.save(update_fields=fields)  # not the step and progress the run wrote meanwhile


def run_job(job_id: int) -> GenerationJob | None:
    """Run the job once; safe to call again (a second call after it finished does nothing).

    Returns the job as it ended, or None when it no longer exists (its quiz was deleted).
    """
    job = _claim(job_id)
    if job is None:
        return GenerationJob.objects.filter(pk=job_id).first()

    def progress(step: str, fraction: float) -> None:
        GenerationJob.objects.filter(pk=job.pk).update(step=step[:20], progress=min(99, int(fraction * 100)),
                                                       updated=timezone.now())

    with translation.override(job.language):
        try:
            made = services.generation_apply(quiz=job.quiz, level=job.level, counts=job.counts,
                                             only_kind=job.action == GenerationJob.Action.REGENERATE,
                                             progress=progress)
        except QuizgenError as exc:
            _finish(job, State.FAILED, explain(exc))
        except Exception:  # noqa: BLE001 (a bug must not leave the job running for ever)
            logger.exception("generation job %s failed", job.pk)
            _finish(job, State.FAILED, _("Generation failed unexpectedly. Your text and items are saved; try "
                                         "again, and if it fails again tell the site's administrator."))
        else:
            _finish(job, State.DONE, _("Generated %(n)d items. Check them before you publish.") % {"n": made},
                    items_made=made)
    return job
