"""Every new view, for every role: residents' pages are open to all; moderation and intake are
for moderators and admins only (editors and analysts are turned away, anonymous users are sent
to log in)."""

import pytest

from consultation.intake.services import import_batch_create
from tests.factories import submit_comment

from .comment_helpers import RIGHT, bulk_url, draft, post_comment

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "moderator", "editor", "analyst", "admin"]
STAFF_ALLOWED = {"moderator", "admin"}


@pytest.fixture
def as_role(client, admin_user, editor_user, moderator_user, analyst_user):
    users = {
        "admin": admin_user,
        "editor": editor_user,
        "moderator": moderator_user,
        "analyst": analyst_user,
    }

    def login(role):
        if role != "anonymous":
            client.force_login(users[role])
        return client

    return login


@pytest.fixture
def comment(demo):
    return submit_comment(draft(demo), right_key=RIGHT, text="Matrix comment").comment


def _public_urls(demo, comment):
    page = draft(demo)
    return [
        f"/en/comment/{page.pk}/{RIGHT}/",
        f"/en/comment/{page.pk}/",
        f"/en/comments/{page.pk}/{RIGHT}/",
        f"/en/comments/{page.pk}/",
        "/en/status/",
        f"/en/status/?code={comment.reference}",
        "/en/paper-form/",
    ]


@pytest.mark.parametrize("role", ROLES)
def test_resident_pages_are_open_to_everyone(as_role, demo, comment, role):
    client = as_role(role)
    for url in _public_urls(demo, comment):
        assert client.get(url).status_code == 200, url
    response = post_comment(client, f"/en/comment/{draft(demo).pk}/{RIGHT}/")
    assert response.status_code == 302


def _staff_requests(demo, comment, moderator_user):
    batch = import_batch_create(file_name="m.csv", draft=draft(demo), user=moderator_user, rows=[])
    return [
        ("get", "/admin/comments/", None),
        ("get", f"/admin/comments/{comment.pk}/", None),
        ("post", f"/admin/comments/{comment.pk}/", {"form": "d", "action": "approve"}),
        ("post", bulk_url("publish", [comment.pk]), {}),
        ("get", "/admin/comment-intake/", None),
        ("get", "/admin/comment-intake/import/", None),
        ("get", f"/admin/comment-intake/import/{batch.pk}/", None),
        ("post", f"/admin/comment-intake/import/{batch.pk}/confirm/", {"discard": "1"}),
        ("get", "/admin/comment-intake/import/template.csv", None),
        ("get", f"/admin/comment-intake/import/template.xlsx?draft={draft(demo).pk}", None),
    ]


@pytest.mark.parametrize("role", ROLES)
def test_moderation_and_intake_are_for_moderators_and_admins(
    as_role, demo, comment, moderator_user, role
):
    client = as_role(role)
    for method, url, data in _staff_requests(demo, comment, moderator_user):
        response = getattr(client, method)(url, data or {})
        if role in STAFF_ALLOWED:
            assert response.status_code in (200, 302), (url, response.status_code)
            if response.status_code == 302:
                assert "/login/" not in response["Location"], url
        elif role == "anonymous":
            assert response.status_code == 302, url
            assert "/admin/login/" in response["Location"], url
        else:
            assert response.status_code in (302, 403), (url, response.status_code)
            if response.status_code == 302:
                # refused: sent to the dashboard, or back to the queue with nothing done
                assert response["Location"] in ("/admin/", "/admin/comments/") or (
                    "/admin/login/" in response["Location"]
                ), url
    comment.refresh_from_db()
    expected = "published" if role in STAFF_ALLOWED else "awaiting_moderation"
    assert comment.status == expected


@pytest.mark.parametrize("role", ROLES[1:])
def test_comments_menu_is_shown_only_to_staff_who_can_use_it(as_role, role):
    client = as_role(role)
    response = client.get("/admin/")
    if response.status_code != 200:
        assert role not in STAFF_ALLOWED
        return
    html = response.content.decode()
    assert ("comment-moderation" in html) == (role in STAFF_ALLOWED)
