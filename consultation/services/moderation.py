"""Moderators' decisions: publish, reject with a reason, decide many at once, and confirm,
undo or edit the hiding of personal data. Each runs in a transaction and adds an audit row;
the resident's text is never rewritten."""

from __future__ import annotations

import uuid

from django.db import transaction
from django.utils import timezone

from consultation.models import (
    Comment,
    CommentStatus,
    DecisionAction,
    ModerationDecision,
    RedactionState,
)
from consultation.services.signals import announce
from participation.redaction import redact_personal_data
from participation.signals import contribution_published
from participation.text import clean_plain_text


class ModerationError(ValueError):
    """A decision that cannot be made as asked (no reason, nothing left to publish)."""


def _status_fields(comment: Comment, *, action: str, to_status: str, reason: str) -> list[str]:
    fields = []
    if to_status != comment.status:
        comment.status = to_status
        fields.append("status")
    if to_status == CommentStatus.PUBLISHED:
        if comment.published_at is None:
            comment.published_at = timezone.now()
            fields.append("published_at")
        if comment.rejection_reason:
            comment.rejection_reason = ""
            fields.append("rejection_reason")
    elif to_status == CommentStatus.REJECTED and action == DecisionAction.REJECT:
        comment.rejection_reason = reason
        comment.published_at = None
        fields += ["rejection_reason", "published_at"]
    return fields


def decide(
    comment: Comment,
    *,
    action: str,
    to: str | None = None,
    user=None,
    reason: str = "",
    note: str = "",
    batch=None,
) -> ModerationDecision:
    """Move a comment to a status and record who decided what; publishing tells listeners."""
    from_status = comment.status
    to_status = to or from_status
    fields = _status_fields(comment, action=action, to_status=to_status, reason=reason)
    if fields:
        comment.save(update_fields=fields)
    if to_status == CommentStatus.PUBLISHED and from_status != CommentStatus.PUBLISHED:
        announce(contribution_published, comment)
    return ModerationDecision.objects.create(
        comment=comment,
        action=action,
        from_status=from_status,
        to_status=to_status,
        reason=reason,
        note=note,
        decided_by=user,
        batch=batch,
    )


def locked(comment_id: int) -> Comment:
    return Comment.objects.select_for_update().get(pk=comment_id)


@transaction.atomic
def comment_approve(*, comment: Comment, user, note: str = "", batch=None) -> ModerationDecision:
    """Publish a comment (or restore one rejected by mistake); the decision is recorded."""
    decision = decide(
        locked(comment.pk),
        action=DecisionAction.APPROVE,
        to=CommentStatus.PUBLISHED,
        user=user,
        note=note,
        batch=batch,
    )
    comment.refresh_from_db()
    return decision


@transaction.atomic
def comment_reject(
    *, comment: Comment, user, reason: str, note: str = "", batch=None
) -> ModerationDecision:
    """Keep a comment off public pages with a reason category the resident can see. The text
    stays as received and the comment still counts in the record of the consultation."""
    if not reason:
        raise ModerationError("A rejection needs a reason.")
    decision = decide(
        locked(comment.pk),
        action=DecisionAction.REJECT,
        to=CommentStatus.REJECTED,
        user=user,
        reason=reason,
        note=note,
        batch=batch,
    )
    comment.refresh_from_db()
    return decision


@transaction.atomic
def comments_moderate_bulk(
    *, comment_ids: list[int], user, action: str, reason: str = "", note: str = ""
) -> int:
    """Approve or reject many comments at once; each gets its own audit row, tied together by
    one batch id so the bulk action can be traced."""
    if action not in (DecisionAction.APPROVE, DecisionAction.REJECT):
        raise ModerationError(f"Unknown bulk action {action!r}")
    batch = uuid.uuid4()
    count = 0
    for comment in Comment.objects.filter(pk__in=comment_ids).order_by("pk"):
        if action == DecisionAction.APPROVE:
            comment_approve(comment=comment, user=user, note=note, batch=batch)
        else:
            comment_reject(comment=comment, user=user, reason=reason, note=note, batch=batch)
        count += 1
    return count


@transaction.atomic
def comment_redaction_decide(*, comment: Comment, user, action: str, redacted_text: str = ""):
    """A moderator confirms the machine's hiding of personal data, undoes it (nothing personal
    there), or edits the hidden version by hand. The original text is never touched."""
    row = locked(comment.pk)
    if action == DecisionAction.CONFIRM_REDACTION:
        if not row.redacted_text:
            row.redacted_text = redact_personal_data(row.text).text
        row.redaction_state = RedactionState.CONFIRMED
    elif action == DecisionAction.UNDO_REDACTION:
        row.redaction_state = RedactionState.UNDONE
    elif action == DecisionAction.EDIT_REDACTION:
        cleaned = clean_plain_text(redacted_text).text
        if not cleaned:
            raise ModerationError("The edited text is empty.")
        row.redacted_text = cleaned
        row.redaction_state = RedactionState.EDITED
    else:
        raise ModerationError(f"Unknown redaction action {action!r}")
    row.save(update_fields=["redacted_text", "redaction_state"])
    decision = decide(row, action=action, user=user)
    comment.refresh_from_db()
    return decision
