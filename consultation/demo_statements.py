"""Demo statements and votes for `manage.py seed_demo`: six statements about the draft in all
nine languages, 540 votes from 90 residents on the website in every language (three
camps that agree on some statements and split on others), and ten paper ballots from a
Somali-language meeting entered by staff. Fixed keys and tokens: running it again adds nothing."""

import json
import random
import uuid
from datetime import date, timedelta
from importlib import resources

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from consultation.demo import CONSULTATION_SLUG
from consultation.models import Participant, Statement, StatementVote
from consultation.selectors.drafts import consultation_by_slug, newest_draft
from consultation.services.voting import Ballot, vote_batch_record
from participation.channels import Channel
from participation.values import Origin

NAMESPACE = uuid.UUID("5b3c8a52-3f0e-4d8e-9a47-1f2b6a6c0d15")
# What each camp tends to think of statements 1-6 (1 agree, -1 disagree, 0 unsure).
CAMPS = [
    ("so am vi ko tl", [1, 1, 1, 0, -1, 1]),
    ("en ru zh-hans es", [1, -1, -1, 1, 1, 1]),
    ("es tl ko vi am so", [-1, 1, 1, 1, -1, 1]),
]
RESIDENTS = 90


def load_statements() -> list[dict]:
    path = resources.files("consultation").joinpath("demo_content/statements.json")
    return json.loads(path.read_text(encoding="utf-8"))


def _statements(consultation) -> list[uuid.UUID]:
    rights = [b.id for b in newest_draft(consultation).rights()]
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    keys = []
    for number, item in enumerate(load_statements(), start=1):
        key = uuid.uuid5(NAMESPACE, f"statement-{number}")
        keys.append(key)
        for language, locale in locales.items():
            if language not in item:
                continue
            Statement.objects.get_or_create(
                translation_key=key,
                locale=locale,
                defaults={
                    "consultation": consultation,
                    "text": item[language],
                    "right_key": rights[item["right"] - 1] if len(rights) >= item["right"] else "",
                    "sort_order": number,
                },
            )
    return keys


def _votes(consultation, keys, now) -> int:
    rng = random.Random(15)  # noqa: S311 - demo data, not security
    created = 0
    for index in range(RESIDENTS):
        languages, leaning = CAMPS[index % len(CAMPS)]
        participant, new = Participant.objects.get_or_create(
            token_hash=f"demo:{index:03d}", defaults={"created_at": now}
        )
        if not new:
            continue
        language = rng.choice(languages.split())
        when = now - timedelta(hours=rng.randint(1, 240))
        rows = []
        for key, lean in zip(keys, leaning, strict=True):
            roll = rng.random()
            value = lean if roll < 0.85 else (0 if roll < 0.94 else -lean or 1)
            rows.append(
                StatementVote(
                    participant=participant,
                    statement_key=key,
                    consultation_key=consultation.translation_key,
                    value=value,
                    language=language,
                    created_at=when,
                    updated_at=when,
                )
            )
        created += len(StatementVote.objects.bulk_create(rows))
    return created


def _meeting(consultation, keys, now) -> int:
    rng = random.Random(1515)  # noqa: S311 - demo data, not security
    ballots = []
    for _ in range(10):
        leaning = CAMPS[0][1]
        ballots.append(
            Ballot(
                votes={
                    key: lean if rng.random() < 0.8 else 0
                    for key, lean in zip(keys, leaning, strict=True)
                }
            )
        )
    batch = vote_batch_record(
        consultation=consultation,
        ballots=ballots,
        language="so",
        district="North",
        origin=Origin(
            channel=Channel.MEETING,
            received_at=now - timedelta(days=3),
            submission_token="demo-vote-batch-1",  # noqa: S106 - a fixed demo token
            provenance={
                "received_on": date.today() - timedelta(days=3),
                "taken_by": "Community liaison (demo)",
                "source_detail": "Somali community meeting, North library",
            },
        ),
    )
    return batch.ballot_count


@transaction.atomic
def seed_demo_statements(*, now=None) -> str:
    now = now or timezone.now()
    consultation = consultation_by_slug(
        CONSULTATION_SLUG, language=Locale.get_default().language_code
    )
    if consultation is None or newest_draft(consultation) is None:
        return "no consultation"
    keys = _statements(consultation)
    web = _votes(consultation, keys, now)
    ballots = _meeting(consultation, keys, now)
    return f"{len(keys)} statements, {web} web votes, {ballots} paper ballots"
