"""Export downloads: teachers get every format of their own quiz, learners the Anki deck and CSV."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.urls import reverse

from learnsite.quizzes.services.pack_items import pack_summary
from tests.learnsite.quiz_factories import make_quiz, make_teacher
from tests.quizgen.export_packs import moskau_pack

pytestmark = pytest.mark.django_db


def _generated_quiz(teacher, *, published=True):
    quiz = make_quiz(teacher, published=published)
    quiz.pack = pack_summary(moskau_pack())
    quiz.save()
    return quiz


def test_the_teacher_downloads_a_moodle_file_with_the_edited_items(client):
    teacher = make_teacher()
    quiz = _generated_quiz(teacher)
    client.force_login(teacher)
    response = client.get(reverse("quizzes:download", args=[quiz.pk, "moodle"]))
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    xml = response.content.decode("utf-8")
    assert "Mit wem hatte Wang ein Gespräch?" in xml and "Außenminister" in xml


def test_the_teacher_downloads_an_anki_deck(client):
    teacher = make_teacher()
    quiz = _generated_quiz(teacher)
    client.force_login(teacher)
    response = client.get(reverse("quizzes:download", args=[quiz.pk, "apkg"]))
    assert response.status_code == 200
    assert "collection.anki2" in zipfile.ZipFile(io.BytesIO(response.content)).namelist()


def test_another_teacher_gets_404_for_the_download(client):
    quiz = _generated_quiz(make_teacher())
    client.force_login(make_teacher("herr_other"))
    assert client.get(reverse("quizzes:download", args=[quiz.pk, "pdf"])).status_code == 404


def test_a_learner_gets_the_anki_deck_but_not_the_answer_key(client):
    quiz = _generated_quiz(make_teacher())
    ok = client.get(reverse("quizzes:learner_download", args=[quiz.share_token, "apkg"]))
    assert ok.status_code == 200
    for fmt in ("pdf", "moodle", "gift", "json"):
        assert client.get(reverse("quizzes:learner_download", args=[quiz.share_token, fmt])).status_code == 404


def test_an_ungenerated_quiz_explains_that_it_must_be_generated_first(client):
    teacher = make_teacher()
    quiz = make_quiz(teacher)
    client.force_login(teacher)
    response = client.get(reverse("quizzes:download", args=[quiz.pk, "json"]))
    assert response.status_code == 422 and "generate" in response.content.decode()


def test_the_vocabulary_csv_has_no_cell_a_spreadsheet_runs_as_a_formula(client):
    import csv

    from tests.quizgen.exports.test_csv_cells import HOSTILE, hostile_pack

    quiz = make_quiz(make_teacher())
    quiz.pack = pack_summary(hostile_pack())
    quiz.save()
    response = client.get(reverse("quizzes:vocabulary_csv", args=[quiz.share_token]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))[1:]
    assert len(rows) == len(HOSTILE)
    assert [row[0] for row in rows] == ["'" + text for text in HOSTILE]
    assert not [cell for row in rows for cell in row if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]


def _deck_notes(content: bytes) -> dict[str, list[str]]:
    """The notes of an .apkg by note type: "vocabulary", "cloze", "question" -> their first fields."""
    import sqlite3
    import tempfile
    from pathlib import Path

    from quizgen.exports.anki_models import CLOZE_MODEL, QUESTION_MODEL, VOCABULARY_MODEL

    families = {VOCABULARY_MODEL.model_id: "vocabulary", CLOZE_MODEL.model_id: "cloze",
                QUESTION_MODEL.model_id: "question"}
    notes: dict[str, list[str]] = {"vocabulary": [], "cloze": [], "question": []}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "collection.anki2"
        path.write_bytes(zipfile.ZipFile(io.BytesIO(content)).read("collection.anki2"))
        connection = sqlite3.connect(path)
        for mid, fields in connection.execute("select mid, flds from notes"):
            notes[families[mid]].append(fields.split("\x1f")[0])
        connection.close()
    return notes


def _finish(client, quiz, answers: dict[str, str]):
    from learnsite.quizzes.models import Attempt
    from tests.learnsite.quiz_factories import item

    client.post(reverse("quizzes:start", args=[quiz.share_token]), {"name": "Ada"})
    attempt = Attempt.objects.filter(quiz=quiz).latest("id")
    for kind, given in answers.items():
        client.post(reverse("quizzes:answer", args=[quiz.share_token, attempt.pk, item(quiz, kind).pk]),
                    {"gap_0": given})
    return attempt


def test_the_learners_deck_has_no_answers_before_they_finish_only_the_vocabulary(client):
    quiz = _generated_quiz(make_teacher())
    anonymous = _deck_notes(client.get(reverse("quizzes:learner_download", args=[quiz.share_token, "apkg"])).content)
    assert anonymous["vocabulary"] and anonymous["cloze"] == [] and anonymous["question"] == []
    attempt = _finish(client, quiz, {"open": "Außenminister", "wh": "Lawrow"})
    url = reverse("quizzes:attempt_download", args=[quiz.share_token, attempt.pk, "apkg"])
    unfinished = _deck_notes(client.get(url).content)
    assert unfinished["cloze"] == [] and unfinished["question"] == []
    client.post(reverse("quizzes:finish", args=[quiz.share_token, attempt.pk]), {"confirmed": "yes"})
    finished = _deck_notes(client.get(url).content)
    assert len(finished["cloze"]) == 1 and "{{c1::Außenminister}}" in finished["cloze"][0]
    assert len(finished["question"]) == 1 and finished["vocabulary"] == anonymous["vocabulary"]
    result = client.get(reverse("quizzes:result", args=[quiz.share_token, attempt.pk])).content.decode()
    assert url in result


def test_another_browser_cannot_take_an_attempts_deck(client):
    from django.test import Client

    quiz = _generated_quiz(make_teacher())
    attempt = _finish(client, quiz, {"open": "Außenminister"})
    client.post(reverse("quizzes:finish", args=[quiz.share_token, attempt.pk]), {"confirmed": "yes"})
    url = reverse("quizzes:attempt_download", args=[quiz.share_token, attempt.pk, "apkg"])
    assert Client().get(url).status_code == 403  # "started in another browser": the page says how to go on


def test_the_teacher_can_give_learners_every_card_before_they_finish(client):
    from django.test import Client

    teacher = make_teacher()
    quiz = _generated_quiz(teacher)
    client.force_login(teacher)
    client.post(reverse("quizzes:answer_cards", args=[quiz.pk]), {"allowed": "1"})
    deck = _deck_notes(Client().get(reverse("quizzes:learner_download", args=[quiz.share_token, "apkg"])).content)
    assert len(deck["cloze"]) + len(deck["question"]) == quiz.items.count()
    client.post(reverse("quizzes:answer_cards", args=[quiz.pk]), {"allowed": "0"})
    deck = _deck_notes(Client().get(reverse("quizzes:learner_download", args=[quiz.share_token, "apkg"])).content)
    assert deck["cloze"] == deck["question"] == []
    other = Client()
    other.force_login(make_teacher("herr_other"))
    assert other.post(reverse("quizzes:answer_cards", args=[quiz.pk]), {"allowed": "1"}).status_code == 404
