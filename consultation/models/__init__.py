from consultation.models.comments import (
    Channel,
    Comment,
    CommentNearKey,
    CommentPurpose,
    CommentStatus,
    DecisionAction,
    ModerationDecision,
    RedactionState,
    RejectionReason,
    Stance,
)
from consultation.models.intake import CommentProvenance, ImportBatch, ImportStatus, TextForm
from consultation.models.kiosks import Kiosk
from consultation.models.meetings import MeetingPage, MeetingSignup
from consultation.models.pages import BillOfRightsDraftPage, ConsultationPage, HomePage
from consultation.models.statements import (
    Participant,
    Statement,
    StatementOrigin,
    StatementStatus,
    StatementVote,
    VoteBatch,
    VoteValue,
)

__all__ = [
    "BillOfRightsDraftPage",
    "Channel",
    "Comment",
    "CommentNearKey",
    "CommentPurpose",
    "CommentProvenance",
    "CommentStatus",
    "ConsultationPage",
    "DecisionAction",
    "HomePage",
    "ImportBatch",
    "ImportStatus",
    "Kiosk",
    "MeetingPage",
    "MeetingSignup",
    "ModerationDecision",
    "Participant",
    "RedactionState",
    "RejectionReason",
    "Stance",
    "Statement",
    "StatementOrigin",
    "StatementStatus",
    "StatementVote",
    "TextForm",
    "VoteBatch",
    "VoteValue",
]
