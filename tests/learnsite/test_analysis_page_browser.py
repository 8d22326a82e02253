"""The analysis page in a real headless Chromium: keyboard use, phone width, the demo article.

Screenshots (desktop and 390 px phone width) are kept under test-artifacts/screenshots/lessons/.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in this thread; the test's own ORM calls are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots" / "lessons"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
GERMAN = "Die Stadt Kelsbach eröffnet am Montag eine neue Bibliothek. Viele Bürger freuen sich darüber."


def _shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _overflow(page) -> int:
    """How many pixels the page is wider than the window (0 when nothing scrolls sideways)."""
    return int(page.evaluate("document.documentElement.scrollWidth - window.innerWidth"))


def test_a_person_analyses_text_with_the_keyboard_alone_on_a_phone(live_server, browser) -> None:
    page = browser.new_page(viewport=PHONE, locale="en-GB")
    page.set_default_timeout(30_000)
    page.goto(f"{live_server.url}/analyse/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    for _ in range(20):  # on to the text field, whatever the header holds
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "id_text":
            break
    else:
        pytest.fail("the text field cannot be reached with Tab")
    page.keyboard.type(GERMAN)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Analyse"
    page.keyboard.press("Enter")
    page.wait_for_selector("#analysis-heading")
    # the page opens at the analysis, not at the form above it
    # polled with evaluate: wait_for_function evaluates a string, which the page's CSP forbids
    for _ in range(100):
        if page.evaluate("Math.abs(document.getElementById('analysis').getBoundingClientRect().top) < 50"):
            break
        page.wait_for_timeout(50)
    else:
        pytest.fail("the page did not scroll to the analysis")
    assert page.input_value("#id_text") == GERMAN
    row = page.locator("tr", has=page.locator("th", has_text=re.compile("^eröffnet$")))
    assert "eröffnen" in row.inner_text()
    assert _overflow(page) == 0
    _shot(page, "analysis-phone")


def test_the_demo_article_is_one_click_from_the_home_page(live_server, browser) -> None:
    call_command("load_demo")
    page = browser.new_page(viewport=DESKTOP, locale="en-GB")
    page.set_default_timeout(30_000)
    page.goto(f"{live_server.url}/analyse/")
    _shot(page, "home-desktop")
    page.click("text=Try the demo article")
    page.wait_for_url(re.compile(r"/articles/\d+/$"))
    assert page.inner_text("h1") == "Neue Straßenbahnlinie verbindet Kelsbach mit dem Hafenviertel"
    assert page.locator(".sentence").count() >= 15
    assert page.locator("details.tokens[open]").count() == 1  # one example table, the rest folded
    _shot(page, "demo-desktop")
    page.set_viewport_size(PHONE)
    assert _overflow(page) == 0
    _shot(page, "demo-phone")
