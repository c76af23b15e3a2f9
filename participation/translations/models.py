"""Stored translations and the queue of machine translations still to make (or that failed)."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from config.languages import LANGUAGE_TABLE

LANGUAGE_CHOICES = [(code, english) for code, english, _local, _bidi in LANGUAGE_TABLE]


class TranslationOrigin(models.TextChoices):
    HUMAN = "human", _("City staff")
    MACHINE = "machine", _("Machine translation")


class Translation(models.Model):
    """One translation of one contribution's text into one language. Rows are only added: a
    corrected translation is a new row, and the newest human row is the one shown."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    field_key = models.CharField(max_length=100, blank=True)
    source_language = models.CharField(max_length=10, blank=True)
    language = models.CharField(_("translated into"), max_length=10, choices=LANGUAGE_CHOICES)
    text = models.TextField(_("translation"))
    origin = models.CharField(
        _("translated by"), max_length=8, choices=TranslationOrigin.choices, default="human"
    )
    engine = models.CharField(_("engine"), max_length=40, blank=True)
    engine_version = models.CharField(_("engine version"), max_length=40, blank=True)
    translated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("translator"),
    )
    created_at = models.DateTimeField(_("translated"), default=timezone.now)

    class Meta:
        verbose_name = _("translation")
        verbose_name_plural = _("translations")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["content_type", "object_id", "field_key", "language"],
                name="translation_subject_idx",
            )
        ]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id}:{self.field_key}:{self.language}"

    @property
    def is_machine(self) -> bool:
        return self.origin == TranslationOrigin.MACHINE


class MachineTranslationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    DONE = "done", _("Translated")
    FAILED = "failed", _("Failed")


class MachineTranslationRequest(models.Model):
    """A text the worker is to send to the translation backend. It holds the public
    (redacted) text as it stood when queued; a failure keeps its error and attempt count, and
    the retry task sends it again until the limit in settings."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    field_key = models.CharField(max_length=100, blank=True)
    source_language = models.CharField(max_length=10)
    language = models.CharField(max_length=10, choices=LANGUAGE_CHOICES)
    text = models.TextField()
    status = models.CharField(
        max_length=8, choices=MachineTranslationStatus.choices, default="pending"
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    engine = models.CharField(max_length=40, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("machine translation request")
        verbose_name_plural = _("machine translation requests")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field_key", "language"],
                name="machine_translation_once",
            )
        ]
        indexes = [models.Index(fields=["status", "attempts"], name="machine_translation_idx")]

    def __str__(self):
        return f"{self.object_id}:{self.language}:{self.status}"
