"""Demo comments for `manage.py seed_demo`: 170 published comments on the rights of both drafts
in all nine languages (varied stances, a small copy-paste campaign, phone, meeting, mail and
email intake with provenance), plus a few waiting for moderation or not published.

Each demo comment has a fixed submission token, so running the seeder again adds nothing.
"""

import json
from datetime import timedelta
from importlib import resources

from django.db import transaction
from django.utils import timezone

from consultation import services
from consultation.demo import CONSULTATION_SLUG, right_block_id
from consultation.meetings.demo import past_meeting, seed_meeting_comments
from consultation.models import BillOfRightsDraftPage, Comment, CommentStatus
from participation.values import Content, Origin

TOKEN_PREFIX = "demo-comment-"  # noqa: S105 - a submission-token prefix, not a secret


def load_demo_comments() -> list[dict]:
    text = (
        resources.files("consultation")
        .joinpath("demo_content/comments.json")
        .read_text(encoding="utf-8")
    )
    return json.loads(text)


def _drafts() -> dict[tuple[int, str], BillOfRightsDraftPage]:
    drafts = BillOfRightsDraftPage.objects.filter(
        depth__gte=4, url_path__contains=f"/{CONSULTATION_SLUG}/"
    ).select_related("locale")
    return {(d.version_number, d.locale.language_code): d for d in drafts}


def seed_demo_data(*, now=None) -> str:
    now = now or timezone.now()
    drafts = _drafts()
    created = 0
    for index, item in enumerate(load_demo_comments()):
        token = f"{TOKEN_PREFIX}{index:04d}"
        if Comment.objects.filter(submission_token=token).exists():
            continue
        number = item.get("draft", 2)
        draft = drafts.get((number, item["language"])) or drafts.get((number, "en"))
        if draft is None:
            continue
        with transaction.atomic():
            _seed_one(item, index, token, draft, now)
        created += 1
    published = Comment.objects.filter(
        submission_token__startswith=TOKEN_PREFIX, status=CommentStatus.PUBLISHED
    ).count()
    meeting, draft = past_meeting(), drafts.get((1, "en"))
    if meeting is not None and draft is not None:
        created += seed_meeting_comments(draft=draft, meeting=meeting, right_key=right_block_id)
    return f"demo comments: {created} added, {published} published"


def _seed_one(item: dict, index: int, token: str, draft, now) -> None:
    received = now - timedelta(days=13) + timedelta(minutes=97 * index)
    provenance = item.get("provenance")
    if provenance is not None:
        provenance = dict(provenance)
        received = now - timedelta(days=provenance.pop("days_ago"))
        provenance["received_on"] = received.date()
    comment = services.comment_submit(
        draft=draft,
        right_key=right_block_id(item["right"]) if item["right"] else "",
        content=Content(text=item["text"], stance=item["stance"], language=item["language"]),
        origin=Origin(
            channel=item.get("channel", "web"),
            submission_token=token,
            received_at=received,
            provenance=provenance,
            notify=False,
        ),
    ).comment
    status = item.get("status", "published")
    if status == "published":
        services.comment_approve(comment=comment, user=None, note="Demo data")
        Comment.objects.filter(pk=comment.pk).update(published_at=received + timedelta(hours=3))
    elif status == "rejected":
        services.comment_reject(comment=comment, user=None, reason=item["reason"], note="Demo")
