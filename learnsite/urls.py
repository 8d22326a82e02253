"""Top-level URLs: one include per app."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("learnsite.lessons.urls")),
    path("", include("learnsite.quizzes.urls")),
    path("accounts/", include("learnsite.accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),  # set_language: the language switch
    path("admin/", admin.site.urls),
]
