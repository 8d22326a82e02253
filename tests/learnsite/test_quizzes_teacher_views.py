"""Teacher pages: new text (paste, upload, URL), review, edit, reorder, publish, results, 404s."""

from __future__ import annotations

import http.server
import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from learnsite.quizzes.models import GenerationRun, Quiz
from learnsite.quizzes.services import attempts as attempt_services
from learnsite.quizzes.services import quizzes as services
from tests.learnsite.quiz_factories import SEED, item, make_quiz, make_teacher

pytestmark = pytest.mark.django_db


@pytest.fixture
def teacher_client(client):
    teacher = make_teacher()
    client.force_login(teacher)
    client.teacher = teacher
    return client


def test_the_quiz_pages_ask_for_a_login(client):
    response = client.get(reverse("quizzes:list"))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_pasting_a_text_saves_it_and_leads_to_the_review_page(teacher_client):
    response = teacher_client.post(reverse("quizzes:new"), {"title": "Moskau", "text": SEED.read_text()})
    quiz = Quiz.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("quizzes:review", args=[quiz.pk])
    page = teacher_client.get(response["Location"])
    assert "Wladimir Putin" in page.content.decode() and quiz.teacher == teacher_client.teacher


def test_giving_the_text_in_two_ways_is_refused(teacher_client):
    upload = SimpleUploadedFile("a.txt", "Der Hund schläft im Garten.".encode())
    response = teacher_client.post(reverse("quizzes:new"), {"text": "Der Hund schläft.", "file": upload})
    assert response.status_code == 422 and "exactly one way" in response.content.decode()
    assert not Quiz.objects.exists()


def test_a_text_file_can_be_uploaded(teacher_client):
    upload = SimpleUploadedFile("moskau-besuch.txt", SEED.read_bytes(), content_type="text/plain")
    teacher_client.post(reverse("quizzes:new"), {"file": upload})
    quiz = Quiz.objects.get()
    assert quiz.title == "moskau-besuch" and quiz.text.startswith("Kurz vor dem ersten Jahrestag")


def test_an_html_file_is_reduced_to_its_article_text(teacher_client):
    paragraphs = "".join(f"<p>{p}</p>" for p in SEED.read_text().split("\n\n"))
    html = (f"<html><head><title>Moskau-Besuch</title></head><body><nav>Startseite Politik Sport</nav>"
            f"<article>{paragraphs}</article><footer>Impressum</footer></body></html>")
    upload = SimpleUploadedFile("seite.html", html.encode(), content_type="text/html")
    teacher_client.post(reverse("quizzes:new"), {"file": upload})
    quiz = Quiz.objects.get()
    assert "Wladimir Putin" in quiz.text and "Impressum" not in quiz.text


def test_other_file_types_are_refused_with_a_reason(teacher_client):
    upload = SimpleUploadedFile("artikel.xlsx", b"PK\x03\x04 ...", content_type="application/vnd.ms-excel")
    response = teacher_client.post(reverse("quizzes:new"), {"file": upload})
    assert response.status_code == 422 and ".txt, .md, .html, .pdf or .docx" in response.content.decode()
    broken = SimpleUploadedFile("artikel.pdf", b"%PDF-1.4 ...", content_type="application/pdf")
    response = teacher_client.post(reverse("quizzes:new"), {"file": broken})
    assert response.status_code == 422 and "could not be read as a PDF" in response.content.decode()


def test_a_url_on_a_loopback_address_is_not_fetched(teacher_client):
    response = teacher_client.post(reverse("quizzes:new"), {"url": "http://127.0.0.1:9/artikel"})
    assert response.status_code == 422 and "public web addresses" in response.content.decode()


@pytest.mark.parametrize("url", ["http://localhost/x", "http://10.1.2.3/x", "http://169.254.169.254/latest",
                                 "http://[::1]/x"])
def test_private_and_link_local_addresses_are_refused(teacher_client, url):
    response = teacher_client.post(reverse("quizzes:new"), {"url": url})
    assert response.status_code == 422 and not Quiz.objects.exists()


@pytest.fixture
def article_server():
    body = ("<html><head><title>Moskau-Besuch</title></head><body><article>"
            + "".join(f"<p>{p}</p>" for p in SEED.read_text().split("\n\n")) + "</article></body></html>").encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            if self.path == "/weiter":
                self.send_response(302)
                self.send_header("Location", "/artikel")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_a_url_is_fetched_and_followed_when_private_hosts_are_allowed(teacher_client, article_server, settings):
    settings.QUIZGEN_FETCH_ALLOW_PRIVATE = True
    response = teacher_client.post(reverse("quizzes:new"), {"url": article_server + "/weiter"})
    assert response.status_code == 302
    quiz = Quiz.objects.get()
    assert "Wladimir Putin" in quiz.text and quiz.source.endswith("/weiter")


def test_a_page_over_the_size_cap_is_refused(teacher_client, article_server, settings):
    settings.QUIZGEN_FETCH_ALLOW_PRIVATE = True
    settings.QUIZGEN_FETCH_MAX_BYTES = 1000
    response = teacher_client.post(reverse("quizzes:new"), {"url": article_server + "/artikel"})
    assert response.status_code == 422 and "larger than" in response.content.decode()


@pytest.mark.parametrize("name", ["review", "results"])
def test_another_teachers_quiz_answers_404(teacher_client, name):
    foreign = make_quiz(make_teacher("herr_schmidt"))
    assert teacher_client.get(reverse(f"quizzes:{name}", args=[foreign.pk])).status_code == 404


@pytest.mark.parametrize("name", ["publish", "unpublish", "generate", "regenerate"])
def test_another_teachers_quiz_cannot_be_changed(teacher_client, name):
    foreign = make_quiz(make_teacher("herr_schmidt"))
    assert teacher_client.post(reverse(f"quizzes:{name}", args=[foreign.pk])).status_code == 404
    foreign.refresh_from_db()
    assert foreign.is_published


@pytest.mark.parametrize("name", ["item_edit", "item_delete", "item_move"])
def test_another_teachers_items_answer_404(teacher_client, name):
    foreign = make_quiz(make_teacher("herr_schmidt"))
    target = item(foreign, "wh")
    assert teacher_client.post(reverse(f"quizzes:{name}", args=[foreign.pk, target.pk]),
                               {"prompt": "x", "answer": "y"}).status_code == 404
    target.refresh_from_db()
    assert target.prompt == "Mit wem hatte Wang ein Gespräch?"


def test_an_item_reached_through_my_quiz_id_but_from_another_quiz_answers_404(teacher_client):
    mine = make_quiz(teacher_client.teacher)
    foreign = make_quiz(make_teacher("herr_schmidt"))
    url = reverse("quizzes:item_edit", args=[mine.pk, item(foreign, "wh").pk])
    assert teacher_client.get(url).status_code == 404


def test_the_review_page_shows_items_with_their_evidence_highlighted(teacher_client):
    quiz = make_quiz(teacher_client.teacher)
    html = teacher_client.get(reverse("quizzes:review", args=[quiz.pk])).content.decode()
    assert "<mark>Außenminister</mark>" in html and quiz.class_code in html and quiz.share_token in html


def test_editing_a_question_saves_it(teacher_client):
    quiz = make_quiz(teacher_client.teacher)
    wh = item(quiz, "wh")
    response = teacher_client.post(reverse("quizzes:item_edit", args=[quiz.pk, wh.pk]),
                                   {"prompt": "Wen traf Wang in Moskau?", "answer": "Sergej Lawrow",
                                    "accepted": "Lawrow\nden Außenminister", "options": "", "hint": ""})
    assert response.status_code == 302
    wh.refresh_from_db()
    assert wh.prompt == "Wen traf Wang in Moskau?" and wh.accepted == ["Lawrow", "den Außenminister"]


def test_an_invalid_edit_is_explained_and_not_saved(teacher_client):
    quiz = make_quiz(teacher_client.teacher)
    choice = item(quiz, "choice")
    response = teacher_client.post(reverse("quizzes:item_edit", args=[quiz.pk, choice.pk]),
                                   {"prompt": "Putin ___ an.", "answer": "sagte", "options": "kündigte\nkündigt"})
    assert response.status_code == 422 and "one of the options" in response.content.decode()


def test_delete_and_reorder(teacher_client):
    quiz = make_quiz(teacher_client.teacher)
    teacher_client.post(reverse("quizzes:item_move", args=[quiz.pk, item(quiz, "wordbank").pk]), {"direction": "up"})
    assert list(quiz.items.filter(section="cloze").values_list("kind", flat=True)) == ["open", "wordbank", "choice"]
    asked = teacher_client.post(reverse("quizzes:item_delete", args=[quiz.pk, item(quiz, "open").pk]))
    assert asked.status_code == 200 and "Delete this item?" in asked.content.decode()
    assert quiz.items.filter(kind="open").exists()  # delete asks first
    teacher_client.post(reverse("quizzes:item_delete", args=[quiz.pk, item(quiz, "open").pk]), {"confirmed": "yes"})
    assert not quiz.items.filter(kind="open").exists()


def test_publish_shows_link_and_code_and_unpublish_closes_the_quiz(teacher_client, client):
    quiz = make_quiz(teacher_client.teacher, published=False)
    teacher_client.post(reverse("quizzes:publish", args=[quiz.pk]))
    quiz.refresh_from_db()
    assert quiz.is_published
    teacher_client.post(reverse("quizzes:unpublish", args=[quiz.pk]))
    assert client.get(reverse("quizzes:start", args=[quiz.share_token])).status_code == 410


def test_generation_is_rate_limited_per_account_and_keeps_the_text(teacher_client, settings):
    settings.QUIZGEN_GENERATIONS_PER_HOUR = 2
    quiz = make_quiz(teacher_client.teacher, published=False)
    for _ in range(2):
        GenerationRun.objects.create(teacher=teacher_client.teacher, quiz=quiz)
    response = teacher_client.post(reverse("quizzes:generate", args=[quiz.pk]),
                                   {"level": "B1", "cloze:open": 2, "confirmed": "yes"}, follow=True)
    html = response.content.decode()
    assert "limit per account" in html and "Wladimir Putin" in html
    assert GenerationRun.objects.count() == 2 and quiz.items.count() == 5


def test_results_show_each_learner_and_the_common_wrong_answers(teacher_client):
    quiz = make_quiz(teacher_client.teacher)
    for name, given in [("<b>Ada</b>", "Berlin"), ("Bo", "berlin"), ("Cy", "Außenminister")]:
        attempt = attempt_services.attempt_start(quiz=quiz, learner_name=name)
        attempt_services.answer_submit(attempt=attempt, item=item(quiz, "open"), given=[given])
        attempt_services.attempt_finish(attempt=attempt)
    html = teacher_client.get(reverse("quizzes:results", args=[quiz.pk])).content.decode()
    assert "&lt;b&gt;Ada&lt;/b&gt;" in html and "<b>Ada</b>" not in html
    assert "33 %" in html and "berlin (2)" in html


def test_a_saved_article_becomes_a_draft_quiz_of_my_own(teacher_client):
    from learnsite.lessons.services import article_create

    article = article_create(title="Moskau-Besuch", text=SEED.read_text())
    page = teacher_client.get(reverse("lessons:article_detail", args=[article.pk])).content.decode()
    assert reverse("quizzes:from_article", args=[article.pk]) in page
    response = teacher_client.post(reverse("quizzes:from_article", args=[article.pk]))
    quiz = Quiz.objects.get()
    assert response["Location"] == reverse("quizzes:review", args=[quiz.pk])
    assert quiz.article == article and quiz.teacher == teacher_client.teacher and quiz.text == article.text.strip()


def test_a_text_generation_cannot_handle_is_explained_and_stays_saved(teacher_client):
    # A real input the pipeline refuses: the text is saved, generation answers with a reason.
    quiz = services.quiz_create_draft(teacher=teacher_client.teacher, title="kurz", text="Ja.")
    response = teacher_client.post(reverse("quizzes:generate", args=[quiz.pk]),
                                   {"level": "B1", "cloze:open": 2, "question:wh": 2}, follow=True)
    # "Ja." is no article (issue 11): the reason says so and what to paste instead
    assert "a lesson needs at least 3" in response.content.decode()
    quiz.refresh_from_db()
    assert quiz.text == "Ja."


def test_the_teacher_can_make_capitalisation_count_on_a_typed_item(teacher_client):
    quiz = make_quiz(teacher_client.teacher)
    gap = item(quiz, "open")
    teacher_client.post(reverse("quizzes:item_edit", args=[quiz.pk, gap.pk]),
                        {"prompt": gap.prompt, "answer": gap.answer, "case_matters": "on"})
    gap.refresh_from_db()
    assert gap.case_matters
    attempt = attempt_services.attempt_start(quiz=quiz, learner_name="Ada")
    answer = attempt_services.answer_submit(attempt=attempt, item=gap, given=["außenminister"])
    assert not answer.correct and answer.note == "capitalisation_matters"


def test_item_badges_name_the_kind_in_the_teachers_language(client):
    quiz = make_quiz(make_teacher("frau_weber"))
    client.force_login(quiz.teacher)
    page = client.get(reverse("quizzes:review", kwargs={"quiz_id": quiz.pk}), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Lückentext: Lücken tippen" in page and "Fragen: richtig oder falsch" in page
    assert "· open" not in page and "· truefalse" not in page
