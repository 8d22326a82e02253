"""Classes: a learner joins once with a name, comes back on another device with a personal code;
results show one row per learner with the best and latest attempt; CSV/XLSX exports match (issue 14)."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse

from learnsite.quizzes.models import Attempt, Learner
from learnsite.quizzes.refusals import QuizRefused
from learnsite.quizzes.results import learner_rows
from learnsite.quizzes.services import attempts as attempt_services
from learnsite.quizzes.services import classes as class_services
from learnsite.quizzes.services import quizzes as quiz_services
from learnsite.quizzes.services.results_export import quiz_results_file
from tests.learnsite.quiz_factories import item, make_quiz, make_teacher

pytestmark = pytest.mark.django_db


@pytest.fixture
def class_quiz():
    teacher = make_teacher()
    quiz = make_quiz(teacher)
    school_class = class_services.class_create(teacher=teacher, name="7b")
    quiz_services.quiz_assign_class(quiz=quiz, school_class=school_class)
    return quiz


def join(client: Client, quiz, name: str):
    return client.post(reverse("quizzes:start", args=[quiz.share_token]), {"join": "1", "name": name})


def test_a_learner_joins_once_and_starts_at_once_the_next_time(client, class_quiz):
    response = join(client, class_quiz, "Ada Brandt")
    learner = Learner.objects.get()
    attempt = Attempt.objects.get()
    assert attempt.learner == learner and response["Location"].endswith(f"/a/{attempt.pk}/read/")
    page = client.get(reverse("quizzes:start", args=[class_quiz.share_token])).content.decode()
    assert "Start as Ada Brandt" in page and 'name="join"' not in page
    # starting again carries on with the unfinished attempt: one row, not two
    client.post(reverse("quizzes:start", args=[class_quiz.share_token]))
    assert Attempt.objects.count() == 1


def test_a_name_taken_in_the_class_is_refused_with_the_way_back(client, class_quiz):
    join(client, class_quiz, "Ada")
    response = join(Client(), class_quiz, " ada ")
    assert response.status_code == 422 and "already joined as" in response.content.decode()
    assert Learner.objects.count() == 1


def test_the_personal_code_brings_a_learner_back_on_another_device(client, class_quiz):
    join(client, class_quiz, "Ada")
    learner = Learner.objects.get()
    attempt = Attempt.objects.get()
    phone = Client()
    take = reverse("quizzes:take", args=[class_quiz.share_token, attempt.pk])
    assert phone.get(take).status_code == 403  # another device: says what to do
    code = learner.shown_code.lower()  # typed as read, in any case, with the dash
    response = phone.post(reverse("quizzes:code"), {"code": code})
    assert response["Location"] == reverse("quizzes:class_home", args=[class_quiz.school_class.code])
    assert phone.get(take).status_code == 200
    home = phone.get(response["Location"]).content.decode()
    assert "Hello, Ada!" in home and class_quiz.title in home


def test_a_class_quiz_needs_the_class(client, class_quiz):
    with pytest.raises(QuizRefused, match="Join the class first"):
        attempt_services.attempt_start(quiz=class_quiz, learner_name="Ada")
    response = client.post(reverse("quizzes:start", args=[class_quiz.share_token]), {"name": "Ada"})
    assert 'name="join"' in response.content.decode() and not Attempt.objects.exists()


def test_the_class_code_opens_the_class_page(client, class_quiz):
    response = client.post(reverse("quizzes:code"), {"code": class_quiz.school_class.code})
    assert response["Location"] == reverse("quizzes:class_home", args=[class_quiz.school_class.code])
    page = client.get(response["Location"]).content.decode()
    assert "Class 7b" in page and 'name="join"' in page


def test_one_row_per_learner_with_best_and_latest(class_quiz):
    school_class = class_quiz.school_class
    ada = class_services.learner_join(school_class=school_class, name="Ada")
    first = attempt_services.attempt_start(quiz=class_quiz, learner=ada)
    attempt_services.answer_submit(attempt=first, item=item(class_quiz, "open"), given=["Außenminister"])
    attempt_services.answer_submit(attempt=first, item=item(class_quiz, "wh"), given=["Lawrow"])
    attempt_services.attempt_finish(attempt=first)
    second = attempt_services.attempt_start(quiz=class_quiz, learner=ada)
    assert second.pk != first.pk
    attempt_services.answer_submit(attempt=second, item=item(class_quiz, "open"), given=["Außenminister"])
    attempt_services.attempt_finish(attempt=second)
    (row,) = learner_rows(quiz=class_quiz)
    assert row.name == "Ada" and len(row.attempts) == 2
    assert row.best.attempt == first and row.latest.attempt == second


def test_the_results_csv_has_the_numbers_of_the_page(client, class_quiz):
    for name, given in [("Ada", "Außenminister"), ("Bo", "Minister"), ("=HYPERLINK(\"x\")", "Außenminister")]:
        learner = class_services.learner_join(school_class=class_quiz.school_class, name=name)
        attempt = attempt_services.attempt_start(quiz=class_quiz, learner=learner)
        attempt_services.answer_submit(attempt=attempt, item=item(class_quiz, "open"), given=[given])
        attempt_services.attempt_finish(attempt=attempt)
    client.force_login(class_quiz.teacher)
    _name, content, _type = quiz_results_file(quiz=class_quiz, table="learners", fmt="csv")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0][:6] == ["learner", "class", "attempts", "best score", "items", "best %"]
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["Ada"][3:6] == ["1", "5", "20"] and by_name["Bo"][3:6] == ["0", "5", "0"]
    assert "'=HYPERLINK(\"x\")" in by_name  # a name is text in a spreadsheet, never a formula
    page = client.get(reverse("quizzes:results", args=[class_quiz.pk])).content.decode()
    assert "1 / 5" in page and "0 / 5" in page
    items = client.get(reverse("quizzes:results_export", args=[class_quiz.pk, "items", "csv"]))
    item_rows = list(csv.reader(io.StringIO(items.content.decode("utf-8-sig"))))
    open_row = next(r for r in item_rows if r[2].startswith("Bei einem Gespräch"))
    assert open_row[0] == "1" and open_row[4:7] == ["3", "2", "67"]


def test_the_results_xlsx_opens_with_three_sheets(client, class_quiz):
    from openpyxl import load_workbook

    learner = class_services.learner_join(school_class=class_quiz.school_class, name="=1+1")
    attempt_services.attempt_finish(attempt=attempt_services.attempt_start(quiz=class_quiz, learner=learner))
    client.force_login(class_quiz.teacher)
    response = client.get(reverse("quizzes:results_export", args=[class_quiz.pk, "all", "xlsx"]))
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Learners", "Items", "Answers"]
    assert book["Learners"]["A2"].value == "=1+1" and book["Learners"]["A2"].data_type == "s"


def test_the_class_page_and_exports_are_the_teachers_own(client, class_quiz):
    client.force_login(make_teacher("herr_other"))
    school_class = class_quiz.school_class
    assert client.get(reverse("quizzes:class_detail", args=[school_class.pk])).status_code == 404
    assert client.get(reverse("quizzes:class_export", args=[school_class.pk, "csv"])).status_code == 404
    assert client.get(reverse("quizzes:results_export", args=[class_quiz.pk, "learners", "csv"])).status_code == 404


def test_the_class_page_shows_the_qr_code_and_the_table(client, class_quiz):
    ada = class_services.learner_join(school_class=class_quiz.school_class, name="Ada")
    attempt_services.attempt_finish(attempt=attempt_services.attempt_start(quiz=class_quiz, learner=ada))
    client.force_login(class_quiz.teacher)
    page = client.get(reverse("quizzes:class_detail", args=[class_quiz.school_class.pk])).content.decode()
    assert "0 / 5" in page and "data-copy=" in page
    qr = client.get(reverse("quizzes:class_qr", args=[class_quiz.school_class.pk]))
    assert qr["Content-Type"] == "image/svg+xml" and b"<svg" in qr.content


def test_a_class_name_is_unique_per_teacher(class_quiz):
    with pytest.raises(QuizRefused, match="already have a class"):
        class_services.class_create(teacher=class_quiz.teacher, name="7b")


def test_deleting_a_class_keeps_the_results_under_the_names(client, class_quiz):
    ada = class_services.learner_join(school_class=class_quiz.school_class, name="Ada")
    attempt_services.attempt_finish(attempt=attempt_services.attempt_start(quiz=class_quiz, learner=ada))
    client.force_login(class_quiz.teacher)
    url = reverse("quizzes:class_delete", args=[class_quiz.school_class.pk])
    assert "Delete this class?" in client.post(url).content.decode()
    client.post(url, {"confirmed": "yes"})
    class_quiz.refresh_from_db()
    assert class_quiz.school_class is None
    assert [row.name for row in learner_rows(quiz=class_quiz)] == ["Ada"]
