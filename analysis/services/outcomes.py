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
from django_tasks import task

from analysis.models.reports import OutcomeEmail
from analysis.pages import YouSaidWeDidPage
from analysis.selectors.outcomes import comment_outcome
from consultation.selectors.drafts import draft_by_key, is_draft_page
from consultation.selectors.published import comments_to_tell_about


def _draft_for(page):
    specific = getattr(page, "specific", page)
    if is_draft_page(specific):
        return specific if specific.version_number > 1 else None
    if isinstance(specific, YouSaidWeDidPage) and specific.draft_id:
        return specific.draft
    return None


def outcome_emails_schedule(*, page) -> bool:
    """Queue the outcome emails for a newly published draft or "You said, we did" page."""
    draft = _draft_for(page)
    if draft is None or not draft.live:
        return False
    draft_key = str(draft.translation_key)
    transaction.on_commit(lambda: outcome_emails_task.enqueue(draft_key))
    return True


def _recipients(draft):
    already = OutcomeEmail.objects.filter(draft_key=draft.translation_key).values("comment_id")
    return comments_to_tell_about(draft=draft, exclude_ids=already)


def outcome_email_send(*, comment, draft_key) -> OutcomeEmail | None:
    """Send one resident their outcome in their language, once."""
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
    draft = draft_by_key(draft_key=draft_key)
    if draft is None:
        return 0
    sent = 0
    for comment in _recipients(draft).iterator(chunk_size=500):
        if outcome_email_send(comment=comment, draft_key=draft.translation_key) is not None:
            sent += 1
    return sent


@task()
def outcome_emails_task(draft_key: str) -> int:
    return outcome_emails_send(draft_key=draft_key)
