"""Writes of translations: a person adds one, the worker adds machine ones in batches, and
erasure removes every translation of what a resident asked to be erased."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from config.languages import LANGUAGE_CODES
from participation.text import clean_plain_text
from participation.translations.models import (
    MachineTranslationRequest,
    Translation,
    TranslationOrigin,
)


def translation_add(
    *, model, object_id: int, field_key: str = "", source_language: str, language: str,
    text: str, user,
) -> Translation:  # fmt: skip
    """Store a person's translation beside the original; the original is never touched."""
    cleaned = clean_plain_text(text).text.strip()
    if not cleaned:
        raise ValidationError(_("Write the translation."))
    if language not in LANGUAGE_CODES:
        raise ValidationError(_("Choose one of the site's languages."))
    if language == source_language:
        raise ValidationError(_("Choose a language other than the original's."))
    return Translation.objects.create(
        content_type=ContentType.objects.get_for_model(model),
        object_id=object_id,
        field_key=field_key,
        source_language=source_language,
        language=language,
        text=cleaned,
        origin=TranslationOrigin.HUMAN,
        translated_by=user,
    )


def translations_erase(*, model, object_id: int) -> int:
    """Remove every translation and queued request of an erased contribution: a translation
    of the resident's words could repeat what erasure removed."""
    content_type = ContentType.objects.get_for_model(model)
    subject = {"content_type": content_type, "object_id": object_id}
    removed, _detail = Translation.objects.filter(**subject).delete()
    MachineTranslationRequest.objects.filter(**subject).delete()
    return removed


def store_machine_translation(*, request: MachineTranslationRequest, text: str, engine, version):
    """One machine row per request, however many workers finish it: the request row is
    locked, and one already done is left alone."""
    with transaction.atomic():
        locked = MachineTranslationRequest.objects.select_for_update().get(pk=request.pk)
        if locked.status == "done":
            return None
        row = Translation.objects.create(
            content_type_id=locked.content_type_id,
            object_id=locked.object_id,
            field_key=locked.field_key,
            source_language=locked.source_language,
            language=locked.language,
            text=text,
            origin=TranslationOrigin.MACHINE,
            engine=engine,
            engine_version=version,
        )
        locked.status = "done"
        locked.engine = engine
        locked.last_error = ""
        locked.attempts += 1
        locked.save(update_fields=["status", "engine", "last_error", "attempts", "updated_at"])
        return row
