"""Translations of the items an analyst reads, in the analyst's own language: the review
screen, the report and the exports show the original with the best translation beside it
(a person's over a machine's). Where a consultation's AI switch is "off", machine
translations are left out here too."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import get_language

from analysis.inputs import item_ref
from analysis.models.runs import AnalysisItem, AnalysisRun
from analysis.models.themes import ThemeAssignment
from consultation.selectors.published import machine_output_setting
from participation.translations.models import Translation
from participation.translations.selectors import best_translations, rank

Key = tuple[int, int, str]


def reader_language() -> str:
    """The language the admin is shown in for this user (Wagtail activates their choice)."""
    return get_language() or settings.LANGUAGE_CODE


def machine_allowed(run: AnalysisRun) -> bool:
    consultation = run.consultation
    if consultation is None:
        return True
    return machine_output_setting(consultation_key=consultation.translation_key) != "off"


def translations_for_items(*, run: AnalysisRun, items, language: str) -> dict[Key, Translation]:
    """(content type, object, field) -> the translation into `language` to show, for items
    not already written in it."""
    items = [item for item in items if item.language != language]
    by_type: dict[int, list[int]] = {}
    for item in items:
        by_type.setdefault(item.content_type_id, []).append(item.object_id)
    allow_machine = machine_allowed(run)
    found: dict[Key, Translation] = {}
    for content_type_id, object_ids in by_type.items():
        rows = best_translations(
            content_type_id=content_type_id, object_ids=object_ids, language=language
        )
        for key, by_language in rows.items():
            row = by_language.get(language)
            if row is not None and (allow_machine or not row.is_machine):
                found[key] = row
    return found


def item_translation(*, item: AnalysisItem, language: str) -> Translation | None:
    key = (item.content_type_id, item.object_id, item.field_key)
    return translations_for_items(run=item.run, items=[item], language=language).get(key)


def translated_items(*, run: AnalysisRun, language: str, limit: int = 100) -> list[dict]:
    """Items of a run that have a translation into `language`, for the report's section of
    what residents wrote in other languages: [{"item", "translation"}]. Starts from the
    translations (far fewer than items), so a large run is not read whole."""
    subjects = (
        Translation.objects.filter(language=language)
        .values_list("content_type_id", "object_id", "field_key")
        .distinct()
        .order_by("content_type_id", "object_id", "field_key")
    )
    refs = [item_ref(ct, oid, fk) for ct, oid, fk in subjects[: limit * 4]]
    items = list(run.items.filter(ref__in=refs).exclude(language=language).order_by("pk"))
    found = translations_for_items(run=run, items=items, language=language)
    rows = []
    for item in items:
        translation = found.get((item.content_type_id, item.object_id, item.field_key))
        if translation is not None:
            rows.append({"item": item, "translation": translation})
    return rows[:limit]


def export_translations(*, run: AnalysisRun, language: str) -> dict[Key, tuple[str, str]]:
    """Every shown translation into `language` by item key: (text, "human" | "machine"),
    for the exports. Translations are far fewer than items, so they fit in memory."""
    allow_machine = machine_allowed(run)
    best: dict[Key, Translation] = {}
    rows = Translation.objects.filter(language=language).only(
        "content_type_id", "object_id", "field_key", "text", "origin", "created_at"
    )
    for row in rows.iterator(chunk_size=2000):
        if row.is_machine and not allow_machine:
            continue
        key = (row.content_type_id, row.object_id, row.field_key)
        current = best.get(key)
        if current is None or rank(row) > rank(current):
            best[key] = row
    return {key: (row.text, row.origin) for key, row in best.items()}


def reviewed_keys(*, run: AnalysisRun) -> set[Key]:
    """Items an analyst has confirmed or corrected: their themes are the analyst's."""
    return set(
        ThemeAssignment.objects.filter(run=run, source=ThemeAssignment.Source.ANALYST)
        .values_list("content_type_id", "object_id", "field_key")
        .distinct()
    )
