"""``manage.py import_articles --teacher NAME FILE... [--urls LIST] [--csv FILE]``: a batch import.

Every usable article becomes a draft quiz of the teacher's with a generation job, as the site's
"Import many articles" page does. Without Celery workers the generations run here, one after
another, under a progress bar; with workers they are queued, and ``--wait`` follows them.
An article that cannot be used is skipped and reported; the exit code is then 1.
"""

from __future__ import annotations

import time
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from learnsite.quizzes import selectors
from learnsite.quizzes.services import batch_import, jobs
from learnsite.quizzes.services.generation import default_counts
from quizgen.pack import LEVELS
from quizgen.text.batch_sources import iter_sources


class Command(BaseCommand):
    help = "Import many German articles as quizzes of one teacher: files, a list of web addresses, or a CSV."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("files", nargs="*", help="article files: plain UTF-8 text, .html or .htm")
        parser.add_argument("--teacher", required=True, help="the user name of the teacher who gets the quizzes")
        parser.add_argument("--urls", help="a file of web addresses, one a line (- for standard input)")
        parser.add_argument("--csv", help="a CSV of articles: a header row with text or url, optional title, level; "
                                          "or the 10kGNAD format label;'text'")
        parser.add_argument("--csv-format", choices=("auto", "header", "gnad"), default="auto")
        parser.add_argument("--level", choices=LEVELS, default="B1")
        parser.add_argument("--wait", action="store_true", help="with Celery workers: follow the jobs to the end")

    def handle(self, *args: Any, **options: Any) -> None:
        teacher = get_user_model().objects.filter(username=options["teacher"]).first()
        if teacher is None:
            raise CommandError(f"There is no user {options['teacher']!r}. Create the account first "
                               "(the site's sign-up page, or manage.py createsuperuser).")
        if not (options["files"] or options["urls"] or options["csv"]):
            raise CommandError("Give the articles: files, --urls LIST or --csv FILE.")
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
                                              counts=default_counts(), fetch=None, on_article=advance)
        if jobs.uses_workers() and options["wait"]:
            self._follow(batch, quiet)
        self._report(batch)

    def _follow(self, batch: Any, quiet: bool) -> None:
        progress = selectors.batch_progress(batch=batch)
        with tqdm(total=progress.total, unit="quiz", disable=quiet, desc="generate") as bar:
            while not progress.finished:
                time.sleep(1)
                progress = selectors.batch_progress(batch=batch)
                bar.update(progress.done + progress.failed - bar.n)

    def _report(self, batch: Any) -> None:
        progress = selectors.batch_progress(batch=batch)
        where = "on the workers" if jobs.uses_workers() else "here"
        self.stdout.write(f"Batch {batch.pk}: {progress.total} quizzes ({progress.done} generated, "
                          f"{progress.failed} failed, {progress.waiting + progress.running} still {where}), "
                          f"{progress.skipped} articles skipped.")
        for job in selectors.batch_jobs(batch=batch):
            if job.state == job.State.FAILED:
                self.stdout.write(f"  failed: {job.quiz.title}: {job.message}")
        for entry in batch.skipped:
            self.stdout.write(f"  skipped: {entry['name']}: {entry['reason']}")
        if jobs.uses_workers() and not progress.finished:
            self.stdout.write(f"Follow it on the site: /quizzes/import/{batch.pk}/ (or run with --wait).")
        if progress.failed or progress.skipped:
            raise CommandError(f"{progress.failed + progress.skipped} of {progress.total + progress.skipped} "
                               "articles did not become quizzes; the reasons are above.")
