"""A form post larger than Django reads (DATA_UPLOAD_MAX_MEMORY_SIZE, 2.5 MB) is refused by the
page it was meant for, with its message, instead of Django's bare 400 page that loses the text.

The middleware reads the post up to that size, cuts each field to QUIZGEN_MAX_CHARS + 1
characters (one more than any text the site takes), and hands that to the view: the view's own
length check refuses the text and its form shows what was kept, and a message says what
happened. Only URL-encoded forms (the pasted texts) are handled; file uploads have their own limits.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import parse_qsl

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _

_PARTIAL_ESCAPE = re.compile(rb"%[0-9A-Fa-f]?$")


class OversizedFormMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if (request.method == "POST" and limit is not None and request.content_type == "application/x-www-form-urlencoded"
                and _content_length(request) > limit):
            _read_what_fits(request, limit)
            messages.error(request, _(
                "What you sent was larger than the site accepts (over %(mb)s MB). The start of it is kept in the "
                "form: shorten it to one article and send it again.") % {"mb": f"{limit / 1_000_000:.1f}"})
        return self.get_response(request)


def _content_length(request: HttpRequest) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _read_what_fits(request: HttpRequest, limit: int) -> None:
    data = request.read(limit)
    data = _PARTIAL_ESCAPE.sub(b"", data)  # the cut may fall inside a %XX escape
    most = settings.QUIZGEN_MAX_CHARS + 1
    fields = QueryDict(mutable=True)
    for key, value in parse_qsl(data.decode("ascii", "replace"), keep_blank_values=True, errors="replace",
                                max_num_fields=settings.DATA_UPLOAD_MAX_NUMBER_FIELDS):
        fields.appendlist(key, value[:most].rstrip("\ufffd"))  # and inside a UTF-8 character
    fields._mutable = False
    request._post = fields  # type: ignore[attr-defined]
    request._files = MultiValueDict()  # type: ignore[attr-defined]
