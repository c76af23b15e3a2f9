"""Opinion groups of a consultation's statement votes: the public results page (an SVG map
with a table of the same numbers, common ground and divisions across opinion groups and
language communities) and the staff report with CSV and XLSX export. Both only read."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import ReportView

from analysis import rules
from analysis.selectors.opinions import opinion_results
from consultation.selectors.drafts import consultation_in_language, live_consultation_by_id
from consultation.selectors.published import machine_output_public
from participation.exports import GuardedExportMixin


def opinion_results_page(request, page_id: int):
    consultation = live_consultation_by_id(page_id)
    if consultation is None:
        raise Http404("No such consultation")
    language = get_language()
    if consultation.locale.language_code != language:
        other = consultation_in_language(consultation, language)
        if other is not None:
            return redirect(reverse("opinions:results", args=[other.pk]))
    context = {
        "consultation": consultation,
        "machine_public": machine_output_public(consultation_key=consultation.translation_key),
        **opinion_results(consultation=consultation, language=language),
    }
    return TemplateResponse(request, "analysis/opinions/results.html", context)


class StatementRow:
    """One statement with its votes overall, per opinion group and per language."""

    def __init__(self, row, opinion_keys, language_row, language_keys):
        statement = row["statement"]
        self.key = statement.key
        self.text = statement.text
        self.language = statement.language
        total = row["total"]
        self.agree, self.disagree, self.passed = total.agree, total.disagree, total.passed
        self.agree_percent = total.percent
        for key, share in zip(opinion_keys, row["shares"], strict=True):
            setattr(self, f"group_{key}", share.percent)
        shares = language_row["shares"] if language_row else [None] * len(language_keys)
        for key, share in zip(language_keys, shares, strict=True):
            setattr(self, f"language_{key}", share.percent if share else None)


class OpinionReportView(GuardedExportMixin, ReportView):
    """Per statement: votes overall, agreement in each opinion group and each language."""

    page_title = _("Statement votes")
    header_icon = "table"
    template_name = "analysis/opinions/report.html"
    results_template_name = "analysis/opinions/report_results.html"
    paginate_by = 200
    export_filename = "statement-votes"

    def dispatch(self, request, *args, **kwargs):
        if not rules.can_view_report(request.user):
            raise PermissionDenied
        self.consultation = live_consultation_by_id(kwargs["pk"])
        if self.consultation is None:
            raise Http404("No such consultation")
        self.results = opinion_results(consultation=self.consultation, language=get_language())
        self._build()
        return super().dispatch(request, *args, **kwargs)

    def get_index_url(self):
        return reverse("analysis_opinions_report", args=[self.consultation.pk])

    def _build(self):
        results = self.results
        opinion = results.get("opinion") or {"groups": [], "rows": []}
        languages = results.get("languages") or {"groups": [], "rows": []}
        group_keys = [g["key"] for g in opinion["groups"]]
        language_keys = [g["key"] for g in languages["groups"]]
        by_statement = {r["statement"].key: r for r in languages["rows"]}
        self.entries = [
            StatementRow(row, group_keys, by_statement.get(row["statement"].key), language_keys)
            for row in opinion["rows"]
        ]
        self.list_export = [
            "key",
            "text",
            "language",
            "agree",
            "disagree",
            "passed",
            "agree_percent",
        ]
        self.list_export += [f"group_{k}" for k in group_keys]
        self.list_export += [f"language_{k}" for k in language_keys]
        self.export_headings = {
            "key": _("Statement id"),
            "text": _("Statement"),
            "language": _("Language of the text"),
            "agree": _("Agree"),
            "disagree": _("Disagree"),
            "passed": _("Pass / unsure"),
            "agree_percent": _("Agree (%)"),
            **{f"group_{k}": _("Group %(label)s agree (%%)") % {"label": k} for k in group_keys},
            **{
                f"language_{g['key']}": _("%(language)s agree (%%)") % {"language": g["name"]}
                for g in languages["groups"]
            },
        }

    def get_queryset(self):
        return self.entries

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context.update(self.results, consultation=self.consultation, entries=self.entries)
        return context
