"""Locust learners for bench/load_quiz.py: each one starts an attempt, answers every item, finishes.

    QUIZ_TOKEN=... locust -f bench/locustfile_quiz.py --headless -u 50 -r 50 -t 30s --host http://127.0.0.1:PORT

A learner works as the browser with quiz.js does: it opens /q/<token>/, posts its name, loads the
take page, posts each item's form with ``Accept: application/json`` (the fetch variant) and posts
the finish form. It answers from the page alone (a chosen option, or a word typed into a gap), so
it needs no access to the database.

An answer counts as acknowledged only when the server answers 2xx with JSON holding "correct";
anything else is a failure in locust's statistics. With QUIZ_RESULT_FILE set, the counts of answers
sent, acknowledged and failed and each request's count, failures and percentiles are written there
as JSON when the run stops, for load_quiz.py to compare with the Answer rows in the database.
"""

from __future__ import annotations

import json
import os
import random
import re
from html.parser import HTMLParser

import gevent
from locust import FastHttpUser, between, events, task

TOKEN = os.environ.get("QUIZ_TOKEN", "")
RESULT_FILE = os.environ.get("QUIZ_RESULT_FILE", "")
# Typed answers: some right for the seed quiz, some wrong, all non-empty (an empty answer is refused).
TYPED = ["Außenminister", "Aussenminister", "Lawrow", "Sergej Lawrow", "Minister", "Mittwoch", "Russland", "Moskau"]
TAKE_URL = re.compile(r"/q/[^/]+/a/(\d+)/$")

COUNTS = {"sent": 0, "acknowledged": 0, "failed": 0}


class _ItemForms(HTMLParser):
    """The take page's answer forms: action, CSRF token and, per gap field, the values to choose from."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict] = []
        self.finish_action = ""
        self.finish_csrf = ""
        self._form: dict | None = None
        self._in_finish = False
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and "q-form" in a.get("class", ""):
            self._form = {"action": a.get("action", ""), "csrf": "", "gaps": {}}
            self.forms.append(self._form)
        elif tag == "form" and "finish" in a.get("class", ""):
            self.finish_action, self._in_finish = a.get("action", ""), True
        elif tag == "input" and a.get("name") == "csrfmiddlewaretoken":
            if self._form is not None:
                self._form["csrf"] = a.get("value", "")
            elif self._in_finish:
                self.finish_csrf = a.get("value", "")
        elif self._form is not None and tag == "input" and a.get("name", "").startswith("gap_"):
            choices = self._form["gaps"].setdefault(a["name"], [])
            if a.get("type") == "radio":
                choices.append(a.get("value", ""))
        elif self._form is not None and tag == "select":
            self._select = a.get("name", "")
            self._form["gaps"].setdefault(self._select, [])
        elif self._select is not None and tag == "option" and a.get("value"):
            self._form["gaps"][self._select].append(a["value"])  # type: ignore[index]

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form, self._in_finish = None, False
        elif tag == "select":
            self._select = None


class Learner(FastHttpUser):
    """One learner doing the whole quiz once per task; a stopped run lets the task finish."""

    wait_time = between(0.1, 0.5)  # before the next quiz

    def think(self) -> None:
        # Not self.wait(): it ends a stopping user mid-quiz, and the run should end on whole quizzes.
        gevent.sleep(random.uniform(0.1, 0.5))

    @task
    def take_quiz(self) -> None:
        start = f"/q/{TOKEN}/"
        with self.client.get(start, name="start page", catch_response=True) as resp:
            match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', resp.text or "")
            if resp.status_code != 200 or not match:
                resp.failure(f"start page: {resp.status_code}")
                return
        with self.client.post(start, data={"csrfmiddlewaretoken": match.group(1), "name": f"Lerner {id(self) % 10000}"},
                              name="start (POST)", allow_redirects=False, catch_response=True) as resp:
            location = resp.headers.get("Location", "") if resp.headers else ""
            if resp.status_code != 302 or not TAKE_URL.search(location):
                resp.failure(f"start refused: {resp.status_code}")
                return
        with self.client.get(location, name="take page", catch_response=True) as resp:
            page = _ItemForms()
            page.feed(resp.text or "")
            if resp.status_code != 200 or not page.forms:
                resp.failure(f"take page: {resp.status_code}, {len(page.forms)} forms")
                return
        for form in page.forms:
            self.think()
            data = {"csrfmiddlewaretoken": form["csrf"]}
            for name, choices in form["gaps"].items():
                data[name] = random.choice(choices) if choices else random.choice(TYPED)
            COUNTS["sent"] += 1
            with self.client.post(form["action"], data=data, headers={"Accept": "application/json"},
                                  name="answer", catch_response=True) as resp:
                try:
                    body = resp.json() if resp.status_code // 100 == 2 else {}
                except ValueError:
                    body = {}
                if resp.status_code // 100 == 2 and "correct" in body:
                    COUNTS["acknowledged"] += 1
                else:
                    COUNTS["failed"] += 1
                    resp.failure(f"answer: {resp.status_code} {(resp.text or '')[:200]!r}")
        with self.client.post(page.finish_action, data={"csrfmiddlewaretoken": page.finish_csrf}, name="finish",
                              allow_redirects=False, catch_response=True) as resp:
            result = resp.headers.get("Location", "") if resp.headers else ""
            if resp.status_code != 302 or not result.endswith("/result/"):
                resp.failure(f"finish: {resp.status_code}")
                return
        self.client.get(result, name="result page")


@events.quitting.add_listener
def _write_results(environment, **_kwargs) -> None:  # type: ignore[no-untyped-def]
    """Write the figures once every learner has stopped (locust's --csv files may lag behind)."""
    if not RESULT_FILE:
        return
    stats = environment.stats
    rows = {}
    for entry in [*sorted(stats.entries.values(), key=lambda e: e.name), stats.total]:
        rows[entry.name] = {"requests": entry.num_requests, "failures": entry.num_failures,
                            "p50_ms": entry.get_response_time_percentile(0.5) if entry.num_requests else None,
                            "p95_ms": entry.get_response_time_percentile(0.95) if entry.num_requests else None,
                            "p99_ms": entry.get_response_time_percentile(0.99) if entry.num_requests else None,
                            "requests_per_s": round(entry.total_rps, 1)}
    errors = [{"name": e.name, "error": str(e.error)[:300], "occurrences": e.occurrences}
              for e in stats.errors.values()]
    with open(RESULT_FILE, "w", encoding="utf-8") as fh:
        json.dump({"answers": COUNTS, "stats": rows, "errors": errors}, fh)
