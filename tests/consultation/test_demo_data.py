"""The demo comments feed the analysis: enough of them, in many languages, with stances,
intake provenance and one campaign; seeding twice adds nothing."""

import pytest

from consultation.demo_data import seed_demo_data
from consultation.models import Comment, CommentProvenance, CommentStatus

pytestmark = pytest.mark.django_db


def test_demo_comments_are_varied_and_idempotent(demo, django_capture_on_commit_callbacks):
    # Copy-paste grouping runs in the task worker once a comment is committed (issue 14).
    with django_capture_on_commit_callbacks(execute=True):
        first = seed_demo_data()
    published = Comment.objects.filter(status=CommentStatus.PUBLISHED)
    assert published.count() >= 150
    assert published.values("language").distinct().count() >= 6
    assert published.values("stance").distinct().count() == 4
    assert published.exclude(right_key="").values("right_key").distinct().count() >= 10
    assert CommentProvenance.objects.values("comment__channel").distinct().count() >= 4
    campaign = published.exclude(duplicate_group="").values("duplicate_group").distinct()
    assert campaign.count() >= 1
    assert Comment.objects.filter(status=CommentStatus.AWAITING_MODERATION).exists()
    assert Comment.objects.filter(status=CommentStatus.REJECTED).exists()
    total = Comment.objects.count()
    assert "added" in first
    second = seed_demo_data()
    assert Comment.objects.count() == total
    assert second.startswith("demo comments: 0 added")
