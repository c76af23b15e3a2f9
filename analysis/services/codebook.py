"""The codebook a consultation is analysed with, and the analysts' coding that teaches the
engine: both read from the database into engine dataclasses."""

from django.db import transaction

from analysis.engine.types import CodebookTheme, CodedExample, TextItem
from analysis.inputs import item_ref
from analysis.models.themes import CodebookEntry, ThemeAssignment


@transaction.atomic
def codebook_ensure_defaults() -> int:
    """Store the engine's default codebook (four principles and common service themes in nine
    languages) as the city-wide set, once, so analysts can edit it in the admin."""
    if CodebookEntry.objects.filter(consultation__isnull=True).exists():
        return 0
    from analysis.engine.codebook import default_codebook

    entries = [
        CodebookEntry(
            consultation=None,
            key=theme.key,
            name=theme.name,
            description=theme.description,
            principle=theme.principle or "",
            examples=theme.examples,
            names=theme.names,
        )
        for theme in default_codebook()
    ]
    CodebookEntry.objects.bulk_create(entries)
    return len(entries)


def codebook_for(*, consultation) -> list[CodebookTheme]:
    """The consultation's own codebook where analysts made one, else the city-wide default."""
    codebook_ensure_defaults()
    entries = CodebookEntry.objects.filter(consultation=consultation, is_active=True)
    if not entries.exists():
        entries = CodebookEntry.objects.filter(consultation__isnull=True, is_active=True)
    return [
        CodebookTheme(
            key=entry.key,
            name=entry.name,
            description=entry.description,
            examples={lang: list(phrases) for lang, phrases in entry.examples.items()},
            principle=entry.principle or None,
            names=dict(entry.names),
        )
        for entry in entries
    ]


def analyst_codings(*, consultation) -> dict[str, set[str]]:
    """Per item reference, the codebook theme keys an analyst says apply (latest decision per
    item and theme wins; a rejection removes the theme)."""
    rows = (
        ThemeAssignment.objects.filter(
            source=ThemeAssignment.Source.ANALYST,
            run__consultation=consultation,
            tag__kind="codebook",
        )
        .order_by("created_at", "pk")
        .values_list("content_type_id", "object_id", "field_key", "tag__key", "decision")
    )
    coded: dict[str, set[str]] = {}
    for content_type_id, object_id, field_key, key, decision in rows:
        themes = coded.setdefault(item_ref(content_type_id, object_id, field_key), set())
        if decision == ThemeAssignment.Decision.REJECTED:
            themes.discard(key)
        else:
            themes.add(key)
    return coded


def coded_examples_for(*, consultation, items_by_ref: dict) -> list[CodedExample]:
    """Analysts' coding turned into training examples for the engine."""
    examples = []
    for ref, keys in analyst_codings(consultation=consultation).items():
        item = items_by_ref.get(ref)
        if item is None:
            continue
        text_item = item if isinstance(item, TextItem) else item.as_text_item()
        examples.append(CodedExample(item=text_item, theme_keys=tuple(sorted(keys))))
    return examples
