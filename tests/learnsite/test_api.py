"""The JSON API end to end over HTTP with a teacher's key (issue 14): a quiz from text, its job, the
pack JSON and the Anki deck, the results; another teacher's key gets 404; the same refusals and
limits as the pages; the OpenAPI schema at /api/openapi.json."""

from __future__ import annotations

import io
import json
import urllib.error
import urllib.request
import zipfile

import pytest
from django.test import Client

from learnsite.quizzes.models import Answer, ApiToken, GenerationRun, Quiz
from learnsite.quizzes.services import api_tokens
from learnsite.quizzes.services import attempts as attempt_services
from tests.learnsite.quiz_factories import SEED, item, make_quiz, make_teacher


def call(url: str, key: str | None, method: str = "GET", body: object = None) -> tuple[int, bytes, dict]:
    """One HTTP request as a script would send it; (status, body, headers)."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    if key:
        request.add_header("Authorization", f"Bearer {key}")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=300) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_script_makes_a_quiz_follows_the_job_downloads_and_reads_results(live_server):
    base = f"{live_server.url}/api"
    teacher = make_teacher()
    _token, key = api_tokens.api_token_create(teacher=teacher, name="school Moodle")

    status, body, _ = call(f"{base}/quizzes", key, "POST", {"text": SEED.read_text(encoding="utf-8"),
                                                            "level": "B1", "counts": {"cloze:open": 3,
                                                                                      "question:wh": 3}})
    assert status == 201, body
    created = json.loads(body)
    quiz_id, job_id = created["quiz"]["id"], created["job"]["id"]
    assert created["quiz"]["title"].startswith("Kurz vor dem ersten Jahrestag")

    for _ in range(600):  # without workers the job has finished already; with them, follow it
        status, body, _ = call(f"{base}/jobs/{job_id}", key)
        job = json.loads(body)
        if job["finished"]:
            break
    assert job["state"] == "done" and job["items_made"] > 0, job

    status, body, headers = call(f"{base}/quizzes/{quiz_id}/exports/json", key)
    pack = json.loads(body)
    assert status == 200 and pack["title"] == created["quiz"]["title"] and pack["vocabulary"]
    assert {q["kind"] for q in pack["questions"]} == {"wh"}
    status, body, headers = call(f"{base}/quizzes/{quiz_id}/exports/apkg", key)
    assert status == 200 and "collection.anki2" in zipfile.ZipFile(io.BytesIO(body)).namelist()

    status, body, _ = call(f"{base}/quizzes/{quiz_id}/publish", key, "POST")
    assert status == 200 and json.loads(body)["status"] == "published"
    quiz = Quiz.objects.get(pk=quiz_id)
    attempt = attempt_services.attempt_start(quiz=quiz, learner_name="Ada")
    first = quiz.current_items.get(pk=attempt.item_ids[0])
    attempt_services.answer_submit(attempt=attempt, item=first, given=first.gap_answers)
    attempt_services.attempt_finish(attempt=attempt)
    status, body, _ = call(f"{base}/quizzes/{quiz_id}/results", key)
    results = json.loads(body)
    (ada,) = results["learners"]
    assert ada["name"] == "Ada" and ada["best"]["score"] == 1 and ada["best"]["total"] == quiz.current_items.count()
    assert sum(r["answered"] for r in results["items"]) == 1
    status, body, _ = call(f"{base}/quizzes/{quiz_id}/results/learners.csv", key)
    assert status == 200 and "Ada" in body.decode("utf-8-sig")

    # Another teacher's key: the quiz does not exist for them.
    _other, other_key = api_tokens.api_token_create(teacher=make_teacher("herr_other"), name="mine")
    for url in (f"{base}/quizzes/{quiz_id}", f"{base}/jobs/{job_id}", f"{base}/quizzes/{quiz_id}/results",
                f"{base}/quizzes/{quiz_id}/exports/json"):
        assert call(url, other_key)[0] == 404, url
    assert call(f"{base}/quizzes/{quiz_id}", other_key, "DELETE")[0] == 404
    assert call(f"{base}/quizzes/{quiz_id}", None)[0] == 401
    assert call(f"{base}/quizzes/{quiz_id}", "qg_not-a-key")[0] == 401


@pytest.fixture
def api_client():
    teacher = make_teacher()
    _token, key = api_tokens.api_token_create(teacher=teacher, name="script")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    client.teacher = teacher
    return client


@pytest.mark.django_db
def test_the_openapi_schema_is_served_and_names_every_call(client):
    schema = client.get("/api/openapi.json").json()
    paths = set(schema["paths"])
    assert {"/api/quizzes", "/api/quizzes/upload", "/api/jobs/{job_id}", "/api/quizzes/{quiz_id}/items",
            "/api/quizzes/{quiz_id}/results", "/api/quizzes/{quiz_id}/exports/{fmt}", "/api/classes"} <= paths
    assert schema["components"]["securitySchemes"]["TeacherKey"]["scheme"] == "bearer"
    docs = client.get("/api/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in docs and "cdn" not in docs  # offline, no inline script


@pytest.mark.django_db
def test_the_api_refuses_as_the_pages_do(api_client, settings):
    english = "The city is building a new tram line. The mayor announced the project on Monday."
    response = api_client.post("/api/quizzes", {"text": english}, content_type="application/json")
    assert response.status_code == 422 and "English" in response.json()["detail"]
    response = api_client.post("/api/quizzes", {"text": "x", "url": "https://example.org"},
                               content_type="application/json")
    assert response.status_code == 422 and "exactly one way" in response.json()["detail"]
    response = api_client.post("/api/quizzes", {"url": "http://127.0.0.1/secret"}, content_type="application/json")
    assert response.status_code == 422 and "public web addresses" in response.json()["detail"]
    settings.QUIZGEN_MAX_CHARS = 1_000
    response = api_client.post("/api/quizzes", {"text": SEED.read_text(encoding="utf-8")},
                               content_type="application/json")
    assert response.status_code == 422 and response.json()["code"] == "text_too_long"
    assert not Quiz.objects.exists()


@pytest.mark.django_db
def test_the_hourly_limit_holds_for_the_api_too(api_client, settings):
    settings.QUIZGEN_GENERATIONS_PER_HOUR = 1
    quiz = make_quiz(api_client.teacher, published=False)
    GenerationRun.objects.create(teacher=api_client.teacher, quiz=quiz)
    response = api_client.post(f"/api/quizzes/{quiz.pk}/generate", {"replace": True, "counts": {"cloze:open": 1}},
                               content_type="application/json")
    assert response.status_code == 429 and "limit per account" in response.json()["detail"]


@pytest.mark.django_db
def test_replacing_items_needs_replace_true(api_client):
    quiz = make_quiz(api_client.teacher)
    response = api_client.post(f"/api/quizzes/{quiz.pk}/generate", {"counts": {"cloze:open": 1}},
                               content_type="application/json")
    assert response.status_code == 409 and "replace: true" in response.json()["detail"]
    assert quiz.jobs.count() == 0


@pytest.mark.django_db
def test_items_are_read_written_and_answered_items_keep_their_results(api_client):
    quiz = make_quiz(api_client.teacher)
    attempt = attempt_services.attempt_start(quiz=quiz, learner_name="Ada")
    attempt_services.answer_submit(attempt=attempt, item=item(quiz, "wh"), given=["der Außenminister Lawrow"])
    attempt_services.attempt_finish(attempt=attempt)
    items = api_client.get(f"/api/quizzes/{quiz.pk}/items").json()
    assert [i["number"] for i in items] == ["1", "2", "3", "4", "5"]
    wh = item(quiz, "wh")
    change = api_client.patch(f"/api/quizzes/{quiz.pk}/items/{wh.pk}",
                              {"accepted": ["Lawrow", "der Außenminister Lawrow"]},
                              content_type="application/json").json()
    assert change["rechecked"] == 1 and change["now_right"] == 1 and not change["new_version"]
    change = api_client.patch(f"/api/quizzes/{quiz.pk}/items/{wh.pk}", {"prompt": "Wen traf Wang?"},
                              content_type="application/json").json()
    assert change["new_version"] and change["item"]["id"] != wh.pk
    own = api_client.post(f"/api/quizzes/{quiz.pk}/items", {"kind": "question:truefalse", "answer": "richtig",
                                                           "prompt": "Wang Yi war in Moskau."},
                          content_type="application/json")
    assert own.status_code == 201 and own.json()["options"] == ["richtig", "falsch"] and own.json()["by_teacher"]
    answer = Answer.objects.get()
    counted = api_client.post(f"/api/quizzes/{quiz.pk}/answers/{answer.pk}/count?right=false").json()
    assert counted == {"correct": True, "attempt_score": 1}  # the check now says right anyway


@pytest.mark.django_db
def test_a_word_file_upload_makes_a_quiz(api_client):
    from tests.quizgen.text.test_documents import PARAGRAPH_1, make_docx

    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("bahn.docx", make_docx())
    response = api_client.post("/api/quizzes/upload", {"file": upload, "generate": "false"})
    assert response.status_code == 201, response.content
    quiz = Quiz.objects.get(pk=response.json()["quiz"]["id"])
    assert PARAGRAPH_1 in quiz.text and response.json()["job"] is None


@pytest.mark.django_db
def test_only_the_keys_hash_is_stored(api_client):
    token = ApiToken.objects.get()
    assert token.prefix.startswith("qg_") and len(token.key_hash) == 64
    assert token.key_hash not in api_client.defaults["HTTP_AUTHORIZATION"]


@pytest.mark.django_db
def test_a_teacher_makes_a_key_sees_it_once_and_revokes_it(client):
    from django.urls import reverse

    teacher = make_teacher()
    client.force_login(teacher)
    page = client.post(reverse("quizzes:api_keys"), {"name": "Moodle"}).content.decode()
    key = page.split('<code id="new-key">', 1)[1].split("<", 1)[0]
    assert key.startswith("qg_")
    assert key not in client.get(reverse("quizzes:api_keys")).content.decode()  # shown once
    assert Client(HTTP_AUTHORIZATION=f"Bearer {key}").get("/api/quizzes").status_code == 200
    token = ApiToken.objects.get()
    client.post(reverse("quizzes:api_key_revoke", args=[token.pk]), {"confirmed": "yes"})
    assert Client(HTTP_AUTHORIZATION=f"Bearer {key}").get("/api/quizzes").status_code == 401
