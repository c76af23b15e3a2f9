"""Small value objects a submission is made of, shared by comments and survey responses, so a
service takes three named things instead of eighteen loose parameters."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from participation.channels import Channel


@dataclass(frozen=True)
class Content:
    """What was said: the text as sent, its language, (for comments) the stance taken, and
    its purpose: a comment, or a statement proposed for others to vote on."""

    text: str
    language: str
    stance: str = "none"
    purpose: str = "comment"


@dataclass(frozen=True)
class Contact:
    """Optional details about the resident and what they agreed to."""

    name: str = ""
    email: str = ""
    district: str = ""
    consent_contact: bool = False
    consent_show_name: bool = False


@dataclass(frozen=True)
class Origin:
    """How and when it reached the city. `submission_token` makes a resubmitted form return
    what it already stored; `client_hash` is the keyed hash of the address, never the address;
    `provenance` holds what staff noted for phone, paper and meeting contributions; `kiosk`
    is the library PC or meeting tablet it was sent from, if any."""

    channel: str = Channel.WEB
    received_at: datetime | None = None
    submission_token: str | None = None
    client_hash: str = ""
    recorded_by: object | None = None
    provenance: dict | None = None
    import_batch: object | None = None
    notify: bool = True
    kiosk: object | None = None


@dataclass(frozen=True)
class Contribution:
    """Names one stored contribution for signal receivers: its model, id, public texts by
    field ("" for a comment, the question key for a survey answer) and where it belongs."""

    model: type
    object_id: int
    texts: dict[str, str] = field(default_factory=dict)
    language: str = ""
    consultation_key: object | None = None
