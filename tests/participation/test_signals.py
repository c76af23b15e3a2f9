"""Apps above the kernel hear of every contribution without the apps storing them knowing who
listens: submitted and published after commit, with the public (redacted) text."""

import pytest

from consultation.models import Comment
from participation.signals import contribution_published, contribution_submitted
from survey.models import SurveyResponse
from tests.factories import submit_comment
from tests.survey.conftest import VALID_ANSWERS, build_survey, complete

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard():
    received = []

    def listener(sender, contribution, **kwargs):
        received.append((sender, contribution))

    contribution_submitted.connect(listener, dispatch_uid="test-submitted")
    contribution_published.connect(listener, dispatch_uid="test-published")
    yield received
    contribution_submitted.disconnect(dispatch_uid="test-submitted")
    contribution_published.disconnect(dispatch_uid="test-published")


def test_a_comment_is_announced_when_stored_and_when_published(
    demo, heard, django_capture_on_commit_callbacks, settings
):
    with django_capture_on_commit_callbacks(execute=True):
        comment = submit_comment(demo["drafts"][1], text="Call 206-555-0199 please").comment
    assert [sender for sender, _c in heard] == [Comment]
    from consultation import services

    with django_capture_on_commit_callbacks(execute=True):
        services.comment_approve(comment=comment, user=None)
    assert [sender for sender, _c in heard] == [Comment, Comment]
    contribution = heard[-1][1]
    assert contribution.object_id == comment.pk
    assert contribution.texts == {"": "Call [phone] please"}


def test_a_survey_response_is_announced_with_its_redacted_written_answers(
    client, demo, heard, django_capture_on_commit_callbacks
):
    survey = build_survey(demo["consultation"])
    answers = {**VALID_ANSWERS, 3: {**VALID_ANSWERS[3], "comments": "Mail a@b.org"}}
    with django_capture_on_commit_callbacks(execute=True):
        complete(client, survey, answers)
    sender, contribution = heard[-1]
    assert sender is SurveyResponse
    assert contribution.texts["comments"] == "Mail [email]"
