"""Theme one new comment at once, without a full run, with the model of the latest run.

The model is built once per (run, analysts' coding) and kept in this process, so theming a
comment costs a few milliseconds; the next full run replaces these assignments."""

from django.db import transaction

from analysis.engine.types import TextItem
from analysis.inputs import item_ref
from analysis.models.runs import AnalysisRun
from analysis.models.themes import Theme, ThemeAssignment
from analysis.selectors.runs import latest_finished_run, source_consultation
from analysis.services.codebook import analyst_codings, codebook_for

_MODELS: dict[tuple[int, int], object] = {}


def theme_model_for(*, run: AnalysisRun):
    coding_size = sum(len(v) for v in analyst_codings(consultation=run.consultation).values())
    key = (run.pk, coding_size)
    model = _MODELS.get(key)
    if model is None:
        _MODELS.clear()
        from analysis.engine.themes import build_theme_model

        model = build_theme_model(codebook_for(consultation=run.consultation))
        _MODELS[key] = model
    return model


def theme_new_item(
    *,
    consultation,
    content_type_id: int,
    object_id: int,
    text: str,
    language: str | None = None,
    field_key: str = "",
) -> list[ThemeAssignment]:
    """Machine themes for one new comment or answer, stored as 'incremental' assignments."""
    run = latest_finished_run(consultation=source_consultation(consultation))
    if run is None:
        return []
    model = theme_model_for(run=run)
    ref = item_ref(content_type_id, object_id, field_key)
    found = model.assign(TextItem(id=ref, text=text, declared_language=language))
    themes = {t.key: t for t in Theme.objects.filter(run=run, key__in=[a.theme_key for a in found])}
    rows = [
        ThemeAssignment(
            tag=themes[a.theme_key],
            run=run,
            content_type_id=content_type_id,
            object_id=object_id,
            field_key=field_key,
            source=ThemeAssignment.Source.INCREMENTAL,
            confidence=a.confidence,
            needs_review=a.needs_review,
            why=list(a.why),
        )
        for a in found
        if a.theme_key in themes
    ]
    with transaction.atomic():
        ThemeAssignment.objects.filter(
            content_type_id=content_type_id,
            object_id=object_id,
            field_key=field_key,
            source=ThemeAssignment.Source.INCREMENTAL,
        ).delete()
        ThemeAssignment.objects.bulk_create(rows)
    return rows
