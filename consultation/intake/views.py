"""Staff screens for comments from other channels: record one, import a file (upload, preview,
confirm), and download the import template. Permission: CommentPermissionPolicy "record"."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from consultation.intake import importer, services
from consultation.intake.forms import ImportUploadForm, IntakeForm, intake_drafts
from consultation.models import Channel, ImportBatch, ImportStatus
from consultation.rules import comment_policy
from participation.querystring import positive_int
from participation.text import clean_plain_text

PREVIEW_ROWS = 50
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class IntakePermission(PermissionCheckedMixin):
    permission_policy = comment_policy
    permission_required = "record"


class RecordView(IntakePermission, WagtailAdminTemplateMixin, TemplateView):
    template_name = "consultation/admin/intake.html"
    page_title = gettext_lazy("Record a comment")
    header_icon = "edit"

    def get_form(self, data=None):
        user = self.request.user
        initial = {"taken_by": user.get_full_name() or user.get_username()}
        meeting = positive_int(self.request.GET.get("meeting"))
        if meeting is not None:
            initial.update(meeting=str(meeting), channel=Channel.MEETING)
        return IntakeForm(data, initial=initial)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", self.get_form())
        return context

    def post(self, request, *args, **kwargs):
        form = self.get_form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        target = form.cleaned_data["target"]
        submission = services.intake_record(
            data=form.cleaned_data,
            draft=target["draft"],
            right_key=target["right_key"],
            user=request.user,
        )
        messages.success(
            request,
            _("Recorded. Give the resident this reference code: %(code)s")
            % {"code": submission.comment.reference},
        )
        return redirect("consultation_intake:record")


class ImportUploadView(IntakePermission, WagtailAdminTemplateMixin, TemplateView):
    template_name = "consultation/admin/import.html"
    page_title = gettext_lazy("Import comments")
    header_icon = "upload"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", ImportUploadForm())
        context["drafts"] = intake_drafts()
        return context

    def post(self, request, *args, **kwargs):
        form = ImportUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        upload = form.cleaned_data["file"]
        draft = form.cleaned_data["draft"]
        parsed = importer.parse_upload(upload, draft)
        if parsed.ok:
            batch = services.import_batch_create(
                file_name=upload.name, draft=draft, user=request.user, rows=parsed.rows
            )
            return redirect("consultation_intake:import_preview", pk=batch.pk)
        context = self.get_context_data(form=form, parsed=parsed, file_name=upload.name)
        return self.render_to_response(context, status=400)


class ImportPreviewView(IntakePermission, WagtailAdminTemplateMixin, TemplateView):
    template_name = "consultation/admin/import_preview.html"
    page_title = gettext_lazy("Check the import")
    header_icon = "upload"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        batch = get_object_or_404(ImportBatch, pk=self.kwargs["pk"])
        context.update(
            batch=batch,
            rows=[
                {**row, "text": clean_plain_text(row["text"]).text}
                for row in batch.rows[:PREVIEW_ROWS]
            ],
            more=max(0, batch.row_count - PREVIEW_ROWS),
        )
        return context


class ImportConfirmView(IntakePermission, View):
    http_method_names = ["post"]

    def post(self, request, pk: int):
        batch = get_object_or_404(ImportBatch, pk=pk)
        if batch.status == ImportStatus.IMPORTED:
            messages.info(request, _("This file was already imported."))
            return redirect("comments:list")
        if request.POST.get("discard"):
            ImportBatch.objects.filter(pk=batch.pk, status=ImportStatus.PREVIEWED).update(
                status=ImportStatus.DISCARDED, rows=[]
            )
            messages.info(request, _("The file was discarded. Nothing was imported."))
            return redirect("consultation_intake:import")
        count = services.import_batch_commit(batch=batch, user=request.user)
        messages.success(request, _("Imported %(count)d comments.") % {"count": count})
        return redirect(f"{reverse('comments:list')}?status=&channel=")


class ImportTemplateView(IntakePermission, View):
    def get(self, request, kind: str):
        drafts = list(intake_drafts())
        draft_id = request.GET.get("draft", "")
        draft = next((d for d in drafts if str(d.pk) == draft_id), drafts[0] if drafts else None)
        if kind == "xlsx" and draft is not None:
            response = HttpResponse(importer.template_xlsx(draft), content_type=XLSX)
            response["Content-Disposition"] = 'attachment; filename="comments-template.xlsx"'
            return response
        response = HttpResponse(importer.template_csv(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="comments-template.csv"'
        return response
