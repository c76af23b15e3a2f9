"""Moderators' decisions: publish, reject with a reason, decide many at once, and confirm,
undo or edit the hiding of personal data. Each runs in a transaction and adds an audit row;
the resident's text is never rewritten."""

from __future__ import annotations

import uuid

from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from consultation.models import (
    Comment,
    CommentStatus,
    DecisionAction,
    ModerationDecision,
    RedactionState,
)
from consultation.services.signals import announce, comment_summaries_forget
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
    if fields or from_status == CommentStatus.PUBLISHED:
        comment_summaries_forget(comment)
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


def decide_new(comment: Comment, *, premoderated: bool) -> ModerationDecision:
    """The first decision on a comment not yet saved, applied to the row before it is written
    (one INSERT, not an INSERT and an UPDATE). The caller saves both; announce_new tells
    listeners once the transaction commits."""
    action = DecisionAction.HOLD if premoderated else DecisionAction.AUTO_PUBLISH
    to_status = CommentStatus.AWAITING_MODERATION if premoderated else CommentStatus.PUBLISHED
    from_status = comment.status
    _status_fields(comment, action=action, to_status=to_status, reason="")
    return ModerationDecision(action=action, from_status=from_status, to_status=to_status)


def announce_new(comment: Comment) -> None:
    if comment.status == CommentStatus.PUBLISHED:
        comment_summaries_forget(comment)
        announce(contribution_published, comment)


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


def _bulk_status(rows: list[Comment], *, to_status: str, reason: str) -> None:
    """One UPDATE for every row, with what _status_fields set on each: a publication keeps
    an earlier publication time, a rejection clears it and records the reason."""
    changes = {"status": to_status}
    if to_status == CommentStatus.PUBLISHED:
        changes.update(published_at=Coalesce(F("published_at"), Value(timezone.now())))
        changes.update(rejection_reason="")
    else:
        changes.update(published_at=None, rejection_reason=reason)
    Comment.objects.filter(pk__in=[row.pk for row in rows]).update(**changes)


@transaction.atomic
def comments_moderate_bulk(
    *, comment_ids: list[int], user, action: str, reason: str = "", note: str = ""
) -> int:
    """Approve or reject many comments at once; each gets its own audit row, tied together by
    one batch id so the bulk action can be traced. The rows are locked, changed and audited
    in a few statements, not a round of queries per comment (a campaign brings thousands)."""
    if action not in (DecisionAction.APPROVE, DecisionAction.REJECT):
        raise ModerationError(f"Unknown bulk action {action!r}")
    if action == DecisionAction.REJECT and not reason:
        raise ModerationError("A rejection needs a reason.")
    to_status = (
        CommentStatus.PUBLISHED if action == DecisionAction.APPROVE else CommentStatus.REJECTED
    )
    batch = uuid.uuid4()
    rows = list(Comment.objects.select_for_update().filter(pk__in=comment_ids).order_by("pk"))
    decisions = []
    for row in rows:
        from_status = row.status
        _status_fields(row, action=action, to_status=to_status, reason=reason)
        decisions.append(
            ModerationDecision(
                comment=row,
                action=action,
                from_status=from_status,
                to_status=to_status,
                reason=reason if action == DecisionAction.REJECT else "",
                note=note,
                decided_by=user,
                batch=batch,
            )
        )
        if to_status == CommentStatus.PUBLISHED and from_status != CommentStatus.PUBLISHED:
            announce(contribution_published, row)
    _bulk_status(rows, to_status=to_status, reason=reason)
    ModerationDecision.objects.bulk_create(decisions, batch_size=500)
    for row in {row.draft_key: row for row in rows}.values():
        comment_summaries_forget(row)
    return len(rows)


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
