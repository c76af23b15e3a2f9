"""Tell residents who agreed to be contacted what their comment fed and what changed, in
their language, once the next draft (or its "You said, we did" page) is published.

Each comment is emailed at most once per draft; a resident whose comment fed no approved theme
gets nothing. Sending runs in a background task so publishing stays quick."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from analysis.models import OutcomeEmail


def _draft_for(page):
    from analysis.pages import YouSaidWeDidPage
    from consultation.models import BillOfRightsDraftPage

    specific = getattr(page, "specific", page)
    if isinstance(specific, BillOfRightsDraftPage):
        return specific if specific.version_number > 1 else None
    if isinstance(specific, YouSaidWeDidPage) and specific.draft_id:
        return specific.draft
    return None


def outcome_emails_schedule(*, page) -> bool:
    """Queue the outcome emails for a newly published draft or "You said, we did" page."""
    draft = _draft_for(page)
    if draft is None or not draft.live:
        return False
    from analysis.tasks import outcome_emails_task

    draft_key = str(draft.translation_key)
    transaction.on_commit(lambda: outcome_emails_task.enqueue(draft_key))
    return True


def _recipients(draft):
    from consultation.models import Comment, CommentStatus

    consultation = draft.get_parent()
    already = OutcomeEmail.objects.filter(draft_key=draft.translation_key).values("comment_id")
    return (
        Comment.objects.filter(
            consultation_key=consultation.translation_key,
            consent_contact=True,
            erased_at__isnull=True,
            status=CommentStatus.PUBLISHED,
            draft__version_number__lt=draft.version_number,
        )
        .exclude(email="")
        .exclude(pk__in=already)
        .select_related("draft")
        .order_by("pk")
    )


def outcome_email_send(*, comment, draft_key) -> OutcomeEmail | None:
    """Send one resident their outcome in their language, once."""
    from analysis.selectors import comment_outcome

    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    with translation.override(comment.language):
        themes = comment_outcome(comment)["themes"]
        if not themes:
            return None
        status_url = base + reverse("consultation:status") + f"?code={comment.reference}"
        context = {
            "comment": comment,
            "themes": themes,
            "status_url": status_url,
            "base_url": base,
        }
        subject = render_to_string("analysis/email/outcome_subject.txt", context).strip()
        body = render_to_string("analysis/email/outcome_body.txt", context)
    try:
        with transaction.atomic():
            record = OutcomeEmail.objects.create(
                comment=comment,
                draft_key=draft_key,
                language=comment.language,
                theme_count=len(themes),
                change_count=sum(len(t["changes"]) for t in themes),
            )
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [comment.email])
    except IntegrityError:
        return None
    return record


def outcome_emails_send(*, draft_key) -> int:
    """Email every consenting resident who commented on an earlier draft and has not been
    told about this one yet; returns how many emails went out."""
    from wagtail.models import Locale

    from consultation.models import BillOfRightsDraftPage

    draft = (
        BillOfRightsDraftPage.objects.live()
        .filter(translation_key=draft_key, locale=Locale.get_default())
        .first()
    ) or BillOfRightsDraftPage.objects.live().filter(translation_key=draft_key).first()
    if draft is None:
        return 0
    sent = 0
    for comment in _recipients(draft).iterator(chunk_size=500):
        if outcome_email_send(comment=comment, draft_key=draft.translation_key) is not None:
            sent += 1
    return sent
