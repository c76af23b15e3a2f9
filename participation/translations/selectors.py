"""Reads of translations: which one to show beside an original, for pages, reports and
exports. A person's translation beats a machine's; among equals the newest wins."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType

from participation.translations.models import Translation, TranslationOrigin

Key = tuple[int, int, str]


def rank(row: Translation) -> tuple:
    """Order of preference: a person's translation, then the newest."""
    return (row.origin == TranslationOrigin.HUMAN, row.created_at, row.pk)


def best_translations(*, content_type_id: int, object_ids, language: str | None = None):
    """{(content type id, object id, field key): {language: Translation}} with the winning
    row per language, in one query, for every object asked about."""
    query = Translation.objects.filter(content_type_id=content_type_id, object_id__in=object_ids)
    if language:
        query = query.filter(language=language)
    found: dict[Key, dict[str, Translation]] = {}
    for row in query.select_related("translated_by"):
        key = (row.content_type_id, row.object_id, row.field_key)
        current = found.setdefault(key, {}).get(row.language)
        if current is None or rank(row) > rank(current):
            found[key][row.language] = row
    return found


def translations_for_model(*, model, object_ids, language: str | None = None):
    """The same, naming the model instead of its content type id."""
    content_type_id = ContentType.objects.get_for_model(model).pk
    return best_translations(
        content_type_id=content_type_id, object_ids=list(object_ids), language=language
    )


def attach_translations(objects, *, model, field_key: str = "", hide_machine=False) -> list:
    """Set `shown_translations` on each object: its best translation per language other than
    its own, for the public page to show beside the original. `hide_machine` leaves machine
    rows out (the consultation's AI switch)."""
    objects = list(objects)
    found = translations_for_model(model=model, object_ids=[o.pk for o in objects])
    content_type_id = ContentType.objects.get_for_model(model).pk
    for obj in objects:
        by_language = found.get((content_type_id, obj.pk, field_key), {})
        obj.shown_translations = [
            row
            for code, row in sorted(by_language.items())
            if code != getattr(obj, "language", None) and not (hide_machine and row.is_machine)
        ]
    return objects


def translation_history(*, model, object_id: int, field_key: str = ""):
    """Every translation of one contribution's text, newest first, for the staff screen."""
    return Translation.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id=object_id,
        field_key=field_key,
    ).select_related("translated_by")
