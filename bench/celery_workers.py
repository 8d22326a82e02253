"""Batch generation through Celery with one worker and with two: the time of each and the ratio.

    .venv/bin/python bench/celery_workers.py [N_ARTICLES] [--workers 1 2]

Starts its own PostgreSQL and Redis on loopback (tools/test_services.sh), migrates an empty
database, and for each worker count starts that many ``celery -A learnsite worker
--concurrency=1`` processes, waits until each has loaded the pipeline, then imports the first
N articles of the corpus as one batch (learnsite.quizzes.services.batch_import, as the site and
``manage.py import_articles`` do) and times it from the first job queued to the last one
finished. The last line is one JSON object. Needs the Debian packages postgresql and
redis-server (make test installs them).
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

from corpus import DEFAULT_CORPUS, read_corpus

ROOT = Path(__file__).resolve().parents[1]
CELERY = Path(sys.executable).with_name("celery")


def start_services(state: Path) -> dict[str, str]:
    out = subprocess.run([str(ROOT / "tools/test_services.sh"), "start", str(state)], check=True,
                         capture_output=True, text=True).stdout
    return dict(re.findall(r"export (\w+)=(\S+)", out))


def start_workers(n: int, env: dict[str, str], logdir: Path) -> list[tuple[subprocess.Popen, Path]]:
    workers = []
    for i in range(n):
        log = logdir / f"worker-{n}-{i}.log"
        proc = subprocess.Popen(
            [str(CELERY), "-A", "learnsite", "worker", "--concurrency=1", "--loglevel=INFO", f"-n", f"bench{i}@%h",
             "--without-gossip", "--without-mingle", "--without-heartbeat", f"--logfile={log}"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True)
        workers.append((proc, log))
    deadline = time.monotonic() + 180
    while not all(log.exists() and "loaded the NLP pipeline" in log.read_text() for _, log in workers):
        if time.monotonic() > deadline:
            raise SystemExit("the workers did not start: see " + str(logdir))
        time.sleep(0.5)
    return workers


def stop_workers(workers: list[tuple[subprocess.Popen, Path]]) -> None:
    for proc, _ in workers:
        os.killpg(proc.pid, signal.SIGTERM)
    for proc, _ in workers:
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def run_batch(texts: list[str], level: str) -> tuple[float, dict[str, int]]:
    from django.contrib.auth.models import User

    from learnsite.quizzes import selectors
    from learnsite.quizzes.services import batch_import
    from learnsite.quizzes.services.generation import default_counts
    from quizgen.text.batch_sources import ArticleSource

    teacher, _ = User.objects.get_or_create(username="bench")
    sources = [ArticleSource(name=f"article-{i}", text=t, source=f"corpus row {i + 1}") for i, t in enumerate(texts)]
    start = time.perf_counter()
    batch = batch_import.batch_create(teacher=teacher, sources=sources, level=level, counts=default_counts())
    progress = selectors.batch_progress(batch=batch)
    while not progress.finished:
        time.sleep(0.25)
        progress = selectors.batch_progress(batch=batch)
    seconds = time.perf_counter() - start
    return seconds, {"done": progress.done, "failed": progress.failed, "skipped": progress.skipped}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="?", type=int, default=200)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--level", default="B1")
    args = parser.parse_args(argv)
    texts = read_corpus(args.corpus, args.articles)
    state = Path(tempfile.mkdtemp(prefix="quizgen-bench-services."))
    results: dict[int, dict[str, object]] = {}
    try:
        services = start_services(state)
        env = {**os.environ, "DATABASE_URL": services["DATABASE_URL"],
               "CELERY_BROKER_URL": services["QUIZGEN_TEST_REDIS_URL"], "PYTHONUNBUFFERED": "1"}
        os.environ.update({k: env[k] for k in ("DATABASE_URL", "CELERY_BROKER_URL")})
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learnsite.settings")
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        for n in args.workers:
            workers = start_workers(n, env, state)
            try:
                seconds, counts = run_batch(texts, args.level)
            finally:
                stop_workers(workers)
            results[n] = {"seconds": round(seconds, 1), "articles_per_min": round(60 * len(texts) / seconds, 1),
                          **counts}
            print(f"{n} worker(s): {len(texts)} articles in {seconds:.1f} s "
                  f"({results[n]['articles_per_min']} per minute); {counts}", flush=True)
    finally:
        subprocess.run([str(ROOT / "tools/test_services.sh"), "stop", str(state)], check=False)
    summary: dict[str, object] = {"articles": len(texts), "cpus": os.cpu_count(),
                                  **{f"workers_{n}": r for n, r in results.items()}}
    if 1 in results and 2 in results:
        summary["speedup_2_over_1"] = round(float(results[1]["seconds"]) / float(results[2]["seconds"]), 2)
        print(f"two workers are {summary['speedup_2_over_1']}x as fast as one ({os.cpu_count()} CPU cores)")
    print(f"command: .venv/bin/python bench/celery_workers.py {args.articles} --workers "
          + " ".join(map(str, args.workers)))
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
