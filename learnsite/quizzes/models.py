"""Quizzes a teacher makes from a German text, and the attempts learners make at them."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from quizgen.kinds import ExerciseKind, exercise_kind, exercise_kinds
from quizgen.pack import LEVELS

# No 0/O, 1/I/L: a class code is read aloud and copied from a board.
CLASS_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CLASS_CODE_LENGTH = 6



def kind_label(kind: ExerciseKind) -> str:
    """The kind's label in the interface language (quizgen defines it in English; the German
    is in this app's catalog, and a kind without a translation shows its English label)."""
    return gettext(kind.label)


def kind_choices() -> list[tuple[str, str]]:
    """``("section:kind", label)`` of every registered kind, as the forms offer them."""
    return [(kind.key, kind_label(kind)) for kind in exercise_kinds()]


def new_share_token() -> str:
    return secrets.token_urlsafe(16)


def new_class_code() -> str:
    return "".join(secrets.choice(CLASS_CODE_ALPHABET) for _ in range(CLASS_CODE_LENGTH))


class Quiz(models.Model):
    """One teacher's text and the exercises made from it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    teacher = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quizzes")
    # Set when the quiz was made from a saved (public) article; the text is copied either way,
    # so a teacher's own texts never show up among the site's public articles.
    article = models.ForeignKey("lessons.Article", on_delete=models.SET_NULL, null=True, blank=True)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))
    source = models.CharField(_("source"), max_length=500, blank=True)
    level = models.CharField(_("level"), max_length=2, choices=[(lv, lv) for lv in LEVELS], default="B1")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    share_token = models.CharField(max_length=40, unique=True, default=new_share_token, editable=False)
    class_code = models.CharField(max_length=CLASS_CODE_LENGTH, unique=True, default=new_class_code, editable=False)
    # The generated pack minus its items (sentences, text level, vocabulary), as LessonPack.to_dict.
    pack = models.JSONField(null=True, blank=True)
    generated = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class Item(models.Model):
    """One exercise: a cloze gap (or several, for a word bank) or a comprehension question."""

    class Section(models.TextChoices):
        CLOZE = "cloze", _("cloze")
        QUESTION = "question", _("question")

    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="items")
    section = models.CharField(max_length=10, choices=Section.choices)
    kind = models.CharField(max_length=12)
    position = models.PositiveIntegerField(default=0)
    prompt = models.TextField(_("prompt"))  # cloze text with ___ gaps, or the question
    answer = models.TextField(_("answer"))  # several gaps: encoded by the kind (quizgen.kinds)
    accepted = models.JSONField(_("accepted answers"), default=list, blank=True)
    options = models.JSONField(_("options"), default=list, blank=True)
    hint = models.CharField(_("hint"), max_length=300, blank=True)
    evidence = models.TextField(_("evidence sentence"), blank=True)
    sentence_index = models.PositiveIntegerField(default=0)
    case_matters = models.BooleanField(default=False)
    generated_id = models.CharField(max_length=80, blank=True)

    class Meta:
        ordering = ["section", "position", "id"]

    def __str__(self) -> str:
        return self.prompt[:60]

    @property
    def exercise_kind(self) -> ExerciseKind:
        """How the item is answered and shown: its kind's description in quizgen."""
        return exercise_kind(self.section, self.kind)

    @property
    def gap_answers(self) -> list[str]:
        """One expected answer per gap."""
        return list(self.exercise_kind.decode_answer(self.answer))

    @property
    def kind_label(self) -> str:
        return kind_label(self.exercise_kind)


class GenerationRun(models.Model):
    """A generation a teacher started: counted for the per-account rate limit."""

    teacher = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="+")
    created = models.DateTimeField(auto_now_add=True, db_index=True)


class Attempt(models.Model):
    """A learner's go at a quiz (or at the items they got wrong in an earlier go)."""

    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="attempts")
    learner_name = models.CharField(_("name"), max_length=80)
    item_ids = models.JSONField(default=list)  # the items of this attempt, in order
    retry_of = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True)
    started = models.DateTimeField(auto_now_add=True)
    finished = models.DateTimeField(null=True, blank=True)
    score = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-started", "-id"]

    @property
    def total(self) -> int:
        return len(self.item_ids)


class Answer(models.Model):
    """What a learner gave for one item, and the verdict."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="answers")
    given = models.TextField()
    correct = models.BooleanField()
    exact = models.BooleanField()
    note = models.CharField(max_length=40, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["attempt", "item"], name="one_answer_per_item")]


class ImportBatch(models.Model):
    """Many articles a teacher imported at once: each becomes a draft quiz and a generation job."""

    teacher = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="import_batches")
    level = models.CharField(max_length=2, choices=[(lv, lv) for lv in LEVELS], default="B1")
    counts = models.JSONField(default=dict)
    #: the articles that never became a quiz: [{"name": ..., "reason": ...}]
    skipped = models.JSONField(default=list, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created"]


class GenerationJob(models.Model):
    """One generation of a quiz's items from its saved text, in the request or on a Celery worker.

    The text is stored before the job exists, so a job that dies loses nothing: it is retried,
    or marked failed with its reason and can be run again.
    """

    class State(models.TextChoices):
        QUEUED = "queued", pgettext_lazy("job state", "waiting")
        RUNNING = "running", pgettext_lazy("job state", "running")
        DONE = "done", pgettext_lazy("job state", "done")
        FAILED = "failed", pgettext_lazy("job state", "failed")

    class Action(models.TextChoices):
        GENERATE = "generate", _("generate all items")
        REGENERATE = "regenerate", _("regenerate one kind")

    teacher = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="jobs")
    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, null=True, blank=True, related_name="jobs")
    action = models.CharField(max_length=10, choices=Action.choices, default=Action.GENERATE)
    level = models.CharField(max_length=2, choices=[(lv, lv) for lv in LEVELS], default="B1")
    counts = models.JSONField(default=dict)  # {"section:kind": n}
    language = models.CharField(max_length=10, default="en")  # the teacher's, for the messages
    state = models.CharField(max_length=8, choices=State.choices, default=State.QUEUED, db_index=True)
    progress = models.PositiveSmallIntegerField(default=0)  # percent
    step = models.CharField(max_length=20, blank=True)  # analysis, vocabulary, cloze, questions, saving
    message = models.TextField(blank=True)  # the reason it failed, or what it made
    attempts = models.PositiveSmallIntegerField(default=0)  # runs started, retries included
    items_made = models.PositiveIntegerField(default=0)
    worker = models.CharField(max_length=100, blank=True)  # host and process of the last run
    created = models.DateTimeField(auto_now_add=True)
    started = models.DateTimeField(null=True, blank=True)
    updated = models.DateTimeField(auto_now=True)
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]

    @property
    def is_finished(self) -> bool:
        return self.state in (self.State.DONE, self.State.FAILED)

    @property
    def silent_seconds(self) -> int:
        """Seconds since its worker last gave a sign of life (claimed it, reported a step, beat)."""
        return max(0, int((timezone.now() - self.updated).total_seconds()))

    @property
    def is_stalled(self) -> bool:
        """Running, but its worker has been silent for QUIZGEN_JOB_STALLED_AFTER seconds: the run is
        lost, and the workers' sweep queues the job again (learnsite/quizzes/services/jobs.py)."""
        return self.state == self.State.RUNNING and self.silent_seconds >= settings.QUIZGEN_JOB_STALLED_AFTER
