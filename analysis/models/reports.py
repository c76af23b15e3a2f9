"""What the report side keeps: figures computed once per run, which items an analyst has
reviewed, the population shares a city enters for the equity view, and which residents were
told what their comment led to (so nobody is emailed twice)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportSnapshot(models.Model):
    """The unfiltered report of a run, computed once and read by every report request.

    ``version`` goes up with each analyst decision; a snapshot whose ``version`` is behind the
    run's ``review_version`` is stale and is recomputed on the next read."""

    run = models.OneToOneField(
        "analysis.AnalysisRun", on_delete=models.CASCADE, related_name="report_snapshot"
    )
    version = models.PositiveIntegerField(default=0)
    figures = models.JSONField(default=dict)
    computed_at = models.DateTimeField(auto_now=True)
    seconds = models.FloatField(default=0.0)

    class Meta:
        verbose_name = _("report snapshot")

    def __str__(self):
        return f"Report of run {self.run_id} v{self.version}"


class ItemReview(models.Model):
    """An analyst went through one item of a run and said which themes apply; the themes
    themselves are analyst ThemeAssignment rows. Items with a review form the agreement set."""

    run = models.ForeignKey("analysis.AnalysisRun", on_delete=models.CASCADE, related_name="+")
    item = models.ForeignKey("analysis.AnalysisItem", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    corrections = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["run", "item"])]
        verbose_name = _("item review")

    def __str__(self):
        return f"Review of {self.item_id} in run {self.run_id}"


class PopulationShare(models.Model):
    """The share of the city's population in one group, entered by staff, so participation
    can be compared with who lives here."""

    class Dimension(models.TextChoices):
        LANGUAGE = "language", _("Language")
        CHANNEL = "channel", _("Channel")
        DISTRICT = "district", _("District")

    consultation = models.ForeignKey(
        "consultation.ConsultationPage", on_delete=models.CASCADE, related_name="+"
    )
    dimension = models.CharField(_("group"), max_length=16, choices=Dimension.choices)
    value = models.CharField(_("value"), max_length=120)
    percent = models.DecimalField(_("share of population (%)"), max_digits=5, decimal_places=2)
    # The demo's made-up shares say so on the equity view until staff enter the city's own.
    is_example = models.BooleanField(_("example figure"), default=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "dimension", "value"], name="population_share_value"
            )
        ]
        ordering = ["dimension", "value"]
        verbose_name = _("population share")

    def __str__(self):
        return f"{self.dimension}={self.value}: {self.percent}%"


class OutcomeEmail(models.Model):
    """One 'what your comment led to' email per comment and draft version, sent once."""

    comment = models.ForeignKey("consultation.Comment", on_delete=models.CASCADE, related_name="+")
    draft_key = models.UUIDField()
    language = models.CharField(max_length=16)
    theme_count = models.PositiveSmallIntegerField(default=0)
    change_count = models.PositiveSmallIntegerField(default=0)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["comment", "draft_key"], name="outcome_email_once")
        ]
        verbose_name = _("outcome email")

    def __str__(self):
        return f"{self.comment_id} -> {self.draft_key}"
