"""Every write to survey responses, by concern: submission (with its guards) and privacy
(redaction review, erasure, the audit of deletions)."""

from survey.services.privacy import (
    RedactionError,
    responses_for_participant,
    survey_redaction_decide,
    survey_response_deletion_record,
    survey_responses_erase,
)
from survey.services.submission import (
    answered_receipt,
    done_cookie_name,
    mark_answered,
    rate_limit_check,
    survey_response_submit,
    written_answers_redacted,
)

__all__ = [
    "RedactionError",
    "answered_receipt",
    "done_cookie_name",
    "mark_answered",
    "rate_limit_check",
    "responses_for_participant",
    "survey_redaction_decide",
    "survey_response_deletion_record",
    "survey_response_submit",
    "survey_responses_erase",
    "written_answers_redacted",
]
