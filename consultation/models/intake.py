"""Where a comment that did not come through the website came from: who took it, when, through
an interpreter or not, word for word or summarised, and which import file brought it in."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TextForm(models.TextChoices):
    VERBATIM = "verbatim", _("Word for word")
    PARAPHRASE = "paraphrase", _("Summary in the staff member's words")


class ImportStatus(models.TextChoices):
    PREVIEWED = "previewed", _("Checked, waiting for confirmation")
    IMPORTED = "imported", _("Imported")
    DISCARDED = "discarded", _("Discarded")


class ImportBatch(models.Model):
    """One uploaded file. Its checked rows wait here between the preview and the confirmation,
    and are cleared once imported, so personal data lives in one place only."""

    file_name = models.CharField(_("file name"), max_length=255)
    draft = models.ForeignKey(
        "consultation.BillOfRightsDraftPage", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        max_length=12, choices=ImportStatus.choices, default=ImportStatus.PREVIEWED
    )
    rows = models.JSONField(default=list, blank=True)
    row_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    imported_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("comment import")
        verbose_name_plural = _("comment imports")
        ordering = ["-created_at"]

    def __str__(self):
        return self.file_name


class CommentProvenance(models.Model):
    comment = models.OneToOneField(
        "consultation.Comment", on_delete=models.CASCADE, related_name="provenance"
    )
    received_on = models.DateField(_("date received"))
    taken_by = models.CharField(_("staff member who took it"), max_length=200)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    interpreter_used = models.BooleanField(_("interpreter used"), default=False)
    interpreter_language = models.CharField(_("interpreter's language"), max_length=60, blank=True)
    text_form = models.CharField(
        _("how the text was written down"), max_length=12, choices=TextForm.choices
    )
    source_detail = models.CharField(
        _("meeting, letter or call details"), max_length=255, blank=True
    )
    import_batch = models.ForeignKey(
        ImportBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="comments"
    )
    meeting = models.ForeignKey(
        "consultation.MeetingPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meeting_comments",
        verbose_name=_("meeting"),
    )

    class Meta:
        verbose_name = _("provenance")
        verbose_name_plural = _("provenance")

    def __str__(self):
        return f"{self.comment_id} {self.received_on}"
