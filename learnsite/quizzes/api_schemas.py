"""The JSON shapes of the API (django-ninja schemas): what a script sends and gets back."""

from __future__ import annotations

from datetime import datetime

from ninja import Schema
from pydantic import Field

from learnsite.quizzes.models import GenerationJob, Item, Quiz
from learnsite.quizzes.results import AttemptResult, ItemResult, LearnerRow


class Problem(Schema):
    """Why a request was refused, in the words the site's pages use."""

    detail: str
    code: str = ""


class QuizIn(Schema):
    """A new quiz: the text itself or a web address (a file goes to /quizzes/upload)."""

    text: str = ""
    url: str = ""
    title: str = ""
    level: str = "B1"
    counts: dict[str, int] | None = Field(None, description="items per kind, 'section:kind' -> n; default: "
                                                                  "each kind's default count")
    generate: bool = Field(True, description="start generating at once")


class QuizPatch(Schema):
    title: str | None = None
    class_id: int | None = Field(None, description="share with this class; 0 for anyone with the link")


class GenerateIn(Schema):
    level: str = "B1"
    counts: dict[str, int] | None = None
    kind: str | None = Field(None, description="regenerate only this kind ('section:kind')")
    replace: bool = Field(False, description="confirm that items there are now are replaced (answered ones "
                                             "stay in their results)")


class JobOut(Schema):
    id: int
    quiz_id: int
    state: str
    progress: int
    step: str
    message: str
    items_made: int
    finished: bool

    @staticmethod
    def of(job: GenerationJob) -> JobOut:
        return JobOut(id=job.pk, quiz_id=job.quiz_id, state=job.state, progress=job.progress, step=job.step,
                      message=job.message, items_made=job.items_made, finished=job.is_finished)


class ItemOut(Schema):
    id: int
    number: str
    section: str
    kind: str
    prompt: str
    answer: str
    accepted: list[str]
    options: list[str]
    hint: str
    evidence: str
    case_matters: bool
    by_teacher: bool


class ItemIn(Schema):
    kind: str = Field(..., description="'section:kind', e.g. question:wh or cloze:open")
    prompt: str
    answer: str
    accepted: list[str] = []
    options: list[str] = []
    hint: str = ""
    case_matters: bool = False


class ItemPatch(Schema):
    prompt: str | None = None
    answer: str | None = None
    accepted: list[str] | None = None
    options: list[str] | None = None
    hint: str | None = None
    case_matters: bool | None = None


class ItemChangeOut(Schema):
    item: ItemOut
    new_version: bool = Field(description="learners had answered the item: they keep the earlier version")
    rechecked: int = Field(description="answers checked again under the new marking")
    now_right: int
    now_wrong: int


class QuizOut(Schema):
    id: int
    title: str
    level: str
    status: str
    version: int
    class_id: int | None
    share_url: str
    code: str
    generated: datetime | None
    item_count: int

    @staticmethod
    def of(quiz: Quiz, *, share_url: str, code: str) -> QuizOut:
        return QuizOut(id=quiz.pk, title=quiz.title, level=quiz.level, status=quiz.status, version=quiz.version,
                       class_id=quiz.school_class_id, share_url=share_url, code=code, generated=quiz.generated,
                       item_count=quiz.current_items.count())


class CreatedOut(Schema):
    quiz: QuizOut
    job: JobOut | None


class AttemptOut(Schema):
    id: int
    started: datetime
    finished: datetime | None
    score: int | None = Field(description="right answers, once finished")
    answered: int
    total: int
    retry: bool
    quiz_version: int

    @staticmethod
    def of(result: AttemptResult) -> AttemptOut:
        attempt = result.attempt
        return AttemptOut(id=attempt.pk, started=attempt.started, finished=attempt.finished,
                          score=attempt.score if result.finished else None, answered=result.answered,
                          total=result.total, retry=attempt.retry_of_id is not None,
                          quiz_version=attempt.quiz_version)


class LearnerOut(Schema):
    name: str
    learner_id: int | None
    best: AttemptOut | None
    latest: AttemptOut
    attempts: list[AttemptOut]

    @staticmethod
    def of(row: LearnerRow) -> LearnerOut:
        return LearnerOut(name=row.name, learner_id=row.learner.pk if row.learner else None,
                          best=AttemptOut.of(row.best) if row.best else None, latest=AttemptOut.of(row.latest),
                          attempts=[AttemptOut.of(a) for a in row.attempts])


class ItemResultOut(Schema):
    number: str
    item_id: int
    prompt: str
    answered: int
    right: int
    common_wrong: list[tuple[str, int]]

    @staticmethod
    def of(result: ItemResult) -> ItemResultOut:
        return ItemResultOut(number=result.number, item_id=result.item.pk, prompt=result.item.prompt,
                             answered=result.answered, right=result.right, common_wrong=result.common_wrong)


class ResultsOut(Schema):
    learners: list[LearnerOut]
    items: list[ItemResultOut]


class ClassIn(Schema):
    name: str


class ClassOut(Schema):
    id: int
    name: str
    code: str
    url: str
    learners: int


def item_out(item: Item, number: str) -> ItemOut:
    return ItemOut(id=item.pk, number=number, section=item.section, kind=item.kind, prompt=item.prompt,
                   answer=item.answer, accepted=list(item.accepted), options=list(item.options), hint=item.hint,
                   evidence=item.evidence, case_matters=item.case_matters, by_teacher=item.by_teacher)
