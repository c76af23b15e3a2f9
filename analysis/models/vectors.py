"""Sentence vectors of what residents wrote, stored once per text and model version, so an
analysis run embeds only what is new. A vector is keyed by a hash of the normalised text, not
by the comment it came from: two comments with the same words share one row."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SentenceVector(models.Model):
    model_version = models.CharField(max_length=100)
    text_hash = models.CharField(max_length=64)
    vector = models.BinaryField()  # float32, little-endian, the model's dimension
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["model_version", "text_hash"], name="sentence_vector_text"
            )
        ]
        verbose_name = _("sentence vector")
        verbose_name_plural = _("sentence vectors")

    def __str__(self):
        return f"{self.model_version}:{self.text_hash[:12]}"
