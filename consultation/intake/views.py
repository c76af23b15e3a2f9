"""Staff screens for comments from other channels: record one, import a file (upload, preview,
confirm), and download the import template."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from consultation import rules
from consultation.intake import importer, services
from consultation.intake.forms import ImportUploadForm, IntakeForm, intake_drafts
from consultation.models import ImportBatch, ImportStatus
from participation.text import clean_plain_text

PREVIEW_ROWS = 50


def _require_intake(request):
    if not rules.can_record_intake(request.user):
        raise PermissionDenied


def record(request):
    _require_intake(request)
    initial = {"taken_by": request.user.get_full_name() or request.user.get_username()}
    form = IntakeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
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
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(
        request, "consultation/admin/intake.html", {"form": form}, status=status
    )


def import_upload(request):
    _require_intake(request)
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    context = {"form": form, "drafts": intake_drafts()}
    if request.method == "POST" and form.is_valid():
        draft = form.cleaned_data["draft"]
        upload = form.cleaned_data["file"]
        parsed = importer.parse_upload(upload, draft)
        if parsed.ok:
            batch = services.import_batch_create(
                file_name=upload.name, draft=draft, user=request.user, rows=parsed.rows
            )
            return redirect("consultation_intake:import_preview", pk=batch.pk)
        context.update(parsed=parsed, file_name=upload.name)
        return TemplateResponse(request, "consultation/admin/import.html", context, status=400)
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "consultation/admin/import.html", context, status=status)


def import_preview(request, pk: int):
    _require_intake(request)
    batch = get_object_or_404(ImportBatch, pk=pk)
    context = {
        "batch": batch,
        "rows": [
            {**row, "text": clean_plain_text(row["text"]).text} for row in batch.rows[:PREVIEW_ROWS]
        ],
        "more": max(0, batch.row_count - PREVIEW_ROWS),
    }
    return TemplateResponse(request, "consultation/admin/import_preview.html", context)


@require_POST
def import_confirm(request, pk: int):
    _require_intake(request)
    batch = get_object_or_404(ImportBatch, pk=pk)
    if batch.status == ImportStatus.IMPORTED:
        messages.info(request, _("This file was already imported."))
        return redirect("consultation_moderation:queue")
    if request.POST.get("discard"):
        ImportBatch.objects.filter(pk=batch.pk, status=ImportStatus.PREVIEWED).update(
            status=ImportStatus.DISCARDED, rows=[]
        )
        messages.info(request, _("The file was discarded. Nothing was imported."))
        return redirect("consultation_intake:import")
    count = services.import_batch_commit(batch=batch, user=request.user)
    messages.success(request, _("Imported %(count)d comments.") % {"count": count})
    return redirect(f"{_queue_url()}?status=&channel=")


def _queue_url() -> str:
    from django.urls import reverse

    return reverse("consultation_moderation:queue")


def import_template(request, kind: str):
    _require_intake(request)
    drafts = list(intake_drafts())
    draft_id = request.GET.get("draft", "")
    draft = next((d for d in drafts if str(d.pk) == draft_id), drafts[0] if drafts else None)
    if kind == "xlsx" and draft is not None:
        response = HttpResponse(
            importer.template_xlsx(draft),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = 'attachment; filename="comments-template.xlsx"'
        return response
    response = HttpResponse(importer.template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="comments-template.csv"'
    return response
