"""Reads for moderators: the queue with its filters (flags are computed, never stored twice),
and the other comments in a comment's copy-paste group."""

from django.core.cache import cache
from django.db.models import Count

from consultation.models.comments import Comment, RedactionState
from participation.channels import Channel
from participation.references import normalise_reference


def moderation_queue(
    *,
    status: str = "",
    language: str = "",
    right_key: str | None = None,
    channel: str = "",
    flag: str = "",
    draft_key=None,
    search: str = "",
):
    """Comments for moderators, filtered, oldest first."""
    query = Comment.objects.select_related("draft", "provenance")
    if status:
        query = query.filter(status=status)
    if language:
        query = query.filter(language=language)
    if draft_key:
        query = query.filter(draft_key=draft_key)
    if right_key is not None:
        query = query.filter(right_key=right_key)
    if channel:
        query = query.filter(channel=channel)
    query = comments_flagged(query, flag)
    if search:
        code = normalise_reference(search)
        query = query.filter(text__icontains=search) | query.filter(reference=code)
    return query.order_by("received_at", "pk")


def comments_flagged(query, flag: str):
    """Narrow a queryset of comments to one flag of the moderation queue."""
    if flag == "personal_data":
        return query.filter(redaction_state=RedactionState.DETECTED)
    if flag == "duplicate":
        return query.exclude(duplicate_group="")
    if flag == "cleaned":
        return query.filter(text_cleaned=True)
    if flag == "intake":
        return query.exclude(channel=Channel.WEB)
    return query


GROUP_SIZE_CACHE_SECONDS = 60


def duplicate_group_sizes(groups) -> dict[str, int]:
    """How many comments share each copy-paste group. A campaign's group holds tens of
    thousands of rows and every queue page counts it, so a size may be a minute old."""
    keys = {f"duplicate-group-size:{group}": group for group in groups if group}
    sizes = {keys[key]: size for key, size in cache.get_many(list(keys)).items()}
    missing = [group for group in keys.values() if group not in sizes]
    if missing:
        rows = (
            Comment.objects.filter(duplicate_group__in=missing)
            .values("duplicate_group")
            .annotate(n=Count("pk"))
        )
        counted = {row["duplicate_group"]: row["n"] for row in rows}
        cache.set_many(
            {f"duplicate-group-size:{group}": n for group, n in counted.items()},
            GROUP_SIZE_CACHE_SECONDS,
        )
        sizes.update(counted)
    return sizes


def duplicates_of(comment):
    """The other comments in a comment's copy-paste group."""
    if not comment.duplicate_group:
        return Comment.objects.none()
    return Comment.objects.filter(duplicate_group=comment.duplicate_group).exclude(pk=comment.pk)


def comments_to_translate(*, language: str = ""):
    """Comments a translator may work on: every one not rejected, newest first, optionally in
    one language; only the fields the translation screens show."""
    query = Comment.objects.exclude(status="rejected").only(
        "pk", "reference", "language", "text", "redacted_text", "redaction_state", "status",
        "received_at",
    )  # fmt: skip
    if language:
        query = query.filter(language=language)
    return query.order_by("-received_at", "-pk")
