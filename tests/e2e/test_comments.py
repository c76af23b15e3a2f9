"""Residents comment in a real browser: a Korean resident comments on a right with a stance,
gets a reference code and reads the status in Korean; the same flow works in every language;
axe finds nothing on the comment form (also with errors), the status page and the comment list.
"""

import re

import pytest

from config.languages import LANGUAGE_CODES
from consultation import services
from consultation.demo import load_content, right_block_id
from consultation.models import BillOfRightsDraftPage, Comment
from tests.factories import submit_comment

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

RIGHT = right_block_id("one-number")


def _draft(demo, code: str) -> BillOfRightsDraftPage:
    return BillOfRightsDraftPage.objects.get(
        translation_key=demo["drafts"][1].translation_key, locale__language_code=code
    )


def test_korean_resident_comments_with_a_stance_and_follows_it_in_korean(live_server, demo, page):
    ko = load_content("ko")
    page.goto(live_server.url + "/ko/")
    page.get_by_role("link", name=ko["consultation"]["title"]).click()
    page.get_by_role("link", name=ko["draft2"]["title"]).first.click()
    page.locator(f"#right-{RIGHT} a.button").click()
    assert f"/ko/comment/{_draft(demo, 'ko').pk}/{RIGHT}/" in page.url
    page.get_by_label("의견", exact=True).fill("주말에도 전화를 받아 주세요.")
    page.get_by_label("동의합니다").check()
    page.get_by_role("button", name="의견 보내기").click()
    assert page.locator("html").get_attribute("lang") == "ko"
    assert "감사합니다. 의견이 접수되었습니다." in page.content()
    code = page.locator(".reference").inner_text()
    assert re.fullmatch(r"[2-9A-Z]{5}-[2-9A-Z]{5}", code)
    comment = Comment.objects.get()
    assert comment.stance == "agree" and comment.language == "ko"
    assert comment.reference == code.replace("-", "")
    steps = page.locator(".steps").inner_text()
    assert "접수됨" in steps and "대기 중" in steps
    page.goto(live_server.url + "/ko/status/")
    page.get_by_role("textbox", name="접수 번호").fill(code.lower())
    page.get_by_role("button", name="확인").click()
    assert "검토자 확인" in page.locator(".steps").inner_text()


def test_every_language_comment_flow_ends_on_its_own_status_page(live_server, demo, page):
    for code in LANGUAGE_CODES:
        draft = _draft(demo, code)
        page.goto(f"{live_server.url}/{code}/comment/{draft.pk}/{RIGHT}/")
        page.locator("#id_text").fill(f"Comment in {code}")
        page.locator("#id_stance_1").check()
        page.locator("form.comment-form button[type=submit]").click()
        assert page.url.startswith(f"{live_server.url}/{code}/status/?code="), code
        assert page.locator("html").get_attribute("lang") == code
        assert page.locator(".reference").count() == 1, code
    assert set(Comment.objects.values_list("language", flat=True)) == set(LANGUAGE_CODES)
    assert set(Comment.objects.values_list("stance", flat=True)) == {"disagree"}


def test_comment_pages_have_no_axe_violations(live_server, demo, page, axe_check):
    results = {}
    published = submit_comment(
        _draft(demo, "en"), right_key=RIGHT, text="Call 206-555-0100"
    ).comment
    services.comment_approve(comment=published, user=None)
    for code in ("en", "ko", "am"):
        draft = _draft(demo, code)
        form_url = f"{live_server.url}/{code}/comment/{draft.pk}/{RIGHT}/"
        page.goto(form_url)
        results[(code, "form")] = axe_check(page)
        page.locator("form.comment-form button[type=submit]").click()
        assert page.locator(".error-summary").count() == 1
        assert page.locator("#id_text").get_attribute("aria-invalid") == "true"
        results[(code, "form with errors")] = axe_check(page)
        page.goto(f"{live_server.url}/{code}/status/")
        results[(code, "status lookup")] = axe_check(page)
        page.goto(f"{live_server.url}/{code}/status/?code=ZZZZZ-ZZZZZ")
        results[(code, "status not found")] = axe_check(page)
        page.goto(f"{live_server.url}/{code}/status/?code={published.reference}&sent=1")
        results[(code, "status")] = axe_check(page)
        page.goto(f"{live_server.url}/{code}/comments/{draft.pk}/{RIGHT}/")
        results[(code, "comment list")] = axe_check(page)
        page.goto(f"{live_server.url}/{code}/customer-bill-of-rights/draft-2/")
        results[(code, "draft with comments")] = axe_check(page)
        page.goto(f"{live_server.url}/{code}/paper-form/")
        results[(code, "paper form")] = axe_check(page)
    assert {key: value for key, value in results.items() if value} == {}


def test_form_error_summary_links_move_to_the_field(live_server, demo, page):
    draft = _draft(demo, "en")
    page.goto(f"{live_server.url}/en/comment/{draft.pk}/{RIGHT}/")
    page.locator("form.comment-form button[type=submit]").click()
    page.locator(".error-summary a").first.click()
    assert page.evaluate("document.activeElement.id") == "id_text"
