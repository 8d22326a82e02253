"""Throttles: how often one address or account may do something, counted in Django's cache.

Each throttle counts in fixed windows (one hour by default) under a key made from what it
limits (an address, an account, an e-mail address). ``cache.add`` then ``cache.incr`` is one
atomic count in the local-memory cache and in Redis alike, so two requests at once cannot both
slip under the limit. A refused request gets ``too_many``: a 429 page that says what to do and
a Retry-After header. Failed log-ins are counted by django-axes instead (settings.py).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from learnsite.client_address import client_address


@dataclass(frozen=True)
class Throttle:
    """At most ``settings.<setting>`` hits per key in each window of ``window`` seconds."""

    scope: str  # part of the cache key: "signup", "join"
    setting: str  # the setting that holds the limit, read at each hit (tests override it)
    window: int = 3600

    @property
    def limit(self) -> int:
        return int(getattr(settings, self.setting))

    def _key(self, key: str, now: float) -> str:
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]  # no address or e-mail in the cache
        return f"throttle:{self.scope}:{digest}:{int(now // self.window)}"

    def count(self, key: str) -> int:
        """Hits of ``key`` in the current window."""
        return int(cache.get(self._key(key, time.time()), 0))

    def is_over(self, key: str) -> bool:
        """Whether ``key`` has used up the window (without counting a hit)."""
        return self.count(key) >= self.limit

    def hit(self, key: str) -> bool:
        """Count one hit; True when it is over the limit (the request is to be refused)."""
        cache_key = self._key(key, time.time())
        cache.add(cache_key, 0, timeout=self.window + 60)
        try:
            count = cache.incr(cache_key)
        except ValueError:  # the window's key expired between add and incr
            cache.add(cache_key, 1, timeout=self.window + 60)
            count = 1
        return count > self.limit

    def retry_after(self) -> int:
        """Seconds until the current window ends."""
        return int(self.window - time.time() % self.window) + 1


SIGNUP = Throttle("signup", "QUIZGEN_SIGNUPS_PER_HOUR")
PASSWORD_RESET = Throttle("password-reset", "QUIZGEN_PASSWORD_RESETS_PER_HOUR")
CODE_GUESS = Throttle("code-guess", "QUIZGEN_CODE_GUESSES_PER_HOUR")
ANALYSIS = Throttle("analysis", "QUIZGEN_ANALYSES_PER_HOUR")


def requester_key(request: HttpRequest) -> str:
    """Who is asking: the signed-in account, or else the client's address."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"account:{user.pk}"
    return f"address:{client_address(request)}"


def too_many(request: HttpRequest, throttle: Throttle, message: str) -> HttpResponse:
    """The 429 page: what was refused, what to do, and when to try again."""
    wait = throttle.retry_after()
    response = render(request, "throttled.html", {"message": message, "minutes": max(1, (wait + 59) // 60)},
                      status=429)
    response["Retry-After"] = str(wait)
    return response


def throttle_posts(throttle: Throttle, message: Callable[[], str],
                   key: Callable[[HttpRequest], str] = requester_key) -> Callable[[Callable[..., HttpResponse]],
                                                                              Callable[..., HttpResponse]]:
    """A view decorator: every POST counts against ``throttle``; one over the limit gets 429."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method == "POST" and throttle.hit(key(request)):
                return too_many(request, throttle, message())
            return view(request, *args, **kwargs)

        return wrapped

    return decorate
