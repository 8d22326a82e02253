"""Celery tasks and the workers' sweep: thin wrappers around learnsite.quizzes.services.jobs.

The dependency points one way: this module imports the jobs service, and the service queues a
job by its task name (jobs.RUN_JOB_TASK) without importing this module.

The sweep of stalled jobs runs in every worker's main process, on the worker's own timer
(a bootstep), rather than from Celery beat: it needs no extra process, no schedule file and no
rule that exactly one beat runs, and it runs wherever jobs can run. Sweeps of several workers
may overlap; each stalled job is taken by one of them. It runs every QUIZGEN_JOB_SWEEP_INTERVAL
seconds, the first time one interval after the worker starts (jobs lost while no worker was up
are then long silent, and are taken).
"""

from __future__ import annotations

import logging
from typing import Any

from celery import bootsteps
from django.conf import settings
from django.db import DatabaseError, connection

from learnsite.celery import app
from learnsite.quizzes.services import jobs

logger = logging.getLogger(__name__)


@app.task(name=jobs.RUN_JOB_TASK)
def run_generation_job(job_id: int) -> str:
    """Run one generation job; a redelivered message for a finished job does nothing.

    Acknowledged late and requeued when its process dies: CELERY_TASK_ACKS_LATE and
    CELERY_TASK_REJECT_ON_WORKER_LOST in settings.py.
    """
    job = jobs.run_job(job_id, beat=True)
    return job.state if job else "deleted"


def sweep_stalled_jobs() -> int:
    """Queue again the jobs whose worker fell silent; returns how many were swept.

    Never raises: it runs in the worker's event loop, and the next sweep tries again.
    """
    try:
        return len(jobs.job_requeue_stalled())
    except DatabaseError as exc:  # the database is away for a moment
        logger.warning("stalled-job sweep failed: %s", exc)
        return 0
    except Exception:  # noqa: BLE001 (the broker refused the new message, or a bug: logged in full)
        logger.exception("stalled-job sweep failed")
        return 0
    finally:
        # The main process forks new pool processes: it keeps no connection open between sweeps.
        connection.close()


class StalledJobSweep(bootsteps.StartStopStep):
    """The worker step that calls ``sweep_stalled_jobs`` on the worker's timer."""

    requires = {"celery.worker.components:Timer"}

    def __init__(self, parent: Any, **kwargs: Any) -> None:
        super().__init__(parent, **kwargs)
        self.entry: Any = None

    def start(self, parent: Any) -> None:
        interval = settings.QUIZGEN_JOB_SWEEP_INTERVAL
        logger.info("stalled-job sweep every %d s: jobs silent for %d s are queued again (at most %d runs each)",
                    interval, settings.QUIZGEN_JOB_STALLED_AFTER, settings.QUIZGEN_JOB_MAX_ATTEMPTS)
        self.entry = parent.timer.call_repeatedly(interval, sweep_stalled_jobs)

    def stop(self, parent: Any) -> None:
        if self.entry is not None:
            self.entry.cancel()
            self.entry = None


app.steps["worker"].add(StalledJobSweep)
