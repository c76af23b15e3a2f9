"""Short statements residents vote on (agree, disagree, pass), and the votes.

A statement is a snippet translated with wagtail-localize; its translation key is its stable
id, so a vote cast on the Korean text and one on the English text count for one statement. A
statement a resident proposed is a comment with the purpose "statement": it is moderated in the
comment queue like any comment and can be voted on only once it is published. A participant is
the person behind a cookie token (stored hashed) or one paper or meeting ballot; each holds at
most one vote per statement, and a later vote replaces the earlier one.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin

from config.languages import LANGUAGE_TABLE
from participation.channels import Channel

LANGUAGE_CHOICES = [(code, english) for code, english, _local, _bidi in LANGUAGE_TABLE]
STATEMENT_MAX_LENGTH = 280


class StatementStatus(models.TextChoices):
    OPEN = "open", _("Open for votes")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class StatementOrigin(models.TextChoices):
    STAFF = "staff", _("Written by staff")
    RESIDENT = "resident", _("Proposed by a resident")


class VoteValue(models.IntegerChoices):
    AGREE = 1, _("Agree")
    DISAGREE = -1, _("Disagree")
    PASS = 0, _("Pass / unsure")


class Statement(TranslatableMixin, models.Model):
    consultation = models.ForeignKey(
        "consultation.ConsultationPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("consultation"),
    )
    text = models.TextField(
        _("statement"),
        max_length=STATEMENT_MAX_LENGTH,
        help_text=_("One short sentence residents can agree or disagree with."),
    )
    right_key = models.CharField(
        _("right"),
        max_length=64,
        blank=True,
        help_text=_("The right of the draft this statement is about, if any."),
    )
    theme_keys = models.CharField(
        _("analysis themes"),
        max_length=255,
        blank=True,
        help_text=_("Keys of the analysis themes this statement relates to, separated by spaces."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=StatementStatus.choices, default=StatementStatus.OPEN
    )
    origin = models.CharField(
        _("origin"), max_length=10, choices=StatementOrigin.choices, default=StatementOrigin.STAFF
    )
    source_comment = models.OneToOneField(
        "consultation.Comment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposed_statement",
        editable=False,
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        ordering = ["sort_order", "pk"]
        permissions = [("record_votes", _("Can record paper and meeting votes"))]

    def __str__(self):
        return self.text[:80]

    @property
    def themes(self) -> list[str]:
        return self.theme_keys.split()


class VoteBatch(models.Model):
    """Paper ballots or a show of hands at a meeting, entered by staff: where and when the
    votes were cast and who typed them in. ``submission_token`` makes a resent form store the
    batch once."""

    consultation_key = models.UUIDField(db_index=True, editable=False)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    language = models.CharField(_("language"), max_length=10, choices=LANGUAGE_CHOICES)
    received_on = models.DateField(_("date of the votes"))
    taken_by = models.CharField(_("staff member who took them"), max_length=200)
    source_detail = models.CharField(_("meeting or mailing details"), max_length=255, blank=True)
    district = models.CharField(_("neighbourhood or district"), max_length=120, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submission_token = models.CharField(max_length=64, unique=True, null=True, editable=False)
    ballot_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vote batch")
        verbose_name_plural = _("vote batches")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_channel_display()} {self.received_on}"


class Participant(models.Model):
    """Someone who voted: a browser's token (only its hash is kept) or one staff-entered
    ballot. No name, no address."""

    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.WEB)
    district = models.CharField(max_length=120, blank=True)
    batch = models.ForeignKey(
        VoteBatch, null=True, blank=True, on_delete=models.CASCADE, related_name="participants"
    )
    client_hash = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self):
        return f"participant {self.pk}"

    @staticmethod
    def hash_token(token: str) -> str:
        """What is stored of a browser's participant token: its SHA-256 (the token is random
        and long, so the hash needs no key)."""
        return hashlib.sha256(token.encode()).hexdigest()


class StatementVote(models.Model):
    """A participant's current vote on a statement (by its translation key). Changing a vote
    updates this row: ``changes`` counts how often, ``updated_at`` says when."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="votes")
    statement_key = models.UUIDField(editable=False)
    consultation_key = models.UUIDField(editable=False)
    value = models.SmallIntegerField(_("vote"), choices=VoteValue.choices)
    language = models.CharField(_("language"), max_length=10, choices=LANGUAGE_CHOICES)
    changes = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "statement_key"], name="one_vote_per_statement"
            )
        ]
        indexes = [models.Index(fields=["consultation_key", "statement_key"], name="vote_idx")]

    def __str__(self):
        return f"{self.participant_id}:{self.statement_key}={self.value}"
