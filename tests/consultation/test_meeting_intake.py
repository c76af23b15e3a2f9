"""Comments taken at a meeting go through staff intake with the meeting as their provenance;
the sign-up details residents gave are forgotten once the meeting is over."""

from datetime import timedelta

import pytest
from django.utils import timezone

from consultation.meetings.services import SignupDetails, meeting_signup, meeting_signups_purge
from consultation.models import Comment, MeetingSignup
from consultation.selectors.published import published_comment_rows
from consultation.services import comment_approve
from participation.values import Contact, Origin
from tests.consultation.comment_helpers import RIGHT, draft

from .meeting_helpers import meeting

pytestmark = pytest.mark.django_db


def _record(client, demo, **fields):
    data = {
        "channel": "meeting",
        "meeting": str(meeting(demo, kind="past").pk),
        "received_on": "2025-03-03",
        "taken_by": "Dana",
        "target": f"{draft(demo).pk}:{RIGHT}",
        "text_form": "verbatim",
        "language": "am",
        "stance": "agree",
        "text": "በስብሰባው ላይ የተሰጠ አስተያየት።",
        **fields,
    }
    return client.post("/admin/comment-intake/", data)


def test_a_comment_from_a_meeting_keeps_the_meeting_and_reaches_the_analysis(
    client, demo, moderator_user
):
    client.force_login(moderator_user)
    assert _record(client, demo).status_code == 302
    comment = Comment.objects.get()
    past = meeting(demo, kind="past")
    assert comment.channel == "meeting" and comment.provenance.meeting == past
    comment_approve(comment=comment, user=moderator_user)
    [row] = published_comment_rows(consultation=demo["consultation"])
    assert row["meeting"] == str(past.translation_key)


def test_the_record_form_opens_ready_for_a_meeting(client, demo, moderator_user):
    client.force_login(moderator_user)
    past = meeting(demo, kind="past")
    html = client.get(f"/admin/comment-intake/?meeting={past.pk}").content.decode()
    assert f'<option value="{past.pk}" selected>' in html
    assert '<option value="meeting" selected>' in html


def test_a_meeting_comment_on_another_channel_is_refused(client, demo, moderator_user):
    client.force_login(moderator_user)
    response = _record(client, demo, channel="phone")
    assert response.status_code == 400
    assert "comes in through “Public meeting”" in response.content.decode()
    assert Comment.objects.count() == 0


def test_an_unknown_meeting_is_refused(client, demo, moderator_user):
    client.force_login(moderator_user)
    assert _record(client, demo, meeting="999999").status_code == 400
    assert Comment.objects.count() == 0


def test_contact_details_of_signups_are_forgotten_a_day_after_the_meeting(demo):
    upcoming = meeting(demo)
    signup = meeting_signup(
        meeting=upcoming,
        details=SignupDetails(language="en", places=2, childcare=True, needs="Ramp"),
        contact=Contact(name="Pat", email="pat@example.org", consent_contact=True),
        origin=Origin(submission_token="purge-test", client_hash="abc"),
    ).signup
    assert meeting_signups_purge(now=upcoming.ends_at + timedelta(hours=1)) == 0
    assert meeting_signups_purge(now=upcoming.ends_at + timedelta(days=2)) == 1
    signup.refresh_from_db()
    assert (signup.name, signup.email, signup.needs, signup.client_hash) == ("", "", "", "")
    assert signup.places == 2 and signup.childcare and signup.erased_at is not None
    assert meeting_signups_purge(now=timezone.now() + timedelta(days=30)) == 0
    assert MeetingSignup.objects.count() == 1
