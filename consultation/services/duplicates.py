"""Grouping copy-paste comments, after the comment is stored: the task worker does it, so a
resident's POST holds its transaction only for the row, its token and its first decision.
Campaign comments are flagged, never dropped: each resident counts."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q

from consultation.models import Comment, CommentNearKey
from participation.duplicates import band_keys, is_near_duplicate

NEAR_DUPLICATE_CANDIDATES = 25


def _near_match(comment: Comment, bands: list[int], others) -> Comment | None:
    """Another comment sharing a band key and over the near-duplicate threshold, oldest
    first."""
    condition = Q()
    for band, bucket in enumerate(bands):
        condition |= Q(band=band, bucket=bucket)
    candidate_ids = list(
        CommentNearKey.objects.filter(condition)
        .filter(comment__consultation_key=comment.consultation_key)
        .exclude(comment_id=comment.pk)
        .values_list("comment_id", flat=True)
        .distinct()[:NEAR_DUPLICATE_CANDIDATES]
    )
    for candidate in others.filter(pk__in=candidate_ids).order_by("pk"):
        if is_near_duplicate(candidate.text, comment.text):
            return candidate
    return None


@transaction.atomic
def comment_group_duplicates(*, comment: Comment) -> str:
    """Put a comment in the group of an identical or nearly identical earlier comment in the
    same consultation, and store its band keys so later comments find it. Other comments
    count whether older or newer, so tasks the worker runs out of order still meet. Running it
    twice for one comment changes nothing (a retried task). Returns the group ("" for none)."""
    if comment.erased_at is not None:
        return ""
    bands = band_keys(comment.text)
    if bands and not CommentNearKey.objects.filter(comment=comment).exists():
        CommentNearKey.objects.bulk_create(
            [
                CommentNearKey(comment=comment, band=band, bucket=bucket)
                for band, bucket in enumerate(bands)
            ]
        )
    if comment.duplicate_group:
        return comment.duplicate_group
    others = Comment.objects.filter(consultation_key=comment.consultation_key).exclude(
        pk=comment.pk
    )
    match = others.filter(fingerprint=comment.fingerprint).order_by("pk").first()
    if match is None and bands:
        match = _near_match(comment, bands, others)
    if match is None:
        return ""
    group = match.duplicate_group or match.fingerprint
    if not match.duplicate_group:
        Comment.objects.filter(pk=match.pk, duplicate_group="").update(duplicate_group=group)
    Comment.objects.filter(pk=comment.pk).update(duplicate_group=group)
    comment.duplicate_group = group
    return group
