"""An editor builds a survey with every question type in the admin, translates it with
wagtail-localize's PO workflow and publishes; Korean and English answers share their keys."""

import pytest

from survey.models import SurveyResponse
from tests.survey.admin_build import ES, KO, QUESTIONS, build_in_admin, translate_in_admin

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, editor_user):
    client.force_login(editor_user)
    return client


def test_editor_builds_every_question_type_and_conditions_become_keys(editor_client, demo):
    page = build_in_admin(editor_client, demo["consultation"])
    assert page.live
    fields = list(page.form_fields.all())
    assert {field.field_type for field in fields} == {q["field_type"] for q in QUESTIONS}
    wait = next(field for field in fields if field.label == "How long did you wait?")
    assert wait.condition_field == "have_you_phoned_the_city_this_year"
    assert wait.condition_values == "yes"
    channels = next(field for field in fields if field.field_type == "checkboxes")
    assert channels.choice_keys.split("\n") == ["phone", "email", "in_person"]


def test_editor_gets_errors_for_a_bad_condition_and_missing_options(editor_client, demo):
    from django.urls import reverse

    from tests.survey.admin_build import add_form_data

    data = add_form_data("Broken", "broken")
    data["form_fields-2-condition_values"] = "Maybe"
    data["form_fields-4-choices"] = "Only one"
    url = reverse("wagtailadmin_pages:add", args=["survey", "surveypage", demo["consultation"].id])
    html = editor_client.post(url, data).content.decode()
    assert "“Maybe” is not an option of that question." in html
    assert "Give at least two options, one per line." in html


def test_translated_survey_renders_in_korean_and_stores_the_same_keys(
    editor_client, client, demo, django_capture_on_commit_callbacks
):
    page = build_in_admin(editor_client, demo["consultation"])
    korean = translate_in_admin(editor_client, page, "ko", KO, django_capture_on_commit_callbacks)
    spanish = translate_in_admin(editor_client, page, "es", ES, django_capture_on_commit_callbacks)
    assert [f.clean_name for f in korean.form_fields.all()] == [
        f.clean_name for f in page.form_fields.all()
    ]
    html = client.get(korean.url).content.decode()
    assert 'lang="ko"' in html
    for text in ("올해 시에 전화한 적이 있습니까?", "예", "시에 어떻게 연락하십니까?", "방문"):
        assert text in html
    assert "Have you phoned the city this year?" not in html
    assert "¿Ha llamado a la ciudad este año?" in client.get(spanish.url).content.decode()
    # A Korean answer is stored by the English keys.
    response = client.post(
        korean.url,
        {
            "step": "1",
            "action": "next",
            "have_you_phoned_the_city_this_year": "yes",
            "how_long_did_you_wait": "10분",
            "how_do_you_contact_the_city": ["phone"],
            "which_district": "north",
            "how_satisfied_are_you": "7",
        },
    )
    assert response.status_code == 302
    step2 = client.get(korean.url + "?step=2").content.decode()
    assert "직원이 친절하다" in step2 and "우선순위를 정해 주세요" in step2
    response = client.post(
        korean.url,
        {
            "step": "2",
            "action": "submit",
            "one_phone_number_for_everything_would_help": "5",
            "rank_these_priorities__speed": "1",
            "rank_these_priorities__fairness": "2",
            "rank_these_priorities__clarity": "3",
            "how_far_do_you_agree__staff_are_polite": "4",
            "how_far_do_you_agree__answers_are_clear": "5",
            "what_should_the_bill_of_rights_include": "빠른 답변",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    saved = SurveyResponse.objects.get()
    assert saved.page_id == page.pk and saved.locale.language_code == "ko"
    assert saved.form_data["have_you_phoned_the_city_this_year"] == "yes"
    assert saved.form_data["rank_these_priorities"] == ["speed", "fairness", "clarity"]
