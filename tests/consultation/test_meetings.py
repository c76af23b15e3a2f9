"""Meetings residents can find, sign up for without an account and add to their calendar;
after the meeting they read the minutes and attendance in their language."""

import re

import pytest
from django.core import mail
from django.test import override_settings

from consultation.meetings.ics import LINE_OCTETS, escape, fold
from consultation.models import MeetingSignup

from .meeting_helpers import meeting, post_signup, signup_token, signup_url

pytestmark = pytest.mark.django_db


def _unfold(text: str) -> str:
    return text.replace("\r\n ", "")


@pytest.mark.parametrize("code", ["en", "ko", "am"])
def test_consultation_page_lists_upcoming_and_past_meetings(client, demo, code):
    upcoming, past = meeting(demo, code), meeting(demo, code, "past")
    html = client.get(f"/{code}/customer-bill-of-rights/").content.decode()
    section = html[html.index('id="meetings-heading"') :]
    assert section.index(upcoming.title) < section.index(past.title)
    assert f'href="{upcoming.url}"' in section and f'href="{past.url}"' in section


def test_meeting_page_shows_time_place_access_languages_support_and_places(client, demo):
    page = meeting(demo, "ko")
    html = client.get(page.url).content.decode()
    assert page.venue in html and page.access_note in html
    assert '<span lang="am">አማርኛ</span> (통역 제공)' in html
    assert "무료 아이 돌봄" in html
    assert "60석 중 60석 남음" in html
    assert f'href="/ko/meetings/{page.pk}/sign-up/"' in html
    assert f'href="/ko/meetings/{page.pk}/calendar.ics"' in html


def test_korean_resident_signs_up_without_name_or_email(client, demo):
    page = meeting(demo, "ko")
    response = post_signup(client, page, "ko", interpretation="ko", childcare="on")
    signup = MeetingSignup.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/ko/meetings/{page.pk}/sign-up/{signup.reference}/"
    assert (signup.language, signup.name, signup.email) == ("ko", "", "")
    assert signup.interpretation == "ko" and signup.childcare is True
    assert signup.meeting_key == page.translation_key
    confirmation = client.get(response["Location"]).content.decode()
    assert "신청이 완료되었습니다" in confirmation
    assert f"{signup.reference[:5]}-{signup.reference[5:]}" in confirmation
    assert f"/ko/meetings/{page.pk}/calendar.ics" in confirmation
    assert mail.outbox == []


def test_email_without_the_consent_box_is_refused_and_nothing_is_kept(client, demo):
    page = meeting(demo)
    response = post_signup(client, page, email="kim@example.org")
    assert response.status_code == 400
    assert "Tick the box so we may use your email address" in response.content.decode()
    assert MeetingSignup.objects.count() == 0


def test_consent_without_email_asks_for_the_address(client, demo):
    response = post_signup(client, meeting(demo), consent_contact="on")
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    assert MeetingSignup.objects.count() == 0


def test_with_consent_the_confirmation_email_is_in_the_residents_language_with_the_ics(
    client, demo, django_capture_on_commit_callbacks
):
    page = meeting(demo, "ko")
    with django_capture_on_commit_callbacks(execute=True):
        post_signup(client, page, "ko", email="kim@example.org", consent_contact="on", name="김")
    signup = MeetingSignup.objects.get()
    assert signup.email == "kim@example.org" and signup.consent_contact and signup.name == "김"
    [message] = mail.outbox
    assert message.to == ["kim@example.org"]
    assert page.title in message.subject and "신청" in message.subject
    assert signup.reference[:5] in message.body
    [(name, content, mimetype)] = message.attachments
    assert name.endswith(".ics") and mimetype.startswith("text/calendar")
    assert f"SUMMARY;LANGUAGE=ko:{escape(page.title)}" in _unfold(content)


def test_sending_the_same_form_twice_keeps_one_signup(client, demo):
    page = meeting(demo)
    token = signup_token(client, signup_url(page))
    first = post_signup(client, page, token=token, places="2")
    second = post_signup(client, page, token=token, places="2")
    assert MeetingSignup.objects.count() == 1
    assert first["Location"] == second["Location"]
    assert page.places_left() == 58


def test_capacity_counts_every_language_and_a_full_meeting_refuses_more(client, demo):
    english = meeting(demo)
    english.capacity = 3
    english.save_revision().publish()
    korean = meeting(demo, "ko")
    korean.capacity = 3
    korean.save_revision().publish()
    assert post_signup(client, korean, "ko", places="2").status_code == 302
    token = signup_token(client, signup_url(english))
    too_many = post_signup(client, english, token=token, places="2")
    assert too_many.status_code == 409
    assert "Only 1 place is left" in too_many.content.decode()
    assert post_signup(client, english, token=token, places="1").status_code == 302
    full = post_signup(client, english, places="1")
    assert full.status_code == 409 and "the meeting is full" in full.content.decode()
    assert sum(MeetingSignup.objects.values_list("places", flat=True)) == 3
    assert "0 of 3 places left" in client.get(english.url).content.decode()


def test_past_meeting_takes_no_signups(client, demo):
    page = meeting(demo, kind="past")
    assert "Sign-up for this meeting is closed." in client.get(signup_url(page)).content.decode()
    response = post_signup(client, page, token=signup_token(client, signup_url(meeting(demo))))
    assert response.status_code == 403
    assert MeetingSignup.objects.count() == 0


@override_settings(RATE_LIMITS={"meeting-signup": {"limit": 2, "window": 3600}})
def test_signups_are_rate_limited_and_no_address_is_stored(client, demo):
    page = meeting(demo)
    for _ in range(2):
        assert post_signup(client, page, REMOTE_ADDR="203.0.113.9").status_code == 302
    limited = post_signup(client, page, REMOTE_ADDR="203.0.113.9")
    assert limited.status_code == 429 and int(limited["Retry-After"]) > 0
    for signup in MeetingSignup.objects.all():
        values = [str(getattr(signup, f.attname)) for f in MeetingSignup._meta.fields]
        assert not any("203.0.113.9" in value for value in values)
        assert len(signup.client_hash) == 32


def test_confirmation_of_another_meeting_or_code_is_not_found(client, demo):
    post_signup(client, meeting(demo))
    code = MeetingSignup.objects.get().reference
    past = meeting(demo, kind="past")
    assert client.get(f"/en/meetings/{past.pk}/sign-up/{code}/").status_code == 404
    upcoming = meeting(demo)
    assert client.get(f"/en/meetings/{upcoming.pk}/sign-up/ZZZZZZZZZZ/").status_code == 404


def test_calendar_file_describes_the_meeting_in_the_page_language(client, demo):
    page = meeting(demo, "ko")
    response = client.get(f"/ko/meetings/{page.pk}/calendar.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    raw = response.content.decode("utf-8")
    assert raw.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert raw.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= LINE_OCTETS for line in raw.split("\r\n"))
    text = _unfold(raw)
    starts = page.starts_at.astimezone(__import__("datetime").UTC).strftime("%Y%m%dT%H%M%SZ")
    assert f"\r\nDTSTART:{starts}\r\n" in text
    assert f"\r\nUID:{page.translation_key}@consult-meetings\r\n" in text
    assert f"SUMMARY;LANGUAGE=ko:{page.title}" in text
    assert "LOCATION;LANGUAGE=ko:중앙 도서관 1호실\\, 1000 4th Ave\\, Seattle\\, WA 98104" in text
    assert f"URL:http://testserver{page.url}" in text
    assert client.get(f"/en/meetings/{page.pk}/calendar.ics")["Location"].startswith("/en/")


def test_ics_text_is_escaped_and_folded_without_splitting_characters():
    assert escape("a,b;c\\d\r\ne") == "a\\,b\\;c\\\\d\\ne"
    line = "SUMMARY:" + "가" * 40
    folded = fold(line)
    assert all(len(piece.encode()) <= LINE_OCTETS for piece in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


def test_past_meeting_shows_minutes_and_attendance_by_language(client, demo):
    html = client.get(meeting(demo, "ko", "past").url).content.decode()
    assert "46명이 참석했습니다." in html
    assert re.search(r'<span lang="am">አማርኛ</span></th><td>8</td>', html)
    assert "주민들은 전화 대기 시간을 줄이고" in html
    assert "Sign up" not in html and "calendar.ics" not in html


def test_untranslated_minutes_show_in_the_original_language_marked_as_such(client, demo):
    korean = meeting(demo, "ko", "past")
    korean.minutes = ""
    korean.save_revision().publish()
    html = client.get(korean.url).content.decode()
    assert '<div class="minutes" lang="en">' in html
    assert "Residents asked for shorter waits" in html
    assert "회의록은 아직 번역되지 않았습니다" in html
