"""Reads about meetings: the consultation page's listing, a meeting in the reader's language,
a resident's sign-up by its code, and the meeting names staff and reports choose from."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale

from consultation.models.meetings import MeetingPage, MeetingSignup


@dataclass(frozen=True)
class MeetingListing:
    upcoming: list
    past: list


def meetings_of(*, consultation, now=None) -> MeetingListing:
    """Live meetings of a consultation: upcoming soonest first, past most recent first."""
    now = now or timezone.now()
    meetings = list(MeetingPage.objects.child_of(consultation).live().order_by("starts_at"))
    return MeetingListing(
        upcoming=[m for m in meetings if not m.is_past_at(now)],
        past=[m for m in reversed(meetings) if m.is_past_at(now)],
    )


def live_meeting(page_id: int) -> MeetingPage | None:
    return MeetingPage.objects.live().filter(pk=page_id).first()


def meeting_in_language(*, meeting_key, language: str) -> MeetingPage | None:
    return (
        MeetingPage.objects.live()
        .filter(translation_key=meeting_key, locale__language_code=language)
        .first()
    )


def signup_by_reference(*, meeting_key, reference: str) -> MeetingSignup | None:
    return MeetingSignup.objects.filter(meeting_key=meeting_key, reference=reference).first()


def staff_meetings():
    """Meetings in the default language, newest first: what staff record comments against."""
    return (
        MeetingPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        .select_related("locale")
        .order_by("-starts_at")
    )


def meeting_label(meeting: MeetingPage) -> str:
    return f"{timezone.localtime(meeting.starts_at):%Y-%m-%d} {meeting.title}"


def meeting_titles(consultation) -> dict[str, str]:
    """Meeting key -> "date title" for every meeting of a consultation, in the default
    language: the names a report's meeting filter shows."""
    default = consultation.get_translation_or_none(Locale.get_default()) or consultation
    meetings = staff_meetings().child_of(default)
    return {str(meeting.translation_key): meeting_label(meeting) for meeting in meetings}
