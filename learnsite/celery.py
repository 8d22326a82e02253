"""The Celery app for generation jobs: ``celery -A learnsite worker -l INFO`` (see README, "Scale path").

The worker's main process loads the NLP pipeline and word lists once, after its logging is set
up and before it starts its pool: the pool processes are forked with everything loaded (shared
copy-on-write, frozen out of the garbage collector's scans by quizgen.preload), so the worker
takes no task it cannot start at once, a pool process that replaces a dead one is ready at once,
and the log has one load line per worker. The periodic sweep of stalled jobs is a worker step
registered in learnsite/quizzes/tasks.py.
"""

from __future__ import annotations

import logging
import os

from celery import Celery
from celery.signals import after_setup_logger, celeryd_after_setup

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learnsite.settings")

app = Celery("learnsite")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

logger = logging.getLogger(__name__)


@after_setup_logger.connect
def _one_line_per_record(**_kwargs: object) -> None:
    # Django's LOGGING gives "learnsite" a console handler, and its records also reach the root
    # logger that Celery has just set up (-l, --logfile): each line would be written twice.
    logging.getLogger("learnsite").handlers.clear()


@celeryd_after_setup.connect
def _load_pipeline_before_the_pool(**_kwargs: object) -> None:
    from quizgen.preload import preload

    seconds = preload()
    logger.info("worker %s loaded the NLP pipeline in %.1f s; its pool processes share it", os.getpid(), seconds)
