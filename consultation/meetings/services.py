"""Writes for meeting sign-ups: one transaction that respects the meeting's capacity in every
language at once, keeps contact details only with consent, and returns the stored sign-up when
the same form is sent again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import Page

from consultation.models.meetings import MeetingPage, MeetingSignup
from participation.references import new_reference
from participation.text import clean_line, clean_plain_text
from participation.values import Contact, Origin

NEEDS_MAX = 1000


class SignupClosed(ValueError):
    """The meeting has started, or its page no longer offers sign-up."""


class MeetingFull(ValueError):
    """Fewer places are left than the resident asked for."""

    def __init__(self, left: int):
        super().__init__(f"{left} places left")
        self.left = left


@dataclass(frozen=True)
class SignupDetails:
    """What the resident asked for: how many places, in which language, and any support."""

    language: str
    places: int = 1
    interpretation: str = ""
    childcare: bool = False
    needs: str = ""


@dataclass(frozen=True)
class SignupResult:
    signup: MeetingSignup
    created: bool


def _existing(token: str | None) -> SignupResult | None:
    if not token:
        return None
    found = MeetingSignup.objects.filter(submission_token=token).first()
    return SignupResult(found, False) if found is not None else None


def _lock_meeting(meeting: MeetingPage) -> None:
    """One lock per meeting whatever the language: its pages' rows, in a fixed order."""
    list(
        Page.objects.select_for_update()
        .filter(translation_key=meeting.translation_key, content_type=meeting.content_type)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _new_signup(meeting, details: SignupDetails, contact: Contact, origin: Origin):
    consent = bool(contact.consent_contact and contact.email)
    return MeetingSignup(
        reference=new_reference(),
        submission_token=origin.submission_token or None,
        meeting_key=meeting.translation_key,
        meeting=meeting,
        language=details.language,
        places=details.places,
        name=clean_line(contact.name)[:200],
        email=(contact.email or "").strip()[:254] if consent else "",
        consent_contact=consent,
        interpretation=details.interpretation,
        childcare=details.childcare,
        needs=clean_plain_text(details.needs or "").text[:NEEDS_MAX],
        client_hash=origin.client_hash,
    )


def meeting_signup(
    *, meeting: MeetingPage, details: SignupDetails, contact: Contact, origin: Origin
) -> SignupResult:
    """Sign a resident up for a meeting. Raises SignupClosed or MeetingFull; a repeated
    submission token returns the sign-up already stored, even when the meeting is now full."""
    existing = _existing(origin.submission_token)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            _lock_meeting(meeting)
            existing = _existing(origin.submission_token)
            if existing is not None:
                return existing
            if not meeting.signup_open:
                raise SignupClosed("closed")
            left = meeting.places_left()
            if left is not None and details.places > left:
                raise MeetingFull(left)
            signup = _new_signup(meeting, details, contact, origin)
            signup.save()
    except IntegrityError:
        existing = _existing(origin.submission_token)
        if existing is None:
            raise
        return existing
    if signup.consent_contact:
        from consultation.tasks import send_signup_confirmation_task

        transaction.on_commit(lambda: send_signup_confirmation_task.enqueue(signup.pk))
    return SignupResult(signup, True)


def meeting_signups_purge(*, now=None) -> int:
    """Forget who signed up once a meeting is over (MEETING_SIGNUP_RETENTION_DAYS after its
    end, 1 by default): name, email, needs and address hash go; the counts stay."""
    now = now or timezone.now()
    days = getattr(settings, "MEETING_SIGNUP_RETENTION_DAYS", 1)
    ended = MeetingPage.objects.filter(ends_at__lt=now - timedelta(days=days)).values(
        "translation_key"
    )
    return MeetingSignup.objects.filter(meeting_key__in=ended, erased_at__isnull=True).update(
        name="", email="", consent_contact=False, needs="", client_hash="", erased_at=now
    )
