"""Theme reports in the Wagtail admin: the filtered report with its charts and tables, a
printable version, one theme in detail, and the equity view."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from analysis import rules
from analysis.models.reports import PopulationShare
from analysis.models.runs import AnalysisItem, AnalysisRun
from analysis.models.themes import Theme
from analysis.reports.equity import participation, shares_are_examples, small_group_themes
from analysis.reports.presenter import language_labels, report_context, stance_labels
from analysis.reports.stance_views import stance_views
from analysis.selectors.figures import report_figures
from analysis.selectors.names import districts_of
from analysis.selectors.runs import latest_approved_run
from analysis.selectors.translations import reader_language, translated_items
from analysis.services.review import population_shares_save
from analysis.templatetags.analysis_tags import theme_name
from analysis.views.forms import PopulationShareFormSet, ReportFilterForm, rights_of
from analysis.views.runs import AnalystRequiredMixin
from consultation.selectors.drafts import consultation_by_id


class RunMixin(AnalystRequiredMixin):
    def get_run(self) -> AnalysisRun:
        if not hasattr(self, "_run"):
            self._run = get_object_or_404(
                AnalysisRun.objects.select_related("consultation", "approved_by"),
                pk=self.kwargs["pk"],
                status=AnalysisRun.Status.SUCCEEDED,
            )
        return self._run


class ReportView(RunMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "analysis/report.html"
    header_icon = "table"

    def get_page_title(self):
        return _("Theme report, run %(id)s") % {"id": self.kwargs["pk"]}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        run = self.get_run()
        stored = report_figures(run=run)
        form = ReportFilterForm(self.request.GET or None, run=run, groups=stored["groups"])
        filters = form.filters()
        figures = report_figures(run=run, filters=filters) if filters.active else stored
        context.update(
            report_context(
                figures=figures,
                right_titles=rights_of(run),
                districts=districts_of(consultation=run.consultation),
                split=self.request.GET.get("split", ""),
            )
        )
        context.update(
            run=run,
            form=form,
            filtered=filters.active,
            query=self.request.GET.urlencode(),
            can_export=rules.can_export(self.request.user),
            can_review=rules.can_review_themes(self.request.user),
            translated=translated_items(run=run, language=reader_language()),
        )
        return context


class ReportPrintView(RunMixin, TemplateView):
    """The whole report on one page without the admin around it, for print or PDF."""

    template_name = "analysis/report_print.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        run = self.get_run()
        stored = report_figures(run=run)
        form = ReportFilterForm(self.request.GET or None, run=run, groups=stored["groups"])
        filters = form.filters()
        figures = report_figures(run=run, filters=filters) if filters.active else stored
        context.update(
            report_context(
                figures=figures,
                right_titles=rights_of(run),
                districts=districts_of(consultation=run.consultation),
                split=self.request.GET.get("split", ""),
            )
        )
        details = {t.pk: t for t in Theme.objects.filter(run=run)}
        context.update(
            run=run,
            filters=filters,
            details=[(t, details[t["id"]]) for t in figures["themes"] if t["count"]],
        )
        return context


class ConsultationReportView(AnalystRequiredMixin, TemplateView):
    """The consultation's report is the one of its latest approved run."""

    def get(self, request, *args, **kwargs):
        consultation = consultation_by_id(kwargs["pk"])
        if consultation is None:
            raise Http404
        run = latest_approved_run(consultation=consultation)
        if run is None:
            messages.warning(request, _("No run of this consultation has been approved yet."))
            return redirect("analysis_runs:index")
        return redirect("analysis_report", run.pk)


class ThemeDetailView(RunMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "analysis/theme_detail.html"
    header_icon = "tag"

    def get_theme(self) -> Theme:
        return get_object_or_404(Theme, pk=self.kwargs["theme_pk"], run=self.get_run())

    def get_page_title(self):
        return self.get_theme().name

    def get_header_title(self):
        """The page's h1: the name in a span with its language (the template keeps the
        <title> plain)."""
        return theme_name(self.get_theme())

    def get_context_data(self, **kwargs):
        from analysis.reports.effective import effective_themes

        context = super().get_context_data(**kwargs)
        run, theme = self.get_run(), self.get_theme()
        figures = report_figures(run=run)
        row = next((t for t in figures["themes"] if t["id"] == theme.pk), None)
        members = [key for key, found in effective_themes(run=run).items() if theme.pk in found]
        refs = [f"{ct}:{oid}:{fk}" for ct, oid, fk in members]
        items = AnalysisItem.objects.filter(run=run, ref__in=refs).order_by("pk")
        stance_total = sum((row or {}).get("stance", {}).values()) if row else 0
        context.update(
            run=run,
            theme=theme,
            row=row,
            total=figures["total"],
            stance_total=stance_total,
            items=items[:200],
            views=stance_views(items.values_list("stance", "text", "language", "ref")),
            stance_names=stance_labels(),
            item_count=len(refs),
            decisions=theme.decisions.select_related("user")[:50],
            language_labels=language_labels(),
            can_review=rules.can_review_themes(self.request.user),
        )
        return context


class EquityView(RunMixin, WagtailAdminTemplateMixin, TemplateView):
    post_permission_required = "edit_shares"
    template_name = "analysis/equity.html"
    header_icon = "group"

    def get_page_title(self):
        return _("Who took part, run %(id)s") % {"id": self.kwargs["pk"]}

    def _formset(self, data=None):
        run = self.get_run()
        initial = [
            {"dimension": s.dimension, "value": s.value, "percent": s.percent}
            for s in PopulationShare.objects.filter(consultation=run.consultation)
        ]
        return PopulationShareFormSet(data, initial=initial, prefix="shares")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        run = self.get_run()
        figures = report_figures(run=run)
        districts = districts_of(consultation=run.consultation)
        flags = small_group_themes(
            figures=figures, sentence_model=run.totals.get("sentence_model"), districts=districts
        )
        context.update(
            run=run,
            tables=participation(
                figures=figures, consultation=run.consultation, districts=districts
            ),
            example_shares=shares_are_examples(consultation=run.consultation),
            flagged=[flag for flag in flags if not flag["suppressed"]],
            suppressed=[flag for flag in flags if flag["suppressed"]],
            formset=kwargs.get("formset") or self._formset(),
            language_labels=language_labels(),
            can_edit=rules.can_edit_population_shares(self.request.user),
        )
        return context

    def post(self, request, *args, **kwargs):
        formset = self._formset(request.POST)
        if not formset.is_valid():
            for form in formset.forms:
                for name in form.errors:
                    if name in form.fields:
                        widget = form.fields[name].widget
                        widget.attrs["aria-describedby"] = f"{form[name].id_for_label}-error"
                        widget.attrs["aria-invalid"] = "true"
            return self.render_to_response(self.get_context_data(formset=formset), status=400)
        rows = [form.cleaned_data for form in formset.forms if form.cleaned_data]
        population_shares_save(
            consultation=self.get_run().consultation, rows=rows, user=request.user
        )
        messages.success(request, _("Population shares saved."))
        return redirect("analysis_equity", self.get_run().pk)
