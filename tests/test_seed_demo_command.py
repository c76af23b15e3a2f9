"""`manage.py seed_demo` prints an admin login that works, and running it twice is harmless."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_seed_demo_prints_a_working_admin_login(client, demo):
    out = StringIO()
    call_command("seed_demo", stdout=out)
    match = re.search(r"user '([^']+)'\s+password '([^']+)'", out.getvalue())
    assert match, out.getvalue()
    username, password = match.groups()
    assert client.login(username=username, password=password)
    assert client.get("/admin/").status_code == 200


def test_second_run_keeps_the_existing_password(demo):
    call_command("seed_demo", stdout=StringIO())
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert "password unchanged" in out.getvalue()
    assert "0 new translations" in out.getvalue()


def test_demo_has_an_upcoming_and_a_past_meeting_with_minutes_and_meeting_comments(demo):
    from consultation.models import Comment, MeetingPage

    call_command("seed_demo", "--no-admin", stdout=StringIO())
    call_command("seed_demo", "--no-admin", stdout=StringIO())
    upcoming, past = (MeetingPage.objects.get(pk=page.pk) for page in demo["meetings"])
    assert not upcoming.is_past and upcoming.signup_open and upcoming.capacity
    assert past.is_past and past.minutes and past.attendance_total == 46
    assert MeetingPage.objects.filter(translation_key=past.translation_key).count() == 9
    comments = Comment.objects.filter(provenance__meeting=past, status="published")
    assert sorted(comments.values_list("language", flat=True)) == ["en", "ko"]
