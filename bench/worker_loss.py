"""How long a batch takes to finish after its whole Celery worker is killed (a machine lost).

    .venv/bin/python bench/worker_loss.py [N_ARTICLES] [--concurrency 2] [--give-up 2400]

Starts its own PostgreSQL and Redis on loopback (tools/test_services.sh), migrates an empty
database, starts ``celery -A learnsite worker --concurrency=C`` and imports N long articles
(the seed article repeated, several seconds of analysis each) as one batch. As soon as C jobs
are running it kills the worker's whole process group with SIGKILL (parent and pool processes,
no goodbye to the broker), starts a new worker at once, and times from the kill until every job
of the batch has finished. The settings are the environment's: with none set, the defaults a
site runs with (QUIZGEN_JOB_STALLED_AFTER, QUIZGEN_JOB_SWEEP_INTERVAL, the visibility timeout).
The last line is one JSON object. Needs the Debian packages postgresql and redis-server.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import SHARED_DIR

ROOT = Path(__file__).resolve().parents[1]
CELERY = Path(sys.executable).with_name("celery")
SEED = SHARED_DIR / "seed" / "moskau-besuch.txt"


def start_services(state: Path) -> dict[str, str]:
    out = subprocess.run([str(ROOT / "tools/test_services.sh"), "start", str(state)], check=True,
                         capture_output=True, text=True).stdout
    return dict(re.findall(r"export (\w+)=(\S+)", out))


def start_worker(name: str, concurrency: int, env: dict[str, str], log: Path) -> subprocess.Popen:
    process = subprocess.Popen(
        [str(CELERY), "-A", "learnsite", "worker", f"--concurrency={concurrency}", "--loglevel=INFO",
         "-n", f"{name}@%h", f"--logfile={log}"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 180
    while not (log.exists() and " ready." in log.read_text()):
        if time.monotonic() > deadline or process.poll() is not None:
            raise SystemExit(f"the worker did not start: see {log}")
        time.sleep(0.2)
    return process


def stop(process: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
    try:
        os.killpg(process.pid, sig)
        process.wait(30)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="?", type=int, default=5)
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=6, help="copies of the seed article in each text")
    parser.add_argument("--give-up", type=int, default=2400, help="seconds after the kill to stop waiting")
    args = parser.parse_args(argv)
    state = Path(tempfile.mkdtemp(prefix="quizgen-bench-loss."))
    workers: list[subprocess.Popen] = []
    try:
        services = start_services(state)
        env = {**os.environ, "DATABASE_URL": services["DATABASE_URL"],
               "CELERY_BROKER_URL": services["QUIZGEN_TEST_REDIS_URL"], "PYTHONUNBUFFERED": "1"}
        os.environ.update({k: env[k] for k in ("DATABASE_URL", "CELERY_BROKER_URL")})
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learnsite.settings")
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.conf import settings
        from django.contrib.auth.models import User
        from django.core.management import call_command

        from learnsite.quizzes.models import GenerationJob
        from learnsite.quizzes import selectors
        from learnsite.quizzes.services import batch_import
        from learnsite.quizzes.services.generation import default_counts
        from quizgen.text.batch_sources import ArticleSource

        call_command("migrate", verbosity=0)
        workers.append(start_worker("first", args.concurrency, env, state / "first.log"))
        text = "\n\n".join([SEED.read_text(encoding="utf-8")] * args.repeat)
        teacher = User.objects.create(username="bench")
        sources = [ArticleSource(name=f"article-{i}", text=text, source=f"copy {i}") for i in range(args.articles)]
        batch = batch_import.batch_create(teacher=teacher, sources=sources, level="B1", counts=default_counts())
        jobs = batch.jobs.all()
        while jobs.filter(state=GenerationJob.State.RUNNING).count() < min(args.concurrency, args.articles):
            if jobs.filter(state__in=("done", "failed")).exists():
                raise SystemExit("a job finished before the kill: use longer texts (--repeat)")
            time.sleep(0.05)
        running_at_kill = jobs.filter(state=GenerationJob.State.RUNNING).count()
        stop(workers.pop(), signal.SIGKILL)
        killed = time.monotonic()
        workers.append(start_worker("second", args.concurrency, env, state / "second.log"))
        started = time.monotonic() - killed
        seen_stalled = False
        while time.monotonic() - killed < args.give_up:
            progress = selectors.batch_progress(batch=batch)
            seen_stalled = seen_stalled or bool(getattr(progress, "stalled", 0))
            if progress.finished:
                break
            time.sleep(0.5)
        seconds = time.monotonic() - killed
        progress = selectors.batch_progress(batch=batch)
        attempts = sorted(j.attempts for j in selectors.batch_jobs(batch=batch))
        result = {
            "articles": args.articles, "concurrency": args.concurrency, "running_at_kill": running_at_kill,
            "finished": progress.finished, "done": progress.done, "failed": progress.failed,
            "seconds_kill_to_all_finished": round(seconds, 1), "new_worker_ready_after": round(started, 1),
            "attempts": attempts, "shown_stalled": seen_stalled,
            "stalled_after": settings.QUIZGEN_JOB_STALLED_AFTER,
            "sweep_interval": getattr(settings, "QUIZGEN_JOB_SWEEP_INTERVAL", None),
            "visibility_timeout": settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"],
        }
        verdict = "all finished" if progress.finished else f"gave up after {args.give_up} s"
        print(f"whole worker killed with {running_at_kill} of {args.articles} jobs running: {verdict} "
              f"{seconds:.0f} s after the kill ({seconds / 60:.1f} min); attempts {attempts}", flush=True)
    finally:
        for process in workers:
            stop(process)
        subprocess.run([str(ROOT / "tools/test_services.sh"), "stop", str(state)], check=False)
    print(f"command: .venv/bin/python bench/worker_loss.py {args.articles} --concurrency {args.concurrency}")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
