"""One stored response per completed survey, with where and how it was given."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.models import AbstractFormSubmission
from wagtail.models import Locale

from participation.channels import Channel
from participation.redaction import RedactionState, public_text

# Paper forms are "mail" whether posted or handed in, as for comments: one channel in reports.
STAFF_CHANNELS = (Channel.MAIL, Channel.PHONE, Channel.IN_PERSON, Channel.MEETING)


class SurveyResponse(AbstractFormSubmission):
    """`page` is always the source-language survey; `locale` is the language answered in.
    `form_data` holds answers by stable question key; nothing identifies the resident."""

    # No publication step: written answers are machine-translated (when switched on) once
    # stored, where a comment waits for moderation (participation/translations).
    translate_on_submit = True

    locale = models.ForeignKey(
        Locale, on_delete=models.PROTECT, related_name="+", verbose_name=_("language")
    )
    consultation = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("consultation"),
    )
    channel = models.CharField(
        _("channel"), max_length=16, choices=Channel.choices, default=Channel.WEB
    )
    # Stored without separators (participation.references), shown as XXXXX-XXXXX.
    receipt_code = models.CharField(_("receipt code"), max_length=16, unique=True)
    # Written answers with personal data hidden (only those where some was found), the spans
    # into the originals for reviewers, and where the review stands. Answers themselves are
    # never rewritten except by erasure.
    redacted_answers = models.JSONField(
        _("written answers with personal data hidden"), default=dict, blank=True
    )
    redaction_spans = models.JSONField(default=dict, blank=True, editable=False)
    redaction_state = models.CharField(
        _("personal data"),
        max_length=12,
        choices=RedactionState.choices,
        default=RedactionState.NONE,
    )
    erased_at = models.DateTimeField(_("personal data erased"), null=True, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entered by (staff)"),
    )

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        ordering = ["submit_time", "pk"]
        indexes = [models.Index(fields=["page", "submit_time"])]

    def __str__(self):
        return self.receipt_code

    def public_answer(self, key: str):
        """An answer as anyone but a reviewer reads it (results, exports, the analysis)."""
        original = self.form_data.get(key)
        if key not in self.redacted_answers:
            return original
        return public_text(original, self.redacted_answers[key], self.redaction_state)

    @property
    def has_personal_data(self) -> bool:
        return self.redaction_state != RedactionState.NONE
