"""Analysis screens in the Wagtail admin, shown to analysts only."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from analysis import panels
from analysis.models.themes import CodebookEntry
from analysis.views.exports import ExportView
from analysis.views.opinions import OpinionReportView
from analysis.views.reports import (
    ConsultationReportView,
    EquityView,
    ReportPrintView,
    ReportView,
    ThemeDetailView,
)
from analysis.views.review import (
    ItemReviewView,
    RunApproveView,
    RunPublishView,
    ThemeActionView,
    ThemeReviewView,
)
from analysis.viewsets import AnalysisRunViewSet
from consultation.panels import (
    MODERATION_PANELS_HOOK,
    OUTCOME_PANELS_HOOK,
    RIGHT_CHANGE_PANELS_HOOK,
    STATEMENT_PANELS_HOOK,
    STATUS_PANELS_HOOK,
)


@hooks.register("register_admin_urls")
def register_analysis_urls():
    run = "analysis/runs/<int:pk>/"
    return [
        path(f"{run}approve/", RunApproveView.as_view(), name="analysis_run_approve"),
        path(f"{run}publish/", RunPublishView.as_view(), name="analysis_run_publish"),
        path(f"{run}report/", ReportView.as_view(), name="analysis_report"),
        path(f"{run}report/print/", ReportPrintView.as_view(), name="analysis_report_print"),
        path(f"{run}equity/", EquityView.as_view(), name="analysis_equity"),
        path(f"{run}themes/", ThemeReviewView.as_view(), name="analysis_theme_review"),
        path(
            f"{run}themes/<int:theme_pk>/", ThemeDetailView.as_view(), name="analysis_theme_detail"
        ),
        path(
            f"{run}themes/<int:theme_pk>/action/",
            ThemeActionView.as_view(),
            name="analysis_theme_action",
        ),
        path(f"{run}review/", ItemReviewView.as_view(), name="analysis_item_review"),
        path(f"{run}export.csv", ExportView.as_view(fmt="csv"), name="analysis_export_csv"),
        path(f"{run}export.xlsx", ExportView.as_view(fmt="xlsx"), name="analysis_export_xlsx"),
        path(
            "analysis/consultations/<int:pk>/report/",
            ConsultationReportView.as_view(),
            name="analysis_consultation_report",
        ),
        path(
            "analysis/consultations/<int:pk>/statements/",
            OpinionReportView.as_view(),
            name="analysis_opinions_report",
        ),
    ]


@hooks.register(STATUS_PANELS_HOOK)
def comment_status_panels(comment, request):
    return panels.status_panels(comment, request)


@hooks.register(RIGHT_CHANGE_PANELS_HOOK)
def right_change_panels(draft, request):
    return panels.right_change_panels(draft, request)


@hooks.register(MODERATION_PANELS_HOOK)
def moderation_panels(comment, request):
    return panels.moderation_panels(comment, request)


@hooks.register(OUTCOME_PANELS_HOOK)
def outcome_link_panels(consultation, request):
    return panels.outcome_link_panels(consultation, request)


@hooks.register(STATEMENT_PANELS_HOOK)
def statement_panels(consultation, request):
    return panels.statement_panels(consultation, request)


@hooks.register("register_admin_viewset")
def register_run_viewset():
    return AnalysisRunViewSet()


class CodebookViewSet(SnippetViewSet):
    """The codebook analysts edit: themes expected in advance, with example phrases per
    language; the next run reads it."""

    model = CodebookEntry
    icon = "list-ul"
    menu_label = _("Codebook")
    add_to_admin_menu = False
    list_display = ["name", "key", "principle", "consultation", "is_active"]
    list_filter = ["is_active", "principle"]
    search_fields = ["name", "key", "description"]


register_snippet(CodebookViewSet)
