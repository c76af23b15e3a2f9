"""Only staff roles see results, as survey/rules.py says; anonymous visitors never do."""

import pytest
from django.urls import reverse

from survey import rules

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "moderator", "editor", "analyst", "admin"]
EXPECTED = {
    "view": {"moderator", "editor", "analyst", "admin"},
    "export": {"editor", "analyst", "admin"},
    "enter": {"moderator", "editor", "admin"},
    "review": {"moderator", "admin"},
    "delete": {"admin"},
}


@pytest.fixture
def user_for(request, admin_user, editor_user, moderator_user, analyst_user):
    users = {
        "anonymous": None,
        "admin": admin_user,
        "editor": editor_user,
        "moderator": moderator_user,
        "analyst": analyst_user,
    }
    return users.__getitem__


def _client(client, user):
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(EXPECTED))
def test_rules_matrix(user_for, role, action):
    from django.contrib.auth.models import AnonymousUser

    user = user_for(role) or AnonymousUser()
    assert rules.has_permission(user, action) is (role in EXPECTED[action])


@pytest.mark.parametrize("role", ROLES)
def test_results_and_index_screens(client, survey, user_for, role):
    client = _client(client, user_for(role))
    for url in (reverse("survey_admin:index"), reverse("survey_admin:results", args=[survey.pk])):
        response = client.get(url)
        if role == "anonymous":
            assert response.status_code == 302 and "/admin/login/" in response["Location"]
        elif role in EXPECTED["view"]:
            assert response.status_code == 200
        else:
            assert response.status_code == 302
            assert response["Location"] == reverse("wagtailadmin_home")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_exports(client, survey, user_for, role, fmt):
    response = _client(client, user_for(role)).get(
        reverse("survey_admin:export", args=[survey.pk, fmt])
    )
    if role in EXPECTED["export"]:
        assert response.status_code == 200
        assert "attachment" in response["Content-Disposition"]
    elif role == "anonymous":
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    else:  # Wagtail turns a denied admin view into a redirect to the dashboard with a message
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


@pytest.mark.parametrize("role", ROLES)
def test_staff_entry(client, survey, user_for, role):
    response = _client(client, user_for(role)).get(survey.url + "staff-entry/")
    if role in EXPECTED["enter"]:
        assert response.status_code == 200
        assert "How was this response given?" in response.content.decode()
    elif role == "anonymous":
        assert response.status_code == 302
    else:
        assert response.status_code == 403


def test_analysts_reach_the_admin_and_see_the_results_menu(client, analyst_user):
    client.force_login(analyst_user)
    assert "Survey results" in client.get(reverse("wagtailadmin_home")).content.decode()
