from __future__ import annotations

from django.contrib import admin

from learnsite.lessons.models import Article


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "is_demo", "created"]
    search_fields = ["title", "text"]
