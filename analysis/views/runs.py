"""Admin screens to start analysis runs, watch their progress and see failures."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from analysis import rules
from analysis.models.runs import AnalysisRun
from analysis.selectors import runs as selectors
from analysis.services import analysis_run_create
from analysis.services.publication import publication_blockers
from consultation.selectors.published import machine_output_allowed


class StartRunForm(forms.Form):
    consultation = forms.ModelChoiceField(queryset=None, label=_("Consultation"))
    emergent = forms.BooleanField(
        required=False, initial=True, label=_("Look for themes outside the codebook")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consultation"].queryset = selectors.consultations_for_analysis()

    def clean_consultation(self):
        consultation = self.cleaned_data["consultation"]
        if not machine_output_allowed(consultation.translation_key):
            raise forms.ValidationError(
                _("Machine analysis is switched off for this consultation (in its page settings).")
            )
        return consultation


class AnalystRequiredMixin(PermissionCheckedMixin):
    """Wagtail's permission check against analysis/rules.py; a POST may need another action
    (starting a run, approving, saving population shares) than reading the page."""

    permission_policy = rules.run_policy
    permission_required = "view"
    post_permission_required = None

    def dispatch(self, request, *args, **kwargs):
        if request.method == "POST" and self.post_permission_required:
            self.permission_required = self.post_permission_required
        return super().dispatch(request, *args, **kwargs)


class StartRunView(AnalystRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """Start an analysis run of a consultation (the runs viewset's "add" screen)."""

    permission_required = "add"
    template_name = "analysis/run_start.html"
    page_title = _("Start an analysis run")
    header_icon = "table"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", StartRunForm())
        return context

    def post(self, request, *args, **kwargs):
        form = StartRunForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        run = analysis_run_create(
            consultation=form.cleaned_data["consultation"],
            user=request.user,
            parameters={} if form.cleaned_data["emergent"] else {"emergent": False},
        )
        messages.success(
            request, _("Run %(id)s queued; the worker will start it shortly.") % {"id": run.pk}
        )
        return redirect("analysis_runs:detail", run.pk)


class RunDetailView(AnalystRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    post_permission_required = "add"
    template_name = "analysis/run_detail.html"
    header_icon = "table"

    def get_page_title(self):
        return _("Analysis run %(id)s") % {"id": self.kwargs["pk"]}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        run = get_object_or_404(
            AnalysisRun.objects.select_related("consultation", "created_by"), pk=self.kwargs["pk"]
        )
        context.update(
            run=run,
            themes=selectors.run_themes(run=run) if run.status == run.Status.SUCCEEDED else [],
            refresh=not run.is_finished,
            can_start=rules.can_start_run(self.request.user),
            can_publish=rules.can_publish_results(self.request.user),
            publication_blockers=publication_blockers(run=run),
            publications=run.publications.order_by("-version"),
        )
        return context

    def post(self, request, *args, **kwargs):
        """Rerun: a new run with the same consultation and parameters, inputs read afresh."""
        previous = get_object_or_404(AnalysisRun, pk=self.kwargs["pk"])
        run = analysis_run_create(
            consultation=previous.consultation, user=request.user, parameters=previous.parameters
        )
        messages.success(request, _("Run %(id)s queued.") % {"id": run.pk})
        return redirect("analysis_runs:detail", run.pk)
