"""Open data and kiosks in the browser: a resident finds the open data page from the footer in
their language and downloads the comments; a kiosk link says what the device now is (or that
it no longer works); every new public page passes axe in English, Korean and Amharic."""

from datetime import timedelta

import pytest
from django.utils import timezone

from consultation.kiosks.access import kiosk_link
from consultation.kiosks.services import kiosk_issue, kiosk_revoke
from tests.analysis.opendata_fixtures import open_data_world

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _path(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


@pytest.mark.parametrize("code", ["en", "ko", "am"])
def test_new_open_data_and_kiosk_pages_have_no_axe_violations(
    live_server, demo, page, axe_check, code
):
    open_data_world(demo)
    base, results = live_server.url, {}
    page.goto(f"{base}/{code}/")
    page.locator(f"footer a[href='/{code}/open-data/']").click()
    page.wait_for_url(f"**/{code}/open-data/")
    assert page.locator("html").get_attribute("lang") == code
    assert page.locator("h1").count() == 1
    results["open data"] = axe_check(page)
    with page.expect_download() as download:
        page.locator("a[href*='comments.csv']").first.click()
    assert download.value.suggested_filename == "comments.csv"
    kiosk = kiosk_issue(
        name="Central Library, PC 3", expires_at=timezone.now() + timedelta(hours=2), user=None
    )
    link = _path(kiosk_link(kiosk)).replace("/en/", f"/{code}/", 1)
    page.goto(base + link)
    assert "Central Library, PC 3" in page.content()
    results["kiosk started"] = axe_check(page)
    kiosk_revoke(kiosk=kiosk, user=None)
    page.goto(base + link)
    results["kiosk link no longer works"] = axe_check(page)
    assert {key: value for key, value in results.items() if value} == {}
