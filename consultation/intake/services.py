"""Writes for staff intake: one recorded comment, or a whole checked file in one transaction
(all rows or none)."""

from __future__ import annotations

from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone

from consultation.models import ImportBatch, ImportStatus
from consultation.services.submission import Submission, comment_submit
from participation.text import clean_line
from participation.values import Contact, Content, Origin

# Free-text provenance, cleaned here once with the plain-text rule (the form hands on what was
# typed), cut to its column's length.
PROVENANCE_TEXT = {"taken_by": 200, "interpreter_language": 60, "source_detail": 255}


def _received_at(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12, 0)))


def intake_record(*, data: dict, draft, right_key: str, user, import_batch=None) -> Submission:
    """Store a comment a staff member took by phone, in person, at a meeting, by mail or by
    email, with where it came from. It then goes through moderation like a web comment."""
    received_on = data["received_on"]
    if isinstance(received_on, str):
        received_on = date.fromisoformat(received_on)
    provenance = {
        name: clean_line(data.get(name) or "")[:limit] for name, limit in PROVENANCE_TEXT.items()
    }
    provenance["text_form"] = data.get("text_form") or ""
    provenance["interpreter_used"] = bool(data.get("interpreter_used"))
    provenance["received_on"] = received_on
    provenance["meeting"] = data.get("meeting")
    return comment_submit(
        draft=draft,
        right_key=right_key,
        content=Content(text=data["text"], stance=data["stance"], language=data["language"]),
        contact=Contact(
            name=data.get("name", ""),
            email=data.get("email", ""),
            district=data.get("district", ""),
            consent_contact=data.get("consent_contact", False),
            consent_show_name=data.get("consent_show_name", False),
        ),
        origin=Origin(
            channel=data["channel"],
            received_at=_received_at(received_on),
            provenance=provenance,
            recorded_by=user,
            import_batch=import_batch,
        ),
    )


def import_batch_create(*, file_name: str, draft, user, rows: list[dict]) -> ImportBatch:
    """Keep a checked file's rows until a person confirms the preview."""
    return ImportBatch.objects.create(
        file_name=file_name[:255], draft=draft, uploaded_by=user, rows=rows, row_count=len(rows)
    )


@transaction.atomic
def import_batch_commit(*, batch: ImportBatch, user) -> int:
    """Import every row or, if anything fails, none. Confirming twice imports once."""
    locked = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if locked.status != ImportStatus.PREVIEWED:
        return 0
    draft = locked.draft
    if draft is None:
        raise ValueError("The draft of this import no longer exists.")
    for row in locked.rows:
        intake_record(
            data=row, draft=draft, right_key=row["right_key"], user=user, import_batch=locked
        )
    locked.status = ImportStatus.IMPORTED
    locked.imported_at = timezone.now()
    count = len(locked.rows)
    locked.rows = []
    locked.save(update_fields=["status", "imported_at", "rows"])
    batch.refresh_from_db()
    return count
