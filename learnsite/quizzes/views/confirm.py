"""Destructive actions ask first: the same POST comes back with ``confirmed=yes`` from a page
that says what will happen (no script needed, so it works with a keyboard and a screen reader)."""

from __future__ import annotations

from collections.abc import Sequence

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def is_confirmed(request: HttpRequest) -> bool:
    return request.POST.get("confirmed") == "yes"


def confirm_page(request: HttpRequest, *, title: str, message: str, button: str, cancel_url: str,
                 details: Sequence[str] = (), danger: bool = True) -> HttpResponse:
    """The question, with the posted fields carried over to the confirming POST."""
    fields = [(name, value) for name, values in request.POST.lists() for value in values
              if name not in ("csrfmiddlewaretoken", "confirmed")]
    context = {"title": title, "message": message, "details": details, "button": button,
               "cancel_url": cancel_url, "fields": fields, "action": request.get_full_path(), "danger": danger}
    return render(request, "quizzes/confirm.html", context)
