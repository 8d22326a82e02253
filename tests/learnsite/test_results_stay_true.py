"""Results stay true: answered items are never changed in place nor deleted; marking changes
re-check the answers given; the teacher can count an answer as right (issue 14)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from learnsite.quizzes.models import Answer, Item
from learnsite.quizzes.refusals import QuizRefused
from learnsite.quizzes.results import item_numbers, learner_rows
from learnsite.quizzes.services import attempts as attempt_services
from learnsite.quizzes.services import items as item_services
from learnsite.quizzes.services import quizzes as quiz_services
from learnsite.quizzes.services.pack_items import ItemDraft
from tests.learnsite.quiz_factories import item, make_quiz, make_teacher

pytestmark = pytest.mark.django_db


def finished_attempt(quiz, name, answers):
    attempt = attempt_services.attempt_start(quiz=quiz, learner_name=name)
    for kind, given in answers.items():
        attempt_services.answer_submit(attempt=attempt, item=item(quiz, kind), given=given)
    return attempt_services.attempt_finish(attempt=attempt)


def edit(target: Item, **changes):
    fields = {"prompt": target.prompt, "answer": target.answer, "accepted": target.accepted,
              "options": target.options, "hint": target.hint}
    fields.update(changes)
    return item_services.item_update(item=target, **fields)


def test_changing_an_answered_items_question_makes_a_new_version_and_the_result_keeps_the_old():
    quiz = make_quiz(make_teacher())
    wh = item(quiz, "wh")
    attempt = finished_attempt(quiz, "Ada", {"wh": ["Lawrow"], "open": ["Außenminister"]})
    change = edit(wh, prompt="Wen traf Wang in Moskau?")
    wh.refresh_from_db()
    quiz.refresh_from_db()
    assert change.new_version and wh.retired is not None and wh.prompt == "Mit wem hatte Wang ein Gespräch?"
    assert change.item.prompt == "Wen traf Wang in Moskau?" and change.item.replaces_id == wh.pk
    assert quiz.version == 2 and quiz.current_items.count() == 5 and not quiz.current_items.filter(pk=wh.pk)
    (row,) = learner_rows(quiz=quiz)
    assert row.latest.attempt.score == 2 and row.latest.total == 5
    prompts = [r.item.prompt for r in row.latest.rows]
    assert "Mit wem hatte Wang ein Gespräch?" in prompts and "Wen traf Wang in Moskau?" not in prompts
    assert item_numbers(quiz=quiz)[wh.pk].endswith("earlier version")


def test_an_unanswered_item_is_edited_in_place():
    quiz = make_quiz(make_teacher())
    wh = item(quiz, "wh")
    change = edit(wh, prompt="Wen traf Wang in Moskau?")
    assert not change.new_version and change.item.pk == wh.pk
    quiz.refresh_from_db()
    assert quiz.version == 1


def test_adding_an_accepted_answer_rechecks_the_answers_given_and_the_scores_follow():
    """Regression (issue 14): adding an accepted answer did not re-score earlier answers."""
    quiz = make_quiz(make_teacher())
    ada = finished_attempt(quiz, "Ada", {"wh": ["der Außenminister Lawrow"]})
    bo = finished_attempt(quiz, "Bo", {"wh": ["Lawrow"]})
    assert (ada.score, bo.score) == (0, 1)
    change = edit(item(quiz, "wh"), accepted=["Lawrow", "Sergej Lawrow", "der Außenminister Lawrow"])
    assert (change.new_version, change.rechecked, change.now_right, change.now_wrong) == (False, 2, 1, 0)
    ada.refresh_from_db()
    bo.refresh_from_db()
    assert (ada.score, bo.score) == (1, 1)
    # ... and taking it away again takes the point away
    edit(item(quiz, "wh"), accepted=["Lawrow", "Sergej Lawrow"])
    ada.refresh_from_db()
    assert ada.score == 0


def test_count_as_right_changes_the_score_and_can_be_undone():
    quiz = make_quiz(make_teacher())
    attempt = finished_attempt(quiz, "Ada", {"open": ["Minister"]})
    answer = Answer.objects.get(attempt=attempt)
    attempt_services.answer_count_as_right(answer=answer, right=True)
    attempt.refresh_from_db()
    answer.refresh_from_db()
    assert attempt.score == 1 and answer.correct and answer.teacher_verdict is True and not answer.judged_correct
    # a later re-check leaves the teacher's verdict standing
    edit(item(quiz, "open"), accepted=["Aussenminister"])
    attempt.refresh_from_db()
    assert attempt.score == 1
    attempt_services.answer_count_as_right(answer=answer, right=False)
    attempt.refresh_from_db()
    assert attempt.score == 0


def test_regenerating_a_kind_after_answers_keeps_every_earlier_result(monkeypatch):
    """Regression (issue 14): a finished result said 14/18 but listed 16 items after "regenerate one kind"."""
    quiz = make_quiz(make_teacher())
    quiz.pack = {"sentences": [], "vocabulary": []}
    quiz.save()
    done = finished_attempt(quiz, "Ada", {"open": ["Außenminister"], "wh": ["Lawrow"], "truefalse": ["richtig"]})
    running = attempt_services.attempt_start(quiz=quiz, learner_name="Bo")
    attempt_services.answer_submit(attempt=running, item=item(quiz, "wh"), given=["Putin"])
    new_wh = ItemDraft(section="question", kind="wh", prompt="Wer besuchte Moskau?", answer="Wang Yi", accepted=(),
                       options=(), hint="", evidence="", sentence_index=0, generated_id="q-new")
    monkeypatch.setattr("learnsite.quizzes.services.quizzes.generation.run_make_pack", lambda **kw: object())
    monkeypatch.setattr("learnsite.quizzes.services.quizzes.drafts_from_pack", lambda pack, counts: [new_wh])
    monkeypatch.setattr("learnsite.quizzes.services.quizzes.pack_summary", lambda pack: {"sentences": []})
    quiz_services.generation_apply(quiz=quiz, level="B1", counts={"question:wh": 1}, only_kind=True)
    quiz.refresh_from_db()
    assert quiz.current_items.filter(kind="wh").get().prompt == "Wer besuchte Moskau?"
    rows = {row.name: row for row in learner_rows(quiz=quiz)}
    ada = rows["Ada"].latest
    assert (ada.attempt.score, ada.total, len(ada.rows), ada.right) == (3, 5, 5, 3)
    assert "Mit wem hatte Wang ein Gespräch?" in [r.item.prompt for r in ada.rows]
    # the attempt in progress keeps its answer and may still answer its (earlier) items
    bo = rows["Bo"].latest
    assert bo.answered == 1 and len(bo.rows) == 5
    attempt_services.answer_submit(attempt=running, item=item(quiz, "open"), given=["Außenminister"])
    assert attempt_services.attempt_finish(attempt=running).score == 1
    # a new attempt gets the new version
    fresh = attempt_services.attempt_start(quiz=quiz, learner_name="Cy")
    assert fresh.quiz_version == 2 and quiz.current_items.get(kind="wh").pk in fresh.item_ids


def test_an_answered_item_deleted_is_kept_for_its_results():
    quiz = make_quiz(make_teacher())
    finished_attempt(quiz, "Ada", {"open": ["Außenminister"]})
    kept = item_services.item_delete(item=item(quiz, "open"))
    assert kept and Item.objects.filter(kind="open", retired__isnull=False).exists()
    assert not quiz.current_items.filter(kind="open").exists()
    assert item_services.item_delete(item=item(quiz, "wh")) is False
    assert not Item.objects.filter(kind="wh").exists()


def test_a_retry_takes_the_newest_version_of_each_wrong_item():
    quiz = make_quiz(make_teacher())
    attempt = finished_attempt(quiz, "Ada", {"wh": ["Putin"]})
    old = item(quiz, "wh")
    change = edit(old, prompt="Wen traf Wang in Moskau?")
    retry = attempt_services.attempt_retry_wrong(attempt=attempt)
    assert change.item.pk in retry.item_ids and old.pk not in retry.item_ids


def test_questions_are_shuffled_per_attempt_and_stay_so():
    quiz = make_quiz(make_teacher())
    for n in range(6):
        item_services.item_create(quiz=quiz, section="question", kind="wh", prompt=f"Frage {n}?", answer="Moskau",
                                  by_teacher=True)
    orders = {tuple(attempt_services.attempt_start(quiz=quiz, learner_name=f"L{n}").item_ids) for n in range(6)}
    assert len(orders) > 1  # 8 questions: six learners in the same order would be 1 in 40320**5
    cloze = list(quiz.current_items.filter(section="cloze").order_by("position").values_list("pk", flat=True))
    assert all(list(order[:3]) == cloze for order in orders)  # the gaps keep the text's order


def test_a_teachers_own_item_is_checked_like_an_edit():
    quiz = make_quiz(make_teacher())
    with pytest.raises(QuizRefused, match="three underscores"):
        item_services.item_create(quiz=quiz, section="cloze", kind="open", prompt="Ohne Lücke.", answer="x",
                                  by_teacher=True)
    own = item_services.item_create(quiz=quiz, section="question", kind="truefalse", by_teacher=True,
                                    prompt="Wang Yi besuchte Moskau.", answer="richtig")
    assert own.options == ["richtig", "falsch"] and own.by_teacher


class TestPages:
    def test_generate_again_asks_first_and_says_what_stays(self, client):
        teacher = make_teacher()
        quiz = make_quiz(teacher)
        finished_attempt(quiz, "Ada", {"open": ["Außenminister"]})
        client.force_login(teacher)
        response = client.post(reverse("quizzes:generate", args=[quiz.pk]), {"level": "B1", "cloze:open": 2})
        html = response.content.decode()
        assert response.status_code == 200 and "Generate again?" in html
        assert "5 items are replaced." in html and "1 of them has answers" in html
        assert 'name="confirmed" value="yes"' in html and 'name="cloze:open" value="2"' in html
        assert quiz.jobs.count() == 0

    def test_results_page_offers_count_as_right_and_the_score_follows(self, client):
        teacher = make_teacher()
        quiz = make_quiz(teacher)
        attempt = finished_attempt(quiz, "Ada", {"open": ["Minister"]})
        client.force_login(teacher)
        page = client.get(reverse("quizzes:results", args=[quiz.pk])).content.decode()
        answer = Answer.objects.get()
        url = reverse("quizzes:answer_count", args=[quiz.pk, answer.pk])
        assert url in page and "Count as right" in page
        client.post(url, {"right": "1"})
        attempt.refresh_from_db()
        assert attempt.score == 1

    def test_another_teacher_cannot_count_an_answer(self, client):
        quiz = make_quiz(make_teacher())
        finished_attempt(quiz, "Ada", {"open": ["Minister"]})
        client.force_login(make_teacher("herr_other"))
        answer = Answer.objects.get()
        assert client.post(reverse("quizzes:answer_count", args=[quiz.pk, answer.pk]), {"right": "1"}).status_code == 404
        answer.refresh_from_db()
        assert not answer.correct

    def test_deleting_a_quiz_asks_first(self, client):
        teacher = make_teacher()
        quiz = make_quiz(teacher)
        client.force_login(teacher)
        asked = client.post(reverse("quizzes:delete", args=[quiz.pk]))
        assert "Delete this quiz?" in asked.content.decode() and quiz.__class__.objects.filter(pk=quiz.pk).exists()
        client.post(reverse("quizzes:delete", args=[quiz.pk]), {"confirmed": "yes"})
        assert not quiz.__class__.objects.filter(pk=quiz.pk).exists()
