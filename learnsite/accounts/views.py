"""Sign-up and the password-reset steps that are throttled; log in and log out are Django's own
views (see urls.py), throttled by django-axes."""

from __future__ import annotations

from axes.utils import reset as axes_reset
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _

from learnsite.accounts.forms import SignUpForm
from learnsite.client_address import client_address
from learnsite.throttling import PASSWORD_RESET, SIGNUP, throttle_posts, too_many


def _address(request: HttpRequest) -> str:
    return f"address:{client_address(request)}"


@throttle_posts(SIGNUP, lambda: _("Too many accounts were created from your network in the last hour."), key=_address)
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("quizzes:list")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome! Your account is ready: start with a new text."))
        return redirect("quizzes:list")
    return render(request, "accounts/signup.html", {"form": form}, status=422 if form.errors else 200)


@method_decorator(throttle_posts(
    PASSWORD_RESET, lambda: _("Too many password resets were asked for from your network in the last hour."),
    key=_address), name="post")
class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset form; each e-mail address gets a limited number of mails per hour too."""

    def form_valid(self, form):  # type: ignore[no-untyped-def]
        email = form.cleaned_data["email"].strip().lower()
        if PASSWORD_RESET.hit(f"email:{email}"):
            return too_many(self.request, PASSWORD_RESET,
                            _("Too many password-reset mails were sent to this address in the last hour."))
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Setting a new password through the mailed link also ends a log-in pause for the account."""

    def form_valid(self, form):  # type: ignore[no-untyped-def]
        response = super().form_valid(form)
        axes_reset(username=self.user.get_username())
        return response
