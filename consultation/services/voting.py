"""Votes on statements: a resident's vote from the website (one per statement per participant,
a later vote replaces the earlier one), a statement a resident proposes (a comment with the
purpose "statement", moderated in the comment queue), and paper or meeting ballots staff enter
as one batch with where they came from."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Case, F, Value, When
from django.utils import timezone
from wagtail.models import Locale

from consultation.models import (
    CommentStatus,
    Participant,
    Statement,
    StatementOrigin,
    StatementStatus,
    StatementVote,
    VoteBatch,
    VoteValue,
)
from consultation.selectors.drafts import newest_draft
from consultation.services.submission import Submission, comment_submit
from participation.channels import Channel
from participation.signals import votes_changed
from participation.text import clean_line
from participation.values import Content, Origin

VALID_VALUES = {choice.value for choice in VoteValue}


class VoteRefused(ValueError):
    """The statement cannot take votes (withdrawn, not yet published) or the value is unknown."""


@dataclass(frozen=True)
class VoteReceipt:
    created: bool  # the participant's first vote on this statement
    participant_id: int


def statement_votable(statement: Statement) -> bool:
    """Open, and if a resident proposed it, published by a moderator."""
    if statement.status != StatementStatus.OPEN:
        return False
    comment = statement.source_comment
    return comment is None or comment.status == CommentStatus.PUBLISHED


def _announce(consultation_key) -> None:
    transaction.on_commit(
        lambda: votes_changed.send(sender=StatementVote, consultation_key=consultation_key)
    )


def _store_vote(*, participant_id: int, statement_key, consultation_key, value, language) -> bool:
    """Insert the vote or replace the earlier one; True when it was the first. Two requests
    racing on one participant and statement meet at the unique constraint and the loser
    updates instead."""
    now = timezone.now()
    existing = StatementVote.objects.filter(
        participant_id=participant_id, statement_key=statement_key
    )
    change = {
        "value": value,
        "language": language,
        "updated_at": now,
        "changes": F("changes") + Case(When(value=value, then=Value(0)), default=Value(1)),
    }
    if existing.update(**change):
        return False
    try:
        with transaction.atomic():
            StatementVote.objects.create(
                participant_id=participant_id,
                statement_key=statement_key,
                consultation_key=consultation_key,
                value=value,
                language=language,
                created_at=now,
                updated_at=now,
            )
    except IntegrityError:
        existing.update(**change)
        return False
    return True


def vote_cast(
    *, statement: Statement, value: int, token: str, language: str, client_hash: str = ""
) -> VoteReceipt:
    """Store a resident's vote from the website under their participant token."""
    if value not in VALID_VALUES or not statement_votable(statement):
        raise VoteRefused("This statement does not take votes.")
    with transaction.atomic():
        participant, _new = Participant.objects.get_or_create(
            token_hash=Participant.hash_token(token), defaults={"client_hash": client_hash}
        )
        created = _store_vote(
            participant_id=participant.pk,
            statement_key=statement.translation_key,
            consultation_key=statement.consultation.translation_key,
            value=value,
            language=language,
        )
        _announce(statement.consultation.translation_key)
    return VoteReceipt(created=created, participant_id=participant.pk)


def statement_propose(*, consultation, text: str, language: str, origin: Origin) -> Submission:
    """A resident's proposed statement: stored and moderated as a comment on the newest draft
    (so it gets a reference code, hidden personal data and duplicate flags), with a statement
    that can be voted on once a moderator publishes the comment."""
    draft = newest_draft(consultation)
    if draft is None:
        raise VoteRefused("This consultation has no draft.")
    with transaction.atomic():
        submission = comment_submit(
            draft=draft,
            right_key="",
            content=Content(text=text, language=language, purpose="statement"),
            origin=origin,
        )
        if submission.created:
            comment = submission.comment
            Statement.objects.create(
                consultation=consultation,
                locale=Locale.objects.get(language_code=language),
                text=comment.public_text,
                origin=StatementOrigin.RESIDENT,
                source_comment=comment,
                sort_order=10_000,
            )
    return submission


@dataclass(frozen=True)
class Ballot:
    """One paper ballot or one person's votes at a meeting: statement key -> value."""

    votes: dict


@transaction.atomic
def vote_batch_record(
    *, consultation, ballots: list[Ballot], language: str, district: str, origin: Origin
) -> VoteBatch:
    """Store paper or meeting ballots in one transaction, each as its own participant, with
    where they came from (``origin.provenance``: received_on, taken_by, source_detail). A
    resent form (same ``origin.submission_token``) returns the batch it already stored."""
    if origin.channel == Channel.WEB:
        raise VoteRefused("Staff-entered votes come from a channel other than the website.")
    if origin.submission_token:
        existing = VoteBatch.objects.filter(submission_token=origin.submission_token).first()
        if existing is not None:
            return existing
    provenance = origin.provenance or {}
    batch = VoteBatch.objects.create(
        consultation_key=consultation.translation_key,
        channel=origin.channel,
        language=language,
        received_on=provenance["received_on"],
        taken_by=clean_line(provenance.get("taken_by", ""))[:200],
        source_detail=clean_line(provenance.get("source_detail", ""))[:255],
        district=clean_line(district)[:120],
        recorded_by=origin.recorded_by,
        submission_token=origin.submission_token or None,
        ballot_count=len(ballots),
    )
    when = origin.received_at or timezone.now()
    for number, ballot in enumerate(ballots):
        participant = Participant.objects.create(
            token_hash=f"batch:{batch.pk}:{number}",
            channel=origin.channel,
            district=batch.district,
            batch=batch,
            created_at=when,
        )
        StatementVote.objects.bulk_create(
            StatementVote(
                participant=participant,
                statement_key=key,
                consultation_key=batch.consultation_key,
                value=value,
                language=language,
                created_at=when,
                updated_at=when,
            )
            for key, value in ballot.votes.items()
            if value in VALID_VALUES
        )
    _announce(batch.consultation_key)
    return batch
