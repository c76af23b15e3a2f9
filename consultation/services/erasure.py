"""A resident's right to be forgotten, and the retention limits that apply without asking:
personal data goes, what was said stays (anonymised) and still counts."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from consultation.models import (
    Comment,
    CommentNearKey,
    CommentProvenance,
    DecisionAction,
    ImportBatch,
    ImportStatus,
    RedactionState,
)
from consultation.services.moderation import decide, locked
from consultation.services.signals import announce
from participation.redaction import redact_personal_data
from participation.references import normalise_reference
from participation.signals import contribution_erased


def comments_for_participant(*, reference: str = "", email: str = ""):
    """Comments a resident can be identified by: one reference code or an email address."""
    query = Comment.objects.none()
    if reference:
        query = Comment.objects.filter(reference=normalise_reference(reference))
    if email:
        query = query | Comment.objects.filter(email__iexact=email.strip())
    return query.order_by("pk")


def _anonymise(comment: Comment, now) -> None:
    """Keep the words, lose the person: the public text with personal data (and the resident's
    own name, which the name field tells us to look for) hidden becomes the only text."""
    anonymised = redact_personal_data(comment.public_text, names=[comment.name]).text
    comment.text = anonymised
    comment.redacted_text = anonymised
    comment.redaction_spans = []
    comment.redaction_state = RedactionState.CONFIRMED
    comment.name = comment.email = comment.district = comment.client_hash = ""
    comment.consent_contact = comment.consent_show_name = False
    comment.erased_at = now
    comment.save()


def _discard_previews_with(email: str) -> None:
    needle = email.strip().casefold()
    for batch in ImportBatch.objects.filter(status=ImportStatus.PREVIEWED):
        if any(str(row.get("email", "")).casefold() == needle for row in batch.rows):
            batch.rows = []
            batch.status = ImportStatus.DISCARDED
            batch.save(update_fields=["rows", "status"])


@transaction.atomic
def participant_erase(*, reference: str = "", email: str = "", user=None) -> int:
    """Remove a resident's personal data and keep what they said, anonymised: contact details,
    name, district, address hash and provenance notes go; the text keeps only its redacted
    form. Unconfirmed import files holding the email are discarded too. Apps holding copies
    (analysis) hear of it through `participation.signals.contribution_erased`."""
    comments = list(comments_for_participant(reference=reference, email=email))
    now = timezone.now()
    for comment in comments:
        row = locked(comment.pk)
        _anonymise(row, now)
        CommentProvenance.objects.filter(comment=row).update(source_detail="")
        CommentNearKey.objects.filter(comment=row).delete()
        decide(row, action=DecisionAction.ERASE, user=user)
        announce(contribution_erased, row)
    if email:
        _discard_previews_with(email)
    return len(comments)


def expired_data_purge(*, now=None) -> dict[str, int]:
    """Drop address hashes past their retention period and import files never confirmed."""
    now = now or timezone.now()
    hash_days = getattr(settings, "COMMENT_CLIENT_HASH_RETENTION_DAYS", 30)
    import_days = getattr(settings, "COMMENT_IMPORT_PREVIEW_RETENTION_DAYS", 7)
    hashes = (
        Comment.objects.filter(created_at__lt=now - timedelta(days=hash_days))
        .exclude(client_hash="")
        .update(client_hash="")
    )
    imports = ImportBatch.objects.filter(
        status=ImportStatus.PREVIEWED, created_at__lt=now - timedelta(days=import_days)
    ).update(rows=[], status=ImportStatus.DISCARDED)
    return {"client_hashes": hashes, "imports": imports}
