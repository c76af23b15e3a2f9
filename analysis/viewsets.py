"""Analysis runs on Wagtail's model viewset: every run with filters (consultation, status), a
CSV/XLSX export of the list, "Start a run" as the add screen and each run's own page (progress,
themes, rerun). Runs are never edited or deleted by hand (analysis/rules.py): a rerun is a new
run, so the record of what was analysed stays."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from analysis.models.runs import AnalysisRun
from analysis.views.runs import RunDetailView, StartRunView
from participation.exports import GuardedExportMixin


class RunIndexView(GuardedExportMixin, IndexView):
    def get_edit_url(self, instance):
        from django.urls import reverse

        return reverse("analysis_runs:detail", args=[instance.pk])


class AnalysisRunViewSet(ModelViewSet):
    model = AnalysisRun
    icon = "table"
    menu_label = _("Analysis")
    menu_order = 300
    add_to_admin_menu = True
    url_prefix = "analysis/runs"
    url_namespace = "analysis_runs"
    index_view_class = RunIndexView
    list_filter = ["consultation", "status"]
    list_per_page = 50
    ordering = ["-created_at"]
    copy_view_enabled = False
    add_to_reference_index = False
    form_fields = ["consultation"]  # never shown: "add" is the start screen below
    export_filename = "analysis-runs"
    list_export = ["pk", "consultation", "status", "engine_version", "created_at", "finished_at"]

    @property
    def list_display(self):
        return [
            "__str__",
            "consultation",
            Column("progress", label=_("Progress"), accessor="progress_percent"),
            Column("items", label=_("Items"), accessor=lambda run: len(run.input_ids)),
            "created_by",
            "created_at",
        ]

    def get_urlpatterns(self):
        replaced = {"add", "edit", "delete"}
        kept = [p for p in super().get_urlpatterns() if p.name not in replaced]
        return kept + [
            path("new/", StartRunView.as_view(), name="add"),
            path("<int:pk>/", RunDetailView.as_view(), name="detail"),
        ]
