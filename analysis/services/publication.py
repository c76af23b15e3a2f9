"""Publishing a consultation's results: the gate a run must pass before residents see it, and
the frozen, numbered copy of its figures that public pages read from then on.

The gate is an analyst's approval plus enough hand-reviewed items
(settings.PUBLICATION_MIN_REVIEWED) for the agreement figures to mean something. Publishing
again makes a new version; older versions stay as they were, so a link to one never changes."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from analysis.models.publications import PublishedResult
from analysis.models.reports import ItemReview
from analysis.models.runs import AnalysisRun
from analysis.models.themes import Theme, ThemeDecision
from analysis.selectors.figures import unfiltered_figures
from analysis.selectors.outcomes import outcome_links_forget
from analysis.selectors.themes import codebook_names, theme_label
from config.languages import LANGUAGE_CODES
from config.pagecache import invalidate_pages

PUBLIC_FIGURES = ("total", "themed", "stance", "principle_stance", "agreement")


def reviewed_count(*, run: AnalysisRun) -> int:
    """Items of the run an analyst went through by hand (each counted once)."""
    return ItemReview.objects.filter(run=run).values("item_id").distinct().count()


def publication_blockers(*, run: AnalysisRun) -> list[str]:
    """Why the run cannot be published yet, in words staff can act on; empty when it can."""
    blockers = []
    if run.status != AnalysisRun.Status.SUCCEEDED:
        blockers.append(_("The run has not finished."))
    if run.approved_at is None:
        blockers.append(_("An analyst has not approved the run."))
    needed = settings.PUBLICATION_MIN_REVIEWED
    reviewed = reviewed_count(run=run)
    if reviewed < needed:
        blockers.append(
            _("Analysts reviewed %(reviewed)s items by hand; at least %(needed)s are needed.")
            % {"reviewed": reviewed, "needed": needed}
        )
    return blockers


def _frozen_themes(run: AnalysisRun, figures: dict) -> dict[str, dict]:
    """Approved themes with their figures and their name in every language."""
    names = codebook_names(consultation=run.consultation)
    rows = {row["id"]: row for row in figures["themes"]}
    themes = {}
    for theme in Theme.objects.filter(run=run, state=Theme.State.APPROVED):
        row = rows.get(theme.pk, {})
        themes[theme.key] = {
            "id": theme.pk,
            "key": theme.key,
            "kind": theme.kind,
            "labels": {code: theme_label(theme, code, names) for code in LANGUAGE_CODES},
            "count": row.get("count", 0),
            "share": row.get("share", 0.0),
            "stance": row.get("stance", {}),
        }
    return themes


def _method(run: AnalysisRun) -> dict:
    """How the themes were made and what analysts did to them, counted, not claimed."""
    decisions = ThemeDecision.objects.filter(theme__run=run)
    return {
        "engine_version": run.engine_version,
        "approved_at": run.approved_at.isoformat() if run.approved_at else "",
        "codebook_themes": Theme.objects.filter(run=run, kind=Theme.Kind.CODEBOOK).count(),
        "emergent_themes": Theme.objects.filter(run=run, kind=Theme.Kind.EMERGENT).count(),
        "renamed": decisions.filter(action=ThemeDecision.Action.RENAME).count(),
        "merged": decisions.filter(action=ThemeDecision.Action.MERGE).count(),
        "split": decisions.filter(action=ThemeDecision.Action.SPLIT).count(),
        "retired": decisions.filter(action=ThemeDecision.Action.RETIRE).count(),
    }


@transaction.atomic
def results_publish(*, run: AnalysisRun, user) -> PublishedResult:
    """Freeze the run's figures as the consultation's next published version."""
    run = AnalysisRun.objects.select_for_update().select_related("consultation").get(pk=run.pk)
    blockers = publication_blockers(run=run)
    if blockers:
        raise ValidationError(blockers)
    figures = unfiltered_figures(run=run)
    latest = PublishedResult.objects.filter(consultation=run.consultation).aggregate(
        top=Max("version")
    )["top"]
    result = PublishedResult.objects.create(
        consultation=run.consultation,
        run=run,
        version=(latest or 0) + 1,
        published_by=user,
        reviewed=reviewed_count(run=run),
        figures={key: figures.get(key) for key in PUBLIC_FIGURES},
        themes=_frozen_themes(run, figures),
        method=_method(run),
    )
    transaction.on_commit(invalidate_pages)
    outcome_links_forget()
    transaction.on_commit(outcome_links_forget)  # and once more when readers can see it
    return result
