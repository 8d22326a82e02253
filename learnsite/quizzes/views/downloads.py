"""The HTTP side of the export downloads, shared by the teacher's and the learner's pages."""

from __future__ import annotations

from collections.abc import Iterable

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from learnsite.quizzes.models import Item, Quiz
from learnsite.quizzes.refusals import explain
from learnsite.quizzes.services import downloads
from quizgen.errors import QuizgenError


def words_choice(request: HttpRequest) -> str:
    """``?words=all`` asks for every word of the list; anything else means the key words."""
    return "all" if request.GET.get("words") == "all" else "key"


def download_response(request: HttpRequest, *, quiz: Quiz, fmt: str, for_learner: bool,
                      items: Iterable[Item] | None = None) -> HttpResponse:
    if fmt not in dict(downloads.export_choices(for_learner=for_learner)):
        raise Http404
    # A format the person may not have is the same as one that does not exist.
    try:
        file_name, content, media_type = downloads.quiz_export(quiz=quiz, name=fmt, for_learner=for_learner,
                                                               words=words_choice(request), items=items)
    except QuizgenError as exc:
        return render(request, "quizzes/refused.html", {"quiz": quiz, "message": explain(exc), "back": request.headers.get("Referer", "/")}, status=422)
    response = HttpResponse(content, content_type=media_type)
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response
