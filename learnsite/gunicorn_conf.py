"""gunicorn settings for Quizgen: ``gunicorn -c python:learnsite.gunicorn_conf learnsite.wsgi``.

Without Celery workers the site generates in the request, so each web process loads the NLP
pipeline once when it starts (not during a teacher's first generation) and requests may take
as long as a generation. With a broker the web processes never analyse and skip the load.

Environment (README, "Configuration"), read through the same typed helpers as the settings, so
a bad value stops the start with a message naming its variable: QUIZGEN_BIND (127.0.0.1:8000),
QUIZGEN_WEB_WORKERS (2), QUIZGEN_WEB_PRELOAD (on without CELERY_BROKER_URL),
QUIZGEN_CONTROL_SOCKET (off).
"""

from __future__ import annotations

import os

from learnsite.environment import env_bool, env_int, env_str

bind = env_str("QUIZGEN_BIND", "127.0.0.1:8000")
workers = env_int("QUIZGEN_WEB_WORKERS", 2, minimum=1)
# A generation in the request takes seconds, a 100,000-character text up to a minute.
timeout = 120
_PRELOAD = env_bool("QUIZGEN_WEB_PRELOAD", not env_str("CELERY_BROKER_URL", ""))

# gunicorn's control socket (for gunicornc) defaults to one path per user account
# (~/.gunicorn/gunicorn.ctl): a second gunicorn of the same user takes it over and deletes it on
# exit. Off unless the operator names a path for this instance.
_CONTROL_SOCKET = env_str("QUIZGEN_CONTROL_SOCKET", "")
if _CONTROL_SOCKET:
    control_socket = _CONTROL_SOCKET
else:
    control_socket_disable = True


def post_worker_init(worker: object) -> None:
    if _PRELOAD:
        from quizgen.preload import preload

        worker.log.info("web process %s loaded the NLP pipeline in %.1f s", os.getpid(), preload())  # type: ignore[attr-defined]
