"""Teacher control: rename, duplicate, whole titles shortened only for display, the teacher's own
items, sharing with a copy button and a QR code, and the smaller defects of the review pages (issue 14)."""

from __future__ import annotations

import dataclasses

import pytest
from django.urls import reverse

from learnsite.quizzes.models import Quiz
from learnsite.quizzes.services import quizzes as quiz_services
from learnsite.quizzes.services.pack_items import pack_summary
from learnsite.quizzes.titles import shorten
from tests.learnsite.quiz_factories import SEED, compile_german_catalog, item, make_quiz, make_teacher
from tests.quizgen.export_packs import moskau_pack

pytestmark = pytest.mark.django_db

LONG_FIRST_LINE = ("Mit einem gemeinsamen Manöver im Pazifik und neuen Verträgen über Gas und Waffen "
                   "treiben Russland und China eine immer engere Partnerschaft voran")


@pytest.fixture
def teacher_client(client):
    teacher = make_teacher()
    client.force_login(teacher)
    client.teacher = teacher
    return client


def test_a_title_from_the_first_line_is_stored_whole_and_shortened_at_a_word_for_display(teacher_client):
    """Regression (issue 14): the automatic title was cut mid-word at 80 characters ("... China eine")."""
    quiz = quiz_services.quiz_create_draft(teacher=teacher_client.teacher, title="",
                                           text=LONG_FIRST_LINE + "\n\n" + SEED.read_text(encoding="utf-8"))
    assert quiz.title == LONG_FIRST_LINE
    short = shorten(quiz.title)
    assert short.endswith("…") and len(short) <= 70 and LONG_FIRST_LINE.startswith(short[:-1])
    assert LONG_FIRST_LINE[len(short) - 1] == " "  # cut at a word boundary
    listing = teacher_client.get(reverse("quizzes:list")).content.decode()
    assert short in listing and f'title="{quiz.title}"' in listing


def test_the_exports_carry_the_title_as_renamed(teacher_client):
    quiz = make_quiz(teacher_client.teacher)
    quiz.pack = pack_summary(dataclasses.replace(moskau_pack(), title="Alter Titel"))
    quiz.save()
    teacher_client.post(reverse("quizzes:rename", args=[quiz.pk]), {"title": "Wang Yi in Moskau"})
    quiz.refresh_from_db()
    assert quiz.title == "Wang Yi in Moskau"
    gift = teacher_client.get(reverse("quizzes:download", args=[quiz.pk, "gift"])).content.decode()
    assert "Wang Yi in Moskau" in gift and "Alter Titel" not in gift


def test_duplicate_makes_a_draft_copy_with_the_items_and_no_results(teacher_client):
    quiz = make_quiz(teacher_client.teacher)
    response = teacher_client.post(reverse("quizzes:duplicate", args=[quiz.pk]))
    copy = Quiz.objects.exclude(pk=quiz.pk).get()
    assert response["Location"] == reverse("quizzes:review", args=[copy.pk])
    assert copy.title == "Moskau-Besuch (copy)" and not copy.is_published and copy.share_token != quiz.share_token
    assert copy.current_items.count() == 5 and not copy.attempts.exists()


def test_a_teacher_writes_an_item_of_their_own(teacher_client):
    quiz = make_quiz(teacher_client.teacher)
    url = reverse("quizzes:item_new", args=[quiz.pk])
    assert 'name="kind"' in teacher_client.get(url).content.decode()
    refused = teacher_client.post(url, {"kind": "cloze:open", "prompt": "Ohne Lücke", "answer": "Moskau"})
    assert refused.status_code == 422 and "three underscores" in refused.content.decode()
    teacher_client.post(url, {"kind": "question:choice", "prompt": "Wer besuchte Moskau?", "answer": "Wang Yi",
                              "options": "Wang Yi\nXi Jinping\nSergej Lawrow"})
    own = quiz.current_items.get(by_teacher=True)
    assert own.kind == "choice" and own.options == ["Wang Yi", "Xi Jinping", "Sergej Lawrow"]
    review = teacher_client.get(reverse("quizzes:review", args=[quiz.pk])).content.decode()
    assert "your own" in review and "Wer besuchte Moskau?" in review


def test_the_share_panel_has_a_copy_button_and_a_qr_code(teacher_client):
    quiz = make_quiz(teacher_client.teacher)
    page = teacher_client.get(reverse("quizzes:review", args=[quiz.pk])).content.decode()
    share_url = "http://testserver" + reverse("quizzes:start", args=[quiz.share_token])
    assert f'data-copy="{share_url}"' in page and reverse("quizzes:qr", args=[quiz.pk]) in page
    qr = teacher_client.get(reverse("quizzes:qr", args=[quiz.pk]))
    assert qr["Content-Type"] == "image/svg+xml" and share_url.encode() in qr.content


def test_the_two_csv_downloads_say_how_they_differ(teacher_client):
    """Regression (issue 14): two CSV buttons with no hint how they differ."""
    quiz = make_quiz(teacher_client.teacher)
    quiz.pack = {"vocabulary": [], "sentences": []}
    quiz.save()
    page = teacher_client.get(reverse("quizzes:review", args=[quiz.pk])).content.decode()
    assert "Vocabulary list (CSV)" in page and "for a spreadsheet or a word list" in page
    assert "Anki cards (CSV)" in page and "for importing into Anki or Quizlet" in page


def test_the_figures_note_is_german_in_the_german_interface(teacher_client):
    """Regression (issue 14): the note under the text figures was English in the German interface."""
    compile_german_catalog()
    quiz = make_quiz(teacher_client.teacher)
    quiz.pack = {"text_level": {"cefr": "B2", "words": 300, "sentences": 20, "amstad": 50.0, "wiener": 9.0,
                                "share_above_level": 0.3, "method": "Amstad reading ease and Wiener (English)"}}
    quiz.save()
    page = teacher_client.get(reverse("quizzes:review", args=[quiz.pk]), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Quelle der Werte" in page and "(English)" not in page


def test_the_options_box_shows_every_option(teacher_client):
    """Regression (issue 14): the edit form's options box cut off the fourth option."""
    quiz = make_quiz(teacher_client.teacher)
    choice = item(quiz, "choice")
    choice.options = ["kündigte", "kündigen", "kündigt", "gekündigt", "kündigten"]
    choice.save()
    page = teacher_client.get(reverse("quizzes:item_edit", args=[quiz.pk, choice.pk])).content.decode()
    options = page.split('name="options"', 1)[0].rsplit("<textarea", 1)[1] + page.split('name="options"', 1)[1][:80]
    assert 'rows="6"' in options


def test_a_web_address_without_a_scheme_is_taken_as_https(teacher_client, monkeypatch):
    """Regression (issue 14): the URL field demanded "https://"."""
    from learnsite.quizzes.services import text_sources

    seen = []

    def fetch(url):
        seen.append(url)
        return text_sources.FetchedText(text=SEED.read_text(encoding="utf-8"), title="Moskau", source=url)

    monkeypatch.setattr(text_sources, "text_from_url", fetch)
    page = teacher_client.get(reverse("quizzes:new")).content.decode()
    assert 'type="url"' not in page  # the browser would refuse www.example.org before the server sees it
    teacher_client.post(reverse("quizzes:new"), {"url": "www.tagesschau.de/ausland/moskau-100.html"})
    assert seen == ["https://www.tagesschau.de/ausland/moskau-100.html"]


@pytest.mark.parametrize("name", ["bahn.docx", "bahn.pdf"])
def test_a_pdf_or_word_file_is_taken_as_the_text(teacher_client, name):
    """Regression (issue 14): no PDF or DOCX upload."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.quizgen.text.test_documents import PARAGRAPH_1, make_docx, make_pdf

    data = make_pdf() if name.endswith(".pdf") else make_docx()
    response = teacher_client.post(reverse("quizzes:new"), {"file": SimpleUploadedFile(name, data)})
    quiz = Quiz.objects.get()
    assert response.status_code == 302 and PARAGRAPH_1 in quiz.text and quiz.title == "Neue Bahn für Kelsbach"
