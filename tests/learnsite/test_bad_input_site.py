"""Bad input on the site's pages: a clear message, status 422, and nothing stored half-way.

Every case is posted to the teacher's "new text" page (pasted, uploaded or as a web address)
and, where it is text, to the analysis page. Markup from the input must never come back
unescaped. Web addresses inside the network are refused before any connection is opened.
"""

from __future__ import annotations

import html
import socket
import threading
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from learnsite.quizzes.models import Item, Quiz
from quizgen.text.batch_sources import read_file_source
from tests.learnsite.quiz_factories import make_teacher
from tests.quizgen.test_bad_input_matrix import CASES, FIRST_PARAGRAPH, Case, _binary_bytes

pytestmark = pytest.mark.django_db

RAW_SCRIPT = "<script>alert"
STRAY_TAG = '<img src=x onerror="alert(1)">'
# What each refused case's message must say (the page may add nothing else).
REFUSAL_WORDS = {
    "empty": "exactly one way",
    "whitespace only": "text is empty",
    "1 MB of text": "limit is",
    "English": "looks like English",
    "Russian": "looks like Russian",
    "HTML with script": "HTML source",
    "binary renamed .txt": "binary file",
}
TEXT_CASES = [case for case in CASES if isinstance(case.text, str)]


@pytest.fixture
def teacher_client(client, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast logins, many cases
    client.force_login(make_teacher())
    return client


def _rows() -> tuple[int, int]:
    return Quiz.objects.count(), Item.objects.count()


def _page(response) -> str:
    return html.unescape(response.content.decode())


def _assert_refused(response, before: tuple[int, int], says: str) -> None:
    assert response.status_code == 422, response.status_code
    assert says in _page(response), _page(response)[:2000]
    assert RAW_SCRIPT not in response.content.decode()
    assert _rows() == before, "a refused input left rows behind"


@pytest.mark.parametrize("case", TEXT_CASES, ids=[c.name for c in TEXT_CASES])
def test_pasted_text_is_refused_with_a_reason_or_saved_cleaned(teacher_client, case: Case) -> None:
    before = _rows()
    response = teacher_client.post(reverse("quizzes:new"), {"title": "", "text": case.text})
    if case.refused_with is None or case.analysable:  # no article is saved and analysed; make_pack refuses it
        assert response.status_code == 302, _page(response)[:2000]
        quiz = Quiz.objects.get()
        assert quiz.text and quiz.title and "\u00ad" not in quiz.text and "\u200b" not in quiz.text
        review = teacher_client.get(response["Location"])
        assert review.status_code == 200 and quiz.text.split()[0] in _page(review)
    else:
        _assert_refused(response, before, REFUSAL_WORDS[case.name])


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_an_uploaded_txt_file_is_refused_with_a_reason_or_saved(teacher_client, case: Case) -> None:
    data = case.text if isinstance(case.text, bytes) else case.text.encode("utf-8")
    before = _rows()
    response = teacher_client.post(reverse("quizzes:new"),
                                   {"file": SimpleUploadedFile("artikel.txt", data, content_type="text/plain")})
    if case.refused_with is None or case.analysable:  # no article is saved and analysed; make_pack refuses it
        assert response.status_code == 302, _page(response)[:2000]
        assert Quiz.objects.get().title == "artikel"
    elif case.name == "1 MB of text":
        # Over the upload cap: refused by size before it is read as text.
        _assert_refused(response, before, "larger than")
    elif case.name == "empty":
        # An empty upload is no upload to the form: it asks for the text in one way.
        _assert_refused(response, before, "exactly one way")
    else:
        _assert_refused(response, before, REFUSAL_WORDS[case.name])


@pytest.mark.parametrize("case", TEXT_CASES, ids=[c.name for c in TEXT_CASES])
def test_the_analysis_page_refuses_with_a_reason_or_analyses(client, case: Case, settings) -> None:
    settings.QUIZGEN_ANALYSIS_MAX_CHARS = 20_000
    response = client.post(reverse("lessons:analyse"), {"text": case.text})
    page = _page(response)
    assert RAW_SCRIPT not in response.content.decode()
    if case.refused_with is None or case.analysable:  # no article is saved and analysed; make_pack refuses it
        assert response.status_code == 200
        assert FIRST_PARAGRAPH.split()[0] in page or case.text.split()[0] in page
    else:
        says = {"empty": "text is empty", "1 MB of text": "limit is"}.get(case.name, REFUSAL_WORDS[case.name])
        assert response.status_code == 422 and says in page, page[:2000]


def test_a_binary_file_without_nul_bytes_is_refused_too(teacher_client) -> None:
    # Control bytes that Windows-1252 decodes: no NUL, still not text.
    data = bytes(b for b in _binary_bytes() if b != 0 and b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D))
    before = _rows()
    response = teacher_client.post(reverse("quizzes:new"),
                                   {"file": SimpleUploadedFile("foto.txt", data, content_type="text/plain")})
    _assert_refused(response, before, "not text")


def test_an_uploaded_html_page_loses_its_scripts(teacher_client) -> None:
    page = (f"<html><head><title>Moskau</title><script>alert('head')</script></head><body><article>"
            f"<p>{FIRST_PARAGRAPH}</p><script>alert('body')</script></article></body></html>")
    response = teacher_client.post(reverse("quizzes:new"),
                                   {"file": SimpleUploadedFile("seite.html", page.encode(), content_type="text/html")})
    assert response.status_code == 302
    quiz = Quiz.objects.get()
    assert "alert" not in quiz.text and FIRST_PARAGRAPH[:40] in quiz.text
    assert RAW_SCRIPT not in teacher_client.get(response["Location"]).content.decode()


def test_an_uploaded_page_gives_the_text_and_title_the_command_line_reads(teacher_client, tmp_path) -> None:
    # The headline is the title, not the first paragraph; paragraphs are kept apart; an old
    # editor's Windows-1252 is read as such (the site once extracted and decoded on its own).
    page = ("<html><head><title>Hafen wächst</title></head><body><article><h1>Hafen wächst</h1>"
            "<p>Der Hamburger Hafen schlägt mehr Container um als im Vorjahr.</p>"
            "<p>Im Sommer kommen neue Schiffe.</p></article></body></html>").encode("cp1252")
    response = teacher_client.post(reverse("quizzes:new"),
                                   {"file": SimpleUploadedFile("hafen.html", page, content_type="text/html")})
    assert response.status_code == 302, _page(response)[:2000]
    (tmp_path / "hafen.html").write_bytes(page)
    command_line = read_file_source(tmp_path / "hafen.html")
    quiz = Quiz.objects.get()
    assert (quiz.text, quiz.title) == (command_line.text, command_line.title)
    assert quiz.title == "Hafen wächst" and quiz.text.startswith("Der Hamburger Hafen")
    assert "Vorjahr.\n\nIm Sommer" in quiz.text


def test_a_stray_tag_in_a_text_is_kept_as_text_and_shown_escaped(teacher_client, client) -> None:
    text = f"{FIRST_PARAGRAPH} {STRAY_TAG}"
    response = teacher_client.post(reverse("quizzes:new"), {"text": text})
    assert response.status_code == 302
    review = teacher_client.get(response["Location"]).content.decode()
    assert STRAY_TAG not in review and html.escape(STRAY_TAG) in review
    analysis = client.post(reverse("lessons:analyse"), {"text": text}).content.decode()
    assert STRAY_TAG not in analysis


@pytest.fixture
def no_connections(monkeypatch):
    """Fail the test if anything opens a network connection."""

    def refuse(*args, **kwargs):
        pytest.fail(f"a connection was opened: {args}")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)


@pytest.mark.parametrize("url", ["http://127.0.0.1/artikel", "http://10.0.0.1/artikel", "https://10.0.0.1:8443/x"])
def test_addresses_inside_the_network_are_refused_before_connecting(teacher_client, no_connections, url) -> None:
    before = _rows()
    response = teacher_client.post(reverse("quizzes:new"), {"url": url})
    _assert_refused(response, before, "public web addresses")


@pytest.fixture
def silent_server():
    """A TCP server that accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/artikel"
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    server.close()


def test_a_page_that_never_answers_times_out_with_a_message(teacher_client, silent_server) -> None:
    before = _rows()
    started = time.monotonic()
    with override_settings(QUIZGEN_FETCH_ALLOW_PRIVATE=True, QUIZGEN_FETCH_TIMEOUT=1):
        response = teacher_client.post(reverse("quizzes:new"), {"url": silent_server})
    assert time.monotonic() - started < 5
    _assert_refused(response, before, "could not be fetched in time")


def test_a_utf16_text_file_from_a_windows_editor_is_read_as_text(teacher_client) -> None:
    data = FIRST_PARAGRAPH.encode("utf-16")  # with its byte order mark, as Notepad saves "Unicode"
    response = teacher_client.post(reverse("quizzes:new"),
                                   {"file": SimpleUploadedFile("artikel.txt", data, content_type="text/plain")})
    assert response.status_code == 302, _page(response)[:2000]
    assert Quiz.objects.get().text == FIRST_PARAGRAPH.strip()
