"""Wrong answers get a translated message tied to their question; every other answer on the
step is kept."""

import re

import pytest

from tests.survey.conftest import VALID_ANSWERS, post_step

pytestmark = pytest.mark.django_db


@pytest.fixture
def korean(survey, translated):
    return translated(survey, "ko")


def _error_html(html, key):
    return html.split(f'id="q-{key}-error"')[1].split("</p>")[0]


CASES = {
    "missing required": (1, {"called": ""}, "called"),
    "rating out of range": (1, {"satisfaction": "11"}, "satisfaction"),
    "forged option": (1, {"channels": ["phone", "fax"]}, "channels"),
    "oversized text": (1, {"wait": "x" * 300}, "wait"),
    "forged likert point": (2, {"single_number": "7"}, "single_number"),
    "duplicate ranks": (2, {"priorities__speed": "1", "priorities__fairness": "1"}, "priorities"),
    "matrix half answered": (2, {"statements__answers_are_clear": ""}, "statements"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_error_is_tied_to_its_field_and_other_answers_are_kept(client, survey, case):
    step, change, key = CASES[case]
    if step == 2:
        post_step(client, survey, 1, VALID_ANSWERS[1])
    data = {**VALID_ANSWERS[step], **change}
    response = post_step(client, survey, step, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="q-{key}-error"' in html
    describedby = re.findall(r'aria-describedby="([^"]*)"', html)
    assert any(f"q-{key}-error" in ids.split() for ids in describedby)
    assert 'class="error-summary" role="alert"' in html
    if step == 1:
        assert 'value="Text message"' in html  # the "Other" text typed on the same step
        if key != "called":
            assert 'value="yes" checked' in html
    else:
        assert 'value="north" selected' in html


def test_korean_errors_are_translated(client, korean):
    data = {**VALID_ANSWERS[1], "called": "", "satisfaction": "11", "channels__other": "x" * 300}
    html = post_step(client, korean, 1, data).content.decode()
    assert "이 질문에 답해 주세요." in _error_html(html, "called")
    assert "0부터 10까지" in _error_html(html, "satisfaction")
    assert "255자 이하로" in _error_html(html, "channels-other-text")


def test_other_chosen_without_text_asks_for_it(client, survey):
    html = post_step(client, survey, 1, {**VALID_ANSWERS[1], "channels__other": ""}).content
    html = html.decode()
    assert 'id="q-channels-other-text-error"' in html
    assert 'aria-describedby="q-channels-other-text-error"' in html


def test_bad_number_and_date_and_email(client, survey):
    post_step(client, survey, 1, VALID_ANSWERS[1])
    post_step(client, survey, 2, VALID_ANSWERS[2])
    data = {"household": "three", "moved_in": "31/12/2020", "email": "nobody"}
    html = post_step(client, survey, 3, data, action="submit").content.decode()
    assert "Please enter a number" in _error_html(html, "household")
    assert "year-month-day" in _error_html(html, "moved_in")
    assert "name@example.org" in _error_html(html, "email")
    assert 'value="three"' in html


def test_a_nul_in_an_answer_gets_no_english_message_on_a_korean_page(client, korean):
    reply = post_step(client, korean, 1, {**VALID_ANSWERS[1], "wait": "열 분\x00 기다림"})
    assert reply.status_code == 302
    assert "Null characters" not in reply.content.decode()
    follow = client.get(reply["Location"]).content.decode()
    assert "Null characters" not in follow
    assert client.session[f"survey:{korean.translation_key}"]["answers"]["wait"] == "열 분 기다림"
