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

# No 0/O, 1/I/L: a class code is read aloud and copied from a board. Eight of 31 symbols are
# about 40 bits; with wrong codes throttled per address (QUIZGEN_CODE_GUESSES_PER_HOUR) and only
# published quizzes found, guessing one is out of reach. Codes made before were six long and stay valid.
CLASS_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CLASS_CODE_LENGTH = 8
PERSONAL_CODE_LENGTH = 8
#: titles are stored whole (the first line of a text can be long); lists shorten them for display
TITLE_MAX_LENGTH = 500



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


def new_personal_code() -> str:
    """A learner's code for coming back on another device: 8 symbols shown as ABCD-EFGH."""
    return "".join(secrets.choice(CLASS_CODE_ALPHABET) for _ in range(PERSONAL_CODE_LENGTH))


def new_attempt_seed() -> int:
    return secrets.randbelow(2**31)


def name_key(name: str) -> str:
    """The form of a learner's name that must be unique in a class (spaces and case ignored)."""
    return " ".join(name.split()).casefold()


class SchoolClass(models.Model):
    """A teacher's class: learners join it once with their name and find its quizzes there."""

    teacher = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="school_classes")
    name = models.CharField(_("name of the class"), max_length=80)
    code = models.CharField(max_length=CLASS_CODE_LENGTH, unique=True, default=new_class_code, editable=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]
        constraints = [models.UniqueConstraint(fields=["teacher", "name"], name="one_class_name_per_teacher")]

    def __str__(self) -> str:
        return self.name


class Learner(models.Model):
    """A learner in a class: a name given once, and a personal code for another device."""

    school_class = models.ForeignKey(SchoolClass, on_delete=models.CASCADE, related_name="learners")
    name = models.CharField(_("name"), max_length=80)
    name_key = models.CharField(max_length=80, editable=False)
    personal_code = models.CharField(max_length=PERSONAL_CODE_LENGTH, unique=True, default=new_personal_code,
                                     editable=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name_key", "id"]
        constraints = [models.UniqueConstraint(fields=["school_class", "name_key"], name="one_name_per_class")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.name_key = name_key(self.name)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def shown_code(self) -> str:
        """The personal code as it is read out and written down: ABCD-EFGH."""
        half = len(self.personal_code) // 2
        return f"{self.personal_code[:half]}-{self.personal_code[half:]}"


class Quiz(models.Model):
    """One teacher's text and the exercises made from it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    teacher = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quizzes")
    # Set when the quiz was made from a saved (public) article; the text is copied either way,
    # so a teacher's own texts never show up among the site's public articles.
    article = models.ForeignKey("lessons.Article", on_delete=models.SET_NULL, null=True, blank=True)
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    text = models.TextField(_("text"))
    source = models.CharField(_("source"), max_length=500, blank=True)
    level = models.CharField(_("level"), max_length=2, choices=[(lv, lv) for lv in LEVELS], default="B1")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    school_class = models.ForeignKey(SchoolClass, on_delete=models.SET_NULL, null=True, blank=True,
                                     related_name="quizzes", verbose_name=_("class"))
    #: goes up by one each time items learners have answered are replaced (edited, regenerated,
    #: removed); an attempt keeps the items of the version it was started on
    version = models.PositiveIntegerField(default=1)
    share_token = models.CharField(max_length=40, unique=True, default=new_share_token, editable=False)
    class_code = models.CharField(max_length=CLASS_CODE_LENGTH, unique=True, default=new_class_code, editable=False)
    # The generated pack minus its items (sentences, text level, vocabulary), as LessonPack.to_dict.
    pack = models.JSONField(null=True, blank=True)
    # Learners' Anki downloads hold the cloze and question cards (the answer key) before they
    # finish only when the teacher allows it; otherwise the vocabulary, and after an attempt the
    # cards of the items answered in it (services/downloads.py).
    answer_cards_for_learners = models.BooleanField(_("answer cards for learners before they finish"), default=False)
    generated = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def current_items(self) -> models.QuerySet[Item]:
        """The items of the quiz as it is now: without earlier versions kept for old attempts."""
        return self.items.filter(retired__isnull=True)


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
    by_teacher = models.BooleanField(default=False)  # written by the teacher, not generated
    #: set when learners had answered the item and it was replaced or removed: it stays for
    #: their attempts, and is no longer part of the quiz
    retired = models.DateTimeField(null=True, blank=True, db_index=True)
    replaces = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

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
    """A generation a teacher started: counted for the per-account rate limit, unless its job's
    run was lost (services/quizzes.py, ``generations_in_last_hour``). Deleting the quiz keeps it."""

    teacher = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    quiz = models.ForeignKey(Quiz, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    job = models.ForeignKey("GenerationJob", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created = models.DateTimeField(auto_now_add=True, db_index=True)


class Attempt(models.Model):
    """A learner's go at a quiz (or at the items they got wrong in an earlier go)."""

    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="attempts")
    # SET_NULL: a class deleted later leaves its learners' results (under the name they gave)
    learner = models.ForeignKey(Learner, on_delete=models.SET_NULL, null=True, blank=True, related_name="attempts")
    learner_name = models.CharField(_("name"), max_length=80)
    item_ids = models.JSONField(default=list)  # the items of this attempt, in order
    quiz_version = models.PositiveIntegerField(default=1)
    seed = models.PositiveIntegerField(default=new_attempt_seed)  # the attempt's shuffle of items and options
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
    #: what counts: the teacher's verdict if there is one, otherwise the check's
    correct = models.BooleanField()
    exact = models.BooleanField()
    #: the check's own verdict, kept so that a teacher's "count as right" can be undone and
    #: answers can be checked again when the accepted answers change
    judged_correct = models.BooleanField(default=False)
    #: the teacher counted the answer as right (True); None: the check decides
    teacher_verdict = models.BooleanField(null=True, blank=True)
    note = models.CharField(max_length=40, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["attempt", "item"], name="one_answer_per_item")]


class ApiToken(models.Model):
    """A teacher's key for the JSON API; only its hash is stored, the key is shown once."""

    teacher = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=80)
    prefix = models.CharField(max_length=12, editable=False)  # shown in lists to tell keys apart
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-id"]


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
    # failed because its run was lost (a killed worker) or never started: not counted against
    # the teacher's hourly limit
    lost = models.BooleanField(default=False)
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
        lost, and the workers' sweep queues the job again (learnsite/quizzes/services/jobs.py).
        Without workers, a job still waiting that long is stalled too: only the request that
        queued it runs it, and that request has ended (its web worker killed, say)."""
        if self.silent_seconds < settings.QUIZGEN_JOB_STALLED_AFTER:
            return False
        return self.state == self.State.RUNNING or (self.state == self.State.QUEUED and not settings.CELERY_BROKER_URL)
