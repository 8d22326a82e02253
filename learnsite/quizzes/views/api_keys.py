"""The teacher's API keys: make one (shown once), see when each was last used, revoke one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from learnsite.quizzes import selectors
from learnsite.quizzes.forms import ApiTokenForm
from learnsite.quizzes.refusals import explain
from learnsite.quizzes.services import api_tokens
from learnsite.quizzes.views.confirm import confirm_page, is_confirmed
from quizgen.errors import QuizgenError


@login_required
def api_keys(request: HttpRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST or None)
    new_key = ""
    if request.method == "POST" and form.is_valid():
        try:
            _token, new_key = api_tokens.api_token_create(teacher=request.user, name=form.cleaned_data["name"])
        except QuizgenError as exc:
            form.add_error("name", explain(exc))
        else:
            form = ApiTokenForm()
    context = {"form": form, "new_key": new_key, "tokens": selectors.api_tokens_for_teacher(teacher=request.user),
               "schema_url": request.build_absolute_uri("/api/openapi.json"),
               "api_url": request.build_absolute_uri("/api/")}
    response = render(request, "quizzes/api_keys.html", context, status=422 if form.errors else 200)
    response["Cache-Control"] = "no-store"  # the new key is on this page once
    return response


@login_required
@require_POST
def api_key_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    token = selectors.api_token_get_for_teacher(teacher=request.user, token_id=token_id)
    if not is_confirmed(request):
        return confirm_page(request, title=_("Revoke this key?"),
                            message=_("Scripts that use the key “%(name)s” stop working at once.") % {"name": token.name},
                            button=_("Revoke the key"), cancel_url=reverse("quizzes:api_keys"))
    api_tokens.api_token_revoke(token=token)
    messages.success(request, _("Key revoked."))
    return redirect("quizzes:api_keys")
