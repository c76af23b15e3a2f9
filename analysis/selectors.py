"""Read-side queries for analysis screens and reports."""

from django.db.models import Count

from analysis.models import AnalysisRun, Theme
from consultation.models import ConsultationPage


def consultations_for_analysis():
    """Consultations in the default language (runs cover every translation)."""
    from wagtail.models import Locale

    return ConsultationPage.objects.filter(locale=Locale.get_default()).order_by("title")


def runs_recent(*, limit: int = 50):
    return AnalysisRun.objects.select_related("consultation", "created_by").order_by("-created_at")[
        :limit
    ]


def run_themes(*, run: AnalysisRun):
    """Themes of a run, largest first, with their share of the run's items."""
    total = run.totals.get("items") or len(run.input_ids) or 0
    themes = list(
        Theme.objects.filter(run=run).exclude(state=Theme.State.MERGED).order_by("-item_count")
    )
    for theme in themes:
        theme.share = (100.0 * theme.item_count / total) if total else 0.0
    return themes


def runs_active_exist() -> bool:
    return AnalysisRun.objects.filter(
        status__in=[AnalysisRun.Status.QUEUED, AnalysisRun.Status.RUNNING]
    ).exists()


def run_stage_counts(*, run: AnalysisRun) -> dict:
    return dict(run.items.values_list("language").annotate(n=Count("id")).order_by())


# Reports, review and public pages ---------------------------------------------------------


def latest_approved_run(*, consultation):
    """The run reports and public pages are built from: the latest approved one."""
    from analysis.reports.public import latest_approved_run as latest

    return latest(consultation=consultation)


def right_choices() -> list[tuple[str, str]]:
    """Rights of the newest draft of each consultation (default language), for editors."""
    from consultation.models import BillOfRightsDraftPage
    from consultation.selectors import right_titles

    choices = []
    for consultation in consultations_for_analysis():
        draft = (
            BillOfRightsDraftPage.objects.child_of(consultation).order_by("-version_number").first()
        )
        if draft is not None:
            choices.extend(right_titles(draft).items())
    return choices


def theme_choices() -> list[tuple[str, str]]:
    """Approved themes of each consultation's latest approved run, for editors."""
    choices = []
    for consultation in consultations_for_analysis():
        run = latest_approved_run(consultation=consultation)
        if run is None:
            continue
        for key, name in (
            Theme.objects.filter(run=run, state=Theme.State.APPROVED)
            .order_by("name")
            .values_list("key", "name")
        ):
            choices.append((key, name))
    return choices


def public_page_context(*, page) -> dict:
    """Figures for a public analysis page, from its approved run; empty when there is none."""
    from analysis.pages import MethodNotePage, WhatWeHeardPage, YouSaidWeDidPage
    from analysis.reports.public import public_themes, right_change_reasons
    from analysis.reports.snapshot import report_figures

    run = page.run if page.run_id and page.run.approved_at else None
    context = {"run": run, "figures": None}
    if run is None:
        return context
    figures = report_figures(run=run)
    context["figures"] = figures
    themes = public_themes(run=run)
    if isinstance(page, WhatWeHeardPage):
        context["findings"] = [
            {"block": block.value, "theme": themes.get(block.value["theme_key"])}
            for block in page.body
        ]
    elif isinstance(page, YouSaidWeDidPage) and page.draft_id:
        from consultation.selectors import right_titles

        draft = page.draft.get_translation_or_none(page.locale) or page.draft
        titles = right_titles(draft)
        reasons = right_change_reasons(draft=draft, language=page.locale.language_code)
        context["draft"] = draft
        context["changes"] = [
            {
                "right_key": block.value["right_key"],
                "right_title": titles.get(block.value["right_key"], ""),
                "what_we_did": block.value["what_we_did"],
                "themes": [themes[k] for k in block.value["themes"] if k in themes],
            }
            for block in page.changes
        ]
        context["reasons"] = reasons
    elif isinstance(page, MethodNotePage):
        context["agreement"] = figures.get("agreement")
        context["approved_themes"] = sorted(themes.values(), key=lambda t: -t["count"])
        context["codebook_themes"] = Theme.objects.filter(run=run, kind="codebook").count()
        context["emergent_themes"] = Theme.objects.filter(run=run, kind="emergent").count()
    return context


def comment_outcome(comment) -> dict:
    """Themes a resident's comment fed in the latest approved run and the draft changes those
    themes led to, in the active language (the status page and the outcome email use it)."""
    from analysis.reports.public import comment_outcome as outcome

    return outcome(comment)


def review_queue(*, run: AnalysisRun, language: str = "", reviewed: bool = False):
    """Items of a run for one-by-one review: not yet reviewed first (or only reviewed ones)."""
    from analysis.models import AnalysisItem, ItemReview

    done = ItemReview.objects.filter(run=run).values("item_id")
    items = AnalysisItem.objects.filter(run=run)
    if language:
        items = items.filter(language=language)
    items = items.filter(pk__in=done) if reviewed else items.exclude(pk__in=done)
    return items.order_by("pk")
