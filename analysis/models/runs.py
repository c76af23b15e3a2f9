"""An analysis run and the snapshot of every item it read.

A run records exactly what went in (item references and a hash of their text), which engine
version ran, how long each stage took and how it ended, so a report can always say what it is
based on and a rerun can be compared with it.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class AnalysisRun(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Finished")
        FAILED = "failed", _("Failed")

    consultation = models.ForeignKey(
        "consultation.ConsultationPage",
        on_delete=models.PROTECT,
        related_name="analysis_runs",
        verbose_name=_("consultation"),
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    parameters = models.JSONField(default=dict, blank=True)
    input_ids = models.JSONField(default=list, blank=True)
    input_hash = models.CharField(max_length=64, blank=True)
    engine_version = models.CharField(max_length=32, blank=True)
    timings = models.JSONField(default=dict, blank=True)
    totals = models.JSONField(default=dict, blank=True)
    progress_stage = models.CharField(max_length=64, blank=True)
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    error = models.TextField(blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    review_version = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("analysis run")
        verbose_name_plural = _("analysis runs")

    def __str__(self):
        return f"Run {self.pk} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.SUCCEEDED, self.Status.FAILED)

    @property
    def progress_percent(self) -> int:
        if not self.progress_total:
            return 100 if self.status == self.Status.SUCCEEDED else 0
        return min(100, round(100 * self.progress_done / self.progress_total))

    @property
    def duration_seconds(self) -> float | None:
        if self.started_at and self.finished_at:
            return (self.finished_at - self.started_at).total_seconds()
        return None


class AnalysisItem(models.Model):
    """One comment or survey answer as a run saw it: the facts reports filter and count by,
    frozen at run time so a report does not change when a comment is later edited or erased."""

    run = models.ForeignKey(AnalysisRun, on_delete=models.CASCADE, related_name="items")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    field_key = models.CharField(max_length=100, blank=True)
    ref = models.CharField(max_length=160)
    language = models.CharField(max_length=16, blank=True)
    declared_language = models.CharField(max_length=16, blank=True)
    stance = models.CharField(max_length=16, blank=True)
    stance_source = models.CharField(max_length=16, blank=True)
    sentiment = models.FloatField(null=True, blank=True)
    channel = models.CharField(max_length=32, blank=True)
    district = models.CharField(max_length=100, blank=True)
    right_key = models.CharField(max_length=64, blank=True)
    question = models.CharField(max_length=100, blank=True)
    # The key of the meeting a comment was taken at, so a report can show one meeting's.
    meeting = models.CharField(max_length=64, blank=True)
    created = models.DateTimeField(null=True, blank=True)
    duplicate_group = models.CharField(max_length=160, blank=True)
    is_duplicate_exemplar = models.BooleanField(default=False)
    # The text as analysed (moderated, personal data hidden), for review screens and exports.
    text = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["run", "ref"], name="analysis_item_ref")]
        indexes = [
            models.Index(fields=["run", "language"]),
            models.Index(fields=["run", "channel"]),
            models.Index(fields=["run", "meeting"], name="analysis_item_meeting_idx"),
        ]

    def __str__(self):
        return self.ref
