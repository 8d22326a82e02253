"""End to end in a real headless Chromium: a teacher makes a quiz, a learner takes it.

Screenshots of every page (desktop and 390 px phone width) are kept under
test-artifacts/screenshots/quizzes/; the folder is printed (pytest -s shows it).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from learnsite.quizzes.models import Item, Quiz
from tests.learnsite.quiz_factories import SEED, compile_german_catalog, item, make_quiz, make_teacher

# Playwright's sync API runs an event loop in this thread; the test's own ORM reads are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots" / "quizzes"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
TYPED_CLOZE = ("open", "ending", "verbform", "article")
ASCII = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def both_widths(page, name: str) -> None:
    """Screenshot the current page at desktop and at phone width."""
    original = page.viewport_size
    page.set_viewport_size(DESKTOP)
    shot(page, f"{name}-desktop")
    page.set_viewport_size(PHONE)
    shot(page, f"{name}-phone")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{name}: the page is {width}px wide on a {PHONE['width']}px phone"
    page.set_viewport_size(original)


def umlaut_cloze_item(quiz: Quiz) -> Item | None:
    for item in quiz.items.filter(section=Item.Section.CLOZE, kind__in=TYPED_CLOZE):
        if re.search("[äöüÄÖÜß]", item.answer) and "|" not in item.answer:
            return item
    return None


def test_a_teacher_makes_a_quiz_and_a_learner_takes_it(live_server, browser):
    print(f"\nscreenshots: {SHOTS}")
    teacher = browser.new_context(viewport=DESKTOP, locale="en-GB")
    page = teacher.new_page()
    page.set_default_timeout(20_000)

    # Sign up.
    page.goto(f"{live_server.url}/accounts/signup/")
    both_widths(page, "01-signup")
    page.fill("#id_username", "frau_lehmann")
    page.fill("#id_email", "lehmann@example.org")
    page.fill("#id_password1", "Lange-Passphrase-42")
    page.fill("#id_password2", "Lange-Passphrase-42")
    page.click("button[type=submit]:has-text('Sign up')")
    page.wait_for_url(re.compile(r"/quizzes/$"))
    both_widths(page, "02-quiz-list-empty")

    # Paste the seed article; it is saved before anything is generated.
    page.click("a.button:has-text('New text')")
    page.fill("#id_title", "Moskau-Besuch")
    page.fill("#id_text", SEED.read_text(encoding="utf-8"))
    both_widths(page, "03-new-text")
    page.click("button:has-text('Save text')")
    page.wait_for_url(re.compile(r"/quizzes/\d+/$"))
    quiz = Quiz.objects.get()
    assert quiz.text.startswith("Kurz vor dem ersten Jahrestag") and not quiz.items.exists()
    both_widths(page, "04-review-before-generating")

    # Generate with the default counts.
    page.select_option("#id_level", "B1")
    page.click("#generate-h ~ form button[type=submit]")
    page.wait_for_selector(".flash__item", timeout=240_000)
    assert page.locator(".flash__item--success").count() == 1, page.inner_text(".flash")
    assert quiz.items.filter(section=Item.Section.CLOZE).exists(), page.inner_text(".flash")
    assert quiz.items.filter(section=Item.Section.QUESTION, kind="wh").exists()
    both_widths(page, "05-review-generated")

    # Make sure one typed cloze item has an umlaut in its answer (edit one if the text gave none).
    target = umlaut_cloze_item(quiz)
    if target is None:
        target = quiz.items.filter(section=Item.Section.CLOZE, kind__in=TYPED_CLOZE).first()
        page.goto(f"{live_server.url}/quizzes/{quiz.pk}/items/{target.pk}/edit/")
        page.fill("#id_prompt", "Präsident Wladimir Putin ___ am Mittwoch bei einem Moskau-Besuch an.")
        page.fill("#id_answer", "kündigte")
        page.fill("#id_options", "")
        page.click("button:has-text('Save')")
        page.wait_for_url(re.compile(rf"/quizzes/{quiz.pk}/"))
        target.refresh_from_db()
    assert re.search("[äöüß]", target.answer.lower())

    # Edit one question.
    question = quiz.items.filter(section=Item.Section.QUESTION, kind="wh").first()
    page.click(f"#item-{question.pk} a:has-text('Edit')")
    page.wait_for_selector("#id_prompt")
    both_widths(page, "06-edit-question")
    new_prompt = question.prompt.rstrip("?") + " (laut Text)?"
    page.fill("#id_prompt", new_prompt)
    page.click("button:has-text('Save')")
    page.wait_for_selector(f"#item-{question.pk}")
    assert new_prompt in page.inner_text(f"#item-{question.pk}")
    question.refresh_from_db()

    # Publish.
    page.click("button:has-text('Publish')")
    page.wait_for_selector("#share-link")
    share_url = page.inner_text("#share-link")
    code = page.inner_text("#class-code")
    assert len(code) == 6
    both_widths(page, "07-published")

    # A learner on a phone opens the link and gives a name.
    learner = browser.new_context(viewport=PHONE, locale="en-GB", is_mobile=True, has_touch=True)
    lpage = learner.new_page()
    lpage.set_default_timeout(20_000)
    lpage.goto(share_url)
    both_widths(lpage, "08-learner-start")
    lpage.fill("#id_name", "Ada Lovelace")
    lpage.click("button:has-text('Start')")
    lpage.wait_for_url(re.compile(r"/a/\d+/$"))
    take_url = lpage.url
    assert "Kurz vor dem ersten Jahrestag" in lpage.inner_text(".reading")
    both_widths(lpage, "09-learner-take")

    # A cloze item answered right with ae/oe/ue for the umlaut: feedback without a reload.
    lpage.evaluate("window.__noReload = true")
    lpage.fill(f"#gap-{target.pk}-0", target.answer.translate(ASCII))
    lpage.click(f"#item-{target.pk} button:has-text('Check')")
    lpage.wait_for_selector(f"#item-{target.pk} .feedback__verdict--right")
    assert lpage.evaluate("window.__noReload") is True and lpage.url == take_url
    assert target.answer in lpage.inner_text(f"#item-{target.pk} .feedback")
    lpage.wait_for_function("document.getElementById('announcer').textContent.length > 0")
    lpage.locator(f"#item-{target.pk}").screenshot(path=str(SHOTS / "10-learner-cloze-right-item-phone.png"))

    # A W-question answered wrong shows the right answer and its evidence sentence.
    lpage.fill(f"#gap-{question.pk}-0", "Berlin im Winter")
    lpage.click(f"#item-{question.pk} button:has-text('Check')")
    lpage.wait_for_selector(f"#item-{question.pk} .feedback__verdict--wrong")
    feedback = lpage.inner_text(f"#item-{question.pk} .feedback")
    assert question.answer in feedback and lpage.is_visible(f"#item-{question.pk} .evidence mark")
    lpage.locator(f"#item-{question.pk}").screenshot(path=str(SHOTS / "11-learner-wh-wrong-item-phone.png"))
    lpage.set_viewport_size(DESKTOP)
    lpage.locator(f"#item-{question.pk}").scroll_into_view_if_needed()
    lpage.screenshot(path=str(SHOTS / "11-learner-wh-wrong-viewport-desktop.png"))
    lpage.set_viewport_size(PHONE)

    # Finish: the score.
    lpage.click("button:has-text('Finish and see my score')")
    lpage.wait_for_selector("#score")
    total = quiz.items.count()
    assert lpage.inner_text("#score").replace(" ", "") == f"1/{total}"
    both_widths(lpage, "12-learner-score")

    # The teacher sees the result.
    page.goto(f"{live_server.url}/quizzes/{quiz.pk}/results/")
    assert "Ada Lovelace" in page.inner_text("main") and f"1 / {total}" in page.inner_text("main")
    page.click("summary:has-text('Ada Lovelace')")
    assert "Berlin im Winter" in page.inner_text("main")
    both_widths(page, "13-teacher-results")

    # The learner retries only the wrong items.
    lpage.click("button:has-text('Retry the items I got wrong')")
    lpage.wait_for_url(re.compile(r"/a/\d+/$"))
    assert lpage.locator(".q-item").count() == total - 1
    both_widths(lpage, "14-learner-retry")
    learner.close()
    teacher.close()


def test_a_learner_with_a_german_browser_and_no_javascript_takes_a_quiz(live_server, browser):
    compile_german_catalog()
    quiz = make_quiz(make_teacher())
    open_cloze, wh = item(quiz, "open"), item(quiz, "wh")
    context = browser.new_context(viewport=PHONE, locale="de-DE", java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(f"{live_server.url}/join/")
    page.fill("#id_code", quiz.class_code.lower())
    page.click("button:has-text('Quiz öffnen')")
    page.fill("#id_name", "Jonas")
    both_widths(page, "20-de-start")
    page.click("button:has-text('Los geht')")
    page.wait_for_url(re.compile(r"/a/\d+/$"))
    # Keyboard only: type the answer and press Enter to send the form (a normal POST).
    page.focus(f"#gap-{open_cloze.pk}-0")
    page.keyboard.type("Aussenminister")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"#item-{open_cloze.pk}$"))
    feedback = page.inner_text(f"#item-{open_cloze.pk} .feedback")
    assert "Richtig!" in feedback and "Mit Umlauten schreibt man: Außenminister" in feedback
    page.fill(f"#gap-{wh.pk}-0", "Putin")
    page.click(f"#item-{wh.pk} button:has-text('Prüfen')")
    page.wait_for_url(re.compile(rf"#item-{wh.pk}$"))
    assert "Nicht ganz." in page.inner_text(f"#item-{wh.pk} .feedback")
    page.locator(f"#item-{wh.pk}").screenshot(path=str(SHOTS / "21-de-nojs-wh-wrong-item-phone.png"))
    both_widths(page, "21-de-nojs-take")
    page.click("button:has-text('Beenden und Ergebnis ansehen')")
    assert page.inner_text("#score").replace(" ", "") == f"1/{quiz.items.count()}"
    both_widths(page, "22-de-score")
    context.close()

    # The teacher's pages in German fit a phone too (German labels are longer).
    teacher = browser.new_context(viewport=PHONE, locale="de-DE")
    tpage = teacher.new_page()
    tpage.goto(f"{live_server.url}/accounts/login/")
    tpage.fill("#id_username", quiz.teacher.username)
    tpage.fill("#id_password", "Sehr-geheim-123")
    tpage.click("main button[type=submit]")
    tpage.wait_for_url(re.compile(r"/quizzes/$"))
    tpage.goto(f"{live_server.url}/quizzes/{quiz.pk}/")
    assert "Wie viele Aufgaben jeder Art" in tpage.inner_text("main")
    both_widths(tpage, "23-de-teacher-review")
    tpage.goto(f"{live_server.url}/quizzes/{quiz.pk}/results/")
    both_widths(tpage, "24-de-teacher-results")
    teacher.close()
