"""Reads of statements and votes: what a resident is shown to vote on, in their language where
a translation exists; their own votes; and (for apps above) every vote with what we know of
each participant, and each statement's text in a reader's language."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q

from consultation.models import (
    CommentStatus,
    Participant,
    Statement,
    StatementStatus,
    StatementVote,
)


@dataclass(frozen=True)
class ShownStatement:
    """A statement as one reader sees it: the text in their language when it is translated,
    otherwise in the language it was written in (``language`` says which)."""

    key: str
    text: str
    language: str
    right_key: str
    themes: tuple[str, ...]
    number: int
    pk: int


def _of_consultation(consultation_key):
    return Statement.objects.filter(consultation__translation_key=consultation_key)


def _votable(query):
    return query.filter(status=StatementStatus.OPEN).filter(
        Q(source_comment__isnull=True) | Q(source_comment__status=CommentStatus.PUBLISHED)
    )


def _pick(rows, language: str) -> list[ShownStatement]:
    """One row per translation key: the reader's language, else the default, else the first."""
    by_key: dict = {}
    for row in rows:
        by_key.setdefault(row.translation_key, []).append(row)
    shown = []
    for number, (key, versions) in enumerate(by_key.items(), start=1):
        codes = {v.locale.language_code: v for v in versions}
        row = codes.get(language) or codes.get(settings.LANGUAGE_CODE) or versions[0]
        shown.append(
            ShownStatement(
                key=str(key),
                text=row.text,
                language=row.locale.language_code,
                right_key=row.right_key,
                themes=tuple(row.themes),
                number=number,
                pk=row.pk,
            )
        )
    return shown


def statements_to_vote_on(*, consultation, language: str) -> list[ShownStatement]:
    """Every statement residents may vote on now, in order, in the reader's language."""
    rows = (
        _votable(_of_consultation(consultation.translation_key))
        .select_related("locale")
        .order_by("sort_order", "created_at", "pk")
    )
    return _pick(rows, language)


def statements_shown(*, consultation_key, language: str) -> dict[str, ShownStatement]:
    """Every statement of a consultation ever opened (withdrawn ones too: results name them),
    by key, in the reader's language."""
    rows = (
        _of_consultation(consultation_key)
        .filter(Q(source_comment__isnull=True) | Q(source_comment__status=CommentStatus.PUBLISHED))
        .select_related("locale")
        .order_by("sort_order", "created_at", "pk")
    )
    return {s.key: s for s in _pick(rows, language)}


def statement_for_vote(*, consultation, key):
    """The statement with this key in this consultation, with what the vote service checks."""
    return (
        _of_consultation(consultation.translation_key)
        .filter(translation_key=key)
        .select_related("consultation", "source_comment")
        .first()
    )


def votes_of_participant(*, token: str | None, consultation_key) -> dict[str, int]:
    """Statement key -> this browser's current vote; empty without a token."""
    if not token:
        return {}
    rows = StatementVote.objects.filter(
        participant__token_hash=Participant.hash_token(token), consultation_key=consultation_key
    ).values_list("statement_key", "value")
    return {str(key): value for key, value in rows}


@dataclass(frozen=True)
class VoteRow:
    participant_id: str
    statement_key: str
    value: int
    timestamp: float


@dataclass(frozen=True)
class ParticipantRow:
    participant_id: str
    language: str
    channel: str
    district: str


@dataclass(frozen=True)
class ConsultationVotes:
    """Everything the opinion-group computation needs, as plain values."""

    votes: list[VoteRow]
    participants: list[ParticipantRow]
    statement_keys: list[str]
    withdrawn_keys: list[str]


def consultation_votes(*, consultation_key) -> ConsultationVotes:
    """Every current vote on a consultation's statements and what is known of each voter:
    the language of their latest vote, their channel and (for staff-entered ballots) district."""
    statements = _of_consultation(consultation_key).filter(
        Q(source_comment__isnull=True) | Q(source_comment__status=CommentStatus.PUBLISHED)
    )
    keys, withdrawn = [], []
    for key, status in statements.order_by("sort_order", "pk").values_list(
        "translation_key", "status"
    ):
        if str(key) not in keys:
            keys.append(str(key))
            if status == StatementStatus.WITHDRAWN:
                withdrawn.append(str(key))
    rows = (
        StatementVote.objects.filter(consultation_key=consultation_key, statement_key__in=keys)
        .order_by("updated_at", "pk")
        .values_list("participant_id", "statement_key", "value", "updated_at", "language")
    )
    votes, languages = [], {}
    for pid, key, value, updated, language in rows.iterator(chunk_size=5000):
        votes.append(VoteRow(str(pid), str(key), value, updated.timestamp()))
        languages[pid] = language
    people = (
        Participant.objects.filter(votes__consultation_key=consultation_key)
        .distinct()
        .values_list("pk", "channel", "district")
    )
    participants = [
        ParticipantRow(str(pk), languages[pk], channel, district)
        for pk, channel, district in people.iterator(chunk_size=5000)
        if pk in languages
    ]
    return ConsultationVotes(votes, participants, keys, withdrawn)
