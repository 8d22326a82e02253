"""Writes for API keys: a teacher makes one per script or school system, sees it once, revokes it.

Only a SHA-256 hash of the key is stored (a key is 32 random bytes, so no slow hash is needed);
the key's first characters stay visible to tell keys apart.
"""

from __future__ import annotations

import hashlib
import secrets

from django.contrib.auth.models import AbstractBaseUser
from django.utils.translation import gettext as _

from learnsite.quizzes.models import ApiToken
from learnsite.quizzes.refusals import QuizRefused

KEY_PREFIX = "qg_"
MAX_TOKENS = 20


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def api_token_create(*, teacher: AbstractBaseUser, name: str) -> tuple[ApiToken, str]:
    """A new key for ``teacher``: the row and the key itself (shown once, never stored)."""
    name = " ".join(name.split())[:80]
    if not name:
        raise QuizRefused(_("Say what the key is for, so you know which one to revoke later."))
    if ApiToken.objects.filter(teacher=teacher).count() >= MAX_TOKENS:
        raise QuizRefused(_("You have %(n)d keys, the most an account may have. Revoke one you no longer use.")
                          % {"n": MAX_TOKENS})
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(teacher=teacher, name=name, prefix=key[:10], key_hash=key_hash(key))
    return token, key


def api_token_revoke(*, token: ApiToken) -> None:
    token.delete()
