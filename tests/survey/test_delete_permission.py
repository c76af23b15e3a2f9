"""Deleting survey responses is a permission of its own (administrators only by default),
obeyed by Wagtail's built-in form-submission screens and the responses viewset, and audited."""

import pytest
from wagtail.models import ModelLogEntry

from survey.models import SurveyResponse
from tests.factories import SurveyResponseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def response(survey):
    return SurveyResponseFactory(page=survey, form_data={"comments": "keep me"})


def _builtin_delete(client, response):
    url = f"/admin/forms/submissions/{response.page_id}/delete/"
    return client.post(f"{url}?selected-submissions={response.pk}")


@pytest.mark.parametrize("role", ["editor", "moderator", "analyst"])
def test_staff_who_are_not_administrators_cannot_delete_through_wagtails_screens(
    client, response, role, request
):
    client.force_login(request.getfixturevalue(f"{role}_user"))
    reply = _builtin_delete(client, response)
    assert reply.status_code in (302, 403)
    assert SurveyResponse.objects.filter(pk=response.pk).exists()
    client.post(f"/admin/surveys/responses/delete/{response.pk}/")
    assert SurveyResponse.objects.filter(pk=response.pk).exists()


def test_an_administrator_may_delete_and_the_deletion_is_audited(client, response, admin_user):
    client.force_login(admin_user)
    pk, code = response.pk, response.receipt_code
    _builtin_delete(client, response)
    assert not SurveyResponse.objects.filter(pk=pk).exists()
    entry = ModelLogEntry.objects.get(object_id=str(pk), action="wagtail.delete")
    assert entry.user == admin_user
    assert entry.label == code
    assert "keep me" not in str(entry.data)


def test_the_viewset_delete_is_audited_once(client, response, admin_user):
    client.force_login(admin_user)
    client.post(f"/admin/surveys/responses/delete/{response.pk}/")
    assert not SurveyResponse.objects.filter(pk=response.pk).exists()
    assert ModelLogEntry.objects.filter(object_id=str(response.pk)).count() == 1
