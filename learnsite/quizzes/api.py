"""The JSON API for teachers' scripts and school systems (django-ninja), at /api/.

Every call carries a teacher's key (``Authorization: Bearer qg_...``, made on the site's "API keys"
page) and reaches only that teacher's quizzes: another teacher's quiz is 404, as on the pages. The
calls go through the same services as the pages, so the same limits and refusals hold (text
length, uploads, public web addresses only, generations per hour); a refusal is 422 with the
page's message (429 for the hourly limit). Replacing items needs ``replace: true``, as the pages
ask first. The schema is at /api/openapi.json, the browsable docs at /api/docs.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import File, Form, NinjaAPI, Router, Status
from ninja.files import UploadedFile
from ninja.security import HttpBearer

from learnsite.quizzes import selectors
from learnsite.quizzes.api_schemas import (
    ClassIn,
    ClassOut,
    CreatedOut,
    GenerateIn,
    ItemChangeOut,
    ItemIn,
    ItemOut,
    ItemPatch,
    ItemResultOut,
    JobOut,
    LearnerOut,
    Problem,
    QuizIn,
    QuizOut,
    QuizPatch,
    ResultsOut,
    item_out,
)
from learnsite.quizzes.models import Quiz
from learnsite.quizzes.refusals import QuizRefused, RateLimited, explain
from learnsite.quizzes.results import item_numbers, item_results, learner_rows
from learnsite.quizzes.services import (
    api_tokens,
    downloads,
    jobs,
    results_export,
    text_sources,
)
from learnsite.quizzes.services import attempts as attempt_services
from learnsite.quizzes.services import classes as class_services
from learnsite.quizzes.services import items as item_services
from learnsite.quizzes.services import quizzes as quiz_services
from learnsite.quizzes.services.generation import default_counts
from learnsite.quizzes.sharing import class_url, share_links
from quizgen.errors import KindError, QuizgenError
from quizgen.kinds import exercise_kind_by_key


class TeacherKey(HttpBearer):
    """``Authorization: Bearer <key>``: the teacher whose key it is, or 401."""

    def authenticate(self, request: HttpRequest, token: str) -> object | None:
        return selectors.api_token_teacher(key_hash=api_tokens.key_hash(token))


api = NinjaAPI(title="Quizgen API", version="1", urls_namespace="api", auth=TeacherKey(),
               description=__doc__ or "")
router = Router(tags=["quizzes"])
REFUSED = {422: Problem, 429: Problem, 409: Problem}


@api.exception_handler(QuizgenError)
def refused(request: HttpRequest, exc: QuizgenError) -> HttpResponse:
    status = 429 if isinstance(exc, RateLimited) else 422
    return api.create_response(request, {"detail": explain(exc), "code": exc.code}, status=status)


def _quiz(request: HttpRequest, quiz_id: int) -> Quiz:
    return selectors.quiz_get_for_teacher(teacher=request.auth, quiz_id=quiz_id)  # type: ignore[arg-type]


def _quiz_out(request: HttpRequest, quiz: Quiz) -> QuizOut:
    links = share_links(request, quiz=quiz)
    return QuizOut.of(quiz, share_url=links.learner_url, code=links.code)


def _counts(counts: dict[str, int] | None) -> dict[str, int]:
    return dict(counts) if counts else default_counts()


def _created(request: HttpRequest, quiz: Quiz, *, generate: bool, level: str,
             counts: dict[str, int] | None) -> CreatedOut:
    job = jobs.job_start(quiz=quiz, level=level, counts=_counts(counts)) if generate else None
    quiz.refresh_from_db()
    return CreatedOut(quiz=_quiz_out(request, quiz), job=JobOut.of(job) if job else None)


@router.get("/quizzes", response=list[QuizOut], summary="The teacher's quizzes, newest first")
def quiz_list(request: HttpRequest) -> list[QuizOut]:
    return [_quiz_out(request, quiz) for quiz in selectors.quiz_list_for_teacher(teacher=request.auth)]


@router.post("/quizzes", response={201: CreatedOut, **REFUSED}, summary="A quiz from a text or a web address")
def quiz_create(request: HttpRequest, data: QuizIn) -> Status[CreatedOut]:
    if bool(data.text.strip()) == bool(data.url.strip()):
        raise QuizRefused("Give the text in exactly one way: text or url.")
    quiz_services.check_level_and_counts(data.level, _counts(data.counts))
    fetched = (text_sources.text_from_url(data.url) if data.url.strip()
               else text_sources.FetchedText(text=data.text, title="", source=""))
    quiz = quiz_services.quiz_create_draft(teacher=request.auth, title=data.title or fetched.title,
                                           text=fetched.text, source=fetched.source)
    return Status(201, _created(request, quiz, generate=data.generate, level=data.level, counts=data.counts))


@router.post("/quizzes/upload", response={201: CreatedOut, **REFUSED},
             summary="A quiz from a file (.txt, .md, .html, .pdf, .docx), as multipart/form-data")
def quiz_upload(request: HttpRequest, file: UploadedFile = File(...), title: str = Form(""),  # noqa: B008
                level: str = Form("B1"), generate: bool = Form(True)) -> Status[CreatedOut]:  # noqa: B008
    quiz_services.check_level_and_counts(level, default_counts())
    fetched = text_sources.text_from_upload(file)
    quiz = quiz_services.quiz_create_draft(teacher=request.auth, title=title or fetched.title, text=fetched.text,
                                           source=fetched.source)
    return Status(201, _created(request, quiz, generate=generate, level=level, counts=None))


@router.get("/quizzes/{quiz_id}", response=QuizOut)
def quiz_detail(request: HttpRequest, quiz_id: int) -> QuizOut:
    return _quiz_out(request, _quiz(request, quiz_id))


@router.patch("/quizzes/{quiz_id}", response={200: QuizOut, **REFUSED}, summary="Rename, or share with a class")
def quiz_update(request: HttpRequest, quiz_id: int, data: QuizPatch) -> QuizOut:
    quiz = _quiz(request, quiz_id)
    if data.title is not None:
        quiz_services.quiz_rename(quiz=quiz, title=data.title)
    if data.class_id is not None:
        school_class = (selectors.class_get_for_teacher(teacher=request.auth, class_id=data.class_id)
                        if data.class_id else None)
        quiz_services.quiz_assign_class(quiz=quiz, school_class=school_class)
    return _quiz_out(request, quiz)


@router.delete("/quizzes/{quiz_id}", response={204: None}, summary="Delete the quiz with its results")
def quiz_delete(request: HttpRequest, quiz_id: int) -> Status[None]:
    quiz_services.quiz_delete(quiz=_quiz(request, quiz_id))
    return Status(204, None)


@router.post("/quizzes/{quiz_id}/generate", response={200: JobOut, **REFUSED},
             summary="Generate the items (or one kind again)")
def quiz_generate(request: HttpRequest, quiz_id: int, data: GenerateIn) -> JobOut | Status[dict[str, str]]:
    quiz = _quiz(request, quiz_id)
    replaced = quiz.current_items.filter(by_teacher=False)
    counts = _counts(data.counts)
    if data.kind:
        try:
            kind = exercise_kind_by_key(data.kind)
        except KindError:
            raise QuizRefused("Choose the kinds of item from the list.") from None
        replaced = replaced.filter(section=kind.section, kind=kind.name)
        counts = {data.kind: counts.get(data.kind, kind.default_count)}
    if replaced.exists() and not data.replace:
        return Status(409, {"detail": f"This replaces {replaced.count()} items (answered ones stay in their "
                                      "results). Send replace: true to go ahead.", "code": "confirm"})
    job = jobs.job_start(quiz=quiz, level=data.level, counts=counts, only_kind=bool(data.kind))
    return JobOut.of(job)


@router.get("/jobs/{job_id}", response=JobOut, summary="Where a generation stands")
def job_detail(request: HttpRequest, job_id: int) -> JobOut:
    return JobOut.of(selectors.job_get_for_teacher(teacher=request.auth, job_id=job_id))


@router.get("/quizzes/{quiz_id}/items", response=list[ItemOut])
def item_list(request: HttpRequest, quiz_id: int) -> list[ItemOut]:
    quiz = _quiz(request, quiz_id)
    numbers = item_numbers(quiz=quiz)
    return [item_out(item, numbers[item.pk]) for item in quiz.current_items.all()]


@router.post("/quizzes/{quiz_id}/items", response={201: ItemOut, **REFUSED}, summary="An item of the teacher's own")
def item_create(request: HttpRequest, quiz_id: int, data: ItemIn) -> Status[ItemOut]:
    quiz = _quiz(request, quiz_id)
    try:
        kind = exercise_kind_by_key(data.kind)
    except KindError:
        raise QuizRefused("Choose the kinds of item from the list.") from None
    item = item_services.item_create(quiz=quiz, section=kind.section, kind=kind.name, prompt=data.prompt,
                                     answer=data.answer, accepted=data.accepted, options=data.options,
                                     hint=data.hint, by_teacher=True, case_matters=data.case_matters)
    return Status(201, item_out(item, item_numbers(quiz=quiz)[item.pk]))


@router.patch("/quizzes/{quiz_id}/items/{item_id}", response={200: ItemChangeOut, **REFUSED},
              summary="Edit an item: answered items get a new version; marking changes re-check answers")
def item_update(request: HttpRequest, quiz_id: int, item_id: int, data: ItemPatch) -> ItemChangeOut:
    item = selectors.item_get_for_teacher(teacher=request.auth, quiz_id=quiz_id, item_id=item_id)
    change = item_services.item_update(
        item=item, prompt=item.prompt if data.prompt is None else data.prompt,
        answer=item.answer if data.answer is None else data.answer,
        accepted=item.accepted if data.accepted is None else data.accepted,
        options=item.options if data.options is None else data.options,
        hint=item.hint if data.hint is None else data.hint, case_matters=data.case_matters)
    number = item_numbers(quiz=item.quiz)[change.item.pk]
    return ItemChangeOut(item=item_out(change.item, number), new_version=change.new_version,
                         rechecked=change.rechecked, now_right=change.now_right, now_wrong=change.now_wrong)


@router.delete("/quizzes/{quiz_id}/items/{item_id}", response={204: None},
               summary="Remove an item (kept for the results that answered it)")
def item_delete(request: HttpRequest, quiz_id: int, item_id: int) -> Status[None]:
    item_services.item_delete(item=selectors.item_get_for_teacher(teacher=request.auth, quiz_id=quiz_id,
                                                                  item_id=item_id))
    return Status(204, None)


@router.post("/quizzes/{quiz_id}/publish", response={200: QuizOut, **REFUSED})
def quiz_publish(request: HttpRequest, quiz_id: int) -> QuizOut:
    return _quiz_out(request, quiz_services.quiz_publish(quiz=_quiz(request, quiz_id)))


@router.post("/quizzes/{quiz_id}/unpublish", response=QuizOut)
def quiz_unpublish(request: HttpRequest, quiz_id: int) -> QuizOut:
    return _quiz_out(request, quiz_services.quiz_unpublish(quiz=_quiz(request, quiz_id)))


@router.get("/quizzes/{quiz_id}/exports/{fmt}", response={200: None, **REFUSED},
            summary="A download: apkg, pdf, html, moodle, gift, csv or json")
def quiz_export(request: HttpRequest, quiz_id: int, fmt: str) -> HttpResponse:
    file_name, content, media_type = downloads.quiz_export(quiz=_quiz(request, quiz_id), name=fmt, for_learner=False)
    response = HttpResponse(content, content_type=media_type)
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


@router.get("/quizzes/{quiz_id}/results", response=ResultsOut,
            summary="One row per learner (best and latest attempt) and per item")
def quiz_results(request: HttpRequest, quiz_id: int) -> ResultsOut:
    quiz = _quiz(request, quiz_id)
    return ResultsOut(learners=[LearnerOut.of(row) for row in learner_rows(quiz=quiz)],
                      items=[ItemResultOut.of(result) for result in item_results(quiz=quiz)])


@router.get("/quizzes/{quiz_id}/results/{table}.{fmt}", response={200: None},
            summary="The results as a file: learners, items or answers as CSV; all as XLSX")
def quiz_results_file(request: HttpRequest, quiz_id: int, table: str, fmt: str) -> HttpResponse:
    quiz = _quiz(request, quiz_id)
    if fmt not in ("csv", "xlsx") or table not in (*results_export.TABLES, "all") or (fmt, table) == ("csv", "all"):
        raise QuizRefused("Ask for learners.csv, items.csv, answers.csv or all.xlsx.")
    file_name, content, media_type = results_export.quiz_results_file(quiz=quiz, table=table, fmt=fmt)
    response = HttpResponse(content, content_type=media_type)
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


@router.post("/quizzes/{quiz_id}/answers/{answer_id}/count", response=dict[str, int | bool],
             summary="Count a learner's answer as right (right: false gives the check's verdict back)")
def answer_count(request: HttpRequest, quiz_id: int, answer_id: int, right: bool = True) -> dict[str, int | bool]:
    answer = selectors.answer_get_for_teacher(teacher=request.auth, quiz_id=quiz_id, answer_id=answer_id)
    answer = attempt_services.answer_count_as_right(answer=answer, right=right)
    answer.attempt.refresh_from_db()
    return {"correct": answer.correct, "attempt_score": answer.attempt.score}


classes = Router(tags=["classes"])


def _class_out(request: HttpRequest, school_class: object) -> ClassOut:
    return ClassOut(id=school_class.pk, name=school_class.name, code=school_class.code,  # type: ignore[attr-defined]
                    url=class_url(request, school_class=school_class),  # type: ignore[arg-type]
                    learners=school_class.learners.count())  # type: ignore[attr-defined]


@classes.get("/classes", response=list[ClassOut])
def class_list(request: HttpRequest) -> list[ClassOut]:
    return [_class_out(request, c) for c in selectors.class_list_for_teacher(teacher=request.auth)]


@classes.post("/classes", response={201: ClassOut, **REFUSED})
def class_create(request: HttpRequest, data: ClassIn) -> Status[ClassOut]:
    return Status(201, _class_out(request, class_services.class_create(teacher=request.auth, name=data.name)))


api.add_router("", router)
api.add_router("", classes)
