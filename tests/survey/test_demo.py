"""The demo seeds the Bill of Rights survey in nine languages with a few hundred responses, and
analysis receives their written answers with question, language and channel."""

import pytest
from django.utils.html import escape

from config.languages import LANGUAGE_CODES
from survey.demo_data import load_content, seed_demo_data
from survey.models import SurveyPage, SurveyResponse
from survey.selectors.published import published_answer_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey_demo(demo, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        seed_demo_data()
    return SurveyPage.objects.get(slug="survey", locale__language_code="en")


def test_demo_survey_is_published_in_nine_languages(client, survey_demo):
    translations = survey_demo.get_translations(inclusive=True).live()
    assert sorted(p.locale.language_code for p in translations) == sorted(LANGUAGE_CODES)
    for code in ("ko", "am", "so"):
        content = load_content(code)
        html = client.get(f"/{code}/customer-bill-of-rights/survey/").content.decode()
        assert escape(content["fields"]["meaning"]["label"]) in html
        assert f'<html lang="{code}"' in html


def test_demographic_questions_offer_prefer_not_to_say_in_every_language(survey_demo):
    for page in survey_demo.get_translations(inclusive=True):
        content = load_content(page.locale.language_code)
        by_key = {field.key: field for field in page.specific.questions()}
        for key, content_key in (
            ("district", "district"),
            ("age_band", "age"),
            ("home_language", "home_language"),
        ):
            labels = [label for _key, label in by_key[key].options()]
            assert labels[-1] == content["fields"][content_key]["choices"][-1]
            assert [k for k, _l in by_key[key].options()][-1] == "prefer_not_to_say"


def test_demo_has_at_least_300_responses_in_at_least_five_languages(survey_demo):
    responses = SurveyResponse.objects.filter(page=survey_demo)
    assert responses.count() >= 300
    languages = set(responses.values_list("locale__language_code", flat=True))
    assert len(languages) >= 5
    assert set(responses.values_list("channel", flat=True)) >= {"web", "mail", "phone"}


def test_seeding_again_adds_nothing(survey_demo, django_capture_on_commit_callbacks):
    before = SurveyResponse.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        summary = seed_demo_data()
    assert SurveyResponse.objects.count() == before
    assert "0 demo responses added" in summary


def test_analysis_selector_returns_the_written_answers(survey_demo, demo):
    rows = published_answer_rows(consultation=demo["consultation"])
    assert len(rows) >= 300
    row = next(r for r in rows if r["language"] == "ko")
    assert row["question_key"] in ("customer_service_meaning", "bill_of_rights_include")
    assert row["question_label"] in (
        "What does customer service mean to you?",
        "What should the Bill of Rights include?",
    )
    response = SurveyResponse.objects.get(pk=row["response_id"])
    assert response.form_data[row["question_key"]] == row["text"]
    assert row["channel"] == response.channel
    assert {r["language"] for r in rows} >= {"en", "es", "ko", "zh-hans", "vi"}
    assert any(r["question_key"] == "contact_channels__other" for r in rows)
    korean_consultation = demo["consultation"].get_translations().get(locale__language_code="ko")
    assert len(published_answer_rows(consultation=korean_consultation)) == len(rows)


def test_demo_survey_uses_every_question_type_and_asks_a_follow_up_only_after_a_low_score(
    survey_demo,
):
    from survey.fields.types import FieldType

    fields = {field.key: field for field in survey_demo.form_fields.all()}
    assert {field.field_type for field in fields.values()} == set(FieldType.values)
    follow_up = fields["what_went_wrong"]
    assert follow_up.condition_field == "satisfaction"
    answers = [r.form_data for r in SurveyResponse.objects.filter(page=survey_demo)]
    followed = [a for a in answers if "what_went_wrong" in a]
    assert followed and all(a["satisfaction"] <= 4 for a in followed)
    ranked = [a["service_priorities"] for a in answers if "service_priorities" in a]
    assert ranked and all(sorted(r) == sorted(ranked[0]) for r in ranked)
    assert any(set(a.get("service_statements", {}).values()) - {1, 2} for a in answers)


def test_ranking_options_and_matrix_statements_are_translated(survey_demo):
    korean = survey_demo.get_translations().get(locale__language_code="ko").specific
    content = load_content("ko")["fields"]
    fields = {field.key: field for field in korean.form_fields.all()}
    ranking = [label for _key, label in fields["service_priorities"].options()]
    statements = [label for _key, label in fields["service_statements"].statement_pairs()]
    assert ranking == content["priorities"]["choices"]
    assert statements == content["statements"]["statements"]
