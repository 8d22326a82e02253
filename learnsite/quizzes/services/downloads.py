"""The quiz's export downloads: which formats a person may have, and the file of one."""

from __future__ import annotations

from django.utils.translation import gettext as _

from learnsite.quizzes.models import Quiz
from learnsite.quizzes.refusals import NothingToExport
from learnsite.quizzes.services.pack_items import quiz_lesson_pack
from quizgen.exports import EXPORT_FORMATS, export_bytes


def quiz_export(*, quiz: Quiz, name: str, for_learner: bool) -> tuple[str, bytes, str]:
    """(file name, content, media type) of one export; learners get only the learner formats."""
    fmt = EXPORT_FORMATS.get(name)
    if fmt is None or (for_learner and not fmt.for_learners):
        raise NothingToExport(_("There is no download called “%(name)s” here.") % {"name": name})
    file_name, content = export_bytes(quiz_lesson_pack(quiz=quiz), name)
    return file_name, content, fmt.media_type


def export_choices(*, for_learner: bool) -> list[tuple[str, str]]:
    return [(f.name, f.label) for f in EXPORT_FORMATS.values() if f.for_learners or not for_learner]
