"""A resident on a phone reads the draft and compares versions; axe finds nothing to fix."""

import pytest

from consultation.demo import load_content

# Browser tests need committed data: each test's flush empties the database and `demo`
# seeds it again.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PAGES = {
    "home": "/{code}/",
    "consultation": "/{code}/customer-bill-of-rights/",
    "draft": "/{code}/customer-bill-of-rights/draft-2/",
    "comparison": "/{code}/customer-bill-of-rights/draft-2/compare/?from=1",
}


@pytest.mark.parametrize("code", ["en", "ko", "zh-hans", "am"])
@pytest.mark.parametrize("name", list(PAGES))
def test_public_pages_have_no_axe_violations(live_server, demo, page, axe_check, code, name):
    page.goto(live_server.url + PAGES[name].format(code=code))
    assert page.locator("html").get_attribute("lang") == code
    assert axe_check(page) == {}


def test_korean_resident_reads_the_draft_and_opens_the_comparison(live_server, demo, page):
    ko = load_content("ko")
    page.goto(live_server.url + "/ko/")
    page.get_by_role("link", name=ko["consultation"]["title"]).click()
    page.get_by_role("link", name=ko["draft2"]["title"]).first.click()
    assert page.get_by_role("heading", level=1).inner_text() == ko["draft2"]["title"]
    page.locator("a[href*='compare/?from=1']").click()
    assert "/ko/customer-bill-of-rights/draft-2/compare/" in page.url
    assert page.locator(".change-added").count() >= 1
    assert page.locator(".change-changed ins").count() >= 1


def test_skip_link_moves_focus_to_main_content(live_server, demo, page):
    page.goto(live_server.url + "/en/customer-bill-of-rights/draft-1/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"


def test_switching_language_keeps_the_reader_on_the_same_page(live_server, demo, page):
    page.goto(live_server.url + "/en/customer-bill-of-rights/draft-1/")
    page.locator("nav.language-switcher a[lang='so']").click()
    assert page.url.endswith("/so/customer-bill-of-rights/draft-1/")
    assert page.locator("html").get_attribute("lang") == "so"
    assert load_content("so")["draft1"]["title"] in page.content()
