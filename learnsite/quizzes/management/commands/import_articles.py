"""``manage.py import_articles --teacher NAME FILE... [--urls LIST] [--csv FILE]``: a batch import.

Every usable article becomes a draft quiz of the teacher's with a generation job, as the site's
"Import many articles" page does. Without Celery workers the generations run here, one after
another, under a progress bar; with workers they are queued, and ``--wait`` follows them,
saying which jobs it waits for (running, waiting for a worker, stalled), up to ``--timeout``.

Exit codes: 0 every article became a quiz; 1 some article was skipped or its generation failed
(the reasons are printed); 2 the command could not start (unknown teacher, no articles, bad
arguments); 3 ``--wait`` gave up after ``--timeout`` with jobs still to do (they go on).
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from learnsite.quizzes import selectors
from learnsite.quizzes.models import GenerationJob
from learnsite.quizzes.services import batch_import, jobs
from learnsite.quizzes.services.generation import default_counts
from quizgen.pack import LEVELS
from quizgen.text.batch_sources import iter_sources

EXIT_FAILED, EXIT_USAGE, EXIT_TIMED_OUT = 1, 2, 3
#: seconds between the lines that say what --wait still waits for, when nothing changes
STATUS_EVERY = 30
#: seconds of queued jobs and none running before --wait asks whether any worker is up
NO_WORKER_AFTER = 60


class Command(BaseCommand):
    help = "Import many German articles as quizzes of one teacher: files, a list of web addresses, or a CSV."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("files", nargs="*", help="article files: plain UTF-8 text, .html or .htm")
        parser.add_argument("--teacher", required=True, help="the user name of the teacher who gets the quizzes")
        parser.add_argument("--urls", help="a file of web addresses, one a line (- for standard input)")
        parser.add_argument("--csv", help="a CSV of articles: a header row with text or url, optional title, level; "
                                          "or the 10kGNAD format label;'text'")
        parser.add_argument("--csv-format", choices=("auto", "header", "gnad"), default="auto",
                            help="the CSV's format (auto: from its first line)")
        parser.add_argument("--level", choices=LEVELS, default="B1")
        parser.add_argument("--wait", action="store_true", help="with Celery workers: follow the jobs to the end")
        parser.add_argument("--timeout", type=float, metavar="SECONDS",
                            help="with --wait: give up after this many seconds (exit code 3); the jobs go on")

    def handle(self, *args: Any, **options: Any) -> None:
        teacher = get_user_model().objects.filter(username=options["teacher"]).first()
        if teacher is None:
            raise CommandError(f"There is no user {options['teacher']!r}. Create the account first "
                               "(the site's sign-up page, or manage.py createsuperuser).", returncode=EXIT_USAGE)
        if not (options["files"] or options["urls"] or options["csv"]):
            raise CommandError("Give the articles: files, --urls LIST or --csv FILE.", returncode=EXIT_USAGE)
        if options["timeout"] is not None and not options["wait"]:
            raise CommandError("--timeout is for --wait: add --wait, or leave the timeout out.", returncode=EXIT_USAGE)
        sources = iter_sources(files=options["files"], url_list=options["urls"], csv_path=options["csv"],
                               csv_format=options["csv_format"])
        quiet = options["verbosity"] == 0
        with tqdm(total=len(sources), unit="article", disable=quiet, desc="import") as bar:
            def advance(record: Any, job: Any) -> None:
                bar.update(1)
                if record.error:
                    bar.write(f"skipped {record.source or record.name}: {record.error}")
            # The command runs on the operator's machine: web addresses are fetched as the
            # library fetches them (no public-address guard, unlike the site).
            batch = batch_import.batch_create(teacher=teacher, sources=sources, level=options["level"],
                                              counts=default_counts(), fetch=None, on_article=advance,
                                              counted=False)  # the operator's, not the teacher's hourly share
        finished = True
        if jobs.uses_workers() and options["wait"]:
            finished = self._follow(batch, quiet, options["timeout"])
        self._report(batch, finished, options["timeout"])

    def _follow(self, batch: Any, quiet: bool, timeout: float | None) -> bool:
        """Wait for the batch's jobs, saying what is left; False when ``timeout`` ran out first."""
        start = time.monotonic()
        said, said_at, idle_since, asked = "", 0.0, None, False
        progress = selectors.batch_progress(batch=batch)
        self._say(f"Waiting for the {progress.total} generations of batch {batch.pk} on the workers"
                  + (f" (at most {timeout:.0f} s)." if timeout is not None else "."), quiet)
        with tqdm(total=progress.total, unit="quiz", disable=quiet, desc="generate") as bar:
            while True:
                latest = selectors.batch_jobs(batch=batch)
                progress = selectors.batch_progress(batch=batch, jobs=latest)
                bar.update(progress.done + progress.failed - bar.n)
                elapsed = time.monotonic() - start
                if progress.finished:
                    return True
                if timeout is not None and elapsed >= timeout:
                    bar.write(f"Gave up after {elapsed:.0f} s (--timeout): {self._left(latest, progress)}")
                    return False
                line = self._left(latest, progress)
                if line != said or elapsed - said_at >= STATUS_EVERY:
                    if not quiet:
                        bar.write(f"[{elapsed:4.0f} s] {line}")
                    said, said_at = line, elapsed
                if progress.running or not progress.waiting:
                    idle_since = None
                elif idle_since is None:
                    idle_since = elapsed
                if idle_since is not None and elapsed - idle_since >= NO_WORKER_AFTER and not asked:
                    bar.write(f"No worker has taken a job for {elapsed - idle_since:.0f} s: is a worker running "
                              "on this broker? (systemctl status quizgen-worker; README, \"Scale path\")")
                    asked = True
                time.sleep(1)

    @staticmethod
    def _left(latest: list[GenerationJob], progress: Any) -> str:
        """What the batch still waits for: the running and stalled jobs by name, the waiting ones by count."""
        running = [job for job in latest if job.state == GenerationJob.State.RUNNING and not job.is_stalled]
        stalled = [job for job in latest if job.is_stalled]
        parts = [f"{progress.done + progress.failed} of {progress.total} finished"]
        if running:
            parts.append(f"{len(running)} running (" + ", ".join(
                f"job {job.pk} {job.quiz.title!r}: {jobs.STEP_LABELS.get(job.step, job.step)} {job.progress} %, "
                f"run {job.attempts}" for job in running) + ")")
        if progress.waiting:
            parts.append(f"{progress.waiting} waiting for a worker")
        if stalled:
            parts.append(f"{len(stalled)} stalled (" + ", ".join(
                f"job {job.pk} {job.quiz.title!r}: no sign of its worker for {job.silent_seconds} s"
                for job in stalled) + f"; the workers' sweep queues them again after "
                f"{settings.QUIZGEN_JOB_STALLED_AFTER} s)")
        return "; ".join(parts)

    def _say(self, line: str, quiet: bool) -> None:
        if not quiet:
            self.stdout.write(line)

    def _report(self, batch: Any, finished: bool, timeout: float | None) -> None:
        progress = selectors.batch_progress(batch=batch)
        left = progress.waiting + progress.running + progress.stalled
        where = "on the workers" if jobs.uses_workers() else "here"
        self.stdout.write(f"Batch {batch.pk}: {progress.total} quizzes ({progress.done} generated, "
                          f"{progress.failed} failed, {left} still {where}), {progress.skipped} articles skipped.")
        for job in selectors.batch_jobs(batch=batch):
            if job.state == job.State.FAILED:
                self.stdout.write(f"  failed: {job.quiz.title}: {job.message}")
        for entry in batch.skipped:
            self.stdout.write(f"  skipped: {entry['name']}: {entry['reason']}")
        if jobs.uses_workers() and not progress.finished:
            self.stdout.write(f"Follow it on the site: /quizzes/import/{batch.pk}/ (or run with --wait).")
        if not finished:  # before the failures: what is left may still fail or succeed
            raise CommandError(f"Timed out after {timeout:.0f} s with {left} generations still to do; they go on "
                               f"on the workers.", returncode=EXIT_TIMED_OUT)
        if progress.failed or progress.skipped:
            raise CommandError(f"{progress.failed + progress.skipped} of {progress.total + progress.skipped} "
                               "articles did not become quizzes; the reasons are above.", returncode=EXIT_FAILED)
