"""gunicorn settings for Quizgen: ``gunicorn -c python:learnsite.gunicorn_conf learnsite.wsgi``.

Without Celery workers the site generates in the request, so each web process loads the NLP
pipeline once when it starts (not during a teacher's first generation) and requests may take
as long as a generation. With a broker the web processes never analyse and skip the load.
Environment: QUIZGEN_BIND (127.0.0.1:8000), QUIZGEN_WEB_WORKERS (2), QUIZGEN_WEB_PRELOAD
(on without CELERY_BROKER_URL).
"""

from __future__ import annotations

import os

bind = os.environ.get("QUIZGEN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("QUIZGEN_WEB_WORKERS", "2"))
# A generation in the request takes seconds, a 100,000-character text up to a minute.
timeout = 120
_PRELOAD = os.environ.get("QUIZGEN_WEB_PRELOAD", "0" if os.environ.get("CELERY_BROKER_URL") else "1") == "1"


def post_worker_init(worker: object) -> None:
    if _PRELOAD:
        from quizgen.preload import preload

        worker.log.info("web process %s loaded the NLP pipeline in %.1f s", os.getpid(), preload())  # type: ignore[attr-defined]
