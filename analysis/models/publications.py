"""What residents are shown of an analysis: a numbered version of a consultation's results,
frozen when staff publish it. Public pages read these figures and never the live run, so an
analyst's later review changes nothing residents see until someone publishes again."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PublishedResult(models.Model):
    """One published version: the run it came from, who published it and when, and a copy of
    every figure a public page shows (totals, themes with their names in each language,
    agreement on the reviewed items, how the themes were made)."""

    consultation = models.ForeignKey(
        "consultation.ConsultationPage",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("consultation"),
    )
    run = models.ForeignKey(
        "analysis.AnalysisRun",
        on_delete=models.PROTECT,
        related_name="publications",
        verbose_name=_("analysis run"),
    )
    version = models.PositiveIntegerField(_("version"))
    published_at = models.DateTimeField(_("published"), auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed = models.PositiveIntegerField(_("items reviewed"), default=0)
    figures = models.JSONField(default=dict)
    themes = models.JSONField(default=dict)
    method = models.JSONField(default=dict)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "version"], name="published_result_version"
            )
        ]
        ordering = ["-version"]
        verbose_name = _("published result")
        verbose_name_plural = _("published results")

    def __str__(self):
        return f"Results v{self.version} of {self.consultation_id} (run {self.run_id})"
