"""The Celery app for generation jobs: ``celery -A learnsite worker`` (see README, "Scale path").

Each worker process loads the NLP pipeline and word lists once, when it starts, not per task.
"""

from __future__ import annotations

import logging
import os

from celery import Celery
from celery.signals import worker_process_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learnsite.settings")

app = Celery("learnsite")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

logger = logging.getLogger(__name__)


@worker_process_init.connect
def _load_pipeline_once(**_kwargs: object) -> None:
    from quizgen.preload import preload

    seconds = preload()
    logger.info("worker process %s loaded the NLP pipeline in %.1f s", os.getpid(), seconds)
