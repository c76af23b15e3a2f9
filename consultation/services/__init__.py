"""Every write to comments goes through here, split by concern: submission (any channel),
moderation (decisions and redaction), erasure (on request and by retention) and receipts.
Each function runs in a transaction and leaves an audit row for anything a person (or the
pre-moderation setting) decided."""

from consultation.services.erasure import (
    comments_for_participant,
    expired_data_purge,
    participant_erase,
)
from consultation.services.moderation import (
    ModerationError,
    comment_approve,
    comment_redaction_decide,
    comment_reject,
    comments_moderate_bulk,
)
from consultation.services.receipts import comment_send_receipt
from consultation.services.submission import (
    CommentRejected,
    Submission,
    comment_submit,
    consultation_premoderated,
)

__all__ = [
    "CommentRejected",
    "ModerationError",
    "Submission",
    "comment_approve",
    "comment_redaction_decide",
    "comment_reject",
    "comment_send_receipt",
    "comment_submit",
    "comments_for_participant",
    "comments_moderate_bulk",
    "consultation_premoderated",
    "expired_data_purge",
    "participant_erase",
]
