"""Staff screens in the Wagtail admin: the list of surveys, each survey's results (counts,
percentages, charts, cross-tabs, written answers) and the CSV/XLSX exports. Access follows
survey/rules.py; anonymous visitors are sent to the admin login by Wagtail."""

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from survey import exports, rules
from survey.charts import bar_chart
from survey.fields.types import CATEGORICAL_TYPES
from survey.models import SurveyPage, SurveyResponse
from survey.selectors import (
    crosstab_dimensions,
    survey_crosstab,
    survey_free_text,
    survey_results,
)

TEXTS_PER_PAGE = 50


def _source_survey(page_id: int) -> SurveyPage:
    page = get_object_or_404(SurveyPage, pk=page_id)
    return page.source_page()


class StaffOnlyMixin(PermissionCheckedMixin):
    permission_policy = rules.response_policy
    permission_required = "view"


class SurveyIndexView(StaffOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "survey/admin/index.html"
    page_title = gettext_lazy("Survey results")
    header_icon = "table"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = []
        for page in SurveyPage.objects.all().order_by("path").select_related("locale"):
            if page.source_page().pk != page.pk:
                continue
            rows.append(
                {
                    "page": page,
                    "consultation": page.get_parent(),
                    "responses": SurveyResponse.objects.filter(page=page).count(),
                    "translations": page.get_translations(inclusive=True).select_related("locale"),
                }
            )
        context.update(
            rows=rows,
            can_export=rules.can_export_results(self.request.user),
            can_enter=rules.can_enter_responses(self.request.user),
        )
        return context


class SurveyResultsView(StaffOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "survey/admin/results.html"
    header_icon = "table"

    def get_page_title(self):
        return _("Results: %(survey)s") % {"survey": self.survey.title}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("survey_admin:index"), "label": _("Survey results")},
            {"url": "", "label": self.survey.title},
        ]

    def dispatch(self, request, *args, **kwargs):
        self.survey = _source_survey(kwargs["page_id"])
        return super().dispatch(request, *args, **kwargs)

    def _crosstab(self):
        choice_keys = [q.key for q in self.survey.questions() if q.field_type in CATEGORICAL_TYPES]
        if not choice_keys:
            return None, choice_keys
        question_key = self.request.GET.get("question") or choice_keys[0]
        by = self.request.GET.get("by") or "language"
        if question_key not in choice_keys:
            raise Http404
        try:
            return survey_crosstab(survey=self.survey, question_key=question_key, by=by), (
                choice_keys
            )
        except KeyError as error:
            raise Http404 from error

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        total, results = survey_results(survey=self.survey)
        for result in results:
            result.chart = bar_chart(result.options) if result.options else None
            for row in result.rows:
                row.chart = bar_chart(row.options)
        crosstab, _choice_keys = self._crosstab()
        texts = survey_free_text(
            survey=self.survey, question_key=self.request.GET.get("text_question") or None
        )
        paginator = Paginator(texts, TEXTS_PER_PAGE)
        context.update(
            survey=self.survey,
            total=total,
            results=results,
            crosstab=crosstab,
            choice_questions=[
                (q.key, q.label)
                for q in self.survey.questions()
                if q.field_type in CATEGORICAL_TYPES
            ],
            dimensions=crosstab_dimensions(self.survey),
            selected_question=self.request.GET.get("question", ""),
            selected_by=self.request.GET.get("by", "language"),
            texts=paginator.get_page(self.request.GET.get("texts")),
            text_questions=sorted({(row["question_key"], row["question_label"]) for row in texts}),
            can_export=rules.can_export_results(self.request.user),
            can_enter=rules.can_enter_responses(self.request.user),
            translations=self.survey.get_translations(inclusive=True).select_related("locale"),
        )
        return context


class SurveyExportView(StaffOnlyMixin, View):
    permission_required = "export"

    def get(self, request, page_id: int, fmt: str):
        return survey_export(_source_survey(page_id), fmt)


def survey_export(survey, fmt: str):
    name = slugify(survey.slug) or "survey"
    if fmt == "csv":
        body, content_type = exports.to_csv(survey=survey), "text/csv; charset=utf-8"
    elif fmt == "xlsx":
        body = exports.to_xlsx(survey=survey)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        raise Http404
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}-responses.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response
