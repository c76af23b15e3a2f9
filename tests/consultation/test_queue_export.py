"""The moderation queue's CSV export: what the filters show, with personal data hidden, read
in chunks rather than built as an HTML table first."""

import csv
import io

import pytest

from consultation.models import Comment, CommentStatus
from tests.factories import submit_comment

from .comment_helpers import RIGHT, draft

pytestmark = pytest.mark.django_db


def _rows(response) -> list[dict]:
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(body)))


def test_csv_export_follows_the_filters_and_hides_personal_data(client, demo, moderator_user):
    page = draft(demo)
    waiting = submit_comment(page, right_key=RIGHT, text="Write to ana.lee@example.org please.")
    other = submit_comment(page, right_key=RIGHT, text="The counter closes too early.").comment
    Comment.objects.filter(pk=other.pk).update(status=CommentStatus.PUBLISHED)
    client.force_login(moderator_user)

    awaiting = _rows(client.get("/admin/comments/?export=csv"))
    assert [row["Reference code"] for row in awaiting] == [waiting.comment.reference]
    assert "ana.lee@example.org" not in awaiting[0]["Comment with personal data hidden"]

    everything = _rows(client.get("/admin/comments/?status=&export=csv"))
    assert {row["Reference code"] for row in everything} >= {
        waiting.comment.reference,
        other.reference,
    }


def test_export_is_for_moderators_only(client, demo, analyst_user):
    client.force_login(analyst_user)
    response = client.get("/admin/comments/?export=csv")
    assert response.status_code in (302, 403)
