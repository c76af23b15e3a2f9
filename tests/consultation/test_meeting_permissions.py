"""Who may do what with meetings, as a matrix: every role (anonymous, admin, editor, moderator,
analyst) against the public meeting pages, sign-up before and after the meeting, the staff list
of sign-ups, recording a comment taken at a meeting and the report's meeting filter."""

import pytest
from django.test import Client

from consultation.meetings.services import SignupDetails, meeting_signup
from consultation.models import Comment, MeetingSignup
from participation.values import Contact, Origin
from tests.consultation.comment_helpers import RIGHT, draft
from tests.factories import user_in_role
from tests.test_admin_matrix import allowed

from .meeting_helpers import meeting, post_signup, signup_token, signup_url

pytestmark = pytest.mark.django_db
ROLES = ["anonymous", "admin", "editor", "moderator", "analyst"]


def client_for(role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(user_in_role(role, username=f"mp-{role}"))
    return client


@pytest.fixture
def signup(demo):
    return meeting_signup(
        meeting=meeting(demo),
        details=SignupDetails(language="en", needs="Wheelchair space"),
        contact=Contact(name="Pat", email="pat@example.org", consent_contact=True),
        origin=Origin(submission_token="perm-test"),
    ).signup


@pytest.mark.parametrize("role", ROLES)
def test_everyone_reads_the_public_meeting_pages_and_calendar(client, demo, signup, role):
    client = client_for(role)
    upcoming, past = meeting(demo, "ko"), meeting(demo, "ko", "past")
    urls = [
        upcoming.url,
        past.url,
        signup_url(upcoming, "ko"),
        f"/ko/meetings/{upcoming.pk}/calendar.ics",
        f"/en/meetings/{meeting(demo).pk}/sign-up/{signup.reference}/",
    ]
    assert [client.get(url).status_code for url in urls] == [200] * len(urls)


@pytest.mark.parametrize("role", ROLES)
def test_everyone_may_sign_up_before_the_meeting_and_nobody_after(demo, role):
    client = client_for(role)
    upcoming, past = meeting(demo), meeting(demo, kind="past")
    assert post_signup(client, upcoming).status_code == 302
    token = signup_token(client, signup_url(upcoming))
    assert post_signup(client, past, token=token).status_code == 403
    assert MeetingSignup.objects.count() == 1


def test_an_unpublished_meeting_has_no_public_pages(client, demo):
    page = meeting(demo)
    page.unpublish()
    for url in (signup_url(page), f"/en/meetings/{page.pk}/calendar.ics"):
        assert client.get(url).status_code == 404


SIGNUP_READERS = {"admin", "moderator"}


@pytest.mark.parametrize("role", ROLES)
def test_only_moderators_and_admins_see_who_signed_up(demo, signup, role):
    client = client_for(role)
    urls = [
        "/admin/meetings/sign-ups/",
        "/admin/meetings/sign-ups/?export=csv",
        f"/admin/meetings/sign-ups/inspect/{signup.pk}/",
    ]
    for url in urls:
        response = client.get(url)
        assert allowed(response) == (role in SIGNUP_READERS), (url, response.status_code)
    if role in SIGNUP_READERS:
        body = client.get("/admin/meetings/sign-ups/?export=csv").getvalue().decode()
        assert "pat@example.org" in body and "Wheelchair space" in body


@pytest.mark.parametrize("role", ROLES)
def test_nobody_adds_edits_or_deletes_a_signup_in_the_admin(demo, signup, role):
    client = client_for(role)
    client.post(f"/admin/meetings/sign-ups/edit/{signup.pk}/", {"places": "5"})
    client.post(f"/admin/meetings/sign-ups/delete/{signup.pk}/")
    client.post("/admin/meetings/sign-ups/add/", {"places": "2"})
    assert list(MeetingSignup.objects.values_list("pk", "places")) == [(signup.pk, 1)]


INTAKE = {"admin", "moderator"}


@pytest.mark.parametrize("role", ROLES)
def test_only_staff_who_record_comments_record_one_from_a_meeting(demo, role):
    client = client_for(role)
    past = meeting(demo, kind="past")
    response = client.post(
        "/admin/comment-intake/",
        {
            "channel": "meeting",
            "meeting": str(past.pk),
            "received_on": "2025-03-03",
            "taken_by": "Dana",
            "target": f"{draft(demo).pk}:{RIGHT}",
            "text_form": "verbatim",
            "language": "ko",
            "stance": "agree",
            "text": "회의에서 받은 의견입니다.",
        },
    )
    stored = Comment.objects.filter(provenance__meeting=past).count()
    assert stored == (1 if role in INTAKE else 0), response.status_code
