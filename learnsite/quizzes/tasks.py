"""Celery tasks: thin wrappers around learnsite.quizzes.jobs, which does the work and keeps the state."""

from __future__ import annotations

from learnsite.celery import app


@app.task(name="quizzes.run_generation_job", acks_late=True, reject_on_worker_lost=True)
def run_generation_job(job_id: int) -> str:
    """Run one generation job; a redelivered message for a finished job does nothing."""
    from learnsite.quizzes import jobs

    job = jobs.run_job(job_id)
    return job.state if job else "deleted"

