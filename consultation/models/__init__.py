from consultation.models.comments import (
    Channel,
    Comment,
    CommentNearKey,
    CommentStatus,
    DecisionAction,
    ModerationDecision,
    RedactionState,
    RejectionReason,
    Stance,
)
from consultation.models.intake import CommentProvenance, ImportBatch, ImportStatus, TextForm
from consultation.models.meetings import MeetingPage, MeetingSignup
from consultation.models.pages import BillOfRightsDraftPage, ConsultationPage, HomePage

__all__ = [
    "BillOfRightsDraftPage",
    "Channel",
    "Comment",
    "CommentNearKey",
    "CommentProvenance",
    "CommentStatus",
    "ConsultationPage",
    "DecisionAction",
    "HomePage",
    "ImportBatch",
    "ImportStatus",
    "MeetingPage",
    "MeetingSignup",
    "ModerationDecision",
    "RedactionState",
    "RejectionReason",
    "Stance",
    "TextForm",
]
