"""Comments sent through the submission service and moderated, plus an approved analysis run
written row by row, for the open data tests: one comment carries a name, an email and a phone
number both in its text and in its contact fields."""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.test import override_settings
from django.utils import timezone

from analysis.models import Theme
from analysis.services.publication import results_publish
from consultation.models import Comment
from consultation.services.moderation import comment_approve, comment_reject
from participation.ratelimit import pseudonym
from tests.consultation.comment_helpers import OTHER_RIGHT, RIGHT, draft
from tests.factories import (
    AnalysisItemFactory,
    AnalysisRunFactory,
    ThemeAssignmentFactory,
    ThemeFactory,
    submit_comment,
)

PERSONAL_TEXT = (
    "My name is Jane Roe, write to jane.roe@example.org or call 206-555-0143: "
    "the phone line kept me waiting."
)


def published(draft_page, *, text, right_key=RIGHT, language="en", days_ago=0, **fields):
    comment = submit_comment(
        draft_page, text=text, right_key=right_key, language=language, **fields
    ).comment
    comment_approve(comment=comment, user=None)
    received = timezone.now() - timedelta(days=days_ago)
    Comment.objects.filter(pk=comment.pk).update(received_at=received)
    comment.refresh_from_db()
    return comment


def open_data_world(demo) -> dict:
    """Five published comments (en, ko, am; two rights and the whole draft), one rejected,
    one waiting; an approved run with an approved theme on two comments and a proposed one."""
    english, korean, amharic = draft(demo), draft(demo, "ko"), draft(demo, "am")
    personal = published(
        english,
        text=PERSONAL_TEXT,
        name="Jane Roe",
        email="jane.roe@example.org",
        district="Rainier Valley",
        client_hash=pseudonym("203.0.113.44"),
        days_ago=10,
    )
    comments = {
        "personal": personal,
        "korean": published(
            korean, text="전화 대기 시간이 너무 깁니다.", language="ko", days_ago=5
        ),
        "amharic": published(amharic, text="የአማርኛ አስተርጓሚ ያስፈልገናል።", language="am", days_ago=2),
        "other_right": published(english, text="Plain words please.", right_key=OTHER_RIGHT),
        "whole": published(english, text="The whole draft is good.", right_key=""),
    }
    rejected = submit_comment(english, text="Rejected words.", right_key=RIGHT).comment
    comment_reject(comment=rejected, user=None, reason="off_topic")
    waiting = submit_comment(english, text="Still waiting for a moderator.", right_key=RIGHT)
    run = AnalysisRunFactory(consultation=demo["consultation"], approved_at=timezone.now())
    waiting_theme = ThemeFactory(run=run, key="waiting-times", name="Waiting times")
    proposed = ThemeFactory(run=run, key="unreviewed", state=Theme.State.PROPOSED)
    content_type = ContentType.objects.get_for_model(Comment)
    items = {
        name: AnalysisItemFactory(
            run=run, content_type=content_type, object_id=comment.pk, language=comment.language
        )
        for name, comment in comments.items()
    }
    for name in ("personal", "korean"):
        ThemeAssignmentFactory(tag=waiting_theme, item=items[name])
    ThemeAssignmentFactory(tag=proposed, item=items["amharic"])
    # Open data shows published results only; the review gate is tested in test_publication.
    with override_settings(PUBLICATION_MIN_REVIEWED=0):
        results_publish(run=run, user=None)
    return {
        **comments,
        "rejected": rejected,
        "waiting": waiting.comment,
        "run": run,
        "theme": waiting_theme,
        "proposed": proposed,
    }
