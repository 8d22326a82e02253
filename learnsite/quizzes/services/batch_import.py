"""Batch import: many articles at once, each a draft quiz with its own generation job.

The articles come as quizgen.text.batch_sources records (uploaded files, a list of web addresses, a
CSV of articles). An article that cannot be used (an unreadable file, a bad row, a page that
does not load, a text that is not German) is recorded in ``ImportBatch.skipped`` with the
reason, and the batch goes on. A generation that fails is a failed job with its reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace

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


def batch_create(*, teacher: AbstractBaseUser, sources: Iterable[ArticleSource], level: str,
                 counts: Mapping[str, int], fetch: Callable[[str], object] | None = text_sources.text_from_url,
                 on_article: Callable[[ArticleSource, GenerationJob | None], None] | None = None,
                 limit: int | None = None) -> ImportBatch:
    """Save every usable article as a draft quiz and start its generation; report the rest.

    Web addresses are fetched with the site's fetch (public addresses only) unless ``fetch`` is
    given. Without Celery workers each generation runs here, one after the other. Articles
    beyond ``limit`` (default QUIZGEN_BATCH_MAX_ARTICLES) are skipped with that reason.
    """
    services.check_level_and_counts(level, counts)
    batch = ImportBatch.objects.create(teacher=teacher, level=level, counts=dict(counts))
    limit = settings.QUIZGEN_BATCH_MAX_ARTICLES if limit is None else limit
    taken = 0
    for record in sources:
        job = None
        if taken >= limit:
            record = replace(record, text=None, error=_(
                "Over the limit of %(n)d articles in one batch: import it in a second batch, or ask the site's "
                "administrator to run manage.py import_articles.") % {"n": limit})
        elif not record.error:
            record = fetch_source(record, fetch)  # type: ignore[arg-type]
        if not record.error:
            try:
                quiz = services.quiz_create_draft(teacher=teacher, title=record.title or "", text=record.text or "",
                                                  source=record.origin)
                taken += 1
                job = jobs.job_start(quiz=quiz, level=record.level or level, counts=counts, batch=batch)
            except QuizgenError as exc:
                record = replace(record, text=None, error=explain(exc))
        if record.error:
            batch.skipped.append({"name": record.source or record.name, "reason": record.error})
            batch.save(update_fields=["skipped"])  # shown on the batch page while the import goes on
        if on_article:
            on_article(record, job)
    if taken == 0 and not batch.skipped:
        batch.delete()
        raise QuizRefused(_("No articles were given. Upload files, list web addresses or upload a CSV."))
    return batch


def site_limit() -> int:
    """Most articles one import on the site may have: without workers every generation runs in
    the request, which must end before the web server's timeout."""
    if jobs.uses_workers():
        return settings.QUIZGEN_BATCH_MAX_ARTICLES
    return min(settings.QUIZGEN_BATCH_MAX_ARTICLES, settings.QUIZGEN_BATCH_MAX_IN_REQUEST)


def batch_rerun(*, batch: ImportBatch) -> list[GenerationJob]:
    """Run every failed or stalled job of the batch again, as new jobs; returns them.

    Without workers they run here, one after another. Refuses when there is nothing to run again.
    """
    again = [job for job in selectors.batch_jobs(batch=batch) if job.state == GenerationJob.State.FAILED
             or job.is_stalled]
    if not again:
        raise QuizRefused(_("No generation of this batch has failed or stalled; there is nothing to run again."))
    return [jobs.job_rerun(job=job) for job in again]
