"""Opinion groups of a consultation's statement votes, computed in the background and stored
once per consultation, so the public results page and the staff report only read."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OpinionSnapshot(models.Model):
    """The latest computation for one consultation (all languages: ``consultation_key`` is the
    consultation's translation key). ``figures`` is plain JSON built from the engine's
    ``OpinionResult``; a failed computation keeps the last good figures and stores the error."""

    consultation_key = models.UUIDField(unique=True)
    figures = models.JSONField(default=dict)
    n_votes = models.PositiveIntegerField(default=0)
    computed_at = models.DateTimeField(null=True, blank=True)
    seconds = models.FloatField(default=0.0)
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("opinion groups")
        verbose_name_plural = _("opinion groups")

    def __str__(self):
        return f"Opinion groups of {self.consultation_key}"
