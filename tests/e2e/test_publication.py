"""The demo's promise in the browser: the task worker `make demo` starts finishes a run started
in the admin; residents reach the published result pages from the home page in their language;
the method note shows the published snapshot's figures and stays as it was after more review
until staff publish again; every page that links the results passes axe."""

import os
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.db import connection
from playwright.sync_api import expect
from wagtail.models import Locale, Page, Site

from analysis.demo_data import _strings, translate
from analysis.models import AnalysisRun
from analysis.services.review import item_review_save
from tests.analysis.outcome_fixtures import analyse_and_publish, make_comments
from tests.e2e.test_reports import analyst_login  # noqa: F401 - a fixture

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

RESULT_PAGES = ("what-we-heard", "you-said-we-did", "method-note")


@pytest.fixture
def published(demo, monkeypatch, settings):
    monkeypatch.setattr(
        "analysis.inputs.SOURCES", ("tests.analysis.outcome_fixtures.published_comment_items",)
    )
    comments = make_comments(demo)
    run, pages, _keys = analyse_and_publish(demo, comments)
    for code in ("ko", "so", "am"):
        locale = Locale.objects.get(language_code=code)
        pairs = _strings(code, demo["consultation"], run)
        for public in pages.values():
            translate(public, locale, pairs)
    Page.fix_tree(fix_paths=False)
    Site.clear_site_root_paths_cache()
    return {"run": run, "comments": comments}


def run_worker():
    """The worker `make demo` starts (manage.py db_worker), until the queue is empty: in a
    subprocess when it can reach the test database, else in this process (in-memory SQLite)."""
    arguments = ["db_worker", "--batch", "--no-startup-delay", "--no-reload"]
    name = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite" and (not name or "memory" in str(name)):
        call_command(*arguments)
        return
    url = os.environ.get("DATABASE_URL", "")
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    if url:
        environment["DATABASE_URL"] = url.rsplit("/", 1)[0] + f"/{name}"
    subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *arguments], env=environment, check=True, timeout=600
    )


def test_the_demo_worker_finishes_a_run_started_in_the_admin(
    live_server,
    demo,
    page,
    settings,
    analyst_login,  # noqa: F811
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    make_comments(demo)
    analyst_login()
    page.goto(live_server.url + "/admin/analysis/runs/new/")
    page.select_option("select[name=consultation]", str(demo["consultation"].pk))
    page.locator("main button[type=submit]").click()
    status = page.locator("[data-run-status]")
    assert status.get_attribute("data-run-status") == "queued"
    run_worker()
    page.reload()
    assert page.locator("[data-run-status]").get_attribute("data-run-status") == "succeeded"
    run = AnalysisRun.objects.get()
    assert run.status == AnalysisRun.Status.SUCCEEDED and run.items.count() == 5


@pytest.mark.parametrize("code", ["ko", "so", "am"])
def test_result_pages_are_reachable_from_home(live_server, published, page, code):
    for slug in RESULT_PAGES:
        page.goto(f"{live_server.url}/{code}/")
        link = page.locator(f".outcome-links a[href='/{code}/customer-bill-of-rights/{slug}/']")
        link.click()
        page.wait_for_url(f"**/{code}/customer-bill-of-rights/{slug}/")
        assert page.locator("html").get_attribute("lang") == code
        assert page.locator(".publication-version").count() == 1


@pytest.mark.parametrize("code", ["en", "ko", "am"])
def test_pages_linking_the_results_have_no_axe_violations(
    live_server, published, page, axe_check, code
):
    korean = published["comments"][0]
    for path in (
        f"/{code}/",
        f"/{code}/customer-bill-of-rights/",
        f"/{code}/customer-bill-of-rights/draft-1/",
        f"/{code}/status/?code={korean.reference}",
    ):
        page.goto(live_server.url + path)
        assert page.locator(".outcome-links a").count() == 3, path
        assert axe_check(page) == {}, path


def test_method_note_keeps_the_published_figures_until_staff_publish_again(
    live_server,
    published,
    page,
    settings,
    analyst_login,  # noqa: F811
):
    # The five items of this consultation are all there is to review.
    settings.PUBLICATION_MIN_REVIEWED = 5
    run = published["run"]
    url = f"{live_server.url}/en/customer-bill-of-rights/method-note/"
    page.goto(url)
    main = page.locator("main")
    before = main.inner_text()
    assert "Analysts then checked 5 comments by hand and made 0 corrections" in before
    assert "Version 1, published on" in before
    for item in run.items.all():
        item_review_save(item=item, theme_ids=set(), user=None)
    page.goto(url)
    assert main.inner_text() == before

    analyst_login()
    page.goto(f"{live_server.url}/admin/analysis/runs/{run.pk}/")
    page.get_by_role("button", name="Publish these results").click()
    # The form posts and comes back to the same run page: wait for the new version's line.
    expect(page.locator("[data-published-version='2']")).to_have_count(1)
    page.goto(url)
    after = main.inner_text()
    assert "Version 2, published on" in after and after != before
    assert "Analysts then checked 5 comments by hand and made 0 corrections" not in after
    page.goto(url + "?version=1")
    assert "made 0 corrections" in main.inner_text()
