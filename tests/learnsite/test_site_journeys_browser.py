"""The site's journeys in a real headless Chromium (Debian's), as issue 14 lists them.

A teacher makes a class and a quiz, edits, writes an item of their own, publishes and shares; three
learners read (a word look-up opens its entry), practise, answer and finish: one with a mouse on a
desktop, one on a phone, one with the keyboard only; the teacher counts an answer as right, changes
an accepted answer and the scores follow, regenerates a kind after answers exist and every earlier
result keeps its items and score, and exports the results as CSV whose numbers match the page.

One browser for the module, one generation for the journey. Screenshots (desktop and phone, English
and German) are kept under test-artifacts/screenshots/journeys/ (pytest -s prints the folder).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path

import pytest

from learnsite.quizzes.models import Answer, Attempt, Item, Learner, Quiz
from tests.learnsite.quiz_factories import SEED, compile_german_catalog, item, make_quiz, make_teacher

# Playwright's sync API runs an event loop in this thread; the test's own ORM reads are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots" / "journeys"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
ASCII = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})
PASSWORD = "Lange-Passphrase-42"


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


WIDEST = """() => Array.from(document.querySelectorAll('body *'))
    .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
    .slice(0, 5).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right))"""


def assert_fits(page, name: str) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{name}: {width}px wide on a {PHONE['width']}px phone: {page.evaluate(WIDEST)}"


def both_widths(page, name: str) -> None:
    """Screenshot the page at desktop and phone width; on the phone nothing may stick out sideways."""
    original = page.viewport_size
    page.set_viewport_size(DESKTOP)
    shot(page, f"{name}-desktop")
    page.set_viewport_size(PHONE)
    shot(page, f"{name}-phone")
    assert_fits(page, name)
    page.set_viewport_size(original)


def fits_phone(page, name: str) -> None:
    shot(page, f"{name}-phone")
    assert_fits(page, name)


def new_page(browser, **context):
    ctx = browser.new_context(**context)
    page = ctx.new_page()
    page.set_default_timeout(20_000)
    return ctx, page


def gap_values(target: Item, right: bool) -> list[str]:
    answers = target.gap_answers if target.section == Item.Section.CLOZE else [target.answer]
    if right:
        return answers
    if target.exercise_kind.picked:
        return [next((o for o in target.options if o != a), a) for a in answers]
    return ["Berlin im Winter" for _ in answers]


def answer_with_mouse(page, target: Item, values: list[str]) -> None:
    """Fill or pick the item's gaps and press Check; wait for the feedback (no reload)."""
    box = f"#item-{target.pk}"
    for n, value in enumerate(values):
        field = page.locator(f"{box} [name=gap_{n}]").first
        tag = field.evaluate("e => e.tagName + ':' + (e.type || '')")
        if tag.startswith("SELECT"):
            field.select_option(value)
        elif tag.endswith(":radio"):
            page.locator(f"{box} input[type=radio][value=\"{value}\"]").check()
        else:
            field.fill(value)
    page.click(f"{box} button:has-text('Check')")
    page.wait_for_selector(f"{box}.q-item--done")


def active(page) -> str:
    """What has the keyboard focus: tag, id, class and name."""
    return page.evaluate("(() => { const e = document.activeElement; return e ? "
                         "[e.tagName, e.id, e.className, e.getAttribute('name') || ''].join('|') : ''; })()")


def tab_to(page, selector: str, limit: int = 400) -> None:
    """Press Tab until the focused element matches ``selector`` (keyboard only, as a learner would)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def answer_with_keyboard(page, target: Item, values: list[str]) -> None:
    """Tab to the item's first field, answer with keys only, and send with Enter."""
    box = f"#item-{target.pk}"
    first = page.locator(f"{box} [name=gap_0]").first
    kind = first.evaluate("e => e.tagName + ':' + (e.type || '')")
    if not page.evaluate("s => document.activeElement && document.activeElement.closest(s) !== null", box):
        tab_to(page, f"{box} [name=gap_0]")
    if kind.endswith(":radio"):
        options = page.locator(f"{box} input[type=radio]").evaluate_all("es => es.map(e => e.value)")
        for _ in range(options.index(values[0])):
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Space")
        tab_to(page, f"{box} button[type=submit]")
        page.keyboard.press("Enter")
    else:
        for n, value in enumerate(values):
            if n:
                page.keyboard.press("Tab")
            if kind.startswith("SELECT"):
                options = page.locator(f"{box} [name=gap_{n}] option").evaluate_all("es => es.map(e => e.value)")
                page.locator(f"{box} [name=gap_{n}]").evaluate("e => e.focus()")  # already focused by Tab
                for _ in range(options.index(value)):
                    page.keyboard.press("ArrowDown")
            else:
                page.keyboard.type(value)
        if kind.startswith("SELECT"):
            tab_to(page, f"{box} button[type=submit]")
        page.keyboard.press("Enter")
    page.wait_for_selector(f"{box}.q-item--done")


def results_snapshot(page) -> dict[str, str]:
    """Each learner's attempts as the results page shows them (score, and each item's prompt, answer
    and verdict; not the item numbers, which say "earlier version" once an item is replaced)."""
    return page.evaluate("""() => Object.fromEntries(
        Array.from(document.querySelectorAll('details.result-row')).map(d => [
            d.querySelector('summary strong').textContent.trim(),
            Array.from(d.querySelectorAll('.attempt-head, table.answers tbody tr'))
                 .map(e => (e.tagName === 'TR' ? Array.from(e.cells).slice(1) : [e])
                      .map(c => c.textContent.replace(/\\s+/g, ' ').trim()).join(' | ')).join(' / ')]))""")


def learner_table(page) -> dict[str, tuple[str, str]]:
    return page.evaluate("""() => Object.fromEntries(
        Array.from(document.querySelectorAll('#learner-table tbody tr')).map(r => [
            r.querySelector('th').textContent.trim(),
            [r.querySelector('[data-best]').textContent.replace(/\\s+/g, ' ').trim(),
             r.querySelector('[data-latest]').textContent.replace(/\\s+/g, ' ').trim()]]))""")


def test_a_class_quiz_from_making_to_results(live_server, browser):
    from playwright.sync_api import expect
    print(f"\nscreenshots: {SHOTS}")
    base = live_server.url
    tctx, page = new_page(browser, viewport=DESKTOP, locale="en-GB")
    tctx.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)

    # The home page leads with making a quiz; sign up from there.
    page.goto(base + "/")
    assert "quiz from a German article" in page.inner_text("h1")
    both_widths(page, "01-home")
    page.click("main a:has-text('Make a quiz')")
    page.fill("#id_username", "frau_lehmann")
    page.fill("#id_email", "lehmann@example.org")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.click("button[type=submit]:has-text('Sign up')")
    page.wait_for_url(re.compile(r"/quizzes/$"))

    # A class, with its link copied and its QR code.
    page.click("a:has-text('Make a class')")
    page.fill("#id_name", "7b")
    page.click("button:has-text('Make the class')")
    page.wait_for_selector("#class-link")
    class_url = page.inner_text("#class-link")
    class_code = page.inner_text("#class-code")
    page.click("button[data-copy]")
    page.wait_for_selector("button[data-copy]:has-text('Copied')")
    assert page.evaluate("navigator.clipboard.readText()") == class_url
    assert page.locator("img[src$='qr.svg']").evaluate("img => img.naturalWidth") > 100
    both_widths(page, "02-class")

    # A quiz from the seed article; the title comes from its first sentence, whole.
    page.goto(base + "/quizzes/new/")
    page.fill("#id_text", SEED.read_text(encoding="utf-8"))
    page.click("button:has-text('Save text')")
    page.wait_for_url(re.compile(r"/quizzes/\d+/$"))
    quiz = Quiz.objects.get()
    first_sentence = "Kurz vor dem ersten Jahrestag des Ukraine-Kriegs treiben Russland und China eine " \
                     "Vertiefung ihrer Partnerschaft voran."
    assert quiz.title == first_sentence  # the first line is a paragraph: its first sentence, whole
    page.click("#generate-h ~ form button[type=submit]")
    page.wait_for_selector(".flash__item", timeout=240_000)
    assert page.locator(".flash__item--success").count() == 1, page.inner_text(".flash")
    both_widths(page, "03-review-generated")

    # Edit a question; write an item of one's own.
    question = quiz.current_items.filter(kind="wh").first()
    page.click(f"#item-{question.pk} a:has-text('Edit')")
    page.fill("#id_prompt", question.prompt.rstrip("?") + " (laut Text)?")
    page.click("button:has-text('Save')")
    page.wait_for_selector(f"#item-{question.pk}")
    page.click("a:has-text('Write an item of your own')")
    page.select_option("#id_kind", "question:wh")
    page.fill("#id_prompt", "Wen will Xi Jinping nach den Worten Putins besuchen?")
    page.fill("#id_answer", "Russland")
    both_widths(page, "04-own-item")
    page.click("button:has-text('Add the item')")
    page.wait_for_selector(".item-card:has-text('Wen will Xi Jinping') .badge:has-text('your own')")

    # Share with the class and publish.
    page.select_option("#id_school_class", label="7b")
    page.click("button:has-text('Share with this class')")
    page.click("button:has-text('Publish')")
    page.wait_for_selector("#share-link")
    assert page.inner_text("#class-code") == class_code
    assert page.locator(".share__qr img").evaluate("img => img.naturalWidth") > 100
    both_widths(page, "05-published")
    quiz.refresh_from_db()
    items = list(quiz.current_items.order_by("section", "position"))
    gaps = [i for i in items if i.section == Item.Section.CLOZE]
    questions = [i for i in items if i.section == Item.Section.QUESTION]
    assert gaps and questions and quiz.school_class.name == "7b"

    # Learner 1, desktop and mouse: the class link, join, read and look a word up, practise, answer.
    actx, ada = new_page(browser, viewport=DESKTOP, locale="en-GB")
    ada.goto(class_url)
    ada.fill("#id_name", "Ada")
    ada.click("button:has-text('Join')")
    ada.wait_for_selector("#personal-code")
    shot(ada, "10-ada-class-home-desktop")
    ada.click(f"a:has-text('{quiz.title[:30]}')")
    ada.click("button:has-text('Start as Ada')")
    ada.wait_for_url(re.compile(r"/a/\d+/read/$"))
    word = ada.locator("a.word").first
    word.hover()
    ada.wait_for_selector("#lookup:not([hidden])")
    entry = json.loads(ada.inner_text("#vocabulary-data"))[int(word.get_attribute("data-entry"))]
    assert entry["display"] in ada.inner_text("#lookup") and entry["gloss"].split(";")[0] in ada.inner_text("#lookup")
    shot(ada, "11-ada-read-lookup-desktop")
    ada.click("a:has-text('Next: Practise the words')")
    cards = json.loads(ada.inner_text("#cards-data"))
    ada.fill("#card-answer", cards[0]["answer"].translate(ASCII))
    ada.click("#card-check")
    ada.wait_for_selector("#card-verdict.feedback__verdict--right")
    shot(ada, "12-ada-practise-desktop")
    ada.click("a:has-text('Next: Fill the gaps')")
    assert SEED.read_text(encoding="utf-8")[:60] not in ada.inner_text("main")  # no full text beside the gaps
    for n, target in enumerate(gaps):
        values = gap_values(target, right=n != 0)
        if n == 1:
            values = [v.translate(ASCII) for v in values]  # ae/oe/ue/ss: forgiven
        answer_with_mouse(ada, target, values)
    shot(ada, "13-ada-gaps-desktop")
    ada.click("a:has-text('Next: Questions')")
    ada_wrong = questions[0]
    answer_with_mouse(ada, ada_wrong, ["im Kreml, laut Text"] if not ada_wrong.exercise_kind.picked
                      else gap_values(ada_wrong, right=False))
    ada.wait_for_selector(f"#item-{ada_wrong.pk} .evidence")
    for target in questions[1:-1]:
        answer_with_mouse(ada, target, gap_values(target, right=True))
    shot(ada, "14-ada-questions-desktop")
    ada.click("button:has-text('Finish and see my score')")
    ada.wait_for_selector("h1:has-text('Finish now?')")  # one question left: asked first
    shot(ada, "15-ada-finish-warning-desktop")
    ada.click("button:has-text('Finish anyway')")
    ada.wait_for_selector("#score")
    shot(ada, "16-ada-result-desktop")
    ada_attempt = Attempt.objects.get(learner__name="Ada")
    assert ada.inner_text("#score").replace(" ", "") == f"{ada_attempt.score}/{len(items)}"
    assert ada.locator(".evidence mark").count() >= len(items) // 2

    # The teacher opens the results while the others work: the page follows by itself.
    page.goto(f"{base}/quizzes/{quiz.pk}/results/?refresh=2")
    assert list(learner_table(page)) == ["Ada"]

    # Learner 2, a phone: the class code typed at /join/, tap a word, every item right.
    bctx, ben = new_page(browser, viewport=PHONE, locale="en-GB", is_mobile=True, has_touch=True)
    ben.goto(base + "/join/")
    ben.fill("#id_code", class_code.lower())
    ben.click("button:has-text('Go')")
    ben.fill("#id_name", "Ben")
    ben.click("button:has-text('Join')")
    ben.wait_for_selector("#personal-code")
    fits_phone(ben, "20-ben-class-home")
    ben.click(f"a:has-text('{quiz.title[:30]}')")
    ben.click("button:has-text('Start as Ben')")
    ben.wait_for_url(re.compile(r"/read/$"))
    ben.locator("a.word").nth(2).tap()
    ben.wait_for_selector("#lookup:not([hidden])")
    box = ben.locator("#lookup").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    fits_phone(ben, "21-ben-read-lookup")
    ben.click("nav.steps a:has-text('Practise the words')")
    fits_phone(ben, "22-ben-practise")
    ben.click("nav.steps a:has-text('Fill the gaps')")
    for target in gaps:
        answer_with_mouse(ben, target, gap_values(target, right=True))
    fits_phone(ben, "23-ben-gaps")
    ben.click("a:has-text('Next: Questions')")
    for target in questions:
        answer_with_mouse(ben, target, gap_values(target, right=True))
    fits_phone(ben, "24-ben-questions")
    ben.click("button:has-text('Finish and see my score')")
    ben.wait_for_selector("#score")
    assert ben.inner_text("#score").replace(" ", "") == f"{len(items)}/{len(items)}"
    fits_phone(ben, "25-ben-result")
    # refreshed; a polling locator, not wait_for_function, whose string eval the page's CSP forbids
    expect(page.locator("#learner-table tbody tr")).to_have_count(2)

    # Learner 3, keyboard only: the quiz's link, join, look a word up, a card, every item by keys.
    cctx, cem = new_page(browser, viewport=DESKTOP, locale="en-GB")
    cem.goto(f"{base}/q/{quiz.share_token}/")
    assert "id_name" in active(cem)  # the name field has the focus
    cem.keyboard.type("Cem")
    cem.keyboard.press("Enter")
    cem.wait_for_url(re.compile(r"/read/$"))
    tab_to(cem, "a.word")
    cem.wait_for_selector("#lookup:not([hidden])")
    cem.keyboard.press("Escape")
    cem.wait_for_selector("#lookup", state="hidden")
    tab_to(cem, ".next-step a")
    cem.keyboard.press("Enter")
    cem.wait_for_url(re.compile(r"/practise/$"))
    cards = json.loads(cem.inner_text("#cards-data"))
    tab_to(cem, "#card-answer")
    cem.keyboard.type(cards[0]["answer"])
    cem.keyboard.press("Enter")
    cem.wait_for_selector("#card-verdict.feedback__verdict--right")
    assert "card-next" in active(cem)
    tab_to(cem, ".next-step a")
    cem.keyboard.press("Enter")
    cem.wait_for_url(re.compile(r"/a/\d+/$"))
    for n, target in enumerate(gaps):
        answer_with_keyboard(cem, target, gap_values(target, right=True))
        focused = active(cem)
        assert not focused.startswith("BODY"), "after an answer the focus fell to the page"
        if n + 1 < len(gaps):
            assert f"gap-{gaps[n + 1].pk}-0" in focused, focused  # straight on to the next item
    assert "A|" in active(cem)  # after the last gap: the link to the questions
    cem.keyboard.press("Enter")
    cem.wait_for_url(re.compile(r"/questions/$"))
    for target in questions:
        answer_with_keyboard(cem, target, gap_values(target, right=target != questions[-1]))
    shot(cem, "30-cem-questions-keyboard-desktop")
    tab_to(cem, "form.finish button")
    cem.keyboard.press("Enter")
    cem.wait_for_selector("#score")
    cem_attempt = Attempt.objects.get(learner__name="Cem")
    assert cem_attempt.score == len(items) - 1
    expect(page.locator("#learner-table tbody tr")).to_have_count(3)

    # One row per learner; the teacher counts one of Cem's answers as right.
    assert list(learner_table(page)) == ["Ada", "Ben", "Cem"]
    both_widths(page, "40-results")
    page.goto(f"{base}/quizzes/{quiz.pk}/results/#learner-l{cem_attempt.learner_id}")
    page.click(f"#learner-l{cem_attempt.learner_id} summary")
    page.click(f"#learner-l{cem_attempt.learner_id} button:has-text('Count as right')")
    page.wait_for_selector(".flash__item:has-text('Counted as right')")
    assert learner_table(page)["Cem"][0].startswith(f"{len(items)} / {len(items)}")

    # The teacher accepts Ada's answer to her wrong question: her score follows.
    if not ada_wrong.exercise_kind.picked:
        before = Attempt.objects.get(learner__name="Ada").score
        page.goto(f"{base}/quizzes/{quiz.pk}/items/{ada_wrong.pk}/edit/")
        assert "1 learner has answered this item" in page.inner_text("main") or "learners have answered" in page.inner_text("main")
        page.fill("#id_accepted", page.input_value("#id_accepted") + "\nim Kreml, laut Text")
        page.click("button:has-text('Save')")
        page.wait_for_selector(".flash__item:has-text('checked again')")
        page.goto(f"{base}/quizzes/{quiz.pk}/results/")
        assert learner_table(page)["Ada"][0].startswith(f"{before + 1} / {len(items)}")

    # Regenerate a kind that learners answered: every earlier result keeps its items and score.
    page.goto(f"{base}/quizzes/{quiz.pk}/results/")
    page.evaluate("document.querySelectorAll('details.result-row').forEach(d => d.open = true)")
    before = results_snapshot(page)
    scores_before = learner_table(page)
    page.goto(f"{base}/quizzes/{quiz.pk}/")
    page.select_option("#regen-kind", f"cloze:{gaps[0].kind}")
    page.click("button:has-text('Regenerate')")
    page.wait_for_selector("h1:has-text('Regenerate')")
    assert "have answers" in page.inner_text("main") or "has answers" in page.inner_text("main")
    shot(page, "41-regenerate-confirm-desktop")
    page.click("button[type=submit]:has-text('Regenerate')")
    page.wait_for_selector(".flash__item", timeout=240_000)
    quiz.refresh_from_db()
    assert quiz.version == 2
    page.goto(f"{base}/quizzes/{quiz.pk}/results/")
    page.evaluate("document.querySelectorAll('details.result-row').forEach(d => d.open = true)")
    after = results_snapshot(page)
    assert learner_table(page) == scores_before
    for name in ("Ada", "Ben", "Cem"):
        assert after[name].replace(" version 1", "") == before[name], name
    assert "earlier version" in page.inner_text("#results-live")
    both_widths(page, "42-results-after-regenerate")

    # The results as CSV: the numbers of the page.
    with page.expect_download() as download:
        page.click("#export-learners")
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8-sig"))))
    shown = learner_table(page)
    for row in rows:
        best = f"{row['best score']} / {row['items']} ({row['best %']} %)"
        assert shown[row["learner"]][0] == best, (row, shown)
    assert {row["learner"] for row in rows} == {"Ada", "Ben", "Cem"} and all(r["class"] == "7b" for r in rows)

    # The teacher's pages in German, on a phone too.
    gctx, german = new_page(browser, viewport=DESKTOP, locale="de-DE")
    compile_german_catalog()
    german.context.add_cookies(tctx.cookies())
    for path, name in [(f"/quizzes/{quiz.pk}/", "50-de-review"), (f"/quizzes/{quiz.pk}/results/", "51-de-results"),
                       (f"/classes/{quiz.school_class_id}/", "52-de-class"), ("/", "53-de-home")]:
        german.goto(base + path)
        assert german.evaluate("document.documentElement.lang") == "de"
        both_widths(german, name)
    assert Learner.objects.count() == 3 and Answer.objects.filter(teacher_verdict=True).count() == 1
    for ctx in (gctx, cctx, bctx, actx, tctx):
        ctx.close()


def test_a_learner_with_a_german_browser_and_no_javascript_takes_a_quiz(live_server, browser):
    compile_german_catalog()
    quiz = make_quiz(make_teacher())
    open_cloze, wh = item(quiz, "open"), item(quiz, "wh")
    context = browser.new_context(viewport=PHONE, locale="de-DE", java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(f"{live_server.url}/join/")
    page.fill("#id_code", quiz.class_code.lower())
    page.click("main button[type=submit]")
    page.fill("#id_name", "Jonas")
    fits_phone(page, "60-de-nojs-start")
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r"/read/$"))
    fits_phone(page, "61-de-nojs-read")
    page.goto(page.url.replace("/read/", "/"))
    # Keyboard only: type the answer and press Enter to send the form (a normal POST).
    page.focus(f"#gap-{open_cloze.pk}-0")
    page.keyboard.type("Aussenminister")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"#item-{open_cloze.pk}$"))
    feedback = page.inner_text(f"#item-{open_cloze.pk} .feedback")
    assert "Richtig!" in feedback and "Mit ß schreibt man: Außenminister" in feedback
    fits_phone(page, "62-de-nojs-gaps")
    page.goto(page.url.split("#")[0] + "questions/")
    page.fill(f"#gap-{wh.pk}-0", "Putin")
    page.click(f"#item-{wh.pk} button:has-text('Prüfen')")
    page.wait_for_url(re.compile(rf"#item-{wh.pk}$"))
    assert "Nicht ganz." in page.inner_text(f"#item-{wh.pk} .feedback")
    fits_phone(page, "63-de-nojs-questions")
    page.click("button:has-text('Beenden und Ergebnis ansehen')")
    assert "noch nicht beantwortet" in page.inner_text("main")  # asked first, without a script too
    fits_phone(page, "64-de-nojs-finish-warning")
    page.click("button:has-text('Trotzdem beenden')")
    assert page.inner_text("#score").replace(" ", "") == f"1/{quiz.current_items.count()}"
    fits_phone(page, "65-de-score")
    context.close()
