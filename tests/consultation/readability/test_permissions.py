"""Who may use the plain-language check: editors and administrators; everyone else is kept
out of the report and the panel's refresh (the panel itself shows to whoever may edit)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ROLES = [
    ("anonymous", False),
    ("moderator", False),
    ("analyst", False),
    ("editor", True),
    ("admin", True),
]


@pytest.fixture
def users(admin_user, editor_user, moderator_user, analyst_user):
    return {
        "admin": admin_user,
        "editor": editor_user,
        "moderator": moderator_user,
        "analyst": analyst_user,
    }


def _login(client, users, role):
    if role != "anonymous":
        client.force_login(users[role])


@pytest.mark.parametrize(("role", "allowed"), ROLES)
def test_report_and_its_exports_permission_matrix(client, users, demo, role, allowed):
    _login(client, users, role)
    url = reverse("consultation_readability:report")
    for query in ({}, {"export": "csv"}, {"export": "xlsx"}, {"language": "ko"}):
        response = client.get(url, query)
        if role == "anonymous":
            assert response.status_code == 302 and "/admin/login/" in response["Location"]
        elif allowed:
            assert response.status_code == 200
        else:
            assert response.status_code in (302, 403)


@pytest.mark.parametrize(("role", "allowed"), ROLES)
def test_panel_refresh_permission_matrix(client, users, demo, role, allowed):
    _login(client, users, role)
    data = {"body-count": "0", "readability-language": "en"}
    response = client.post(reverse("consultation_readability:preview"), data)
    if role == "anonymous":
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    elif allowed:
        assert response.status_code == 200
    else:
        assert response.status_code in (302, 403)


def test_panel_refresh_refuses_get(client, editor_user):
    client.force_login(editor_user)
    assert client.get(reverse("consultation_readability:preview")).status_code == 405


@pytest.mark.parametrize(("role", "allowed"), ROLES[1:])
def test_reports_menu_shows_the_check_to_editors_and_admins_only(
    client, users, demo, role, allowed
):
    _login(client, users, role)
    response = client.get(reverse("wagtailadmin_home"))
    if response.status_code != 200:
        assert not allowed  # no admin access at all
        return
    assert (reverse("consultation_readability:report") in response.content.decode()) is allowed


def test_panel_refresh_refuses_an_oversized_form(client, editor_user):
    client.force_login(editor_user)
    data = {"body-count": "0", "readability-language": "en", "padding": "x" * 600_000}
    response = client.post(reverse("consultation_readability:preview"), data)
    assert response.status_code == 400
