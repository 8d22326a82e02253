"""The learner pages under concurrent load: latency of the quiz page and the answer endpoint, and no answer lost.

    .venv/bin/python bench/load_quiz.py [--users 50] [--run-time 30s] [--workers 2] [--threads 1]
                                        [--database-url URL] [--keep]

Makes a fresh database (a temporary SQLite file unless --database-url names a PostgreSQL server,
in which case a temporary database is created on it and dropped afterwards), migrates it, adds a
teacher and a published quiz of 15 hand-made items (no NLP pipeline), serves the site with
production settings (QUIZGEN_DEBUG=0, collected static files; QUIZGEN_HTTPS=0, as there is no TLS
proxy on loopback) through gunicorn on a free loopback port, and runs bench/locustfile_quiz.py
headless against it: every simulated learner starts an attempt, loads the take page, answers
every item through the JSON (fetch) variant of the answer endpoint and finishes.

Prints the commands, the requests and failures, p50/p95 latency of the take page and the answer
endpoint, requests/s, the 500s in the server log, and the answers acknowledged by the server (2xx
with a verdict) against the Answer rows stored; the last line is the same figures as one JSON
object. Exits 1 if a request failed or the stored count differs from the acknowledged one.

A SQLite URL gets the options of the settings' embedded default (timeout=20,
transaction_mode=IMMEDIATE, WAL): settings.py adds them to any sqlite:// DATABASE_URL.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from corpus import SHARED_DIR

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
LOCUSTFILE = ROOT / "bench" / "locustfile_quiz.py"
SEED = SHARED_DIR / "seed" / "moskau-besuch.txt"

SENTENCE_1 = ("Präsident Wladimir Putin kündigte am Mittwoch bei einem Moskau-Besuch des chinesischen "
              "Top-Diplomaten Wang Yi an, dass Staatschef Xi Jinping Russland besuchen werde.")
SENTENCE_2 = ("Bei einem Gespräch mit dem russischen Außenminister Sergej Lawrow zuvor hatte Wang gesagt, "
              "er freue sich darauf, während seiner Visite neue Vereinbarungen mit Russland zu treffen.")
# Three of each kind the take page renders differently: typed gap, select, word bank, typed question, radio.
ITEMS = [
    dict(section="cloze", kind="open", answer="Außenminister", evidence=SENTENCE_2, sentence_index=9,
         prompt="Bei einem Gespräch mit dem russischen ___ Sergej Lawrow zuvor hatte Wang gesagt."),
    dict(section="cloze", kind="choice", answer="kündigte", options=["kündigte", "kündigen", "kündigt"],
         evidence=SENTENCE_1, sentence_index=1,
         prompt="Präsident Wladimir Putin ___ am Mittwoch bei einem Moskau-Besuch an."),
    dict(section="cloze", kind="wordbank", answer="Mittwoch | Russland", options=["Russland", "Mittwoch", "Moskau"],
         evidence=SENTENCE_1, sentence_index=1,
         prompt="Putin kündigte am ___ an, dass Xi Jinping ___ besuchen werde."),
    dict(section="question", kind="wh", answer="mit dem russischen Außenminister Sergej Lawrow",
         accepted=["Lawrow", "Sergej Lawrow"], evidence=SENTENCE_2, sentence_index=9,
         prompt="Mit wem hatte Wang ein Gespräch?"),
    dict(section="question", kind="truefalse", answer="richtig", options=["richtig", "falsch"],
         evidence=SENTENCE_1, sentence_index=1, prompt="Xi Jinping wird Russland besuchen."),
] * 3


# With DEBUG off Django's default logging sends a 500's traceback only to mail_admins, so the
# server log would show nothing; this gunicorn config hook prints it once the worker loaded Django.
GUNICORN_CONFIG = """\
import logging


def post_worker_init(worker):
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger("django.request").addHandler(handler)
    worker.log.info("django.request errors go to this log")
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def temp_postgres(url: str) -> tuple[str, str]:
    """A fresh database on the server of a postgres:// URL: (its URL, its name), to drop afterwards."""
    import psycopg

    name = f"quizgen_bench_{secrets.token_hex(4)}"
    with psycopg.connect(_libpq(url), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}")), name


def drop_postgres(url: str, name: str) -> None:
    import psycopg

    with psycopg.connect(_libpq(url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _libpq(url: str) -> str:
    return url.replace("postgres://", "postgresql://", 1) if url.startswith("postgres://") else url


def setup_site() -> str:
    """Migrate the (empty) database named by DATABASE_URL, collect static files (production storage
    needs their manifest) and add a published quiz; its share token."""
    import django
    from django.core.management import call_command

    django.setup()
    from django.contrib.auth.models import User
    from django.db import connections

    from learnsite.quizzes.services import items as item_services
    from learnsite.quizzes.services import quizzes as services

    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    teacher = User.objects.create_user(username="bench_teacher", password=secrets.token_urlsafe(12))
    text = SEED.read_text(encoding="utf-8") if SEED.exists() else (SENTENCE_1 + " " + SENTENCE_2 + " ") * 4
    quiz = services.quiz_create_draft(teacher=teacher, title="Moskau-Besuch (load bench)", text=text)
    for item in ITEMS:
        item_services.item_create(quiz=quiz, **item)  # type: ignore[arg-type]
    services.quiz_publish(quiz=quiz)
    token = quiz.share_token
    connections.close_all()
    return token


def stored_counts() -> dict[str, int]:
    from django.db import connections

    from learnsite.quizzes.models import Answer, Attempt

    counts = {"answers_stored": Answer.objects.count(), "attempts_started": Attempt.objects.count(),
              "attempts_finished": Attempt.objects.filter(finished__isnull=False).count()}
    connections.close_all()
    return counts


def wait_until_serving(url: str, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.returncode} before serving; see its log above")
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer {url} within {timeout:.0f} s")


def stop(proc: subprocess.Popen | None, *, group: bool, grace: float = 15) -> None:
    """End a process we started (and, for gunicorn, its workers), politely first."""
    if proc is None or proc.poll() is not None:
        return
    try:
        if group:
            os.killpg(proc.pid, signal.SIGTERM)
        else:
            proc.terminate()
        proc.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        if group:
            os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
        proc.wait()
    except ProcessLookupError:
        pass


def server_errors(log_text: str) -> Counter[tuple[str, str]]:
    """The 500s in the server log: (exception line, the project's innermost frame) and how often."""
    found: Counter[tuple[str, str]] = Counter()
    for chunk in log_text.split("Internal Server Error:")[1:]:
        lines = chunk.splitlines()
        errors = [line for line in lines if re.match(r"^[\w.]+(Error|Exception): ", line)]
        frames = [line.strip() for line in lines if line.strip().startswith(f'File "{ROOT}/learnsite')]
        found[(errors[-1] if errors else lines[0].strip(), frames[-1].removeprefix("File ") if frames else "?")] += 1
    return found


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50, help="concurrent learners (default 50)")
    parser.add_argument("--spawn-rate", type=float, default=None,
                        help="learners started per second (default: all at once)")
    parser.add_argument("--run-time", default="30s", help="locust run time, e.g. 30s, 2m (default 30s)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (default 2)")
    parser.add_argument("--threads", type=int, default=1, help="threads per gunicorn worker (default 1: sync worker)")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""),
                        help="postgres://... for a temporary database on that server, or a sqlite:////file URL "
                             "(default: a temporary SQLite file with the embedded default's options)")
    parser.add_argument("--keep", action="store_true",
                        help="keep the temporary directory (server and locust logs, SQLite database)")
    args = parser.parse_args(argv)
    spawn_rate = args.spawn_rate or args.users

    # A SIGTERM ends the run like Ctrl-C does, so the finally below still stops gunicorn and cleans up.
    signal.signal(signal.SIGTERM, _interrupt)
    tmp = Path(tempfile.mkdtemp(prefix="quizgen-load-"))
    load_before = round(os.getloadavg()[0], 2)
    server: subprocess.Popen | None = None
    locust: subprocess.Popen | None = None
    pg_temp: tuple[str, str] | None = None
    sqlite_made: Path | None = None  # a --database-url SQLite file outside tmp, made by this run
    try:
        if args.database_url.startswith(("postgres://", "postgresql://")):
            db_url, pg_name = temp_postgres(args.database_url)
            pg_temp = (args.database_url, pg_name)
            db_kind, db_label = "postgresql", f"PostgreSQL, temporary database {pg_name}"
        elif args.database_url:
            db_url = args.database_url
            db_kind, db_label = "given-url", f"given URL {db_url}"
            if db_url.startswith("sqlite:"):
                sqlite_made = Path(urlsplit(db_url).path)
                if sqlite_made.exists():
                    sqlite_made = None
                    raise SystemExit(f"{db_url} exists: name a new file, the bench migrates a fresh database")
        else:
            db_url = f"sqlite:///{tmp / 'bench.sqlite3'}"
            db_kind = "sqlite-default-options"
            db_label = "temporary SQLite file with the default's options (timeout 20 s, IMMEDIATE, WAL)"
        # Production settings (README "Production") except TLS: on loopback there is no proxy to end it,
        # and a Secure session cookie would never come back over plain http.
        site_env = {"DATABASE_URL": db_url, "DJANGO_SETTINGS_MODULE": "learnsite.settings",
                    "QUIZGEN_DEBUG": "0", "QUIZGEN_SECRET_KEY": secrets.token_urlsafe(50), "QUIZGEN_HTTPS": "0",
                    "QUIZGEN_ALLOWED_HOSTS": "127.0.0.1,localhost", "QUIZGEN_STATIC_ROOT": str(tmp / "static")}
        os.environ.update(site_env)
        env = {**os.environ, **site_env}
        sys.path.insert(0, str(ROOT))
        token = setup_site()

        gunicorn_config = tmp / "gunicorn_conf.py"
        gunicorn_config.write_text(GUNICORN_CONFIG, encoding="utf-8")
        port = free_port()
        host = f"http://127.0.0.1:{port}"
        gunicorn_cmd = [str(VENV_BIN / "gunicorn"), "learnsite.wsgi", "-b", f"127.0.0.1:{port}",
                        "-w", str(args.workers), "--threads", str(args.threads), "--graceful-timeout", "5",
                        "--no-control-socket", "-c", str(gunicorn_config)]
        server_log = (tmp / "gunicorn.log").open("w")
        server = subprocess.Popen(gunicorn_cmd, cwd=ROOT, env=env, stdout=server_log, stderr=subprocess.STDOUT,
                                  start_new_session=True)
        wait_until_serving(f"{host}/q/{token}/", server)

        result_file = tmp / "locust-result.json"
        # --stop-timeout lets each learner finish the quiz it is taking when the time is up, so no
        # answer is cut off between being stored and being acknowledged.
        locust_cmd = [str(VENV_BIN / "locust"), "-f", str(LOCUSTFILE), "--headless", "-u", str(args.users),
                      "-r", str(spawn_rate), "-t", args.run_time, "--stop-timeout", "120", "--host", host,
                      "--only-summary", "--loglevel", "WARNING"]
        print("database:", db_label)
        print("server:  ", shlex.join(gunicorn_cmd))
        print("load:    ", f"QUIZ_TOKEN={token}", shlex.join(locust_cmd))
        sys.stdout.flush()
        locust = subprocess.Popen(locust_cmd, cwd=ROOT,
                                  env={**env, "QUIZ_TOKEN": token, "QUIZ_RESULT_FILE": str(result_file)},
                                  stdout=subprocess.DEVNULL, stderr=(tmp / "locust.log").open("w"))
        locust_rc = locust.wait()
        locust = None

        if not result_file.exists():
            raise RuntimeError(f"locust wrote no result (exit {locust_rc}); its log:\n"
                               + (tmp / "locust.log").read_text(encoding="utf-8", errors="replace")[-3000:])
        result = json.loads(result_file.read_text(encoding="utf-8"))
        stats, failures, sent = result["stats"], result["errors"], result["answers"]
        stored = stored_counts()
        server_log.flush()
        log_text = (tmp / "gunicorn.log").read_text(encoding="utf-8", errors="replace")

        total = stats["Aggregated"]
        errors = server_errors(log_text)
        figures: dict[str, object] = {
            "users": args.users, "run_time": args.run_time, "gunicorn_workers": args.workers,
            "gunicorn_threads": args.threads, "database": db_kind, "load_average_1min_before": load_before,
            "requests": total["requests"], "failures": total["failures"], "requests_per_s": total["requests_per_s"],
        }
        for label, name in (("take_page", "take page"), ("answer", "answer")):
            row = stats.get(name, {})
            figures[f"{label}_requests"] = row.get("requests", 0)
            figures[f"{label}_p50_ms"] = row.get("p50_ms")
            figures[f"{label}_p95_ms"] = row.get("p95_ms")
        figures.update({"answers_sent": sent["sent"], "answers_acknowledged": sent["acknowledged"],
                        "answers_failed": sent["failed"], **stored})
        # The machine may be shared: the load average says how much else ran beside the bench.
        figures["load_average_1min_after"] = round(os.getloadavg()[0], 2)
        figures["no_answer_lost"] = stored["answers_stored"] == sent["acknowledged"]
        figures["server_errors_logged"] = sum(errors.values())
        figures["database_locked_logged"] = sum(n for (error, _), n in errors.items() if "database is locked" in error)

        print(f"\nconcurrency {args.users} learners for {args.run_time}, gunicorn {args.workers} workers "
              f"x {args.threads} thread(s)")
        print(f"{'request':<14} {'count':>7} {'fail':>5} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'req/s':>7}")
        for name, row in stats.items():
            print(f"{name:<14} {row['requests']:>7} {row['failures']:>5} {row['p50_ms']!s:>7} "
                  f"{row['p95_ms']!s:>7} {row['p99_ms']!s:>7} {row['requests_per_s']:>7.1f}")
        for failure in failures[:10]:
            print(f"failure: {failure['name']} x{failure['occurrences']}: {failure['error']}")
        print(f"answers sent {sent['sent']}, acknowledged {sent['acknowledged']}, failed {sent['failed']}; "
              f"Answer rows stored {stored['answers_stored']}: "
              + ("equal, no answer lost" if figures["no_answer_lost"] else "NOT EQUAL"))
        print(f"attempts started {stored['attempts_started']}, finished {stored['attempts_finished']}; "
              f"server log: {figures['server_errors_logged']} server errors, "
              f"{figures['database_locked_logged']} of them 'database is locked'; "
              f"load average {load_before} before, {figures['load_average_1min_after']} after")
        for (error, where), count in errors.most_common(10):
            print(f"server error x{count}: {error}  (at {where})")
        print(json.dumps(figures))
        return 0 if figures["no_answer_lost"] and not figures["failures"] else 1
    except KeyboardInterrupt:
        print("interrupted: stopping the server and cleaning up", file=sys.stderr)
        return 130
    finally:
        stop(locust, group=False, grace=3)  # only an interrupted run still has it; no need to wait for learners
        stop(server, group=True)
        if pg_temp is not None:
            from django.db import connections

            connections.close_all()
            drop_postgres(*pg_temp)
        if args.keep:
            print(f"kept {tmp}" + (f" and {sqlite_made}" if sqlite_made else ""), file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
            for suffix in ("", "-wal", "-shm", "-journal") if sqlite_made else ():
                Path(f"{sqlite_made}{suffix}").unlink(missing_ok=True)


if __name__ == "__main__":
    sys.exit(main())
