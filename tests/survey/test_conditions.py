"""Conditional questions are decided on the server: hidden ones are never required and any
answer sent for them is discarded."""

import pytest

from survey.models import SurveyResponse
from tests.survey.conftest import VALID_ANSWERS, complete, post_step

pytestmark = pytest.mark.django_db


def test_same_step_condition_false_means_not_required_and_forged_answer_discarded(client, survey):
    answers = {**VALID_ANSWERS, 1: {**VALID_ANSWERS[1], "called": "no", "wait": "forged"}}
    complete(client, survey, answers)
    data = SurveyResponse.objects.get().form_data
    assert "wait" not in data and data["called"] == "no"


def test_same_step_condition_true_makes_the_question_required(client, survey):
    response = post_step(client, survey, 1, {**VALID_ANSWERS[1], "wait": ""})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="q-wait-error"' in html
    assert "it applies to your earlier answer" in html


def test_same_step_conditional_question_shows_a_note_for_no_script_readers(client, survey):
    html = client.get(survey.url).content.decode()
    assert 'data-condition-field="called" data-condition-values="yes"' in html
    assert "Answer only if your answer to “Have you phoned the city this year?” was “Yes”." in html


def test_earlier_step_condition_is_decided_on_the_server(client, survey):
    post_step(client, survey, 1, VALID_ANSWERS[1])  # satisfaction 3: "What went wrong?" applies
    assert "What went wrong?" in client.get(survey.url + "?step=2").content.decode()
    happy = {**VALID_ANSWERS[1], "satisfaction": "9"}
    post_step(client, survey, 1, happy)
    assert "What went wrong?" not in client.get(survey.url + "?step=2").content.decode()


def test_forged_answer_to_a_question_hidden_by_an_earlier_step_is_discarded(client, survey):
    answers = {**VALID_ANSWERS, 1: {**VALID_ANSWERS[1], "satisfaction": "9"}}
    complete(client, survey, answers)  # step 2 still posts why_unhappy
    assert "why_unhappy" not in SurveyResponse.objects.get().form_data


def test_changing_an_earlier_answer_drops_answers_that_no_longer_apply(client, survey):
    post_step(client, survey, 1, VALID_ANSWERS[1])
    post_step(client, survey, 2, VALID_ANSWERS[2])
    post_step(client, survey, 3, {}, action="back")
    post_step(client, survey, 2, VALID_ANSWERS[2], action="back")
    post_step(client, survey, 1, {**VALID_ANSWERS[1], "satisfaction": "10"})
    post_step(client, survey, 2, {k: v for k, v in VALID_ANSWERS[2].items() if k != "why_unhappy"})
    post_step(client, survey, 3, VALID_ANSWERS[3], action="submit")
    assert "why_unhappy" not in SurveyResponse.objects.get().form_data


def test_other_text_is_discarded_unless_other_is_chosen(client, survey):
    answers = {**VALID_ANSWERS, 1: {**VALID_ANSWERS[1], "channels": ["email"]}}
    complete(client, survey, answers)
    assert "channels__other" not in SurveyResponse.objects.get().form_data
