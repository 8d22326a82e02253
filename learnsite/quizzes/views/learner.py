"""The learner's pages: join a class once (or give a name on a quiz's link), read the text with
its words looked up, practise the vocabulary, answer with instant feedback, see the result.

An attempt's steps are pages of their own (read, practise, gaps, questions, result), so the
gapped text never stands beside the full text that holds its answers.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from learnsite.client_address import client_address
from learnsite.quizzes import selectors
from learnsite.quizzes.feedback import TakeItem, option_positions, take_item
from learnsite.quizzes.forms import CodeForm, JoinClassForm, PersonalCodeForm, StartForm
from learnsite.quizzes.models import Attempt, Item, Learner, Quiz, SchoolClass
from learnsite.quizzes.practice import practice_cards, practice_check
from learnsite.quizzes.reading import (
    entries_for_script,
    gapped_reading,
    reading_paragraphs,
    vocabulary_rows,
)
from learnsite.quizzes.refusals import explain
from learnsite.quizzes.services import attempts as attempt_services
from learnsite.quizzes.services import classes as class_services
from learnsite.quizzes.services import downloads
from learnsite.quizzes.views.confirm import confirm_page, is_confirmed
from learnsite.quizzes.views.downloads import download_response, words_choice
from learnsite.throttling import CODE_GUESS, too_many
from quizgen.errors import QuizgenError

SESSION_KEY = "quiz_attempts"
LEARNERS_KEY = "quiz_learners"


def _remember(request: HttpRequest, attempt: Attempt) -> None:
    request.session[SESSION_KEY] = [*request.session.get(SESSION_KEY, []), attempt.pk][-50:]


def _remember_learner(request: HttpRequest, learner: Learner) -> None:
    known = [pk for pk in request.session.get(LEARNERS_KEY, []) if pk != learner.pk]
    request.session[LEARNERS_KEY] = [*known, learner.pk][-20:]


def _learners_here(request: HttpRequest) -> list[int]:
    return list(request.session.get(LEARNERS_KEY, []))


def _learner_attempt(request: HttpRequest, token: str, attempt_id: int) -> tuple[Quiz, Attempt]:
    """The attempt if this browser may see it (AttemptElsewhere otherwise; 404 if none)."""
    attempt = selectors.attempt_get_for_browser(token=token, attempt_id=attempt_id,
                                                started_here=request.session.get(SESSION_KEY, []),
                                                learners_here=_learners_here(request))
    return attempt.quiz, attempt


def attempt_elsewhere(request: HttpRequest, error: selectors.AttemptElsewhere) -> HttpResponse:
    """An attempt opened in another browser: say how to go on instead of a bare 404."""
    attempt = error.attempt
    context = {"quiz": attempt.quiz, "attempt": attempt,
               "in_class": attempt.learner_id is not None and attempt.quiz.school_class_id is not None,
               "code_form": PersonalCodeForm()}
    return render(request, "quizzes/attempt_elsewhere.html", context, status=403)


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _guesses_refused(request: HttpRequest) -> HttpResponse:
    return too_many(request, CODE_GUESS, _("Too many wrong class codes were tried from your network in the last "
                                           "hour. Check the code with your teacher, or use the link they shared."))


def _address(request: HttpRequest) -> str:
    return f"address:{client_address(request)}"


def code_entry(request: HttpRequest) -> HttpResponse:
    """One box for every code a learner gets: a class's, a (published) quiz's, or their own personal
    code; wrong codes are counted per address (QUIZGEN_CODE_GUESSES_PER_HOUR)."""
    address = _address(request)
    if request.method == "POST" and CODE_GUESS.is_over(address):
        return _guesses_refused(request)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        school_class = selectors.class_find_by_code(code=code)
        if school_class is not None:
            return redirect("quizzes:class_home", code=school_class.code)
        learner = selectors.learner_find_by_code(code=code)
        if learner is not None:
            _remember_learner(request, learner)
            return redirect("quizzes:class_home", code=learner.school_class.code)
        quiz = selectors.quiz_find_by_code(code=code)
        if quiz is not None:
            return redirect("quizzes:start", token=quiz.share_token)
        if CODE_GUESS.hit(address):
            return _guesses_refused(request)
        form.add_error("code", _("No class or quiz has this code. Check it with your teacher."))
    return render(request, "quizzes/code_entry.html", {"form": form}, status=422 if form.errors else 200)


def _join_class(request: HttpRequest, school_class: SchoolClass) -> tuple[Learner | None, JoinClassForm, PersonalCodeForm]:
    """Handle the two forms of a class's entry: join with a name, or come back with a code."""
    join_form = JoinClassForm(request.POST if "join" in request.POST else None)
    code_form = PersonalCodeForm(request.POST if "personal_code" in request.POST else None)
    if request.method != "POST":
        return None, join_form, code_form
    if "join" in request.POST and join_form.is_valid():
        try:
            learner = class_services.learner_join(school_class=school_class, name=join_form.cleaned_data["name"])
        except QuizgenError as exc:
            join_form.add_error("name", explain(exc))
        else:
            _remember_learner(request, learner)
            return learner, join_form, code_form
    if "personal_code" in request.POST and code_form.is_valid():
        learner = selectors.learner_find_by_code(code=code_form.cleaned_data["personal_code"])
        if learner is None or learner.school_class_id != school_class.pk:
            CODE_GUESS.hit(_address(request))  # a classmate's code guessed: counted like a class code
            code_form.add_error("personal_code", _("This is not a personal code of this class. Check it; your "
                                                   "teacher can tell you yours."))
        else:
            _remember_learner(request, learner)
            return learner, join_form, code_form
    return None, join_form, code_form


def class_home(request: HttpRequest, code: str) -> HttpResponse:
    """A class's page for learners: join it once, then its open quizzes with one's own results.
    Wrong class codes in the address and wrong personal codes count as code guesses."""
    if CODE_GUESS.is_over(_address(request)):
        return _guesses_refused(request)
    school_class = selectors.class_find_by_code(code=code)
    if school_class is None:
        CODE_GUESS.hit(_address(request))
        raise Http404
    learner, join_form, code_form = _join_class(request, school_class)
    if learner is not None:
        return redirect("quizzes:class_home", code=school_class.code)
    me = selectors.learner_in_class(school_class=school_class, learner_ids=_learners_here(request))
    quizzes = list(selectors.quizzes_open_in_class(school_class=school_class))
    mine = {}
    if me is not None:
        for attempt in selectors.attempts_of_learner(learner=me):
            mine.setdefault(attempt.quiz_id, attempt)
    context = {"school_class": school_class, "me": me, "quizzes": [(q, mine.get(q.pk)) for q in quizzes],
               "join_form": join_form, "code_form": code_form}
    status = 422 if join_form.errors or code_form.errors else 200
    return render(request, "quizzes/class_home.html", context, status=status)


def _unfinished_here(request: HttpRequest, quiz: Quiz) -> Attempt | None:
    started = request.session.get(SESSION_KEY, [])
    return quiz.attempts.filter(pk__in=started, finished__isnull=True, retry_of__isnull=True,
                                learner__isnull=True, quiz_version=quiz.version).first()


def quiz_start(request: HttpRequest, token: str) -> HttpResponse:
    """A quiz's link: a class member starts (or carries on); others join the class or give a name."""
    quiz = selectors.quiz_get_by_token(token=token)
    school_class = quiz.school_class
    me = (selectors.learner_in_class(school_class=school_class, learner_ids=_learners_here(request))
          if school_class else None)
    form = StartForm(request.POST if "name" in request.POST and not school_class else None)
    join_form = code_form = None
    error = ""
    if school_class is not None and me is None:
        me, join_form, code_form = _join_class(request, school_class)
    if request.method == "POST" and not (join_form and join_form.errors) and not (code_form and code_form.errors):
        try:
            if school_class is not None and me is not None:
                attempt = attempt_services.attempt_start(quiz=quiz, learner=me)
            elif school_class is None and form.is_valid():
                attempt = attempt_services.attempt_start(quiz=quiz, learner_name=form.cleaned_data["name"])
            else:
                attempt = None
        except QuizgenError as exc:
            error = explain(exc)
        else:
            if attempt is not None:
                _remember(request, attempt)
                return redirect("quizzes:read", token=token, attempt_id=attempt.pk)
    context = {"quiz": quiz, "form": form, "join_form": join_form, "code_form": code_form, "me": me,
               "error": error, "unfinished": _unfinished_here(request, quiz) if not school_class else None,
               "item_count": quiz.current_items.count()}
    invalid = error or form.errors or (join_form and join_form.errors) or (code_form and code_form.errors)
    status = 410 if not quiz.is_published else 422 if invalid else 200
    return render(request, "quizzes/start.html", context, status=status)


def _take_items(attempt: Attempt, *, section: str | None = None) -> list[TakeItem]:
    """The attempt's items (of one section), numbered as the learner sees them, their options in
    the learner's own order."""
    answers = selectors.answers_by_item(attempt=attempt)
    every = selectors.attempt_items(attempt=attempt)
    positions = option_positions(attempt, every)
    items = [i for i in every if section is None or i.section == section]
    return [take_item(item, n, answers.get(item.pk), attempt=attempt, position=positions.get(item.pk))
            for n, item in enumerate(items, start=1)]


def _steps(quiz: Quiz, attempt: Attempt, items: list[TakeItem], current: str) -> list[dict[str, object]]:
    """The attempt's steps for the step bar: each with its label, link and whether it is here."""
    args = {"token": quiz.share_token, "attempt_id": attempt.pk}
    has_words = bool((quiz.pack or {}).get("vocabulary"))
    has_gaps = any(not t.is_question for t in items)
    has_questions = any(t.is_question for t in items)
    steps = [("read", _("Read"), reverse("quizzes:read", kwargs=args), True),
             ("practise", _("Practise the words"), reverse("quizzes:practise", kwargs=args), has_words),
             ("gaps", _("Fill the gaps"), reverse("quizzes:take", kwargs=args), has_gaps),
             ("questions", _("Questions"), reverse("quizzes:questions", kwargs=args), has_questions)]
    return [{"name": name, "label": label, "url": url, "current": name == current}
            for name, label, url, shown in steps if shown]


def _next_step(steps: list[dict[str, object]], current: str) -> dict[str, object] | None:
    names = [s["name"] for s in steps]
    index = names.index(current) if current in names else -1
    return steps[index + 1] if 0 <= index < len(steps) - 1 else None


def _attempt_page(request: HttpRequest, token: str, attempt_id: int, step: str) -> HttpResponse:
    try:
        quiz, attempt = _learner_attempt(request, token, attempt_id)
    except selectors.AttemptElsewhere as exc:
        return attempt_elsewhere(request, exc)
    if attempt.finished and step in ("gaps", "questions"):
        return redirect("quizzes:result", token=token, attempt_id=attempt.pk)
    items = _take_items(attempt)
    steps = _steps(quiz, attempt, items, step)
    if step == "gaps" and not any(not t.is_question for t in items):
        return redirect("quizzes:questions", token=token, attempt_id=attempt.pk)
    section = Item.Section.QUESTION if step == "questions" else Item.Section.CLOZE
    shown = _take_items(attempt, section=section)
    pack = quiz.pack or {}
    context = {"quiz": quiz, "attempt": attempt, "items": shown, "all_items": items, "steps": steps, "step": step,
               "next_step": _next_step(steps, step), "answered": sum(1 for t in items if t.answer),
               "error": request.GET.get("error", ""), "vocabulary": vocabulary_rows(pack)}
    # a title taken from the text's first sentence is not shown twice above it
    context["title_in_text"] = quiz.text.lstrip().startswith(quiz.title.rstrip("…"))
    if step == "read":
        context["paragraphs"] = reading_paragraphs(quiz=quiz)
        context["entries_json"] = entries_for_script(pack)
        return render(request, "quizzes/read.html", context)
    if step == "practise":
        context["cards_json"] = [{"index": c.index, "front": c.front, "pos": c.pos, "example": c.example,
                                  "answer": c.answer}
                                 for c in practice_cards(pack)]
        return render(request, "quizzes/practise.html", context)
    if step == "questions":
        context["paragraphs"] = reading_paragraphs(quiz=quiz)
        context["entries_json"] = entries_for_script(pack)
    else:  # the gaps beside the gapped text: the text with every gap in place, no answer in it
        context["gapped"] = gapped_reading(quiz=quiz, cloze_items=[(t.number, t.item) for t in shown])
    return render(request, "quizzes/take.html", context)


def attempt_read(request: HttpRequest, token: str, attempt_id: int) -> HttpResponse:
    return _attempt_page(request, token, attempt_id, "read")


def attempt_practise(request: HttpRequest, token: str, attempt_id: int) -> HttpResponse:
    return _attempt_page(request, token, attempt_id, "practise")


def attempt_take(request: HttpRequest, token: str, attempt_id: int) -> HttpResponse:
    """The gaps (the cloze part, on the gapped text)."""
    return _attempt_page(request, token, attempt_id, "gaps")


def attempt_questions(request: HttpRequest, token: str, attempt_id: int) -> HttpResponse:
    """The questions, with the full text beside them."""
    return _attempt_page(request, token, attempt_id, "questions")


@require_POST
def practice_answer(request: HttpRequest, token: str) -> JsonResponse:
    """Check one flash card's typed answer (nothing is recorded)."""
    quiz = selectors.quiz_get_for_download(token=token, user=request.user)
    cards = {card.index: card for card in practice_cards(quiz.pack or {})}
    try:
        card = cards[int(request.POST.get("card", ""))]
    except (KeyError, ValueError):
        return JsonResponse({"error": _("This card is not part of the quiz. Reload the page.")}, status=422)
    typed = request.POST.get("answer", "")[:200]
    if not typed.strip():
        return JsonResponse({"error": _("Type the German word first.")}, status=422)
    verdict = practice_check(card=card, typed=typed)
    return JsonResponse({"correct": verdict.correct, "message": verdict.message, "expected": verdict.expected})


@require_POST
def answer_post(request: HttpRequest, token: str, attempt_id: int, item_id: int) -> HttpResponse:
    try:
        quiz, attempt = _learner_attempt(request, token, attempt_id)
    except selectors.AttemptElsewhere as exc:
        return attempt_elsewhere(request, exc)
    item = selectors.item_get_in_attempt(attempt=attempt, item_id=item_id)
    page = "quizzes:questions" if item.section == Item.Section.QUESTION else "quizzes:take"
    back = reverse(page, kwargs={"token": token, "attempt_id": attempt.pk}) + f"#item-{item.pk}"
    given = [request.POST.get(f"gap_{i}", "") for i in range(len(item.gap_answers))]
    try:
        answer = attempt_services.answer_submit(attempt=attempt, item=item, given=given)
    except QuizgenError as exc:
        if _wants_json(request):
            return JsonResponse({"error": explain(exc)}, status=422)
        return render(request, "quizzes/refused.html", {"quiz": quiz, "message": explain(exc), "back": back},
                      status=422)
    if _wants_json(request):
        shown = next(t for t in _take_items(attempt, section=item.section) if t.item.pk == item.pk)
        html = render_to_string("quizzes/_take_item.html", {"t": shown, "quiz": quiz, "attempt": attempt},
                                request=request)
        return JsonResponse({"correct": answer.correct, "html": html, "answered": attempt.answers.count(),
                             "total": attempt.total})
    return redirect(back)


@require_POST
def attempt_finish(request: HttpRequest, token: str, attempt_id: int) -> HttpResponse:
    try:
        quiz, attempt = _learner_attempt(request, token, attempt_id)
    except selectors.AttemptElsewhere as exc:
        return attempt_elsewhere(request, exc)
    unanswered = attempt_services.attempt_unanswered(attempt=attempt)
    if attempt.finished is None and unanswered and not is_confirmed(request):
        return confirm_page(
            request, title=_("Finish now?"),
            message=ngettext("%(n)d item is not answered yet. It counts as not right.",
                             "%(n)d items are not answered yet. They count as not right.", unanswered)
            % {"n": unanswered},
            button=_("Finish anyway"), danger=False,
            cancel_url=reverse("quizzes:take", kwargs={"token": token, "attempt_id": attempt.pk}))
    attempt_services.attempt_finish(attempt=attempt)
    return redirect("quizzes:result", token=token, attempt_id=attempt.pk)


def attempt_result(request: HttpRequest, token: str, attempt_id: int) -> HttpResponse:
    try:
        quiz, attempt = _learner_attempt(request, token, attempt_id)
    except selectors.AttemptElsewhere as exc:
        return attempt_elsewhere(request, exc)
    if not attempt.finished:
        return redirect("quizzes:take", token=token, attempt_id=attempt.pk)
    items = _take_items(attempt)
    wrong = sum(1 for t in items if not (t.answer and t.answer.correct))
    return render(request, "quizzes/result.html", {"quiz": quiz, "attempt": attempt, "items": items,
                                                    "wrong": wrong, "right": len(items) - wrong})


@require_POST
def attempt_retry(request: HttpRequest, token: str, attempt_id: int) -> HttpResponse:
    try:
        quiz, attempt = _learner_attempt(request, token, attempt_id)
    except selectors.AttemptElsewhere as exc:
        return attempt_elsewhere(request, exc)
    try:
        retry = attempt_services.attempt_retry_wrong(attempt=attempt)
    except QuizgenError as exc:
        return render(request, "quizzes/refused.html", {"quiz": quiz, "message": explain(exc),
                      "back": reverse("quizzes:result", kwargs={"token": token, "attempt_id": attempt.pk})},
                      status=422)
    _remember(request, retry)
    return redirect("quizzes:take", token=token, attempt_id=retry.pk)


def word_list(request: HttpRequest, token: str) -> HttpResponse:
    """The key words of the quiz text, with their English and example; ``?words=all`` for all."""
    quiz = selectors.quiz_get_for_download(token=token, user=request.user)
    words = words_choice(request)
    return render(request, "quizzes/words.html", {"quiz": quiz, "words": words,
                                                   "entries": downloads.quiz_words(quiz=quiz, words=words)})


def vocabulary_csv(request: HttpRequest, token: str) -> HttpResponse:
    """The quiz text's key words (``?words=all``: all its words) as CSV, for a spreadsheet."""
    quiz = selectors.quiz_get_for_download(token=token, user=request.user)
    file_name, content = downloads.vocabulary_csv(quiz=quiz, words=words_choice(request))
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


def learner_download(request: HttpRequest, token: str, fmt: str) -> HttpResponse:
    """The learner's downloads of a published quiz: the Anki deck (the vocabulary; the items' cards
    only when the teacher allows them before an attempt) and the Anki CSV."""
    quiz = selectors.quiz_get_for_download(token=token, user=request.user)
    return download_response(request, quiz=quiz, fmt=fmt, for_learner=True,
                             items=selectors.learner_card_items(quiz=quiz))


def attempt_download(request: HttpRequest, token: str, attempt_id: int, fmt: str) -> HttpResponse:
    """The downloads after an attempt: the deck adds the cards of the items answered in it, once
    it is finished (in the browser that started it, or of the learner who came back with a code)."""
    try:
        quiz, attempt = _learner_attempt(request, token, attempt_id)
    except selectors.AttemptElsewhere as exc:
        return attempt_elsewhere(request, exc)
    if not quiz.is_published and not (request.user.is_authenticated and request.user.pk == quiz.teacher_id):
        raise Http404
    return download_response(request, quiz=quiz, fmt=fmt, for_learner=True,
                             items=selectors.learner_card_items(quiz=quiz, attempt=attempt))
