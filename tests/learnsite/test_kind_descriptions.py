"""The site reads every exercise kind from its description in quizgen: a kind registered
there (tests/quizgen/throwaway_kinds.py) is offered, generated, taken, judged, edited and
exported without a line of the site naming it."""

from __future__ import annotations

import dataclasses

import pytest
from django.urls import reverse

from learnsite.quizzes.forms import GenerateForm
from learnsite.quizzes.models import Item
from learnsite.quizzes.services import generation, jobs
from learnsite.quizzes.services.pack_items import pack_summary
from tests.learnsite.quiz_factories import make_quiz, make_teacher
from tests.quizgen.export_packs import moskau_pack
from tests.quizgen.throwaway_kinds import SYNONYM_ITEM, WHO_SAID_ITEM, registered

pytestmark = pytest.mark.django_db

COUNTS = {"cloze:synonym": 1, "question:whosaid": 1}


def _pack():
    pack = moskau_pack()
    return dataclasses.replace(pack, cloze=(*pack.cloze, SYNONYM_ITEM), questions=(*pack.questions, WHO_SAID_ITEM))


@pytest.fixture
def quiz_of_new_kinds(monkeypatch):
    """A published quiz generated with only the two new kinds (the pack made by hand)."""
    with registered(monkeypatch):
        monkeypatch.setattr(generation, "run_make_pack", lambda **kwargs: _pack())
        teacher = make_teacher()
        quiz = make_quiz(teacher)
        job = jobs.job_start(quiz=quiz, level="B1", counts=COUNTS)
        assert job.items_made == 2, job.message
        yield quiz


def test_the_generate_form_and_the_regenerate_choice_offer_a_new_kind(client, monkeypatch):
    with registered(monkeypatch):
        form = GenerateForm()
        assert form.fields["cloze:synonym"].label == "Cloze: synonyms"
        assert form.fields["question:whosaid"].initial == 2
        teacher = make_teacher()
        quiz = make_quiz(teacher)
        client.force_login(teacher)
        html = client.get(reverse("quizzes:review", args=[quiz.pk])).content.decode()
    assert '<option value="cloze:synonym">Cloze: synonyms</option>' in html
    assert 'name="question:whosaid"' in html


def test_a_new_kind_is_generated_reviewed_and_edited(client, quiz_of_new_kinds):
    quiz = quiz_of_new_kinds
    assert sorted(quiz.items.values_list("kind", flat=True)) == ["synonym", "whosaid"]
    client.force_login(quiz.teacher)
    review = client.get(reverse("quizzes:review", args=[quiz.pk])).content.decode()
    assert "Cloze: synonyms" in review and "Questions: who said it" in review
    synonym = quiz.items.get(kind="synonym")
    edit = client.get(reverse("quizzes:item_edit", args=[quiz.pk, synonym.pk])).content.decode()
    assert 'name="options"' in edit and 'name="case_matters"' not in edit  # picked: letter for letter


def test_a_learner_picks_the_new_cloze_kind_and_types_the_new_question(client, quiz_of_new_kinds):
    quiz = quiz_of_new_kinds
    client.post(reverse("quizzes:start", args=[quiz.share_token]), {"name": "Ada"})
    attempt = quiz.attempts.get()
    take = client.get(reverse("quizzes:take", args=[quiz.share_token, attempt.pk])).content.decode()
    questions = client.get(reverse("quizzes:questions", args=[quiz.share_token, attempt.pk])).content.decode()
    assert "Choose the word that means the same." in take and "Name the speaker." in questions
    assert '<option value="sagte ab">sagte ab</option>' in take  # a select in the gap
    synonym, who = quiz.items.get(kind="synonym"), quiz.items.get(kind="whosaid")

    def answer(item: Item, given: str) -> dict:
        url = reverse("quizzes:answer", args=[quiz.share_token, attempt.pk, item.pk])
        return client.post(url, {"gap_0": given}, HTTP_ACCEPT="application/json").json()

    assert answer(synonym, "kündigte an")["correct"] is True
    assert answer(who, "putin")["correct"] is True  # typed: capitals forgiven


def test_the_exports_of_the_site_carry_the_new_kinds(client, quiz_of_new_kinds):
    quiz = quiz_of_new_kinds
    quiz.pack = pack_summary(moskau_pack())
    quiz.save()
    client.force_login(quiz.teacher)
    gift = client.get(reverse("quizzes:download", args=[quiz.pk, "gift"])).content.decode()
    assert "{~gab bekannt =kündigte an ~sagte ab}" in gift and "{=Putin}" in gift
