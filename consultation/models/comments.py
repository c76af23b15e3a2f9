"""What residents said, and every decision about it.

A comment points at a right through the right's stable block id and at the draft through the
draft page's translation key, so Korean and English comments on one right group together and
survive new revisions. The resident's text is stored once, as cleaned plain text, and is never
rewritten: redaction lives in its own field, and moderation changes the status and adds an
audit row.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from config.languages import LANGUAGE_TABLE
from participation.channels import Channel
from participation.redaction import RedactionState, public_text

LANGUAGE_CHOICES = [(code, english) for code, english, _local, _bidi in LANGUAGE_TABLE]


class Stance(models.TextChoices):
    AGREE = "agree", _("I agree")
    DISAGREE = "disagree", _("I disagree")
    UNSURE = "unsure", _("I am not sure")
    NONE = "none", _("No position")


class CommentPurpose(models.TextChoices):
    COMMENT = "comment", _("Comment")
    STATEMENT = "statement", _("Statement proposed for voting")


class CommentStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    AWAITING_MODERATION = "awaiting_moderation", _("Awaiting moderation")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Not published")


class RejectionReason(models.TextChoices):
    ABUSIVE = "abusive", _("Abusive, threatening or hateful")
    PERSONAL_ATTACK = "personal_attack", _("Attacks a named person")
    PERSONAL_DATA = "personal_data", _("Contains personal details we cannot hide")
    SPAM = "spam", _("Advertising or spam")
    OFF_TOPIC = "off_topic", _("Not about this consultation")
    ILLEGAL = "illegal", _("Breaks the law")
    OTHER = "other", _("Another reason")


class Comment(models.Model):
    reference = models.CharField(_("reference code"), max_length=16, unique=True, editable=False)
    submission_token = models.CharField(
        max_length=64, unique=True, null=True, blank=True, editable=False
    )
    consultation_key = models.UUIDField(db_index=True, editable=False)
    draft_key = models.UUIDField(editable=False)
    draft = models.ForeignKey(
        "consultation.BillOfRightsDraftPage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="comments",
        verbose_name=_("draft"),
    )
    right_key = models.CharField(_("right"), max_length=64, blank=True)
    language = models.CharField(_("language"), max_length=10, choices=LANGUAGE_CHOICES)
    text = models.TextField(_("comment as received"))
    redacted_text = models.TextField(_("comment with personal data hidden"), blank=True)
    redaction_spans = models.JSONField(default=list, blank=True, editable=False)
    redaction_state = models.CharField(
        _("personal data"), max_length=12, choices=RedactionState.choices, default="none"
    )
    stance = models.CharField(_("stance"), max_length=10, choices=Stance.choices, default="none")
    purpose = models.CharField(
        _("purpose"), max_length=10, choices=CommentPurpose.choices, default="comment"
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices, default="web")
    status = models.CharField(
        _("status"), max_length=20, choices=CommentStatus.choices, default="received"
    )
    rejection_reason = models.CharField(
        _("reason not published"), max_length=20, choices=RejectionReason.choices, blank=True
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    district = models.CharField(_("neighbourhood or district"), max_length=120, blank=True)
    consent_contact = models.BooleanField(_("may contact"), default=False)
    consent_show_name = models.BooleanField(_("may show name"), default=False)
    fingerprint = models.CharField(max_length=32, db_index=True, editable=False)
    duplicate_group = models.CharField(
        _("duplicate group"), max_length=32, blank=True, db_index=True, editable=False
    )
    text_cleaned = models.BooleanField(_("hidden or control characters removed"), default=False)
    client_hash = models.CharField(max_length=64, blank=True, editable=False)
    # The library PC or meeting tablet it was sent from (consultation/models/kiosks.py).
    kiosk = models.ForeignKey(
        "consultation.Kiosk",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="comments",
        editable=False,
        verbose_name=_("kiosk"),
    )
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)
    erased_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["-received_at", "-pk"]
        indexes = [
            models.Index(fields=["draft_key", "status", "right_key"], name="comment_public_idx"),
            models.Index(fields=["status", "received_at"], name="comment_queue_idx"),
        ]
        permissions = [
            ("moderate_comment", _("Can moderate comments")),
            ("record_comment", _("Can record comments from other channels")),
        ]

    def __str__(self):
        return self.reference

    @property
    def public_text(self) -> str:
        """What anyone other than a moderator may read: the original only when a moderator
        undid the hiding, otherwise the redacted text."""
        return public_text(self.text, self.redacted_text, self.redaction_state)

    @property
    def shown_name(self) -> str:
        return self.name if self.consent_show_name else ""

    @property
    def has_personal_data(self) -> bool:
        return self.redaction_state != RedactionState.NONE


class CommentNearKey(models.Model):
    """One MinHash band bucket of a comment: comments sharing a bucket are near-duplicate
    candidates, found with an indexed lookup instead of comparing every pair."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="near_keys")
    band = models.PositiveSmallIntegerField()
    bucket = models.BigIntegerField()

    class Meta:
        indexes = [models.Index(fields=["band", "bucket"], name="comment_near_idx")]

    def __str__(self):
        return f"{self.comment_id}:{self.band}"


class DecisionAction(models.TextChoices):
    APPROVE = "approve", _("Approved")
    REJECT = "reject", _("Rejected")
    AUTO_PUBLISH = "auto_publish", _("Published without pre-moderation")
    HOLD = "hold", _("Held for moderation")
    CONFIRM_REDACTION = "confirm_redaction", _("Confirmed hidden personal data")
    UNDO_REDACTION = "undo_redaction", _("Undid hidden personal data")
    EDIT_REDACTION = "edit_redaction", _("Edited hidden personal data")
    ERASE = "erase", _("Personal data erased")


class ModerationDecision(models.Model):
    """Who did what to a comment, when and why. Rows are only ever added."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="decisions")
    action = models.CharField(_("action"), max_length=20, choices=DecisionAction.choices)
    from_status = models.CharField(max_length=20, choices=CommentStatus.choices)
    to_status = models.CharField(max_length=20, choices=CommentStatus.choices)
    reason = models.CharField(
        _("reason"), max_length=20, choices=RejectionReason.choices, blank=True
    )
    note = models.TextField(_("note"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(default=timezone.now)
    batch = models.UUIDField(null=True, blank=True, help_text="Set when part of a bulk action.")

    class Meta:
        verbose_name = _("moderation decision")
        verbose_name_plural = _("moderation decisions")
        ordering = ["decided_at", "pk"]

    def __str__(self):
        return f"{self.comment_id} {self.action}"
