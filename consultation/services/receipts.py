"""The receipt email a resident asked for: their reference code and where to follow it."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from consultation.models import Comment


def comment_send_receipt(*, comment: Comment) -> bool:
    """Email the reference code, in the resident's language, to a resident who asked for it."""
    if not (comment.consent_contact and comment.email):
        return False
    with translation.override(comment.language):
        base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
        status_url = f"{base}{reverse('consultation:status')}?code={comment.reference}"
        context = {"comment": comment, "status_url": status_url}
        subject = render_to_string("consultation/email/receipt_subject.txt", context).strip()
        body = render_to_string("consultation/email/receipt.txt", context)
    send_mail(subject, body, None, [comment.email])
    return True
