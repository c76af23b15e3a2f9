"""Personal data hidden from what residents wrote, the same way for comments and survey answers
(the rules themselves live in `textkit.personal_data`, shared with the analysis engine)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _

from textkit.personal_data import scrub_personal_data


class RedactionState(models.TextChoices):
    """Where the hiding of personal data in a comment or survey response stands; what the
    public (and analysts) read follows it (`public_text`)."""

    NONE = "none", _("No personal data found")
    DETECTED = "detected", _("Personal data hidden automatically")
    CONFIRMED = "confirmed", _("Hiding confirmed by a moderator")
    UNDONE = "undone", _("Hiding undone by a moderator")
    EDITED = "edited", _("Hidden text edited by a moderator")


SHOWS_ORIGINAL = (RedactionState.NONE, RedactionState.UNDONE)


def public_text(original: str, redacted: str, state: str) -> str:
    """What anyone other than a reviewer may read: the original only when nothing was found
    or a reviewer undid the hiding, otherwise the redacted text."""
    return original if state in SHOWS_ORIGINAL else redacted


@dataclass(frozen=True)
class Redaction:
    """The text with placeholders, and spans into the original so staff can see what was
    hidden (stored beside the original, which is never rewritten)."""

    text: str
    spans: list[dict] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return bool(self.spans)


def redact_personal_data(text: str, *, names: Iterable[str] = ()) -> Redaction:
    """Emails, phone numbers, street addresses, long numbers and the given names replaced by
    placeholders such as "[phone]"."""
    result = scrub_personal_data(text or "", names=names)
    spans = [{"kind": s.kind, "start": s.start, "end": s.end} for s in result.spans]
    return Redaction(text=result.text, spans=spans)


def marked_segments(text: str, spans: list[dict]) -> list[dict]:
    """The original cut into plain and personal-data pieces, for highlighting what was hidden
    (spans that no longer fit the text are skipped)."""
    pieces, position = [], 0
    for span in sorted(spans or [], key=lambda s: s["start"]):
        start, end = span["start"], span["end"]
        if start < position or end > len(text):
            continue
        if start > position:
            pieces.append({"text": text[position:start], "kind": ""})
        pieces.append({"text": text[start:end], "kind": span["kind"]})
        position = end
    if position < len(text):
        pieces.append({"text": text[position:], "kind": ""})
    return pieces
