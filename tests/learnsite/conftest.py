"""Fixtures shared by the site's tests: one headless Debian Chromium per test module."""

from __future__ import annotations

import pytest

# The flags keep Chromium from reaching for the network this machine does not have.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install -e '.[test]' installs playwright")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def require_services(reason: str) -> None:
    """Skip a test that needs the servers of the second pass, or fail when that pass runs without them.

    ``make test`` runs the suite twice: with SQLite, then with QUIZGEN_REQUIRE_SERVICES=1 against
    the PostgreSQL and Redis that tools/test_services.sh started, where a skip would hide a gap.
    """
    import os

    if os.environ.get("QUIZGEN_REQUIRE_SERVICES") == "1":
        pytest.fail(f"QUIZGEN_REQUIRE_SERVICES=1 but {reason}")
    pytest.skip(f"{reason} (make test runs this in its PostgreSQL pass)")


@pytest.fixture(autouse=True)
def _interface_language_reset():
    """A request in German leaves German active in the thread; every test starts and ends in the default."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _throttles_reset():
    """Throttles count in the cache (Redis in the second pass): every test starts with none used."""
    from django.core.cache import cache

    cache.clear()
    yield
