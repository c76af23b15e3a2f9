"""Storing what a resident sent, from any channel: cleaned plain text, a redacted copy beside
it, duplicate flags, provenance for staff-recorded comments, the first moderation decision and
a receipt. A resubmitted form returns what it already stored."""

from __future__ import annotations

from dataclasses import dataclass

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
    RedactionState,
)
from consultation.services.moderation import decide
from consultation.services.signals import announce
from participation.duplicates import band_keys, fingerprint, is_near_duplicate
from participation.redaction import redact_personal_data
from participation.references import new_reference
from participation.signals import contribution_submitted
from participation.text import clean_line, clean_plain_text
from participation.values import Contact, Content, Origin

NEAR_DUPLICATE_CANDIDATES = 25


class CommentRejected(ValueError):
    """Raised when a submission has no text left once it is cleaned."""


@dataclass(frozen=True)
class Submission:
    comment: Comment
    created: bool


def consultation_premoderated(consultation: ConsultationPage) -> bool:
    """The setting lives on the consultation in the default language; translations follow."""
    default = (
        ConsultationPage.objects.filter(translation_key=consultation.translation_key)
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .values_list("premoderation", flat=True)
        .first()
    )
    return consultation.premoderation if default is None else default


def _existing(origin: Origin) -> Submission | None:
    if not origin.submission_token:
        return None
    existing = Comment.objects.filter(submission_token=origin.submission_token).first()
    return Submission(existing, False) if existing is not None else None


def _new_comment(*, draft, right_key: str, content: Content, contact: Contact, origin: Origin):
    """The comment row, unsaved: what was sent, cleaned, with its redacted copy beside it."""
    cleaned = clean_plain_text(content.text)
    if not cleaned.text:
        raise CommentRejected("empty")
    redaction = redact_personal_data(cleaned.text)
    name = clean_line(contact.name)[:200]
    return Comment(
        reference=new_reference(),
        submission_token=origin.submission_token or None,
        consultation_key=draft.get_parent().translation_key,
        draft_key=draft.translation_key,
        draft=draft,
        right_key=right_key or "",
        language=content.language,
        text=cleaned.text,
        redacted_text=redaction.text if redaction.found else "",
        redaction_spans=redaction.spans,
        redaction_state=RedactionState.DETECTED if redaction.found else RedactionState.NONE,
        stance=content.stance,
        purpose=content.purpose,
        channel=origin.channel,
        status=CommentStatus.RECEIVED,
        name=name,
        email=(contact.email or "").strip()[:254],
        district=clean_line(contact.district)[:120],
        consent_contact=contact.consent_contact,
        consent_show_name=contact.consent_show_name and bool(name),
        fingerprint=fingerprint(cleaned.text),
        text_cleaned=cleaned.changed,
        client_hash=origin.client_hash,
        kiosk=origin.kiosk,
        received_at=origin.received_at or timezone.now(),
    )


def _store(comment: Comment, *, origin: Origin, premoderated: bool) -> None:
    comment.save()
    _link_duplicates(comment, band_keys(comment.text))
    if origin.provenance is not None:
        CommentProvenance.objects.create(
            comment=comment,
            recorded_by=origin.recorded_by,
            import_batch=origin.import_batch,
            **origin.provenance,
        )
    if premoderated:
        decide(comment, action=DecisionAction.HOLD, to=CommentStatus.AWAITING_MODERATION)
    else:
        decide(comment, action=DecisionAction.AUTO_PUBLISH, to=CommentStatus.PUBLISHED)


def comment_submit(
    *,
    draft,
    right_key: str,
    content: Content,
    contact: Contact | None = None,
    origin: Origin | None = None,
) -> Submission:
    """Store one comment from any channel. A repeated submission token returns the comment it
    already stored, even when the two requests race (the token column is unique)."""
    contact, origin = contact or Contact(), origin or Origin()
    existing = _existing(origin)
    if existing is not None:
        return existing
    premoderated = consultation_premoderated(draft.get_parent().specific)
    for attempt in range(5):
        comment = _new_comment(
            draft=draft, right_key=right_key, content=content, contact=contact, origin=origin
        )
        try:
            with transaction.atomic():
                _store(comment, origin=origin, premoderated=premoderated)
            break
        except IntegrityError:
            existing = _existing(origin)
            if existing is not None:
                return existing
            if attempt == 4:
                raise
    announce(contribution_submitted, comment)
    if origin.notify and comment.consent_contact and comment.email:
        from consultation.tasks import send_receipt_task

        transaction.on_commit(lambda: send_receipt_task.enqueue(comment.pk))
    return Submission(comment, True)


def _near_match(comment: Comment, bands: list[int], same_consultation) -> Comment | None:
    """An earlier comment sharing a band key and over the near-duplicate threshold."""
    condition = Q()
    for band, bucket in enumerate(bands):
        condition |= Q(band=band, bucket=bucket)
    candidate_ids = list(
        CommentNearKey.objects.filter(condition)
        .filter(comment__consultation_key=comment.consultation_key)
        .values_list("comment_id", flat=True)
        .distinct()[:NEAR_DUPLICATE_CANDIDATES]
    )
    for candidate in same_consultation.filter(pk__in=candidate_ids).order_by("pk"):
        if is_near_duplicate(candidate.text, comment.text):
            return candidate
    return None


def _link_duplicates(comment: Comment, bands: list[int]) -> None:
    """Put a comment in the group of an identical or nearly identical earlier comment in the
    same consultation. Campaign comments are flagged, never dropped: each resident counts."""
    same_consultation = Comment.objects.filter(consultation_key=comment.consultation_key).exclude(
        pk=comment.pk
    )
    match = same_consultation.filter(fingerprint=comment.fingerprint).order_by("pk").first()
    if match is None and bands:
        match = _near_match(comment, bands, same_consultation)
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
