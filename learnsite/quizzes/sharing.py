"""How learners reach a quiz: the link (the class's page for a class quiz, the quiz's own link
otherwise), the code to type at /join/, and the link as a QR code (segno) for the board."""

from __future__ import annotations

import io
from dataclasses import dataclass

import segno
from django.http import HttpRequest
from django.urls import reverse

from learnsite.quizzes.models import Quiz, SchoolClass


@dataclass(frozen=True)
class ShareLinks:
    quiz_url: str  # the quiz itself: a class member starts at once, anyone else joins first
    class_url: str  # the class's page ("" without a class)
    join_url: str  # where a code is typed
    code: str  # the code to type there: the class's, or the quiz's own

    @property
    def learner_url(self) -> str:
        """The link to give learners for this quiz."""
        return self.quiz_url


def share_links(request: HttpRequest, *, quiz: Quiz) -> ShareLinks:
    school_class = quiz.school_class
    return ShareLinks(
        quiz_url=request.build_absolute_uri(reverse("quizzes:start", kwargs={"token": quiz.share_token})),
        class_url=class_url(request, school_class=school_class) if school_class else "",
        join_url=request.build_absolute_uri(reverse("quizzes:code")),
        code=school_class.code if school_class else quiz.class_code,
    )


def class_url(request: HttpRequest, *, school_class: SchoolClass) -> str:
    return request.build_absolute_uri(reverse("quizzes:class_home", kwargs={"code": school_class.code}))


def qr_svg(url: str) -> bytes:
    """The URL as a QR code in SVG, large enough to scan from the back of a classroom."""
    out = io.BytesIO()
    segno.make(url, error="m", micro=False).save(out, kind="svg", scale=8, border=2, title=url, light="#fff",
                                                 xmldecl=False, svgns=True)
    return out.getvalue()
