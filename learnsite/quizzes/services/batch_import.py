"""Batch import: many articles at once, each a draft quiz with its own generation job.

The articles come as quizgen.text.batch_sources records (uploaded files, a list of web addresses, a
CSV of articles). An article that cannot be used (an unreadable file, a bad row, a page that
does not load, a text that is not German) is recorded in ``ImportBatch.skipped`` with the
reason, and the batch goes on. A generation that fails is a failed job with its reason.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.utils.translation import gettext as _

from learnsite.quizzes import selectors
from learnsite.quizzes.models import GenerationJob, ImportBatch
from learnsite.quizzes.refusals import QuizRefused, explain
from learnsite.quizzes.services import jobs, text_sources
from learnsite.quizzes.services import quizzes as services
from quizgen.errors import QuizgenError
from quizgen.text.batch_sources import ArticleSource, fetch_source, read_csv_articles


def source_from_upload(upload: object, index: int) -> ArticleSource:
    """The record of one uploaded article file (.txt, .md, .html, .pdf, .docx), or its error."""
    name = getattr(upload, "name", "") or f"file-{index}"
    try:
        fetched = text_sources.text_from_upload(upload)  # type: ignore[arg-type]
    except QuizgenError as exc:
        return ArticleSource(name=name, text=None, source=name, error=explain(exc))
    return ArticleSource(name=name, text=fetched.text, title=fetched.title or None, source=name)


def sources_from_csv(upload: object, *, csv_format: str = "auto") -> list[ArticleSource]:
    """The articles of an uploaded CSV, refused as a whole when it is larger than
    QUIZGEN_CSV_MAX_BYTES or has more than QUIZGEN_CSV_MAX_ROWS rows (no more than one byte over
    the size limit is read)."""
    limit = settings.QUIZGEN_CSV_MAX_BYTES
    data = upload.read(limit + 1)  # type: ignore[attr-defined]
    return read_csv_articles(data, name=getattr(upload, "name", "") or "articles.csv", csv_format=csv_format,
                             max_bytes=limit, max_rows=settings.QUIZGEN_CSV_MAX_ROWS)


@dataclass(frozen=True)
class RequestBounds:
    """What one batch may hold when it runs in a web request (no Celery workers): it must end well
    inside the web server's timeout (gunicorn's 120 s, learnsite/gunicorn_conf.py)."""

    articles: int  # QUIZGEN_BATCH_MAX_IN_REQUEST
    characters: int  # QUIZGEN_BATCH_MAX_CHARS_IN_REQUEST, all articles' texts together
    seconds: float  # QUIZGEN_BATCH_SECONDS_IN_REQUEST: no fetch or generation starts after this


#: the clock the bounds are read on (a test puts its own)
_clock = time.monotonic


def request_bounds() -> RequestBounds | None:
    """The bounds of a batch on the site: None with workers (the request only queues the jobs)."""
    if jobs.uses_workers():
        return None
    return RequestBounds(articles=settings.QUIZGEN_BATCH_MAX_IN_REQUEST,
                         characters=settings.QUIZGEN_BATCH_MAX_CHARS_IN_REQUEST,
                         seconds=settings.QUIZGEN_BATCH_SECONDS_IN_REQUEST)


class _Report:
    """The batch's skipped articles, saved before anything slow (a fetch, a generation) and at the
    end, not after every line: thousands of bad rows cost one save, not one each (quadratic)."""

    def __init__(self, batch: ImportBatch) -> None:
        self.batch = batch
        self.unsaved = False

    def skip(self, record: ArticleSource, reason: str) -> None:
        self.batch.skipped.append({"name": record.source or record.name, "reason": str(reason)})
        self.unsaved = True

    def save(self) -> None:
        if self.unsaved:
            self.batch.save(update_fields=["skipped"])  # shown on the batch page while the import goes on
            self.unsaved = False


def batch_create(*, teacher: AbstractBaseUser, sources: Iterable[ArticleSource], level: str,
                 counts: Mapping[str, int], fetch: Callable[[str], object] | None = text_sources.text_from_url,
                 on_article: Callable[[ArticleSource, GenerationJob | None], None] | None = None,
                 limit: int | None = None, bounds: RequestBounds | None = None,
                 counted: bool = True) -> ImportBatch:
    """Save every usable article as a draft quiz and start its generation; report the rest.

    Web addresses are fetched with the site's fetch (public addresses only) unless ``fetch`` is
    given. Articles beyond ``limit`` (default QUIZGEN_BATCH_MAX_ARTICLES) are skipped with that
    reason. Each generation counts against the teacher's hourly limit (unless not ``counted``:
    the operator's manage.py import_articles): the batch takes what is left of it and skips the
    articles beyond, saying so. Without Celery workers each generation runs here, one after the
    other; on the site ``bounds`` then limit the articles, their characters and the seconds
    spent: every article is read and stored with its job before the first job runs, and what
    does not fit is a line of the report, or a job marked to be run again; none is lost.
    """
    services.check_level_and_counts(level, counts)
    batch = ImportBatch.objects.create(teacher=teacher, level=level, counts=dict(counts))
    report = _Report(batch)
    limit = settings.QUIZGEN_BATCH_MAX_ARTICLES if limit is None else limit
    if bounds is not None:
        limit = min(limit, bounds.articles)
    allowance = services.generations_left(teacher=teacher) if counted else None
    deadline = _clock() + bounds.seconds if bounds is not None else None
    run_later = bounds is not None and not jobs.uses_workers()
    taken, characters, queued = 0, 0, []
    for record in sources:
        job = None
        reason = _over(taken, limit, allowance, deadline, record)
        if reason is None and not record.error:
            report.save()
            record = fetch_source(record, fetch)  # type: ignore[arg-type]
        if reason is None and not record.error and bounds is not None \
                and characters + len(record.text or "") > bounds.characters:
            reason = _(
                "Over the %(n)s characters one import on this site may have without background workers (the "
                "whole import runs while the page loads): import it in a second batch.") % {
                    "n": f"{bounds.characters:,}"}
        if reason is None and not record.error:
            quiz = None
            try:
                quiz = services.quiz_create_draft(teacher=teacher, title=record.title or "", text=record.text or "",
                                                  source=record.origin)
                job = jobs.job_start(quiz=quiz, level=record.level or level, counts=counts, batch=batch,
                                     run_now=not run_later, counted=counted)
            except QuizgenError as exc:
                if quiz is not None:  # refused before its job existed: no draft without a job
                    quiz.delete()
                record = replace(record, text=None, error=explain(exc))
            else:
                taken += 1
                characters += len(quiz.text)
                queued.append(job)
        if reason is not None:
            record = replace(record, text=None, error=reason)
        if record.error:
            report.skip(record, record.error)
        if on_article:
            on_article(record, job)
    report.save()
    if run_later:
        _run_in_request(queued, deadline)
    if taken == 0 and not batch.skipped:
        batch.delete()
        raise QuizRefused(_("No articles were given. Upload files, list web addresses or upload a CSV."))
    return batch


def _over(taken: int, limit: int, allowance: int | None, deadline: float | None,
          record: ArticleSource) -> str | None:
    """Why this article is skipped before it is read, if it is."""
    if taken >= limit:
        return _("Over the limit of %(n)d articles in one batch: import it in a second batch, or ask the site's "
                 "administrator to run manage.py import_articles.") % {"n": limit}
    if allowance is not None and taken >= allowance:
        return _("Over your limit of %(n)d generations an hour (each article of a batch is one): import it "
                 "again later.") % {"n": settings.QUIZGEN_GENERATIONS_PER_HOUR}
    if deadline is not None and _clock() > deadline and not record.error:
        return _("Not read: the import ran out of time while the page loaded. Import it in a second batch.")
    return None


def _run_in_request(queued: list[GenerationJob], deadline: float | None) -> None:
    """Run the batch's stored jobs one after another while time is left; the rest are marked
    failed (not counted) with the reason, for "Run again" on the batch page."""
    for job in queued:
        if deadline is not None and _clock() > deadline:
            jobs.job_set_aside(job=job, message=_(
                "Not run: the import used its time while the page loaded. Your text is saved: run it again."))
            continue
        jobs.run_job(job.pk)


def site_limit() -> int:
    """Most articles one import on the site may have: without workers every generation runs in
    the request, which must end before the web server's timeout."""
    bounds = request_bounds()
    if bounds is None:
        return settings.QUIZGEN_BATCH_MAX_ARTICLES
    return min(settings.QUIZGEN_BATCH_MAX_ARTICLES, bounds.articles)


def batch_rerun(*, batch: ImportBatch) -> list[GenerationJob]:
    """Run every failed or stalled job of the batch again, as new jobs; returns them.

    Without workers they run here, one after another. Refuses when there is nothing to run again.
    """
    again = [job for job in selectors.batch_jobs(batch=batch) if job.state == GenerationJob.State.FAILED
             or job.is_stalled]
    if not again:
        raise QuizRefused(_("No generation of this batch has failed or stalled; there is nothing to run again."))
    return [jobs.job_rerun(job=job) for job in again]
