"""Every write to comments goes through here: submission from any channel, moderation,
redaction decisions and erasure. Each function runs in a transaction and leaves an audit row
for anything a person (or the pre-moderation setting) decided."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from consultation.models import (
    Comment,
    CommentNearKey,
    CommentProvenance,
    CommentStatus,
    ConsultationPage,
    DecisionAction,
    ImportBatch,
    ImportStatus,
    ModerationDecision,
    RedactionState,
)
from participation.duplicates import band_keys, fingerprint, is_near_duplicate
from participation.redaction import redact_personal_data
from participation.references import new_reference, normalise_reference
from participation.text import clean_line, clean_plain_text


def consultation_premoderated(consultation: ConsultationPage) -> bool:
    """The setting lives on the consultation in the default language; translations follow."""
    default = (
        ConsultationPage.objects.filter(translation_key=consultation.translation_key)
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .values_list("premoderation", flat=True)
        .first()
    )
    return consultation.premoderation if default is None else default


class CommentRejected(ValueError):
    """Raised when a submission has no text left once markup and hidden characters are gone."""


@dataclass(frozen=True)
class Submission:
    comment: Comment
    created: bool


def comment_submit(
    *,
    draft,
    right_key: str,
    text: str,
    stance: str,
    language: str,
    channel: str = "web",
    name: str = "",
    email: str = "",
    district: str = "",
    consent_contact: bool = False,
    consent_show_name: bool = False,
    submission_token: str | None = None,
    client_hash: str = "",
    received_at=None,
    provenance: dict | None = None,
    recorded_by=None,
    import_batch: ImportBatch | None = None,
    notify: bool = True,
) -> Submission:
    """Store one comment from any channel. A repeated submission token returns the comment it
    already stored, even when the two requests race (the token column is unique)."""
    if submission_token:
        existing = Comment.objects.filter(submission_token=submission_token).first()
        if existing is not None:
            return Submission(existing, False)
    cleaned = clean_plain_text(text)
    if not cleaned.text:
        raise CommentRejected("empty")
    redaction = redact_personal_data(cleaned.text)
    consultation = draft.get_parent().specific
    premoderated = consultation_premoderated(consultation)
    bands = band_keys(cleaned.text)
    for attempt in range(5):
        try:
            with transaction.atomic():
                comment = Comment.objects.create(
                    reference=new_reference(),
                    submission_token=submission_token or None,
                    consultation_key=consultation.translation_key,
                    draft_key=draft.translation_key,
                    draft=draft,
                    right_key=right_key or "",
                    language=language,
                    text=cleaned.text,
                    redacted_text=redaction.text if redaction.spans else "",
                    redaction_spans=redaction.spans,
                    redaction_state=(
                        RedactionState.DETECTED if redaction.spans else RedactionState.NONE
                    ),
                    stance=stance,
                    channel=channel,
                    status=CommentStatus.RECEIVED,
                    name=clean_line(name)[:200],
                    email=(email or "").strip()[:254],
                    district=clean_line(district)[:120],
                    consent_contact=consent_contact,
                    consent_show_name=consent_show_name and bool(clean_line(name)),
                    fingerprint=fingerprint(cleaned.text),
                    text_cleaned=cleaned.changed,
                    client_hash=client_hash,
                    received_at=received_at or timezone.now(),
                )
                _link_duplicates(comment, bands)
                if provenance is not None:
                    CommentProvenance.objects.create(
                        comment=comment,
                        recorded_by=recorded_by,
                        import_batch=import_batch,
                        **provenance,
                    )
                if premoderated:
                    _decide(
                        comment, action=DecisionAction.HOLD, to=CommentStatus.AWAITING_MODERATION
                    )
                else:
                    _decide(comment, action=DecisionAction.AUTO_PUBLISH, to=CommentStatus.PUBLISHED)
            break
        except IntegrityError:
            if submission_token:
                existing = Comment.objects.filter(submission_token=submission_token).first()
                if existing is not None:
                    return Submission(existing, False)
            if attempt == 4:
                raise
    if notify and comment.consent_contact and comment.email:
        from consultation.tasks import send_receipt_task

        transaction.on_commit(lambda: send_receipt_task.enqueue(comment.pk))
    return Submission(comment, True)


def _link_duplicates(comment: Comment, bands: list[int]) -> None:
    """Put a comment in the group of an identical or nearly identical earlier comment in the
    same consultation. Campaign comments are flagged, never dropped: each resident counts."""
    same_consultation = Comment.objects.filter(consultation_key=comment.consultation_key).exclude(
        pk=comment.pk
    )
    match = same_consultation.filter(fingerprint=comment.fingerprint).order_by("pk").first()
    if match is None and bands:
        condition = Q()
        for band, bucket in enumerate(bands):
            condition |= Q(band=band, bucket=bucket)
        candidate_ids = list(
            CommentNearKey.objects.filter(condition)
            .filter(comment__consultation_key=comment.consultation_key)
            .values_list("comment_id", flat=True)
            .distinct()[:25]
        )
        for candidate in same_consultation.filter(pk__in=candidate_ids).order_by("pk"):
            if is_near_duplicate(candidate.text, comment.text):
                match = candidate
                break
    if bands:
        CommentNearKey.objects.bulk_create(
            [
                CommentNearKey(comment=comment, band=band, bucket=bucket)
                for band, bucket in enumerate(bands)
            ]
        )
    if match is None:
        return
    group = match.duplicate_group or match.fingerprint
    if not match.duplicate_group:
        Comment.objects.filter(pk=match.pk, duplicate_group="").update(duplicate_group=group)
    comment.duplicate_group = group
    comment.save(update_fields=["duplicate_group"])


def _decide(
    comment: Comment,
    *,
    action: str,
    to: str | None = None,
    user=None,
    reason: str = "",
    note: str = "",
    batch=None,
) -> ModerationDecision:
    from_status = comment.status
    to_status = to or from_status
    fields = []
    if to_status != from_status:
        comment.status = to_status
        fields.append("status")
    if to_status == CommentStatus.PUBLISHED:
        if comment.published_at is None:
            comment.published_at = timezone.now()
            fields.append("published_at")
        if comment.rejection_reason:
            comment.rejection_reason = ""
            fields.append("rejection_reason")
    elif to_status == CommentStatus.REJECTED and action == DecisionAction.REJECT:
        comment.rejection_reason = reason
        comment.published_at = None
        fields += ["rejection_reason", "published_at"]
    if fields:
        comment.save(update_fields=fields)
    return ModerationDecision.objects.create(
        comment=comment,
        action=action,
        from_status=from_status,
        to_status=to_status,
        reason=reason,
        note=note,
        decided_by=user,
        batch=batch,
    )


def _locked(comment_id: int) -> Comment:
    return Comment.objects.select_for_update().get(pk=comment_id)


@transaction.atomic
def comment_approve(*, comment: Comment, user, note: str = "", batch=None) -> ModerationDecision:
    """Publish a comment (or restore one rejected by mistake); the decision is recorded."""
    locked = _locked(comment.pk)
    decision = _decide(
        locked,
        action=DecisionAction.APPROVE,
        to=CommentStatus.PUBLISHED,
        user=user,
        note=note,
        batch=batch,
    )
    comment.refresh_from_db()
    return decision


@transaction.atomic
def comment_reject(
    *, comment: Comment, user, reason: str, note: str = "", batch=None
) -> ModerationDecision:
    """Keep a comment off public pages with a reason category the resident can see. The text
    stays as received and the comment still counts in the record of the consultation."""
    if not reason:
        raise ValueError("A rejection needs a reason.")
    locked = _locked(comment.pk)
    decision = _decide(
        locked,
        action=DecisionAction.REJECT,
        to=CommentStatus.REJECTED,
        user=user,
        reason=reason,
        note=note,
        batch=batch,
    )
    comment.refresh_from_db()
    return decision


@transaction.atomic
def comments_moderate_bulk(
    *, comment_ids: list[int], user, action: str, reason: str = "", note: str = ""
) -> int:
    """Approve or reject many comments at once; each gets its own audit row, tied together by
    one batch id so the bulk action can be traced."""
    batch = uuid.uuid4()
    count = 0
    for comment in Comment.objects.filter(pk__in=comment_ids).order_by("pk"):
        if action == DecisionAction.APPROVE:
            comment_approve(comment=comment, user=user, note=note, batch=batch)
        elif action == DecisionAction.REJECT:
            comment_reject(comment=comment, user=user, reason=reason, note=note, batch=batch)
        else:
            raise ValueError(f"Unknown bulk action {action!r}")
        count += 1
    return count


@transaction.atomic
def comment_redaction_decide(*, comment: Comment, user, action: str, redacted_text: str = ""):
    """A moderator confirms the machine's hiding of personal data, undoes it (nothing personal
    there), or edits the hidden version by hand. The original text is never touched."""
    locked = _locked(comment.pk)
    if action == DecisionAction.CONFIRM_REDACTION:
        if not locked.redacted_text:
            locked.redacted_text = redact_personal_data(locked.text).text
        locked.redaction_state = RedactionState.CONFIRMED
    elif action == DecisionAction.UNDO_REDACTION:
        locked.redaction_state = RedactionState.UNDONE
    elif action == DecisionAction.EDIT_REDACTION:
        cleaned = clean_plain_text(redacted_text).text
        if not cleaned:
            raise ValueError("The edited text is empty.")
        locked.redacted_text = cleaned
        locked.redaction_state = RedactionState.EDITED
    else:
        raise ValueError(f"Unknown redaction action {action!r}")
    locked.save(update_fields=["redacted_text", "redaction_state"])
    decision = _decide(locked, action=action, user=user)
    comment.refresh_from_db()
    return decision


def comments_for_participant(*, reference: str = "", email: str = ""):
    """Comments a resident can be identified by: one reference code or an email address."""
    query = Comment.objects.none()
    if reference:
        query = Comment.objects.filter(reference=normalise_reference(reference))
    if email:
        query = query | Comment.objects.filter(email__iexact=email.strip())
    return query.order_by("pk")


# Apps holding copies of comments (analysis) register a callable taking each erased comment,
# so an erasure reaches every copy without this app knowing who keeps one.
PARTICIPANT_ERASE_HOOKS: list = []


@transaction.atomic
def participant_erase(*, reference: str = "", email: str = "", user=None) -> int:
    """Remove a resident's personal data and keep what they said, anonymised: contact details,
    name, district, address hash and provenance notes go; the text keeps only its redacted
    form. Unconfirmed import files holding the email are discarded too."""
    comments = list(comments_for_participant(reference=reference, email=email))
    now = timezone.now()
    for comment in comments:
        locked = _locked(comment.pk)
        anonymised = redact_personal_data(locked.public_text).text
        locked.text = anonymised
        locked.redacted_text = anonymised
        locked.redaction_spans = []
        locked.redaction_state = RedactionState.CONFIRMED
        locked.name = locked.email = locked.district = locked.client_hash = ""
        locked.consent_contact = locked.consent_show_name = False
        locked.erased_at = now
        locked.save()
        CommentProvenance.objects.filter(comment=locked).update(source_detail="")
        CommentNearKey.objects.filter(comment=locked).delete()
        _decide(locked, action=DecisionAction.ERASE, user=user)
        for hook in PARTICIPANT_ERASE_HOOKS:
            hook(comment=locked)
    if email:
        needle = email.strip().casefold()
        for batch in ImportBatch.objects.filter(status=ImportStatus.PREVIEWED):
            if any(str(row.get("email", "")).casefold() == needle for row in batch.rows):
                batch.rows = []
                batch.status = ImportStatus.DISCARDED
                batch.save(update_fields=["rows", "status"])
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


def comment_send_receipt(*, comment: Comment) -> bool:
    """Email the reference code, in the resident's language, to a resident who asked for it."""
    from django.core.mail import send_mail
    from django.template.loader import render_to_string
    from django.urls import reverse
    from django.utils import translation

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
