"""Top-level URLs: one include per app."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("learnsite.lessons.urls")),
    path("admin/", admin.site.urls),
]
