"""Celery tasks: thin wrappers around learnsite.quizzes.services.jobs, which does the work and keeps the state."""

from __future__ import annotations

from learnsite.celery import app


@app.task(name="quizzes.run_generation_job")
def run_generation_job(job_id: int) -> str:
    """Run one generation job; a redelivered message for a finished job does nothing.

    Acknowledged late and requeued when its process dies: CELERY_TASK_ACKS_LATE and
    CELERY_TASK_REJECT_ON_WORKER_LOST in settings.py.
    """
    from learnsite.quizzes.services import jobs

    job = jobs.run_job(job_id)
    return job.state if job else "deleted"

