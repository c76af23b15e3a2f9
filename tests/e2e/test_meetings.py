"""Meetings in the browser: a Korean resident finds a meeting from the home page, signs up
without an account and downloads the calendar file; staff publish the minutes of a past
meeting and record two comments taken there, which the theme report then shows under that
meeting; every new public page passes axe in English, Korean and Amharic."""

import re

import pytest
from playwright.sync_api import expect

from analysis.services import analysis_run_create, analysis_run_execute
from consultation.demo import load_content
from consultation.models import Comment, MeetingPage, MeetingSignup
from consultation.services import comment_approve
from tests.consultation.comment_helpers import RIGHT, draft
from tests.consultation.meeting_helpers import meeting

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def staff_login(page, live_server, django_user_model):
    # A flush between browser tests empties the groups' permissions that migrations created,
    # so staff here is a superuser; tests/consultation/test_meeting_permissions.py covers roles.
    def login():
        django_user_model.objects.create_superuser("staff-e2e", "s@example.org", "pw-e2e-1")
        page.goto(live_server.url + "/admin/login/")
        page.fill("input[name=username]", "staff-e2e")
        page.fill("input[name=password]", "pw-e2e-1")
        page.click("button[type=submit]")
        page.wait_for_url("**/admin/")

    return login


def test_korean_resident_finds_a_meeting_signs_up_and_gets_the_calendar_file(
    live_server, demo, page, tmp_path
):
    ko = load_content("ko")
    upcoming = meeting(demo, "ko")
    page.goto(live_server.url + "/ko/")
    page.get_by_role("link", name=ko["consultation"]["title"]).click()
    page.get_by_role("link", name=upcoming.title).click()
    assert page.locator("h1").inner_text() == upcoming.title
    page.get_by_role("link", name="이 모임 참가 신청").click()
    page.get_by_label("몇 자리가 필요하신가요?").select_option("2")
    page.get_by_label("통역이 필요한 언어").select_option("ko")
    page.get_by_label("모임 중 아이 돌봄이 필요합니다.").check()
    page.get_by_role("button", name="신청하기").click()
    assert page.locator("html").get_attribute("lang") == "ko"
    assert page.locator("h1").inner_text() == "신청이 완료되었습니다"
    signup = MeetingSignup.objects.get()
    assert (signup.language, signup.places, signup.interpretation) == ("ko", 2, "ko")
    assert signup.childcare and signup.name == "" and signup.email == ""
    with page.expect_download() as info:
        page.get_by_role("link", name="내 캘린더에 추가(.ics 파일)").click()
    path = tmp_path / "meeting.ics"
    info.value.save_as(path)
    raw = path.read_bytes().decode("utf-8")
    assert raw.endswith("END:VCALENDAR\r\n")
    calendar = raw.replace("\r\n ", "")
    assert calendar.startswith("BEGIN:VCALENDAR")
    assert f"SUMMARY;LANGUAGE=ko:{upcoming.title}" in calendar
    assert f"/ko/customer-bill-of-rights/{upcoming.slug}/" in calendar


def _record_meeting_comment(page, live_server, past, target, language, text):
    page.goto(f"{live_server.url}/admin/comment-intake/?meeting={past.pk}")
    page.fill("input[name=received_on]", past.starts_at.date().isoformat())
    page.select_option("select[name=target]", target)
    page.select_option("select[name=text_form]", "verbatim")
    page.select_option("select[name=language]", language)
    page.fill("textarea[name=text]", text)
    page.get_by_role("button", name="Record comment").click()
    expect(page.get_by_text("Recorded. Give the resident this reference code")).to_be_visible()


def test_staff_publish_minutes_and_two_meeting_comments_show_under_the_report_filter(
    live_server, demo, page, staff_login
):
    past = meeting(demo, kind="past")
    past.minutes, past.attendance_total, past.attendance = "", None, []
    past.save_revision().publish()
    staff_login()
    page.goto(f"{live_server.url}/admin/pages/{past.pk}/edit/")
    minutes = page.locator(".Draftail-Editor .public-DraftEditor-content")
    expect(minutes).to_have_count(1)
    minutes.click()
    page.keyboard.type("Residents asked for a single phone number.")
    expect(page.locator("input[name=minutes]")).to_have_value(re.compile("single phone number"))
    page.fill("input[name=attendance_total]", "31")
    page.locator("footer [data-w-dropdown-target=toggle]").last.click()
    page.locator("button[name=action-publish]").click()
    page.wait_for_url("**/admin/pages/**")
    page.goto(live_server.url + past.url)
    assert "Residents asked for a single phone number." in page.locator(".minutes").inner_text()
    assert "31 people attended." in page.content()

    target = f"{draft(demo).pk}:{RIGHT}"
    _record_meeting_comment(page, live_server, past, target, "ko", "전화번호가 하나면 좋겠습니다.")
    _record_meeting_comment(page, live_server, past, target, "en", "Interpreters at every desk.")
    comments = Comment.objects.filter(provenance__meeting=past)
    assert comments.count() == 2
    for comment in comments:
        comment_approve(comment=comment, user=None)
    run = analysis_run_create(consultation=demo["consultation"], enqueue=False)
    analysis_run_execute(run_id=run.pk)

    page.goto(f"{live_server.url}/admin/analysis/runs/{run.pk}/report/")
    label = page.locator("select[name=meeting] option", has_text=past.title).inner_text()
    page.select_option("select[name=meeting]", label=label)
    page.get_by_role("button", name="Apply filters").click()
    assert f"meeting={past.translation_key}" in page.url
    assert page.locator("[data-figure=total]").inner_text() == "2"


@pytest.mark.parametrize("code", ["en", "ko", "am"])
def test_new_public_meeting_pages_have_no_axe_violations(live_server, demo, page, axe_check, code):
    upcoming, past = meeting(demo, code), meeting(demo, code, "past")
    base = live_server.url
    results = {}
    page.goto(f"{base}/{code}/customer-bill-of-rights/")
    assert page.locator("#meetings-heading").count() == 1
    results["consultation with meetings"] = axe_check(page)
    for name, target in (("upcoming", upcoming), ("past", past)):
        page.goto(base + target.url)
        assert page.locator("html").get_attribute("lang") == code
        assert page.locator("h1").count() == 1
        results[name] = axe_check(page)
    page.goto(f"{base}/{code}/meetings/{upcoming.pk}/sign-up/")
    results["sign-up form"] = axe_check(page)
    page.fill("input[name=email]", "not-an-address")
    page.locator("form.signup-form button[type=submit]").click()
    assert page.locator(".error-summary").count() == 1
    results["sign-up form with errors"] = axe_check(page)
    page.fill("input[name=email]", "")
    page.locator("form.signup-form button[type=submit]").click()
    assert "/sign-up/" in page.url and page.locator(".reference").count() == 1
    results["confirmation"] = axe_check(page)
    page.goto(f"{base}/{code}/meetings/{past.pk}/sign-up/")
    results["sign-up closed"] = axe_check(page)
    assert {key: value for key, value in results.items() if value} == {}
    assert MeetingPage.objects.filter(locale__language_code=code).count() == 2
