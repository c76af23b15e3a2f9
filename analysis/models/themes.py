"""Themes, the codebook they come from, and who put which theme on which comment.

Machine output and human decisions stay apart: the machine's assignments are never edited;
an analyst's confirmation, rejection or addition is a row of its own, and each change to a
theme (approve, rename, merge, retire) leaves a ThemeDecision audit row.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.models import GenericTaggedItemBase, TagBase


class CodebookEntry(models.Model):
    """A theme analysts expect to find; null consultation means the city-wide default set."""

    consultation = models.ForeignKey(
        "consultation.ConsultationPage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="codebook_entries",
    )
    key = models.SlugField(max_length=100)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    principle = models.CharField(max_length=32, blank=True)
    examples = models.JSONField(default=dict, blank=True, help_text=_("Language code -> phrases"))
    names = models.JSONField(default=dict, blank=True)
    is_active = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["consultation", "key"], name="codebook_entry_key")
        ]
        ordering = ["key"]
        verbose_name = _("codebook theme")
        verbose_name_plural = _("codebook")

    def __str__(self):
        return self.name


class Theme(TagBase):
    class Kind(models.TextChoices):
        CODEBOOK = "codebook", _("From the codebook")
        EMERGENT = "emergent", _("Found in the comments")

    class State(models.TextChoices):
        PROPOSED = "proposed", _("Proposed by the machine")
        APPROVED = "approved", _("Approved by an analyst")
        RETIRED = "retired", _("Retired")
        MERGED = "merged", _("Merged into another theme")

    # Tag names repeat across runs, so taggit's uniqueness does not apply here.
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, allow_unicode=True)
    run = models.ForeignKey("analysis.AnalysisRun", on_delete=models.CASCADE, related_name="themes")
    key = models.CharField(max_length=120)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    state = models.CharField(max_length=16, choices=State.choices, default=State.PROPOSED)
    machine_name = models.CharField(max_length=200, blank=True)
    description = models.TextField(blank=True)
    principle = models.CharField(max_length=32, blank=True)
    language = models.CharField(max_length=16, blank=True)
    linked_key = models.CharField(max_length=120, blank=True)
    key_phrases = models.JSONField(default=list, blank=True)
    item_count = models.PositiveIntegerField(default=0)
    stance_counts = models.JSONField(default=dict, blank=True)
    language_counts = models.JSONField(default=dict, blank=True)
    # An emergent theme's machine label in each language it holds ({language: phrase}).
    labels = models.JSONField(default=dict, blank=True)
    summary = models.JSONField(default=dict, blank=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_from"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["run", "key"], name="theme_run_key")]
        ordering = ["-item_count", "name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.name

    @property
    def name_language(self) -> str:
        return name_language(self)


def name_language(theme) -> str:
    """The language a theme's name is written in, for its `lang` attribute (WCAG 3.1.2: a
    screen reader reads a Korean label with a Korean voice on an English page). The machine
    names a theme found in the comments in their language; a codebook name is written in the
    site's default language; a name an analyst gave is in the admin's language, so it gets
    none. Takes a Theme or a report figures row (a dict with the same keys)."""
    read = theme.get if isinstance(theme, dict) else lambda name: getattr(theme, name, None)
    name, machine_name = read("name"), read("machine_name")
    if not name or name != machine_name:
        return ""
    if read("kind") == Theme.Kind.CODEBOOK:
        return settings.LANGUAGE_CODE
    language = read("language") or ""
    return "" if language == "und" else language


class ThemeAssignment(GenericTaggedItemBase):
    """A theme on a comment (object) or on one answer of a survey response (object + field)."""

    class Source(models.TextChoices):
        MACHINE = "machine", _("Machine (analysis run)")
        INCREMENTAL = "incremental", _("Machine (new comment)")
        ANALYST = "analyst", _("Analyst")

    class Decision(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        CONFIRMED = "confirmed", _("Confirmed")
        REJECTED = "rejected", _("Rejected")
        ADDED = "added", _("Added")

    tag = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="assignments")
    object_id = models.PositiveBigIntegerField(_("object ID"), db_index=True)
    field_key = models.CharField(max_length=100, blank=True)
    run = models.ForeignKey(
        "analysis.AnalysisRun",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="assignments",
    )
    source = models.CharField(max_length=16, choices=Source.choices)
    decision = models.CharField(max_length=16, choices=Decision.choices, default=Decision.PROPOSED)
    confidence = models.FloatField(null=True, blank=True)
    # The machine was unsure (inside the review band, or an emergent membership no analyst
    # defined): an analyst confirms it before it is quoted in public.
    needs_review = models.BooleanField(default=False)
    why = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [
            models.Index(fields=["content_type", "object_id", "field_key"]),
            models.Index(fields=["run", "source"]),
        ]
        verbose_name = _("theme assignment")

    def __str__(self):
        return f"{self.tag} <- {self.content_type_id}:{self.object_id}{self.field_key}"


class ThemeDecision(models.Model):
    """Audit row for each analyst action on a theme."""

    class Action(models.TextChoices):
        APPROVE = "approve", _("Approved")
        RENAME = "rename", _("Renamed")
        MERGE = "merge", _("Merged")
        SPLIT = "split", _("Split")
        RETIRE = "retire", _("Retired")
        RESTORE = "restore", _("Restored")

    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="decisions")
    action = models.CharField(max_length=16, choices=Action.choices)
    detail = models.JSONField(default=dict, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_action_display()}: {self.theme}"
