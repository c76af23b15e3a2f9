"""Data migration 0004: paper responses become "mail" (one channel list with comments) and
receipt codes are stored without their dash, and back again."""

import importlib

import pytest
from django.apps import apps

from tests.factories import SurveyResponseFactory

pytestmark = pytest.mark.django_db
migration = importlib.import_module("survey.migrations.0004_one_channel_list_and_reference_format")


def _response(survey, code, channel):
    return SurveyResponseFactory(page=survey, channel=channel, receipt_code=code)


def test_paper_becomes_mail_and_codes_lose_their_dash(survey):
    paper = _response(survey, "ABCDE-FGHJK", "paper")
    web = _response(survey, "KMNPQRSTUV", "web")
    migration.forwards(apps, None)
    paper.refresh_from_db()
    web.refresh_from_db()
    assert (paper.channel, paper.receipt_code) == ("mail", "ABCDEFGHJK")
    assert (web.channel, web.receipt_code) == ("web", "KMNPQRSTUV")
    migration.backwards(apps, None)
    paper.refresh_from_db()
    assert (paper.channel, paper.receipt_code) == ("paper", "ABCDE-FGHJK")


redaction = importlib.import_module("survey.migrations.0005_written_answers_redaction")


def test_answers_given_before_redaction_get_their_hidden_copy(survey):
    old = SurveyResponseFactory(
        page=survey, form_data={"comments": "Call me on 206-555-0199", "called": "yes"}
    )
    redaction.redact_existing(apps, None)
    old.refresh_from_db()
    assert old.redaction_state == "detected"
    assert old.redacted_answers == {"comments": "Call me on [phone]"}
    assert old.form_data["comments"] == "Call me on 206-555-0199"
