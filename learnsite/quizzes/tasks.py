"""Celery tasks: thin wrappers around learnsite.quizzes.services.jobs, which does the work and keeps the state.

The dependency points one way: this module imports the jobs service, and the service queues a
job by its task name (jobs.RUN_JOB_TASK) without importing this module.
"""

from __future__ import annotations

from learnsite.celery import app
from learnsite.quizzes.services import jobs


@app.task(name=jobs.RUN_JOB_TASK)
def run_generation_job(job_id: int) -> str:
    """Run one generation job; a redelivered message for a finished job does nothing.

    Acknowledged late and requeued when its process dies: CELERY_TASK_ACKS_LATE and
    CELERY_TASK_REJECT_ON_WORKER_LOST in settings.py.
    """
    job = jobs.run_job(job_id)
    return job.state if job else "deleted"
