"""Residents answer one step at a time, go back without losing answers, and get a receipt."""

import pytest

from participation.references import display_reference
from survey.models import SurveyResponse
from tests.survey.conftest import VALID_ANSWERS, complete, post_step

pytestmark = pytest.mark.django_db


def test_first_step_shows_progress_and_only_its_questions(client, survey):
    html = client.get(survey.url).content.decode()
    assert "Step 1 of 3" in html
    assert "Have you phoned the city this year?" in html
    assert "Rank these priorities" not in html


def test_resident_completes_every_step_and_gets_a_receipt(client, survey):
    response = complete(client, survey)
    assert response["Location"].endswith("thank-you/")
    saved = SurveyResponse.objects.get()
    html = client.get(response["Location"]).content.decode()
    assert display_reference(saved.receipt_code) in html
    assert saved.form_data["priorities"] == ["fairness", "speed", "clarity"]
    assert saved.form_data["statements"] == {"staff_are_polite": 4, "answers_are_clear": 2}
    assert saved.form_data["satisfaction"] == 3
    assert saved.form_data["channels__other"] == "Text message"
    assert saved.form_data["household"] == "3"
    assert saved.channel == "web" and saved.locale.language_code == "en"


def test_back_keeps_answers_of_both_steps(client, survey):
    post_step(client, survey, 1, VALID_ANSWERS[1])
    response = post_step(
        client, survey, 2, {"single_number": "4", "district": "south"}, action="back"
    )
    assert response.status_code == 302 and response["Location"] == survey.url
    html = client.get(survey.url).content.decode()
    assert 'value="yes" checked' in html and 'value="Ten minutes"' in html
    html = client.get(survey.url + "?step=2").content.decode()
    assert 'name="single_number" id="q-single_number-3" value="4" checked' in html
    assert '<option value="south" selected>' in html


def test_steps_cannot_be_skipped_by_url(client, survey):
    html = client.get(survey.url + "?step=3").content.decode()
    assert "Step 1 of 3" in html


def test_second_response_from_the_same_browser_is_refused_with_its_receipt(client, survey):
    complete(client, survey)
    saved = SurveyResponse.objects.get()
    html = client.get(survey.url).content.decode()
    assert "already answered" in html and display_reference(saved.receipt_code) in html
    response = post_step(client, survey, 3, VALID_ANSWERS[3], action="submit")
    assert response.status_code == 200
    assert SurveyResponse.objects.count() == 1


def test_signed_cookie_guard_survives_a_new_session(client, survey):
    complete(client, survey)
    cookie = next(v for k, v in client.cookies.items() if k.startswith("survey_done_"))
    client.cookies.pop("sessionid", None)
    assert "already answered" in client.get(survey.url).content.decode()
    assert cookie.value


def test_rate_limit_answers_429_in_the_residents_language(client, survey, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "survey-response": {"limit": 1, "window": 3600}}
    complete(client, survey)
    other = type(client)()
    for number in (1, 2):
        post_step(other, survey, number, VALID_ANSWERS[number], url=survey.url)
    response = post_step(other, survey, 3, VALID_ANSWERS[3], action="submit")
    assert response.status_code == 429
    assert SurveyResponse.objects.count() == 1


def test_korean_rate_limit_page_is_translated(client, survey, settings, translated):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "survey-response": {"limit": 0, "window": 3600}}
    korean = translated(survey, "ko")
    for number in (1, 2):
        post_step(client, korean, number, VALID_ANSWERS[number])
    response = post_step(client, korean, 3, VALID_ANSWERS[3], action="submit")
    assert response.status_code == 429
    assert 'lang="ko"' in response.content.decode()
    assert "Too many responses" not in response.content.decode()


def test_staff_enter_a_phone_response_with_the_channel_recorded(client, survey, editor_user):
    client.force_login(editor_user)
    url = survey.url + "staff-entry/"
    first = {**VALID_ANSWERS[1], "channel": "phone"}
    assert post_step(client, survey, 1, first, url=url).status_code == 302
    assert post_step(client, survey, 2, VALID_ANSWERS[2], url=url).status_code == 302
    response = post_step(client, survey, 3, VALID_ANSWERS[3], action="submit", url=url)
    assert response["Location"].endswith("thank-you/?staff=1")
    saved = SurveyResponse.objects.get()
    assert saved.channel == "phone" and saved.entered_by == editor_user
    html = client.get(response["Location"]).content.decode()
    assert "Enter another response" in html
    # Staff may enter many responses from one browser.
    assert "already answered" not in client.get(url).content.decode()


def test_printable_version_lists_every_question_and_condition(client, survey):
    html = client.get(survey.url + "print/").content.decode()
    for label in (
        "Have you phoned the city this year?",
        "Rank these priorities",
        "Staff are polite",
        "When did you move here?",
    ):
        assert label in html
    assert "Answer only if your answer to “How satisfied are you?”" in html


def test_responses_are_stored_against_the_source_survey_with_their_language(
    client, survey, translated
):
    spanish = translated(survey, "es")
    complete(client, spanish)
    saved = SurveyResponse.objects.get()
    assert saved.page_id == survey.pk and saved.locale.language_code == "es"


@pytest.mark.parametrize("mode", ["form", "landing"])
def test_editors_can_preview_the_survey_and_its_thank_you_page(survey, mode):
    response = survey.make_preview_request(preview_mode=mode)
    assert response.status_code == 200
    response.render()
    assert "Have you phoned the city this year?" in response.content.decode() or mode == "landing"
