"""Personal data in survey responses: a reviewer's decision on what was hidden, a resident's
erasure by receipt code (or the email address they gave in an answer), and the audit row of
every deletion. Each decision is a row in Wagtail's history (survey/wagtail_hooks.py registers
the actions); the history never holds the answers themselves."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from participation.redaction import RedactionState, redact_personal_data
from participation.references import normalise_reference
from participation.signals import contribution_erased
from participation.text import clean_plain_text
from survey.logic import email_answer_keys, written_answer_keys
from survey.models.responses import SurveyResponse
from survey.services.signals import announce

CONFIRM, UNDO, EDIT = "confirm", "undo", "edit"


class RedactionError(ValueError):
    """A review that cannot be saved as asked (an edited answer with nothing left in it)."""


def _questions(response: SurveyResponse):
    return response.page.specific.questions()


@transaction.atomic
def survey_redaction_decide(
    *, response: SurveyResponse, user, action: str, answers: dict | None = None
) -> SurveyResponse:
    """Confirm the hiding, undo it (nothing personal there) or save edited public versions of
    the written answers. The answers themselves are never touched."""
    row = SurveyResponse.objects.select_for_update().get(pk=response.pk)
    if action == CONFIRM:
        row.redaction_state = RedactionState.CONFIRMED
    elif action == UNDO:
        row.redaction_state = RedactionState.UNDONE
    elif action == EDIT:
        edited = {}
        for key in written_answer_keys(_questions(row)):
            if key not in (answers or {}) or not row.form_data.get(key):
                continue
            edited[key] = clean_plain_text(answers[key]).text
            if not edited[key]:
                raise RedactionError(key)
        row.redacted_answers = {**row.redacted_answers, **edited}
        row.redaction_state = RedactionState.EDITED
    else:
        raise RedactionError(action)
    row.save(update_fields=["redacted_answers", "redaction_state"])
    log(instance=row, action="survey.review_redaction", user=user, data={"decision": action})
    return row


def responses_for_participant(*, reference: str = "", email: str = ""):
    """Responses a resident can be identified by: a receipt code, or an email address they
    wrote in an email question."""
    found = []
    if reference:
        found += list(SurveyResponse.objects.filter(receipt_code=normalise_reference(reference)))
    needle = (email or "").strip().casefold()
    if needle:
        for response in SurveyResponse.objects.filter(erased_at__isnull=True).select_related(
            "page"
        ):
            keys = email_answer_keys(_questions(response))
            if any(str(response.form_data.get(k, "")).casefold() == needle for k in keys):
                found.append(response)
    return sorted({r.pk: r for r in found}.values(), key=lambda r: r.pk)


def _anonymise(response: SurveyResponse, now) -> list[str]:
    questions = _questions(response)
    keys = written_answer_keys(questions)
    answers = dict(response.form_data)
    for key in email_answer_keys(questions):
        answers.pop(key, None)
    for key in keys:
        if isinstance(answers.get(key), str) and answers[key]:
            answers[key] = redact_personal_data(response.public_answer(key)).text
    response.form_data = answers
    response.redacted_answers = {k: answers[k] for k in keys if answers.get(k)}
    response.redaction_spans = {}
    response.redaction_state = RedactionState.CONFIRMED
    response.erased_at = now
    response.save()
    return keys


@transaction.atomic
def survey_responses_erase(*, reference: str = "", email: str = "", user=None) -> int:
    """Remove what could identify a respondent and keep what they said, anonymised: written
    answers keep only their redacted form, email answers go. Analysis copies follow through
    `participation.signals.contribution_erased`."""
    responses = responses_for_participant(reference=reference, email=email)
    now = timezone.now()
    for response in responses:
        row = SurveyResponse.objects.select_for_update().get(pk=response.pk)
        keys = _anonymise(row, now)
        log(instance=row, action="survey.erase", user=user)
        announce(contribution_erased, row, keys=keys)
    return len(responses)


def survey_response_deletion_record(*, response: SurveyResponse) -> None:
    """Leave an audit row (Wagtail's history, "Deleted") for a response about to be deleted,
    whichever screen or command deletes it: who (the signed-in staff member, when there is
    one), when, which survey, channel and language; never the answers."""
    log(
        instance=response,
        action="wagtail.delete",
        deleted=True,
        data={
            "survey_id": response.page_id,
            "channel": response.channel,
            "language": response.locale.language_code if response.locale_id else "",
        },
    )
