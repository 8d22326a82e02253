"""Learner pages: join by code, start with a name, read, answer with and without JavaScript, finish, retry."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from learnsite.quizzes.models import Answer, Attempt
from tests.learnsite.quiz_factories import item, make_quiz, make_teacher

pytestmark = pytest.mark.django_db


@pytest.fixture
def quiz():
    return make_quiz(make_teacher())


def start(client: Client, quiz, name: str = "Ada") -> Attempt:
    response = client.post(reverse("quizzes:start", args=[quiz.share_token]), {"name": name})
    assert response.status_code == 302
    return Attempt.objects.filter(learner_name=name).latest("id")


def answer_url(quiz, attempt, target):
    return reverse("quizzes:answer", args=[quiz.share_token, attempt.pk, target.pk])


def test_the_class_code_leads_to_the_quiz(client, quiz):
    response = client.post(reverse("quizzes:code"), {"code": quiz.class_code.lower()})
    assert response["Location"] == reverse("quizzes:start", args=[quiz.share_token])


def test_an_unknown_class_code_is_explained(client, quiz):
    response = client.post(reverse("quizzes:code"), {"code": "ZZZZZZ"})
    assert response.status_code == 422 and "No class or quiz has this code" in response.content.decode()


def test_a_learner_needs_only_a_name_and_reads_first(client, quiz):
    response = client.post(reverse("quizzes:start", args=[quiz.share_token]), {"name": "Ada"})
    attempt = Attempt.objects.get()
    assert response["Location"] == reverse("quizzes:read", args=[quiz.share_token, attempt.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Kurz vor dem ersten Jahrestag" in page  # the reading view


def test_the_gaps_stand_beside_the_gapped_text_never_the_full_text_and_the_questions(client, quiz):
    attempt = start(client, quiz)
    gaps = client.get(reverse("quizzes:take", args=[quiz.share_token, attempt.pk])).content.decode()
    # the gapped text (issue 12): the article with every gap in place, no gap's sentence in full
    assert 'for="gap-' in gaps and 'class="gap-ref"' in gaps and "Kurz vor dem ersten Jahrestag" in gaps
    assert "russischen Außenminister Sergej Lawrow" not in gaps  # the open gap's sentence
    assert "Mit wem hatte Wang ein Gespräch?" not in gaps
    questions = client.get(reverse("quizzes:questions", args=[quiz.share_token, attempt.pk])).content.decode()
    assert "Mit wem hatte Wang ein Gespräch?" in questions and "Kurz vor dem ersten Jahrestag" in questions


def test_without_javascript_an_answer_posts_and_the_page_shows_the_feedback(client, quiz):
    attempt = start(client, quiz)
    response = client.post(answer_url(quiz, attempt, item(quiz, "open")), {"gap_0": "Aussenminister"})
    assert response.status_code == 302 and response["Location"].endswith(f"#item-{item(quiz, 'open').pk}")
    page = client.get(response["Location"]).content.decode()
    assert "Right!" in page and "With ß it is spelled: Außenminister" in page


def test_with_javascript_the_answer_comes_back_as_json_with_the_evidence(client, quiz):
    attempt = start(client, quiz)
    response = client.post(answer_url(quiz, attempt, item(quiz, "wh")), {"gap_0": "Putin"},
                           HTTP_ACCEPT="application/json")
    data = response.json()
    assert data["correct"] is False and data["answered"] == 1
    assert "mit dem russischen Außenminister Sergej Lawrow" in data["html"]
    assert "<mark>mit dem russischen Außenminister Sergej Lawrow</mark>" in data["html"]


def test_a_tampered_item_id_from_another_quiz_is_refused(client, quiz):
    other = make_quiz(quiz.teacher)
    attempt = start(client, quiz)
    response = client.post(answer_url(quiz, attempt, item(other, "open")), {"gap_0": "Außenminister"})
    assert response.status_code == 404 and not Answer.objects.exists()


def test_an_attempt_from_another_browser_is_refused_with_a_page_that_says_what_to_do(client, quiz):
    """Regression (issue 14): an attempt opened on another device showed Django's debug 404 page."""
    attempt = start(client, quiz)
    stranger = Client()
    response = stranger.post(answer_url(quiz, attempt, item(quiz, "open")), {"gap_0": "Außenminister"})
    assert response.status_code == 403 and not Answer.objects.exists()
    page = stranger.get(reverse("quizzes:take", args=[quiz.share_token, attempt.pk]))
    assert page.status_code == 403 and "started in another browser" in page.content.decode()
    assert reverse("quizzes:start", args=[quiz.share_token]) in page.content.decode()


def test_an_attempt_claimed_under_another_quizs_link_is_refused(client, quiz):
    other = make_quiz(quiz.teacher)
    attempt = start(client, quiz)
    url = reverse("quizzes:answer", args=[other.share_token, attempt.pk, item(quiz, "open").pk])
    assert client.post(url, {"gap_0": "x"}).status_code == 404


def test_answers_need_the_csrf_token():
    quiz = make_quiz(make_teacher())
    strict = Client(enforce_csrf_checks=True)
    page = strict.get(reverse("quizzes:start", args=[quiz.share_token]))
    assert page.status_code == 200
    assert strict.post(reverse("quizzes:start", args=[quiz.share_token]), {"name": "Ada"}).status_code == 403


def test_an_empty_answer_is_explained_not_recorded(client, quiz):
    attempt = start(client, quiz)
    response = client.post(answer_url(quiz, attempt, item(quiz, "open")), {"gap_0": ""}, HTTP_ACCEPT="application/json")
    assert response.status_code == 422 and "answer first" in response.json()["error"]


def test_finish_shows_the_score_and_retry_offers_only_the_wrong_items(client, quiz):
    attempt = start(client, quiz)
    client.post(answer_url(quiz, attempt, item(quiz, "open")), {"gap_0": "Außenminister"})
    client.post(answer_url(quiz, attempt, item(quiz, "truefalse")), {"gap_0": "falsch"})
    response = client.post(reverse("quizzes:finish", args=[quiz.share_token, attempt.pk]), {"confirmed": "yes"},
                           follow=True)
    html = response.content.decode()
    assert '<p class="score" id="score"><strong>1</strong> / 5</p>' in html
    retry = client.post(reverse("quizzes:retry", args=[quiz.share_token, attempt.pk]))
    new = Attempt.objects.latest("id")
    assert retry["Location"] == reverse("quizzes:take", args=[quiz.share_token, new.pk])
    assert item(quiz, "open").pk not in new.item_ids and len(new.item_ids) == 4


def test_finishing_with_unanswered_items_asks_first(client, quiz):
    """Regression (issue 14): finishing with unanswered items gave no warning."""
    attempt = start(client, quiz)
    client.post(answer_url(quiz, attempt, item(quiz, "open")), {"gap_0": "Außenminister"})
    response = client.post(reverse("quizzes:finish", args=[quiz.share_token, attempt.pk]))
    attempt.refresh_from_db()
    assert response.status_code == 200 and attempt.finished is None
    assert "4 items are not answered yet" in response.content.decode()
    client.post(reverse("quizzes:finish", args=[quiz.share_token, attempt.pk]), {"confirmed": "yes"})
    attempt.refresh_from_db()
    assert attempt.finished is not None and attempt.score == 1


def test_the_name_field_is_focused(client, quiz):
    """Regression (issue 14): the name field was not focused."""
    page = client.get(reverse("quizzes:start", args=[quiz.share_token])).content.decode()
    assert 'name="name"' in page and "autofocus" in page.split('name="name"', 1)[1].split(">", 1)[0]


def test_answered_fields_leave_the_tab_order(client, quiz):
    """Regression (issue 14): answered inputs stayed in the tab order."""
    attempt = start(client, quiz)
    client.post(answer_url(quiz, attempt, item(quiz, "open")), {"gap_0": "Außenminister"})
    page = client.get(reverse("quizzes:take", args=[quiz.share_token, attempt.pk])).content.decode()
    answered = page.split(f'id="gap-{item(quiz, "open").pk}-0"', 1)[1].split(">", 1)[0]
    assert 'tabindex="-1"' in answered and "readonly" in answered


def test_the_learner_name_is_escaped(client, quiz):
    attempt = start(client, quiz, name="<script>alert(1)</script>")
    html = client.get(reverse("quizzes:take", args=[quiz.share_token, attempt.pk])).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html


def test_the_vocabulary_downloads_as_csv(client, quiz):
    quiz.pack = {"vocabulary": [{"display": "die Partnerschaft", "plural": "die Partnerschaften", "pos": "NOUN",
                                 "gloss": "partnership", "cefr": "B1", "example": "ihrer **Partnerschaft** voran"}]}
    quiz.save()
    response = client.get(reverse("quizzes:vocabulary_csv", args=[quiz.share_token]))
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert "die Partnerschaft,die Partnerschaften,NOUN,partnership,B1,ihrer Partnerschaft voran" in text


def test_an_unpublished_quiz_says_it_is_closed(client, quiz):
    quiz.status = "draft"
    quiz.save()
    response = client.get(reverse("quizzes:start", args=[quiz.share_token]))
    assert response.status_code == 410 and "not open" in response.content.decode()
    assert client.get(reverse("quizzes:vocabulary_csv", args=[quiz.share_token])).status_code == 404


def test_options_stand_in_an_order_of_the_learners_own_with_the_right_one_anywhere(client, quiz):
    from learnsite.quizzes.feedback import option_positions, take_item

    choice = item(quiz, "choice")
    positions = []
    for name in ("Ada", "Ben", "Cem", "Dora", "Eva", "Finn"):
        attempt = start(client, quiz, name)
        position = option_positions(attempt, [choice])[choice.pk]
        shown = [o for o, _label in take_item(choice, 1, None, attempt=attempt, position=position).options]
        again = [o for o, _label in take_item(choice, 1, None, attempt=attempt, position=position).options]
        assert shown == again and sorted(shown) == sorted(choice.options)
        positions.append(shown.index(choice.answer))
    assert len(set(positions)) > 1  # not always in the same place


KEY_AND_ONE_MORE = [
    {"display": "die Partnerschaft", "plural": "die Partnerschaften", "pos": "NOUN", "gloss": "partnership",
     "cefr": "B2", "example": "ihrer **Partnerschaft** voran", "key": True, "key_score": 4.5},
    {"display": "der Mittwoch", "plural": "die Mittwoche", "pos": "NOUN", "gloss": "Wednesday", "cefr": "A1",
     "example": "am **Mittwoch**", "key": False, "key_score": 0.1},
]


def test_the_learners_word_list_shows_the_key_words_and_all_words_one_click_away(client, quiz):
    quiz.pack = {"vocabulary": KEY_AND_ONE_MORE}
    quiz.save()
    html = client.get(reverse("quizzes:words", args=[quiz.share_token])).content.decode()
    assert "die Partnerschaft" in html and "partnership" in html and "der Mittwoch" not in html
    assert "?words=all" in html
    html = client.get(reverse("quizzes:words", args=[quiz.share_token]) + "?words=all").content.decode()
    assert "die Partnerschaft" in html and "der Mittwoch" in html


def test_the_csv_and_the_deck_hold_the_key_words_unless_all_are_asked_for(client, quiz):
    quiz.pack = {"vocabulary": KEY_AND_ONE_MORE}
    quiz.save()
    url = reverse("quizzes:vocabulary_csv", args=[quiz.share_token])
    assert "Mittwoch" not in client.get(url).content.decode("utf-8-sig")
    assert "Mittwoch" in client.get(url + "?words=all").content.decode("utf-8-sig")


def test_an_overlong_answer_is_refused_with_a_message_and_not_stored(client, quiz, settings):
    attempt = start(client, quiz)
    target = item(quiz, "wh")
    response = client.post(answer_url(quiz, attempt, target), {"gap_0": "Lawrow " * 300})
    assert response.status_code == 422 and "longer than 500 characters" in response.content.decode()
    data = client.post(answer_url(quiz, attempt, target), {"gap_0": "x" * 2_000_000},
                       HTTP_ACCEPT="application/json").json()
    assert "longer than" in data["error"] and not Answer.objects.filter(attempt=attempt).exists()
    assert client.post(answer_url(quiz, attempt, target), {"gap_0": "Lawrow"}).status_code == 302
