"""Personal-data scrubbing for quotes and public display, in the engine's own dataclasses.

The rules live in `textkit.personal_data`, shared with the web app that redacts a comment when
it arrives, so a quote in a report and the published comment hide the same things.
"""

from __future__ import annotations

from textkit.personal_data import PLACEHOLDERS
from textkit.personal_data import scrub_personal_data as _scrub

from .types import PiiSpan, ScrubResult

__all__ = ["PLACEHOLDERS", "scrub_personal_data"]


def scrub_personal_data(text: str) -> ScrubResult:
    """Replace emails, phone numbers, street addresses and long identifiers with placeholders.

    The spans point into the *input* text, so the app can store them beside the original
    (moderation never rewrites what a resident wrote).
    """
    result = _scrub(text)
    spans = [PiiSpan(span.kind, span.start, span.end) for span in result.spans]
    return ScrubResult(result.text if text else text, spans)
