"""No gap's answer on screen before it is answered, nor beside part 1 of the worksheet (issue 12).

A quiz is generated from the seed article as the site does it; a learner opens the gaps in a
real headless Chromium; the worksheet PDF is read back with pdftotext.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
from django.urls import reverse

from learnsite.quizzes.models import Item, Quiz
from learnsite.quizzes.services import jobs
from learnsite.quizzes.services import quizzes as services
from learnsite.quizzes.services.generation import default_counts
from quizgen.cloze import KINDS
from quizgen.cloze.base import kind_trait
from tests.learnsite.quiz_factories import SEED, make_teacher

# Playwright's sync API runs an event loop in this thread; the test's own ORM reads are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = pytest.mark.slow

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
# The page's text as the learner sees it, without the option lists (a choice's select, a word
# bank): those show the answers among other words by design.
VISIBLE_TEXT = """() => {
  const lists = [...document.querySelectorAll("select, .bank, .choices")];
  const before = lists.map((node) => node.style.display);
  lists.forEach((node) => { node.style.display = "none"; });
  const text = document.body.innerText;
  lists.forEach((node, i) => { node.style.display = before[i]; });
  return text;
}"""


def generated_quiz() -> Quiz:
    quiz = services.quiz_create_draft(teacher=make_teacher("lehrerin_luecken"), title="Moskau-Besuch",
                                      text=SEED.read_text(encoding="utf-8"))
    jobs.job_start(quiz=quiz, level="B1", counts=default_counts())
    quiz.refresh_from_db()
    services.quiz_publish(quiz=quiz)
    return quiz


def word_answers(items) -> dict[int, list[str]]:  # type: ignore[no-untyped-def]
    """Each cloze item's answers that are words of the text (not an article or an ending)."""
    return {i.pk: [a for a in i.gap_answers if a] for i in items
            if i.section == Item.Section.CLOZE and kind_trait(KINDS.get(i.kind), "word_answer")}


def assert_no_answer_on_screen(page, answers: dict[int, list[str]], answered: set[int]) -> None:  # type: ignore[no-untyped-def]
    text = page.evaluate(VISIBLE_TEXT)
    for pk, words in answers.items():
        for word in words if pk not in answered else ():
            assert not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE), (
                f"the answer {word!r} of item {pk} is on screen before it is answered")


@pytest.mark.browser
def test_the_gaps_page_shows_no_answer_of_a_gap_before_it_is_answered(live_server, browser):
    quiz = generated_quiz()
    answers = word_answers(quiz.items.all())
    cloze = list(quiz.items.filter(section=Item.Section.CLOZE))
    assert len(answers) >= 4 and len(cloze) >= 8
    context = browser.new_context(viewport=DESKTOP, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(live_server.url + reverse("quizzes:start", args=[quiz.share_token]))
    page.fill("#id_name", "Ada Lovelace")
    page.click("button:has-text('Start')")
    page.wait_for_load_state()
    attempt = quiz.attempts.get()
    page.goto(live_server.url + reverse("quizzes:take", args=[quiz.share_token, attempt.pk]))
    # the gapped text: every gap numbered in place, the rest of the article there
    assert page.locator(".reading--gapped .gap-ref").count() >= len(cloze)
    assert "Präsident Wladimir Putin" in page.inner_text(".reading--gapped")
    assert_no_answer_on_screen(page, answers, set())
    page.set_viewport_size(PHONE)
    assert_no_answer_on_screen(page, answers, set())
    page.set_viewport_size(DESKTOP)
    # answer one typed gap right: its answer shows in its feedback, the others' still nowhere
    typed = next(i for i in cloze if i.pk in answers and not i.options)
    page.fill(f"#gap-{typed.pk}-0", typed.answer)
    page.click(f"#item-{typed.pk} button:has-text('Check')")
    page.wait_for_selector(f"#item-{typed.pk} .feedback__verdict--right")
    assert_no_answer_on_screen(page, answers, {typed.pk})
    context.close()


@pytest.mark.django_db
def test_the_worksheet_pdf_prints_no_full_text_passage_with_an_answer_of_part_one(client, tmp_path):
    assert shutil.which("pdftotext"), "pdftotext is missing: run `make install` (poppler-utils)"
    quiz = generated_quiz()
    client.force_login(quiz.teacher)
    response = client.get(reverse("quizzes:download", args=[quiz.pk, "pdf"]))
    assert response.status_code == 200
    pdf = tmp_path / "sheet.pdf"
    pdf.write_bytes(b"".join(response.streaming_content) if response.streaming else response.content)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    pages = [page for page in text.split("\f") if page.strip()]
    part_two = next(k for k, page in enumerate(pages) if "Teil 2: Text und Fragen" in page)
    part_one = " ".join(" ".join(pages[:part_two]).split())
    assert "Teil 1: Lückentext" in part_one and "(1)" in part_one
    for item in quiz.items.filter(section=Item.Section.CLOZE):
        pieces = item.prompt.split("___")
        for k, answer in enumerate(item.gap_answers):
            window = " ".join(f"{pieces[k][-20:]}{answer}{pieces[k + 1][:20]}".split())
            assert window not in part_one, f"the full text of gap {answer!r} stands in part 1"
