from __future__ import annotations

from django.urls import path

from learnsite.lessons import views

app_name = "lessons"

urlpatterns = [
    path("", views.home, name="home"),
    path("analyse/", views.analyse, name="analyse"),
    path("articles/<int:pk>/", views.article_detail, name="article_detail"),
]
