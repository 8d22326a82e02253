"""Builders for quiz tests: real rows made through the services, no mocks."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from django.contrib.auth.models import User

from learnsite.quizzes.models import Item, Quiz
from learnsite.quizzes.services import items as item_services
from learnsite.quizzes.services import quizzes as services

PO = Path(__file__).resolve().parents[2] / "learnsite/quizzes/locale/de/LC_MESSAGES/django.po"
from tests.shared_data import SEED  # noqa: E402

SENTENCE_1 = ("Präsident Wladimir Putin kündigte am Mittwoch bei einem Moskau-Besuch des chinesischen "
              "Top-Diplomaten Wang Yi an, dass Staatschef Xi Jinping Russland besuchen werde.")
SENTENCE_2 = ("Bei einem Gespräch mit dem russischen Außenminister Sergej Lawrow zuvor hatte Wang gesagt, "
              "er freue sich darauf, während seiner Visite neue Vereinbarungen mit Russland zu treffen.")


def make_teacher(name: str = "frau_lehmann") -> User:
    return User.objects.create_user(username=name, email=f"{name}@example.org", password="Sehr-geheim-123")


def make_quiz(teacher: User, *, published: bool = True) -> Quiz:
    """A quiz on the seed article with one item of each kind the learner page renders."""
    quiz = services.quiz_create_draft(teacher=teacher, title="Moskau-Besuch", text=SEED.read_text(encoding="utf-8"))
    add = item_services.item_create
    add(quiz=quiz, section=Item.Section.CLOZE, kind="open", answer="Außenminister", evidence=SENTENCE_2,
        prompt="Bei einem Gespräch mit dem russischen ___ Sergej Lawrow zuvor hatte Wang gesagt.", sentence_index=9)
    add(quiz=quiz, section=Item.Section.CLOZE, kind="choice", answer="kündigte",
        options=["kündigte", "kündigen", "kündigt"], evidence=SENTENCE_1,
        prompt="Präsident Wladimir Putin ___ am Mittwoch bei einem Moskau-Besuch an.", sentence_index=1)
    add(quiz=quiz, section=Item.Section.CLOZE, kind="wordbank", answer="Mittwoch | Russland",
        options=["Russland", "Mittwoch", "Moskau"], evidence=SENTENCE_1,
        prompt="Putin kündigte am ___ an, dass Xi Jinping ___ besuchen werde.", sentence_index=1)
    add(quiz=quiz, section=Item.Section.QUESTION, kind="wh", answer="mit dem russischen Außenminister Sergej Lawrow",
        accepted=["Lawrow", "Sergej Lawrow"], evidence=SENTENCE_2, prompt="Mit wem hatte Wang ein Gespräch?",
        sentence_index=9)
    add(quiz=quiz, section=Item.Section.QUESTION, kind="truefalse", answer="richtig", options=["richtig", "falsch"],
        evidence=SENTENCE_1, prompt="Xi Jinping wird Russland besuchen.", sentence_index=1)
    if published:
        services.quiz_publish(quiz=quiz)
    return quiz


def item(quiz: Quiz, kind: str) -> Item:
    return quiz.current_items.get(kind=kind)


def compile_german_catalog() -> None:
    """Compile the German catalog as `make test` does (needs gettext's msgfmt)."""
    from django.utils.translation import trans_real

    assert shutil.which("msgfmt"), "install gettext (make test does, through tools/install_system_packages.sh)"
    subprocess.run(["msgfmt", "--check", "-o", str(PO.with_suffix(".mo")), str(PO)], check=True)
    trans_real._translations = {}  # drop catalogs loaded before the compile
    trans_real._default = None
