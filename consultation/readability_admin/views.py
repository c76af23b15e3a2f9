"""The plain-language report (worst first, per language, with CSV and XLSX export) and the
editor panel's live refresh."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.views.reports import ReportView

from config.languages import LANGUAGE_CODES
from consultation import rules
from consultation.blocks import DraftBodyBlock
from consultation.readability import canonical
from consultation.readability_admin.presenter import (
    PART_LABELS,
    language_name,
    over_summary,
    panel_context,
)
from consultation.readability_admin.rights import rights_readability
from consultation.readability_admin.selectors import readability_report_rows

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_PREVIEW_BYTES = 512 * 1024


def safe_cell(value) -> str:
    """Text a spreadsheet shows as text, never runs as a formula (same rule as the analysis
    export; to move into the shared intake-rules module when it lands)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


class ReportEntry:
    """A report row with its words: what the table shows and the export writes."""

    def __init__(self, row):
        self.row = row
        self.page_id = row.page_id
        self.language = row.language
        self.language_name = language_name(row.language)
        self.draft_title = row.draft_title
        self.right_number = row.right_number
        self.right_title = row.right_title
        self.part_label = str(PART_LABELS[row.part])
        self.severity = round(row.severity, 2)
        self.over_summary = over_summary(row.result)
        self.text = row.text


class ReadabilityReportView(ReportView):
    page_title = _("Plain-language check")
    header_icon = "doc-full"
    template_name = "consultation/readability/report.html"
    results_template_name = "consultation/readability/report_results.html"
    index_url_name = "consultation_readability:report"
    paginate_by = 100
    export_filename = "plain-language-check"
    list_export = [
        "language_name",
        "draft_title",
        "right_number",
        "right_title",
        "part_label",
        "severity",
        "over_summary",
        "text",
    ]
    export_headings = {
        "language_name": _("Language"),
        "draft_title": _("Draft"),
        "right_number": _("Right number"),
        "right_title": _("Right"),
        "part_label": _("Part"),
        "severity": _("How far over"),
        "over_summary": _("Over the threshold"),
        "text": _("Text"),
    }
    custom_value_preprocess = {
        **ReportView.custom_value_preprocess,
        str: {ReportView.FORMAT_CSV: safe_cell, ReportView.FORMAT_XLSX: safe_cell},
    }

    def dispatch(self, request, *args, **kwargs):
        if not rules.can_check_readability(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @property
    def language(self) -> str:
        code = self.request.GET.get("language", "")
        return code if code in LANGUAGE_CODES else ""

    def get_queryset(self):
        if not hasattr(self, "_entries"):
            self._all_rows = readability_report_rows()
            rows = [r for r in self._all_rows if not self.language or r.language == self.language]
            self._entries = [ReportEntry(row) for row in rows]
        return self._entries

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["language"] = self.language
        context["languages"] = [(code, language_name(code)) for code in LANGUAGE_CODES]
        context["per_language"] = self.per_language()
        return context

    def per_language(self) -> list[dict]:
        counts = {}
        for row in self._all_rows:
            entry = counts.setdefault(row.language, {"parts": 0, "rights": set()})
            entry["parts"] += 1
            entry["rights"].add((row.page_id, row.right_number))
        return [
            {
                "code": code,
                "name": language_name(code),
                "rights": len(counts[code]["rights"]),
                "parts": counts[code]["parts"],
            }
            for code in LANGUAGE_CODES
            if code in counts
        ]


@require_POST
def preview(request):
    """The panel's results for the editor's unsaved form: the same template, measured from the
    posted StreamField. Reads only; nothing is saved."""
    if not rules.can_check_readability(request.user):
        raise PermissionDenied
    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_PREVIEW_BYTES:
        return HttpResponseBadRequest()
    language = canonical(request.POST.get("readability-language", "")) or "en"
    try:
        body = DraftBodyBlock().value_from_datadict(request.POST, {}, "body")
    except (KeyError, ValueError, ValidationError):
        return HttpResponseBadRequest()
    context = panel_context(rights_readability(body=body, language=language), language)
    return TemplateResponse(request, "consultation/readability/_results.html", context)
