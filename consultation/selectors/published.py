"""What apps above consultation may read of comments: published text (redacted) with the facts
reports group by, and the residents who asked to hear what their comment led to. Nothing here
hands out contact details except to the outcome email, which the resident consented to."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import F

from consultation.models.comments import Comment, CommentStatus
from consultation.models.pages import ConsultationPage, MachineOutput


def comment_content_type_id() -> int:
    return ContentType.objects.get_for_model(Comment).pk


def published_comment_rows(*, consultation) -> list[dict]:
    """Published comments on any draft of a consultation, in any language: only the public
    (redacted) text, never contact details; `meeting` is the key of the meeting a comment was
    taken at ("" for none)."""
    content_type_id = comment_content_type_id()
    rows = (
        Comment.objects.filter(
            consultation_key=consultation.translation_key, status=CommentStatus.PUBLISHED
        )
        .order_by("pk")
        .only(
            "pk",
            "text",
            "redacted_text",
            "redaction_state",
            "language",
            "stance",
            "channel",
            "district",
            "right_key",
            "received_at",
        )
        .annotate(meeting_key=F("provenance__meeting__translation_key"))
    )
    return [
        {
            "content_type_id": content_type_id,
            "id": comment.pk,
            "text": comment.public_text,
            "language": comment.language,
            "stance": "" if comment.stance == "none" else comment.stance,
            "channel": comment.channel,
            "district": comment.district,
            "right_key": comment.right_key,
            "created": comment.received_at,
            "meeting": str(comment.meeting_key) if comment.meeting_key else "",
        }
        for comment in rows.iterator(chunk_size=2000)
    ]


def comments_to_tell_about(*, draft, exclude_ids=()):
    """Published comments on earlier versions of a draft whose writers agreed to be emailed
    and were not erased: who hears what their comment led to."""
    consultation = draft.get_parent()
    return (
        Comment.objects.filter(
            consultation_key=consultation.translation_key,
            consent_contact=True,
            erased_at__isnull=True,
            status=CommentStatus.PUBLISHED,
            draft__version_number__lt=draft.version_number,
        )
        .exclude(email="")
        .exclude(pk__in=exclude_ids)
        .select_related("draft")
        .order_by("pk")
    )


def machine_output_setting(*, consultation_key) -> str:
    """The consultation's AI switch (`MachineOutput`), read from the default-language page
    that holds it; "shown" when there is no such page."""
    pages = ConsultationPage.objects.filter(translation_key=consultation_key)
    value = (
        pages.filter(locale__language_code=settings.LANGUAGE_CODE)
        .values_list("machine_output", flat=True)
        .first()
    ) or pages.values_list("machine_output", flat=True).first()
    return value or MachineOutput.SHOWN


def machine_output_public(*, consultation_key) -> bool:
    """Whether public pages of the consultation may show machine-made output at all."""
    return machine_output_setting(consultation_key=consultation_key) == "shown"


def machine_output_allowed(consultation_key) -> bool:
    """Machine translation and machine analysis run unless the consultation's AI switch
    is "off"."""
    if consultation_key is None:
        return True
    return machine_output_setting(consultation_key=consultation_key) != MachineOutput.OFF
