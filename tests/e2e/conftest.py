"""Browser tests: Playwright drives Debian's Chromium (never a downloaded browser) against
pytest-django's live server, and axe-core comes from the file bundled in axe-playwright-python."""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Playwright's sync API runs an event loop in this thread; the ORM calls made by fixtures are
# still synchronous, so Django's guard against async misuse would stop them.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists() or shutil.which("chromium"):
        return
    reason = f"Debian chromium is not installed at {CHROMIUM}; .ci/run installs it (apt)."
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 412, "height": 915})
    page = context.new_page()
    yield page
    if "/edit/" in page.url:
        # Leaving Wagtail's page editor sends a beacon that ends its editing session (a database
        # write). Leave it here and give the live server a moment to finish that request, or the
        # flush after the test can meet a locked SQLite table and the next tests inherit rows.
        page.goto("about:blank")
        page.wait_for_timeout(500)
    context.close()


@pytest.fixture
def axe_check():
    """Run axe-core on the current page and return its violations (rule id -> nodes)."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def run(page):
        results = axe.run(
            page,
            options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]},
        )
        return {
            violation["id"]: [node["html"] for node in violation["nodes"]]
            for violation in results.response["violations"]
        }

    return run
