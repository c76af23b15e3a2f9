"""The confirmation email a resident asked for when signing up, in their language, with the
meeting's calendar file attached."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from consultation.meetings.ics import meeting_calendar
from consultation.models.meetings import MeetingSignup


def signup_send_confirmation(*, signup: MeetingSignup) -> bool:
    """Email the sign-up code and the .ics file; only with consent and an address."""
    meeting = signup.meeting
    if not (signup.consent_contact and signup.email and meeting is not None):
        return False
    with translation.override(signup.language):
        base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
        url = f"{base}{meeting.url}"
        context = {"meeting": meeting, "signup": signup, "meeting_url": url}
        subject = render_to_string("consultation/email/signup_subject.txt", context).strip()
        body = render_to_string("consultation/email/signup.txt", context)
    message = EmailMessage(subject, body, None, [signup.email])
    name = f"meeting-{meeting.slug}.ics"
    message.attach(name, meeting_calendar(meeting, url=url), "text/calendar; charset=utf-8")
    message.send()
    return True
