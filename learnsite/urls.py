"""Top-level URLs: one include per app."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

from learnsite.quizzes.api import api

urlpatterns = [
    path("", include("learnsite.lessons.urls")),
    path("", include("learnsite.quizzes.urls")),
    path("accounts/", include("learnsite.accounts.urls")),
    path("api/", api.urls),  # the JSON API: schema at /api/openapi.json, docs at /api/docs
    path("i18n/", include("django.conf.urls.i18n")),  # set_language: the language switch
    path("admin/", admin.site.urls),
]
