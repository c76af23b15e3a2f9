"""Exports of a run's comments with their themes: CSV streamed row by row, XLSX written
row by row to a temporary file and streamed from it."""

from django.http import FileResponse, StreamingHttpResponse
from django.views import View

from analysis.reports.exports import csv_chunks, xlsx_file
from analysis.views.forms import ReportFilterForm
from analysis.views.reports import RunMixin


class ExportView(RunMixin, View):
    permission_required = "export"
    fmt = "csv"

    def get(self, request, *args, **kwargs):
        run = self.get_run()
        filters = ReportFilterForm(request.GET or None, run=run).filters()
        name = f"analysis-run-{run.pk}-comments.{self.fmt}"
        if self.fmt == "xlsx":
            return FileResponse(
                xlsx_file(run=run, filters=filters),
                as_attachment=True,
                filename=name,
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        response = StreamingHttpResponse(
            csv_chunks(run=run, filters=filters), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
