"""Reads about analysis runs: which consultations can be analysed, recent and active runs, the
approved run reports are built from, and the review queue of a run."""

from django.db.models import F, FloatField, OuterRef, Subquery
from django.db.models.functions import Abs
from wagtail.models import Locale

from analysis.models.reports import ItemReview
from analysis.models.runs import AnalysisItem, AnalysisRun
from analysis.models.themes import Theme, ThemeAssignment
from consultation.selectors.drafts import consultations_in_default_language


def consultations_for_analysis():
    """Consultations in the default language (runs cover every translation)."""
    return consultations_in_default_language()


def consultation_id_by_key(translation_key) -> int | None:
    """The consultation (default language) a contribution belongs to, by its translation key."""
    return (
        consultations_for_analysis()
        .filter(translation_key=translation_key)
        .values_list("pk", flat=True)
        .first()
    )


def source_consultation(page):
    """Runs belong to the consultation in the site's default language; its translations are
    the same consultation, so a run started from the Korean page covers every language."""
    default = Locale.get_default()
    if page.locale_id == default.id:
        return page
    return page.get_translation_or_none(default) or page


def run_themes(*, run: AnalysisRun):
    """Themes of a run, largest first, with their share of the run's items."""
    total = run.totals.get("items") or len(run.input_ids) or 0
    themes = list(
        Theme.objects.filter(run=run).exclude(state=Theme.State.MERGED).order_by("-item_count")
    )
    for theme in themes:
        theme.share = (100.0 * theme.item_count / total) if total else 0.0
    return themes


def active_themes(*, run: AnalysisRun):
    """Themes that still count (not merged into another, not retired)."""
    return Theme.objects.filter(run=run).exclude(
        state__in=[Theme.State.MERGED, Theme.State.RETIRED]
    )


def latest_approved_run(*, consultation) -> AnalysisRun | None:
    """The run reports and public pages are built from: the latest approved one."""
    return (
        AnalysisRun.objects.filter(
            consultation=source_consultation(consultation),
            status=AnalysisRun.Status.SUCCEEDED,
            approved_at__isnull=False,
        )
        .order_by("-approved_at", "-pk")
        .first()
    )


def latest_finished_run(*, consultation) -> AnalysisRun | None:
    return (
        AnalysisRun.objects.filter(consultation=consultation, status=AnalysisRun.Status.SUCCEEDED)
        .order_by("-finished_at", "-pk")
        .first()
    )


def _doubt():
    """How close an item's least certain scored machine assignment inside the review band is
    to a coin toss (0 = a coin toss); null when the machine was sure of every theme."""
    unsure = (
        ThemeAssignment.objects.filter(
            run=OuterRef("run"),
            content_type=OuterRef("content_type"),
            object_id=OuterRef("object_id"),
            field_key=OuterRef("field_key"),
            source=ThemeAssignment.Source.MACHINE,
            needs_review=True,
            confidence__isnull=False,
        )
        .annotate(doubt=Abs(F("confidence") - 0.5))
        .order_by("doubt")
        .values("doubt")[:1]
    )
    return Subquery(unsure, output_field=FloatField())


def review_queue(*, run: AnalysisRun, language: str = "", reviewed: bool = False):
    """Items of a run for one-by-one review (or only the reviewed ones): those with an
    assignment inside the review band first, most uncertain first, then the rest in order."""
    done = ItemReview.objects.filter(run=run).values("item_id")
    items = AnalysisItem.objects.filter(run=run)
    if language:
        items = items.filter(language=language)
    if reviewed:
        return items.filter(pk__in=done).order_by("pk")
    return (
        items.exclude(pk__in=done)
        .annotate(doubt=_doubt())
        .order_by(F("doubt").asc(nulls_last=True), "pk")
    )
