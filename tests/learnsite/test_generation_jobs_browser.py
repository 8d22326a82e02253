"""The job page in headless Chromium: it follows the job by itself and opens the quiz when it is done.

The job's state is changed in the database as a worker would change it; the page is not reloaded.
Screenshots go to test-artifacts/screenshots/jobs/.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from learnsite.quizzes.models import GenerationJob
from learnsite.quizzes.services.quizzes import quiz_create_draft
from tests.learnsite.quiz_factories import make_teacher

# Playwright's sync API runs an event loop in this thread; the ORM calls here are plain sync code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots" / "jobs"
TEXT = ("Die Stadt Kelsbach baut eine neue Straßenbahnlinie. Der Bürgermeister kündigte das Projekt am Montag an. "
        "Die Bahn soll in drei Jahren fahren.")


def _login(context, live_server, user):
    """The teacher's session cookie, made as the test client's force_login makes it."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    return page


def test_the_job_page_follows_the_job_and_opens_the_quiz_when_done(live_server, browser):
    SHOTS.mkdir(parents=True, exist_ok=True)
    teacher = make_teacher()
    quiz = quiz_create_draft(teacher=teacher, title="Straßenbahn", text=TEXT)
    job = GenerationJob.objects.create(teacher=teacher, quiz=quiz, level="B1", counts={"cloze:open": 2})
    context = browser.new_context(viewport={"width": 1000, "height": 700}, locale="de-DE")
    page = _login(context, live_server, teacher)

    page.goto(f"{live_server.url}/jobs/{job.pk}/")
    assert page.text_content("#job-state") == "wartet"
    assert page.inner_text("#job-step") == "wartet auf einen Worker"

    GenerationJob.objects.filter(pk=job.pk).update(state="running", progress=40, step="cloze", attempts=1)
    from playwright.sync_api import expect

    # a locator that polls, not wait_for_function: the page's Content-Security-Policy forbids eval
    expect(page.locator("#job-step")).to_have_text("Lückentexte werden erstellt")
    assert page.get_attribute("#job-progress", "value") == "40"
    page.screenshot(path=str(SHOTS / "job-running.png"))

    GenerationJob.objects.filter(pk=job.pk).update(state="done", progress=100, message="Generated 2 items.")
    page.wait_for_url(re.compile(rf"/quizzes/{quiz.pk}/$"))
    context.close()


def test_a_failed_job_shows_its_reason_and_offers_to_run_it_again(live_server, browser):
    SHOTS.mkdir(parents=True, exist_ok=True)
    teacher = make_teacher()
    quiz = quiz_create_draft(teacher=teacher, title="Straßenbahn", text=TEXT)
    job = GenerationJob.objects.create(teacher=teacher, quiz=quiz, level="B1", counts={"cloze:open": 2},
                                       state="running", attempts=1, progress=10, step="analysis")
    context = browser.new_context(viewport={"width": 1000, "height": 700}, locale="en-GB")
    page = _login(context, live_server, teacher)
    page.goto(f"{live_server.url}/jobs/{job.pk}/")
    assert not page.is_visible("#job-rerun")

    GenerationJob.objects.filter(pk=job.pk).update(state="failed", message="Generation stopped 3 times before it "
                                                   "finished (the worker was lost). Your text is saved: run it again.")
    page.wait_for_selector("#job-rerun", state="visible")
    assert "worker was lost" in page.inner_text("#job-message")
    page.screenshot(path=str(SHOTS / "job-failed.png"))
    page.click("#job-rerun button")  # no workers here: the new run happens in the request
    page.wait_for_url(re.compile(rf"/quizzes/{quiz.pk}/$"))
    assert quiz.jobs.filter(state="done").count() == 1
    context.close()
