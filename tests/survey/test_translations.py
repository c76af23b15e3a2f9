"""Translators translate written survey answers in the admin: they see the answer with
personal data hidden, add a translation with who and when, and the answer never changes."""

import pytest
from django.test import Client

from participation.models import Translation
from survey.models import SurveyResponse
from tests.factories import SurveyResponseFactory, user_in_role
from tests.survey.conftest import build_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def response(demo):
    survey = build_survey(demo["consultation"])
    return SurveyResponseFactory(page=survey, form_data={"comments": "Waan ku faraxsanahay."})


def translator():
    client = Client()
    client.force_login(user_in_role("translator", username="ayaan"))
    return client


def test_written_answers_are_listed_for_translators(response):
    html = translator().get("/admin/survey-translations/").content.decode()
    assert "Waan ku faraxsanahay." in html
    assert f"/admin/survey-translations/{response.pk}/comments/" in html


def test_a_translation_of_an_answer_keeps_the_answer(response):
    client = translator()
    language = "en" if response.locale.language_code != "en" else "so"
    posted = client.post(
        f"/admin/survey-translations/{response.pk}/comments/",
        {"language": language, "text": "I am glad."},
    )
    assert posted.status_code == 302
    row = Translation.objects.get()
    assert (row.field_key, row.text, row.translated_by.username) == (
        "comments",
        "I am glad.",
        "ayaan",
    )
    assert (
        SurveyResponse.objects.get(pk=response.pk).form_data["comments"] == "Waan ku faraxsanahay."
    )


def test_only_written_answers_can_be_translated(response):
    page = translator().get(f"/admin/survey-translations/{response.pk}/nope/", follow=True)
    assert page.status_code == 404
