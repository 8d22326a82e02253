"""The teacher's classes: make one, its link and QR code, its learners and their results, export."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from learnsite.quizzes import selectors
from learnsite.quizzes.forms import ClassForm
from learnsite.quizzes.refusals import QuizRefused, explain
from learnsite.quizzes.results import class_table
from learnsite.quizzes.services import classes as class_services
from learnsite.quizzes.services import results_export
from learnsite.quizzes.sharing import class_url, qr_svg
from learnsite.quizzes.views.confirm import confirm_page, is_confirmed
from quizgen.errors import QuizgenError


@login_required
def class_list(request: HttpRequest) -> HttpResponse:
    form = ClassForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            school_class = class_services.class_create(teacher=request.user, name=form.cleaned_data["name"])
        except QuizgenError as exc:
            form.add_error("name", explain(exc))
        else:
            messages.success(request, _("Class made. Give your learners its link, QR code or code: each joins once "
                                        "with a name."))
            return redirect("quizzes:class_detail", class_id=school_class.pk)
    classes = selectors.class_list_for_teacher(teacher=request.user)
    return render(request, "quizzes/class_list.html", {"form": form, "classes": classes},
                  status=422 if form.errors else 200)


@login_required
def class_detail(request: HttpRequest, class_id: int) -> HttpResponse:
    school_class = selectors.class_get_for_teacher(teacher=request.user, class_id=class_id)
    quizzes, rows = class_table(school_class=school_class)
    context = {"school_class": school_class, "quizzes": quizzes, "rows": rows,
               "class_url": class_url(request, school_class=school_class),
               "join_url": request.build_absolute_uri(reverse("quizzes:code")),
               "rename_form": ClassForm(initial={"name": school_class.name})}
    return render(request, "quizzes/class_detail.html", context)


@login_required
def class_qr(request: HttpRequest, class_id: int) -> HttpResponse:
    school_class = selectors.class_get_for_teacher(teacher=request.user, class_id=class_id)
    return HttpResponse(qr_svg(class_url(request, school_class=school_class)), content_type="image/svg+xml")


@login_required
@require_POST
def class_rename(request: HttpRequest, class_id: int) -> HttpResponse:
    school_class = selectors.class_get_for_teacher(teacher=request.user, class_id=class_id)
    form = ClassForm(request.POST)
    try:
        if not form.is_valid():
            raise QuizRefused(_("Give the class a name of at most 80 characters."))
        class_services.class_rename(school_class=school_class, name=form.cleaned_data["name"])
    except QuizgenError as exc:
        messages.error(request, explain(exc))
    else:
        messages.success(request, _("Renamed."))
    return redirect("quizzes:class_detail", class_id=school_class.pk)


@login_required
@require_POST
def class_delete(request: HttpRequest, class_id: int) -> HttpResponse:
    school_class = selectors.class_get_for_teacher(teacher=request.user, class_id=class_id)
    if not is_confirmed(request):
        learners, quizzes = school_class.learners.count(), school_class.quizzes.count()
        details = [ngettext("Its list of %(n)d learner goes; their results stay, under their names.",
                            "Its list of %(n)d learners goes; their results stay, under their names.", learners)
                   % {"n": learners},
                   ngettext("%(n)d quiz stays, open to anyone with its link while it is published.",
                            "%(n)d quizzes stay, open to anyone with their links while they are published.", quizzes)
                   % {"n": quizzes}]
        return confirm_page(request, title=_("Delete this class?"),
                            message=_("The class “%(name)s” and its code are deleted.") % {"name": school_class.name},
                            details=details, button=_("Delete the class"),
                            cancel_url=reverse("quizzes:class_detail", kwargs={"class_id": school_class.pk}))
    class_services.class_delete(school_class=school_class)
    messages.success(request, _("Class deleted."))
    return redirect("quizzes:classes")


@login_required
def learner_detail(request: HttpRequest, class_id: int, learner_id: int) -> HttpResponse:
    learner = selectors.learner_get_for_teacher(teacher=request.user, class_id=class_id, learner_id=learner_id)
    attempts = selectors.attempts_of_learner(learner=learner)
    return render(request, "quizzes/learner_detail.html", {"learner": learner, "school_class": learner.school_class,
                                                           "attempts": attempts})


@login_required
@require_POST
def learner_remove(request: HttpRequest, class_id: int, learner_id: int) -> HttpResponse:
    learner = selectors.learner_get_for_teacher(teacher=request.user, class_id=class_id, learner_id=learner_id)
    if not is_confirmed(request):
        return confirm_page(request, title=_("Take %(name)s off the class list?") % {"name": learner.name},
                            message=_("Their results stay, under their name. With the class link they can join "
                                      "again, under any name that is free."),
                            button=_("Take off the list"),
                            cancel_url=reverse("quizzes:learner_detail",
                                               kwargs={"class_id": class_id, "learner_id": learner.pk}))
    class_services.learner_remove(learner=learner)
    messages.success(request, _("Taken off the class list."))
    return redirect("quizzes:class_detail", class_id=class_id)


@login_required
def class_export(request: HttpRequest, class_id: int, fmt: str) -> HttpResponse:
    school_class = selectors.class_get_for_teacher(teacher=request.user, class_id=class_id)
    if fmt not in ("csv", "xlsx"):
        raise Http404
    file_name, content, media_type = results_export.class_results_file(school_class=school_class, fmt=fmt)
    response = HttpResponse(content, content_type=media_type)
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response
