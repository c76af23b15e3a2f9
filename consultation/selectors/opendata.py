"""What the open data API may read of comments: published comments (not statement proposals)
of live consultations, their public text with the writer's own name hidden as well, and which
districts are large enough to name. No contact detail, reference code or address hash leaves
this module."""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.db.models import Count
from django.db.models.functions import Lower
from django.utils import timezone

from consultation.models.comments import Comment, CommentPurpose, CommentStatus
from consultation.models.pages import BillOfRightsDraftPage
from consultation.selectors.drafts import (
    consultation_in_language,
    consultations_in_default_language,
    drafts_of,
    right_titles_of,
)
from participation.redaction import redact_personal_data

OPEN_FIELDS = (
    "pk",
    "consultation_key",
    "draft_key",
    "right_key",
    "language",
    "channel",
    "stance",
    "received_at",
    "text",
    "redacted_text",
    "redaction_state",
    "name",
    "district",
)


@dataclass(frozen=True)
class CommentFilters:
    """The filters a reader of the open data may combine; None means "any"."""

    consultation_keys: tuple = ()
    draft_key: object | None = None
    right_key: str | None = None
    language: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    ids: tuple | None = None


def open_consultations():
    """Live consultations as staff manage them (default language); translations follow."""
    return consultations_in_default_language().live()


def open_draft(*, pk: int, consultation_keys):
    """A live draft (in any language) of one of these consultations, by page id, or None."""
    draft = BillOfRightsDraftPage.objects.live().filter(pk=pk).first()
    if draft is None or draft.get_parent().translation_key not in set(consultation_keys):
        return None
    return draft


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def open_comments(*, filters: CommentFilters):
    """Published comments matching the filters, oldest first by id so pages never shift when
    new comments arrive. Only the columns the open data needs are loaded."""
    query = Comment.objects.filter(
        status=CommentStatus.PUBLISHED,
        purpose=CommentPurpose.COMMENT,
        consultation_key__in=list(filters.consultation_keys),
    )
    if filters.draft_key is not None:
        query = query.filter(draft_key=filters.draft_key)
    if filters.right_key is not None:
        query = query.filter(right_key=filters.right_key)
    if filters.language:
        query = query.filter(language=filters.language)
    if filters.date_from:
        query = query.filter(received_at__gte=_day_start(filters.date_from))
    if filters.date_to:
        next_day = date.fromordinal(filters.date_to.toordinal() + 1)
        query = query.filter(received_at__lt=_day_start(next_day))
    if filters.ids is not None:
        query = query.filter(pk__in=list(filters.ids))
    return query.only(*OPEN_FIELDS).order_by("pk")


def open_text(comment: Comment) -> str:
    """The public (redacted) text, with the writer's own name hidden too: a bulk download
    lives on outside the site, so it hides the name even where a moderator let the text
    stand."""
    return redact_personal_data(comment.public_text, names=[comment.name]).text


def district_key(district: str) -> str:
    return " ".join(district.split()).casefold()


def districts_to_name(*, consultation_keys, minimum: int) -> set[tuple[str, str]]:
    """(consultation key, district) pairs with at least `minimum` published comments: only
    those are named, so nobody is picked out as the one writer from a small place."""
    rows = (
        Comment.objects.filter(
            status=CommentStatus.PUBLISHED,
            purpose=CommentPurpose.COMMENT,
            consultation_key__in=list(consultation_keys),
        )
        .exclude(district="")
        .annotate(folded=Lower("district"))
        .values("consultation_key", "folded")
        .annotate(n=Count("pk"))
        .order_by()
    )
    sizes: dict[tuple[str, str], int] = {}
    for row in rows:
        key = (str(row["consultation_key"]), district_key(row["folded"]))
        sizes[key] = sizes.get(key, 0) + row["n"]
    return {key for key, size in sizes.items() if size >= minimum}


def consultation_outline(consultation, *, language: str) -> dict:
    """A consultation's drafts (by translation key: id and version) and rights (key -> title
    in the language, falling back to the default language) for labelling open data rows."""
    drafts = {
        draft.translation_key: {"id": draft.pk, "version": draft.version_number}
        for draft in drafts_of(consultation, live=True)
    }
    titles = right_titles_of(consultation)
    local = consultation_in_language(consultation, language)
    if local is not None and local.pk != consultation.pk:
        titles.update(right_titles_of(local))
    return {"drafts": drafts, "rights": titles}
