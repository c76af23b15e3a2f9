"""Storing a response, and the guards in front of it (rate limit, one response per browser).
Client addresses are only ever used as a keyed hash in the cache. Written answers get their
personal data hidden in a copy beside them, as comments do."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction

from participation import ratelimit
from participation.channels import Channel
from participation.redaction import RedactionState, redact_personal_data
from participation.references import new_reference
from participation.signals import contribution_submitted
from survey.logic import prune_answers, written_answer_keys
from survey.models.responses import SurveyResponse
from survey.services.signals import announce

if TYPE_CHECKING:  # the page model routes to the views that call these services
    from survey.models.pages import SurveyPage

DONE_COOKIE_PREFIX = "survey_done_"
DONE_COOKIE_SALT = "survey.done"
DONE_COOKIE_AGE = 60 * 60 * 24 * 365


def rate_limit_check(*, request) -> ratelimit.Verdict:
    """Count one submission for this client against the "survey-response" limit."""
    return ratelimit.check(request, "survey-response")


def survey_response_submit(
    *,
    page: SurveyPage,
    answers: dict,
    channel: str = Channel.WEB,
    entered_by=None,
) -> SurveyResponse:
    """Store one response against the source-language survey with the language it was given
    in; answers to questions that do not apply are dropped here, whatever the client sent."""
    source = page.source_page()
    questions = source.questions()
    form_data = prune_answers(answers, questions)
    hidden, spans = written_answers_redacted(form_data, written_answer_keys(questions))
    for _attempt in range(5):
        try:
            with transaction.atomic():
                response = SurveyResponse.objects.create(
                    page=source,
                    form_data=form_data,
                    locale=page.locale,
                    consultation=source.get_parent(),
                    channel=Channel(channel),
                    receipt_code=new_reference(),
                    entered_by=entered_by,
                    redacted_answers=hidden,
                    redaction_spans=spans,
                    redaction_state=RedactionState.DETECTED if hidden else RedactionState.NONE,
                )
                announce(contribution_submitted, response, keys=written_answer_keys(questions))
                return response
        except IntegrityError:
            continue
    raise RuntimeError("Could not allocate a unique receipt code.")


def written_answers_redacted(form_data: dict, keys) -> tuple[dict, dict]:
    """Hidden copies (and spans) of the written answers in which personal data was found."""
    hidden, spans = {}, {}
    for key in keys:
        text = form_data.get(key)
        if not isinstance(text, str) or not text:
            continue
        redaction = redact_personal_data(text)
        if redaction.found:
            hidden[key], spans[key] = redaction.text, redaction.spans
    return hidden, spans


def done_cookie_name(page: SurveyPage) -> str:
    return DONE_COOKIE_PREFIX + page.translation_key.hex[:12]


def mark_answered(*, request, response, page: SurveyPage, receipt_code: str) -> None:
    """Remember in the session and a signed cookie that this browser has answered."""
    request.session[f"survey-done:{page.translation_key}"] = receipt_code
    response.set_signed_cookie(
        done_cookie_name(page),
        receipt_code,
        salt=DONE_COOKIE_SALT,
        max_age=DONE_COOKIE_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )


def answered_receipt(*, request, page: SurveyPage) -> str | None:
    stored = request.session.get(f"survey-done:{page.translation_key}")
    if stored:
        return stored
    return request.get_signed_cookie(done_cookie_name(page), default=None, salt=DONE_COOKIE_SALT)
