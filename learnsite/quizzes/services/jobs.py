"""Generation jobs: start one, run it (in the request or on a Celery worker), run it again.

Without ``CELERY_BROKER_URL`` a job runs at once, in the request that started it, and is
finished when ``job_start`` returns. With a broker it is queued by task name (RUN_JOB_TASK,
which learnsite/quizzes/tasks.py registers; this module does not import the tasks); a worker
runs it and the job page follows its state and progress.

Nothing is lost when a worker dies: the text was saved before the job existed, the items are
replaced in one transaction at the end, and ``run_job`` does nothing for a finished job nor for
one whose run is still alive. A run on a worker beats (touches ``updated``) every
QUIZGEN_JOB_STALLED_AFTER / 6 seconds, so a long analysis is not mistaken for a lost run.

- A pool process killed: the broker hands the task back at once (reject_on_worker_lost) and the
  next process runs it, seeing that the recorded process on this host is gone.
- A whole worker lost (machine, OOM of the parent, SIGKILL): its running jobs fall silent, and
  the sweep every worker runs every QUIZGEN_JOB_SWEEP_INTERVAL seconds
  (``job_requeue_stalled``, learnsite/quizzes/tasks.py) queues them again once silent for
  QUIZGEN_JOB_STALLED_AFTER; the broker's visibility timeout stays only as the last resort
  (its late copy of the task then does nothing).

Every run counts as an attempt; after ``QUIZGEN_JOB_MAX_ATTEMPTS`` runs that never finished,
the job is marked failed with that reason, and the teacher can run it again.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, nullcontext
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection, transaction
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
#: beats of a running job per QUIZGEN_JOB_STALLED_AFTER: five can be missed (a busy database, a
#: long pause of the process) before the run counts as lost
BEATS_PER_STALL = 6

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




def job_start(*, quiz: Quiz, level: str, counts: Mapping[str, int], only_kind: bool = False,
              batch: ImportBatch | None = None, run_now: bool = True, counted: bool = True) -> GenerationJob:
    """Check and count the generation, store the job, and run or queue it.

    Refusals (level, counts, the hourly limit, a job already running for this quiz) raise
    QuizRefused before anything is stored. Every generation counts against the teacher's hourly
    limit, a batch's too (not ``counted``: the operator's manage.py import_articles). Without workers, ``run_now=False`` leaves the job queued for the caller
    to run (``run_job``): a batch stores all its jobs before it runs the first.
    """
    services.check_level_and_counts(level, counts)
    active = quiz.jobs.filter(state__in=(State.QUEUED, State.RUNNING)).first()
    if active and not active.is_stalled:
        raise QuizRefused(_("This quiz is already being generated. Wait until that has finished."))
    with transaction.atomic():
        if counted:
            services.generation_check(teacher=quiz.teacher)
        job = GenerationJob.objects.create(
            teacher=quiz.teacher, quiz=quiz, batch=batch, level=level, counts=dict(counts),
            action=GenerationJob.Action.REGENERATE if only_kind else GenerationJob.Action.GENERATE,
            language=translation.get_language() or settings.LANGUAGE_CODE,
        )
        if counted:
            services.generation_count(quiz=quiz, job=job)
    if active:  # stalled: this job replaces it, and the lost run is not counted
        active.lost = True
        _finish(active, State.FAILED, _("Replaced by a new run after the worker stopped answering."),
                extra_fields=["lost"])
    if run_now or uses_workers():
        _dispatch(job)
    job.refresh_from_db()
    return job


def job_set_aside(*, job: GenerationJob, message: str) -> None:
    """Mark a queued job that will not run as failed (lost: not counted), with why: the teacher
    runs it again from the batch page."""
    job.lost = True
    _finish(job, State.FAILED, message, extra_fields=["lost"])


def job_rerun(*, job: GenerationJob) -> GenerationJob:
    """Run a failed or stalled job again with the same settings, as a new job."""
    if not (job.state == State.FAILED or job.is_stalled):
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


def job_requeue_stalled() -> list[GenerationJob]:
    """Queue again every running job whose worker has been silent for QUIZGEN_JOB_STALLED_AFTER.

    The workers' periodic sweep (learnsite/quizzes/tasks.py). The lost run was counted when it
    started; a job that has used QUIZGEN_JOB_MAX_ATTEMPTS runs is marked failed instead. Several
    workers may sweep at once: each job is taken by one of them (SKIP LOCKED). Returns the jobs
    queued again or failed, as they are now.
    """
    swept = []
    stalled_after = timedelta(seconds=settings.QUIZGEN_JOB_STALLED_AFTER)
    with transaction.atomic():
        stalled = (GenerationJob.objects.select_for_update(skip_locked=True)
                   .filter(state=State.RUNNING, updated__lte=timezone.now() - stalled_after).order_by("pk"))
        for job in stalled:
            silent = job.silent_seconds
            if job.attempts >= settings.QUIZGEN_JOB_MAX_ATTEMPTS:
                _give_up(job)
                logger.warning("job %s (quiz %s): no sign of life from %s for %d s after attempt %d of %d: "
                               "failed", job.pk, job.quiz_id, job.worker, silent, job.attempts,
                               settings.QUIZGEN_JOB_MAX_ATTEMPTS)
            else:
                with translation.override(job.language):
                    job.message = _("The worker running this job stopped answering; it was queued again "
                                    "(run %(next)d of %(most)d).") % {
                                        "next": job.attempts + 1, "most": settings.QUIZGEN_JOB_MAX_ATTEMPTS}
                job.state, job.step, job.progress = State.QUEUED, "", 0
                job.save(update_fields=["state", "step", "progress", "message", "updated"])
                transaction.on_commit(lambda pk=job.pk: _send(pk))
                logger.warning("job %s (quiz %s): no sign of life from %s for %d s: queued again for run %d "
                               "of %d", job.pk, job.quiz_id, job.worker, silent, job.attempts + 1,
                               settings.QUIZGEN_JOB_MAX_ATTEMPTS)
            swept.append(job)
    return swept


def _run_is_alive(job: GenerationJob) -> bool:
    """Whether the job's last run may still be going (so a second copy of its task must not start).

    A silent run is lost. A run recorded on this host is alive only while its process is; on
    another host only its beats tell.
    """
    if job.state != State.RUNNING or job.is_stalled or not job.worker:
        return False
    host, _sep, pid = job.worker.rpartition(":")
    if host != _host() or not pid.isdigit():
        return True
    if int(pid) == os.getpid():
        return False  # this very process, so not running it now
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # a process of another user has that number now
    return True


def _host() -> str:
    return socket.gethostname()[:88]  # GenerationJob.worker holds 100 characters: host, colon, process id


def _give_up(job: GenerationJob) -> None:
    job.lost = True  # never finished: not counted against the teacher's hourly limit
    with translation.override(job.language):
        _finish(job, State.FAILED, extra_fields=["lost"], message=_(
            "Generation stopped %(n)d times before it finished (the worker was lost). Your text is saved: "
            "run it again, and if it fails again tell the site's administrator.") % {"n": job.attempts})


def _claim(job_id: int) -> GenerationJob | None:
    """Mark the job running for this process, or None when there is nothing (more) to run."""
    with transaction.atomic():
        job = GenerationJob.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.is_finished:
            return None  # deleted with its quiz, or a redelivered task that already ran
        if _run_is_alive(job):
            # A second copy of the task (the broker's late redelivery of a job the sweep queued
            # again): the run that has it goes on.
            logger.info("job %s is running on %s: this copy of its task does nothing", job.pk, job.worker)
            return None
        if job.attempts >= settings.QUIZGEN_JOB_MAX_ATTEMPTS:
            _give_up(job)
            return None
        job.state = State.RUNNING
        job.attempts += 1
        job.started = timezone.now()
        job.progress = 0
        job.step = ""
        job.worker = f"{_host()}:{os.getpid()}"
        job.save()
    return job


def _finish(job: GenerationJob, state: str, message: str, items_made: int = 0,
            extra_fields: list[str] | None = None) -> None:
    job.state = state
    job.message = str(message)
    job.items_made = items_made
    job.finished = timezone.now()
    fields = ["state", "message", "items_made", "finished", "updated", *(extra_fields or [])]
    if state == State.DONE:
        job.progress = 100
        fields.append("progress")
    job.save(update_fields=fields)  # not the step and progress the run wrote meanwhile


@contextmanager
def _beating(job: GenerationJob) -> Iterator[None]:
    """Touch the job's ``updated`` every STALLED_AFTER / BEATS_PER_STALL seconds while the run lasts.

    A thread of its own (with its own database connection), so a long analysis, which reports
    no step for a minute, still shows its worker is alive.
    """
    stop = threading.Event()
    every = settings.QUIZGEN_JOB_STALLED_AFTER / BEATS_PER_STALL

    def beat() -> None:
        try:
            while not stop.wait(every):
                try:
                    GenerationJob.objects.filter(pk=job.pk, state=State.RUNNING, worker=job.worker).update(
                        updated=timezone.now())
                except DatabaseError as exc:  # the next beat tries again; five may be missed
                    logger.warning("job %s: beat not recorded (%s)", job.pk, exc)
                    connection.close()
        finally:
            connection.close()

    thread = threading.Thread(target=beat, name=f"job-{job.pk}-beat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()


def run_job(job_id: int, *, beat: bool = False) -> GenerationJob | None:
    """Run the job once; safe to call again (a second call after it finished does nothing).

    ``beat``: record a sign of life while it runs (on a worker, where the sweep watches for them).
    Returns the job as it ended, or None when it no longer exists (its quiz was deleted).
    """
    job = _claim(job_id)
    if job is None:
        return GenerationJob.objects.filter(pk=job_id).first()
    logger.info("job %s (quiz %s%s): run %d of %d on %s", job.pk, job.quiz_id,
                f", batch {job.batch_id}" if job.batch_id else "", job.attempts,
                settings.QUIZGEN_JOB_MAX_ATTEMPTS, job.worker)
    started = time.monotonic()
    with _beating(job) if beat else nullcontext():
        _run_claimed(job)
    logger.info("job %s %s in %.1f s: %s", job.pk, job.state, time.monotonic() - started, job.message)
    return job


def _run_claimed(job: GenerationJob) -> None:
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
