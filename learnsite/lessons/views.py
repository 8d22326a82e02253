"""Views: parse the request, call one function, render. Errors from quizgen are shown here."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from learnsite.lessons import selectors
from learnsite.lessons.analysis_display import AnalysisView, analysis_view_for_text
from learnsite.lessons.forms import AnalyseTextForm
from learnsite.lessons.models import Article
from learnsite.quizzes.forms import CodeForm
from learnsite.throttling import ANALYSIS, throttle_posts
from quizgen.errors import InputError, QuizgenError


def home(request: HttpRequest) -> HttpResponse:
    """The front page: make a quiz from a German article (teachers), join with a code (learners)."""
    return render(request, "lessons/home.html", {"demo_article": selectors.article_get_demo(),
                                                 "code_form": CodeForm()})


@throttle_posts(ANALYSIS, lambda: _("You have asked for many analyses in the last hour. Each one takes the server "
                                    "a few seconds; make a quiz from your text instead, or come back later."))
def analyse(request: HttpRequest) -> HttpResponse:
    """Paste German text and see its analysis; the demo article is one click away."""
    analysis: AnalysisView | None = None
    error: QuizgenError | None = None
    if request.method == "POST":
        form = AnalyseTextForm(request.POST)
        if form.is_valid():
            try:
                analysis = analysis_view_for_text(text=form.cleaned_data["text"])
            except QuizgenError as exc:
                error = exc
    else:
        form = AnalyseTextForm()
    return _render_page(request, form=form, analysis=analysis, error=error, article=None)


def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A saved article in the form, with its analysis below."""
    article = selectors.article_get(pk=pk)
    form = AnalyseTextForm(initial={"text": article.text})
    analysis: AnalysisView | None = None
    error: QuizgenError | None = None
    try:
        analysis = analysis_view_for_text(text=article.text)
    except QuizgenError as exc:
        error = exc
    return _render_page(request, form=form, analysis=analysis, error=error, article=article)


def _render_page(
    request: HttpRequest,
    *,
    form: AnalyseTextForm,
    analysis: AnalysisView | None,
    error: QuizgenError | None,
    article: Article | None,
) -> HttpResponse:
    # Bad input is the person's to fix (422); any other error is the installation's (503).
    input_error = isinstance(error, InputError)
    status = 200 if error is None else 422 if input_error else 503
    context = {
        "form": form,
        "analysis": analysis,
        "error": error.message if error is not None else "",
        "input_error": input_error,
        "article": article,
        "demo_article": selectors.article_get_demo(),
        "recent_articles": selectors.article_list_recent(limit=10),
    }
    return render(request, "lessons/analyse.html", context, status=status)
