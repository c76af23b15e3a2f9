"""Wagtail's spreadsheet exports (viewsets and report views) through the kernel's cell guard:
Wagtail turns formula cells back into text in XLSX only; CSV cells and characters a workbook
cannot hold are the guard's job, the same for every export the project writes."""

from participation.spreadsheet import safe_cell


class GuardedExportMixin:
    """Mix into a view using Wagtail's SpreadsheetExportMixin (IndexView, ReportView)."""

    def preprocess_field_value(self, field, value, export_format):
        return safe_cell(super().preprocess_field_value(field, value, export_format))

    def get_heading(self, queryset, field):
        return safe_cell(super().get_heading(queryset, field))
