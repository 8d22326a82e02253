"""Batch import on the site and with manage.py import_articles: bad articles are skipped and reported."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from learnsite.quizzes.models import GenerationJob, ImportBatch, Quiz
from tests.learnsite.quiz_factories import make_teacher

pytestmark = pytest.mark.django_db

GERMAN_1 = ("Die Stadt Kelsbach baut eine neue Straßenbahnlinie. Der Bürgermeister kündigte das Projekt am Montag an. "
            "Die Bahn soll im Jahr 2028 fahren. Viele Bürger freuen sich auf die neue Verbindung.")
GERMAN_2 = ("Im Hafen von Kelsbach hat ein großes Schiff angelegt. Die Mannschaft brachte Obst und Gemüse in die Stadt. "
            "Die Händler verkauften die Waren am Mittwoch auf dem Markt. Viele Kunden kamen schon am Morgen.")


ENGLISH = "The city is building a new tram line. The mayor announced the project on Monday. It should run in 2028."


def test_the_site_imports_files_urls_and_a_csv_skipping_the_bad_ones_with_reasons(client):
    teacher = make_teacher()
    client.force_login(teacher)
    csv = ("title;text;level\n"
           f"Hafen;{GERMAN_2};A2\n"
           f"Kaputt;{GERMAN_2};Z9\n").encode()
    response = client.post(reverse("quizzes:batch_new"), {
        "files": [SimpleUploadedFile("bahn.txt", GERMAN_1.encode()), SimpleUploadedFile("tram.txt", ENGLISH.encode()),
                  SimpleUploadedFile("bild.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)],
        "urls": "http://10.0.0.1/artikel\n# a comment\n",
        "csv": SimpleUploadedFile("artikel.csv", csv),
        "level": "B1",
    })
    batch = ImportBatch.objects.get(teacher=teacher)
    assert response.status_code == 302 and response["Location"] == reverse("quizzes:batch", kwargs={"batch_id": batch.pk})

    quizzes = {q.title: q for q in Quiz.objects.filter(teacher=teacher)}
    assert len(quizzes) == 2 and "Hafen" in quizzes
    assert [q.text for q in quizzes.values() if q.title != "Hafen"] == [GERMAN_1]
    states = {job.quiz.title: (job.state, job.level) for job in batch.jobs.all()}
    assert all(state == GenerationJob.State.DONE for state, _ in states.values()), [j.message for j in batch.jobs.all()]
    assert states["Hafen"][1] == "A2", "a CSV row's own level wins"
    assert all(q.items.exists() for q in quizzes.values())

    reasons = {entry["name"]: entry["reason"] for entry in batch.skipped}
    assert "English" in reasons["tram.txt"]
    assert "binary" in reasons["bild.txt"]
    assert any("public web addresses" in r for n, r in reasons.items() if "web addresses" in n), reasons
    assert any("Z9" in r or "level" in r for n, r in reasons.items() if "artikel.csv" in n), reasons
    assert len(batch.skipped) == 4

    page = client.get(response["Location"]).content.decode()
    assert "2 of 2 quizzes generated" in page and "4 articles skipped" in page and "http-equiv=\"refresh\"" not in page
    assert "tram.txt" in page
    status = client.get(reverse("quizzes:batch_status", kwargs={"batch_id": batch.pk})).json()
    assert status["done"] == 2 and status["finished"] and status["skipped"] == 4

    client.force_login(make_teacher("herr_schmidt"))
    assert client.get(response["Location"]).status_code == 404


def test_an_empty_import_is_refused_with_a_message_and_stores_nothing(client):
    client.force_login(make_teacher())
    response = client.post(reverse("quizzes:batch_new"), {"urls": "  \n", "level": "B1"})
    assert response.status_code == 422
    assert "Give the articles" in response.content.decode()
    response = client.post(reverse("quizzes:batch_new"), {"urls": "# only a comment\n", "level": "B1"})
    assert response.status_code == 422 and "No articles were given" in response.content.decode()
    assert not ImportBatch.objects.exists() and not Quiz.objects.exists()


@pytest.mark.parametrize("limit", ["QUIZGEN_BATCH_MAX_ARTICLES", "QUIZGEN_BATCH_MAX_IN_REQUEST"])
def test_the_batch_limit_skips_the_articles_over_it(client, settings, limit):
    """Without workers the site's limit is the smaller one: the whole batch runs in one request."""
    setattr(settings, limit, 1)
    client.force_login(make_teacher())
    assert "At most 1 article at a time." in client.get(reverse("quizzes:batch_new")).content.decode()
    client.post(reverse("quizzes:batch_new"), {
        "files": [SimpleUploadedFile("a.txt", GERMAN_1.encode()), SimpleUploadedFile("b.txt", GERMAN_2.encode())],
        "level": "B1"})
    batch = ImportBatch.objects.get()
    assert batch.jobs.count() == 1
    assert "second batch" in batch.skipped[0]["reason"] and batch.skipped[0]["name"] == "b.txt"


def test_the_management_command_imports_files_and_reports_the_bad_one(tmp_path, capsys):
    teacher = make_teacher()
    (tmp_path / "bahn.txt").write_text(GERMAN_1, encoding="utf-8")
    (tmp_path / "hafen.txt").write_text(GERMAN_2, encoding="utf-8")
    (tmp_path / "tram.txt").write_text(ENGLISH, encoding="utf-8")
    with pytest.raises(CommandError, match="1 of 3 articles did not become quizzes") as raised:
        call_command("import_articles", str(tmp_path / "bahn.txt"), str(tmp_path / "tram.txt"),
                     str(tmp_path / "hafen.txt"), teacher="frau_lehmann", level="B2", verbosity=0)
    assert raised.value.returncode == 1
    out = capsys.readouterr().out
    assert "2 quizzes (2 generated, 0 failed" in out and "1 articles skipped" in out
    assert "tram.txt" in out and "English" in out
    assert Quiz.objects.filter(teacher=teacher, level="B2").count() == 2


def test_the_management_command_says_what_is_missing():
    with pytest.raises(CommandError, match="no user 'niemand'"):
        call_command("import_articles", "x.txt", teacher="niemand")
    make_teacher()
    with pytest.raises(CommandError, match="Give the articles"):
        call_command("import_articles", teacher="frau_lehmann")


def test_wait_says_what_it_waits_for_and_times_out_with_exit_code_3(tmp_path, capsys, settings, monkeypatch):
    """With workers that never come (the broker is the outside world here): --wait --timeout gives up."""
    from learnsite.quizzes.management.commands import import_articles
    from learnsite.quizzes.services import jobs

    settings.CELERY_BROKER_URL = "redis://127.0.0.1:9/0"
    monkeypatch.setattr(jobs, "_send", lambda job_id: None)
    monkeypatch.setattr(import_articles, "NO_WORKER_AFTER", 0)
    make_teacher()
    (tmp_path / "bahn.txt").write_text(GERMAN_1, encoding="utf-8")
    (tmp_path / "hafen.txt").write_text(GERMAN_2, encoding="utf-8")
    with pytest.raises(CommandError, match="Timed out after 2 s with 2 generations still to do") as raised:
        call_command("import_articles", str(tmp_path / "bahn.txt"), str(tmp_path / "hafen.txt"),
                     teacher="frau_lehmann", wait=True, timeout=2)
    assert raised.value.returncode == 3
    out = capsys.readouterr().out
    assert "Waiting for the 2 generations of batch" in out and "(at most 2 s)" in out
    assert "0 of 2 finished; 2 waiting for a worker" in out
    assert "No worker has taken a job" in out and "Gave up after 2 s (--timeout)" in out


def test_wait_names_the_running_and_the_stalled_jobs(settings):
    from learnsite.quizzes.management.commands.import_articles import Command
    from learnsite.quizzes import selectors
    from learnsite.quizzes.services.quizzes import quiz_create_draft

    teacher = make_teacher()
    batch = ImportBatch.objects.create(teacher=teacher, level="B1", counts={})
    for title, state, step, silent in (("Bahn", "running", "analysis", 5), ("Hafen", "running", "cloze", 500),
                                       ("Markt", "queued", "", 0), ("Fest", "done", "saving", 0)):
        quiz = quiz_create_draft(teacher=teacher, title=title, text=GERMAN_1)
        job = GenerationJob.objects.create(teacher=teacher, quiz=quiz, batch=batch, level="B1", counts={},
                                           state=state, step=step, progress=40, attempts=1)
        GenerationJob.objects.filter(pk=job.pk).update(updated=timezone.now() - timedelta(seconds=silent))
    latest = selectors.batch_jobs(batch=batch)
    line = Command._left(latest, selectors.batch_progress(batch=batch, jobs=latest))
    bahn, hafen = (j.pk for j in latest[:2])
    assert line.startswith(f"1 of 4 finished; 1 running (job {bahn} 'Bahn': analysing the text 40 %, run 1); "
                           "1 waiting for a worker; 1 stalled (job ")
    assert f"job {hafen} 'Hafen': no sign of its worker for 50" in line
    assert f"queues them again after {settings.QUIZGEN_JOB_STALLED_AFTER} s)" in line


def test_timeout_without_wait_and_an_unknown_teacher_are_usage_errors(tmp_path):
    with pytest.raises(CommandError) as raised:
        call_command("import_articles", "x.txt", teacher="niemand")
    assert raised.value.returncode == 2
    make_teacher()
    with pytest.raises(CommandError, match="--timeout is for --wait") as raised:
        call_command("import_articles", "x.txt", teacher="frau_lehmann", timeout=5)
    assert raised.value.returncode == 2


def test_a_10kgnad_csv_whose_first_row_is_unquoted_is_taken_on_the_site(client, monkeypatch):
    """Regression (issue 14): such a file was refused on the site with a message naming a command-line flag."""
    from learnsite.quizzes.services import batch_import

    taken = []
    monkeypatch.setattr(batch_import, "batch_create", lambda **kw: taken.extend(kw["sources"]) or ImportBatch.objects.create(
        teacher=kw["teacher"]))
    client.force_login(make_teacher())
    csv = f"Inland;{GERMAN_1}\nPanorama;'{GERMAN_2}'\n".encode()
    response = client.post(reverse("quizzes:batch_new"), {"csv": SimpleUploadedFile("gnad.csv", csv), "level": "B1",
                                                          "csv_format": "auto"})
    assert response.status_code == 302
    assert [s.text for s in taken] == [GERMAN_1, GERMAN_2]


def test_a_csv_of_no_known_format_is_explained_without_a_command_line_flag(client):
    client.force_login(make_teacher())
    csv = f"{GERMAN_1}\n{GERMAN_2}\n".encode()
    response = client.post(reverse("quizzes:batch_new"), {"csv": SimpleUploadedFile("x.csv", csv), "level": "B1"})
    html = response.content.decode()
    assert response.status_code == 422 and "choose “10kGNAD” as the CSV format" in html
    assert "--csv-format" not in html


def test_a_csv_over_the_row_or_size_limit_is_refused_with_the_limit_and_the_form_states_both(client, settings):
    client.force_login(make_teacher())
    page = client.get(reverse("quizzes:batch_new")).content.decode()
    assert "At most 1,000 rows and 5,000 KB" in page
    rows = "title,text,level\n" + "".join(f"t,x,Z{i % 10}\n" for i in range(8000))  # the probe's 8,000 bad rows
    response = client.post(reverse("quizzes:batch_new"), {
        "level": "B1", "csv": SimpleUploadedFile("artikel.csv", rows.encode("utf-8"), content_type="text/csv")})
    assert response.status_code == 422 and "more than 1,000 rows" in response.content.decode()
    settings.QUIZGEN_CSV_MAX_BYTES = 10_000
    response = client.post(reverse("quizzes:batch_new"), {
        "level": "B1", "csv": SimpleUploadedFile("artikel.csv", rows.encode("utf-8"), content_type="text/csv")})
    assert response.status_code == 422 and "larger than 10 KB" in response.content.decode()
    assert not ImportBatch.objects.exists() and not Quiz.objects.exists()
