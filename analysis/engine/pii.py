"""Personal-data scrubbing for quotes and public display.

Precision matters as much as recall: a year, a bus route, "311", a time or a price must stay, or
published comments become unreadable. Every rule is a compiled regex plus, where needed, a small
check; text without digits or "@" returns at once, which is most comments.
"""

from __future__ import annotations

import re

from .types import PiiSpan, ScrubResult

PLACEHOLDERS = {
    "email": "[email]",
    "phone": "[phone]",
    "address": "[address]",
    "number": "[number]",
}

_EMAIL = re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")

# International numbers start with "+": country code, then 7-14 more digits in groups.
_PHONE_INTL = re.compile(r"(?<![\w+])\+\d{1,3}(?:[ .\-]?\(?\d{1,5}\)?){2,6}(?![\w])")

# North American numbers: optional +1, area code (with or without brackets), 3 + 4 digits or
# a 4-letter vanity word ("206-684-CITY").
_PHONE_US = re.compile(
    r"(?<![\w+$])(?:\+?1[ .\-]?)?(?:\(\d{3}\)[ .\-]?|\d{3}[ .\-])\d{3}[ .\-]"
    r"(?:\d{4}|[A-Z]{4})(?![\w])"
)

_STREET_SUFFIX = (
    r"(?:Avenue|Ave|Street|St|Road|Rd|Boulevard|Blvd|Way|Drive|Dr|Lane|Ln|Place|Pl|Court|Ct"
    r"|Parkway|Pkwy|Terrace|Ter|Highway|Hwy|Circle|Cir|Square|Sq|Loop|Alley|Trail|Plaza)"
)
_ORDINAL_WORD = (
    r"(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth)"
)
_STREET_NAME = rf"(?:\d{{1,3}}(?:st|nd|rd|th)|{_ORDINAL_WORD}|[A-Z][a-z]+|[A-Z]{{2,}})"
_ADDRESS = re.compile(
    rf"(?<![\w.,$])\d{{1,6}}[A-Za-z]?\s+(?:(?:[NSEW]|North|South|East|West)\.?\s+)?"
    rf"{_STREET_NAME}(?:\s+{_STREET_NAME}){{0,2}}\s+(?:{_STREET_SUFFIX}|{_STREET_SUFFIX.upper()})"
    r"\b(?:\.(?=,?\s+(?:NE|NW|SE|SW|N|S|E|W)\b))?(?:,?\s+(?:NE|NW|SE|SW|N|S|E|W)\b)?"
)
_UNIT = re.compile(
    r"\b(?:Apt|Apartment|Suite|Ste|Unit|APT|UNIT|SUITE)\.?\s*#?\s*\d+[A-Za-z]?\b"
    r"|\bP\.?\s?O\.?\s+Box\s+\d+\b",
    re.IGNORECASE,
)

# Seven or more digits in a row (not part of a price or a decimal), card-style 4x4 groups, and
# identifiers mixing letters and digits (case and account numbers).
_LONG_DIGITS = re.compile(r"(?<![\w.,$€£¥])\d{7,}(?![\w]|[.,]\d)")
_CARD = re.compile(r"(?<![\w])\d{4}(?:[ \-]\d{4}){3}(?![\w])")
_ALNUM_ID = re.compile(r"(?<![\w-])[A-Za-z0-9]+(?:[-/][A-Za-z0-9]+)+(?![\w-])|(?<![\w])\w+(?![\w])")


def _alnum_id_ok(token: str) -> bool:
    digits = sum(ch.isdigit() for ch in token)
    if digits < 5 or len(token) < 7:
        return False
    letters = sum(ch.isalpha() for ch in token)
    # "2019-2020", "2024/2025": date-like digit runs with separators are not identifiers.
    if letters == 0:
        parts = re.split(r"[-/]", token)
        return digits >= 9 and not all(len(p) <= 4 for p in parts)
    return True


def _spans(text: str) -> list[PiiSpan]:
    found: list[PiiSpan] = []
    if "@" in text:
        found += [PiiSpan("email", m.start(), m.end()) for m in _EMAIL.finditer(text)]
    for m in _PHONE_INTL.finditer(text):
        if 8 <= sum(ch.isdigit() for ch in m.group()) <= 15:
            found.append(PiiSpan("phone", m.start(), m.end()))
    found += [PiiSpan("phone", m.start(), m.end()) for m in _PHONE_US.finditer(text)]
    found += [PiiSpan("address", m.start(), m.end()) for m in _ADDRESS.finditer(text)]
    found += [PiiSpan("address", m.start(), m.end()) for m in _UNIT.finditer(text)]
    found += [PiiSpan("number", m.start(), m.end()) for m in _CARD.finditer(text)]
    found += [PiiSpan("number", m.start(), m.end()) for m in _LONG_DIGITS.finditer(text)]
    for m in _ALNUM_ID.finditer(text):
        if _alnum_id_ok(m.group()):
            found.append(PiiSpan("number", m.start(), m.end()))
    return found


def _merge(spans: list[PiiSpan]) -> list[PiiSpan]:
    """Keep the earliest, then longest, of overlapping spans so placeholders never nest."""
    spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
    kept: list[PiiSpan] = []
    for span in spans:
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


def scrub_personal_data(text: str) -> ScrubResult:
    """Replace emails, phone numbers, street addresses and long identifiers with placeholders.

    The spans point into the *input* text, so the app can store them beside the original
    (moderation never rewrites what a resident wrote).
    """
    if not text or not any(ch.isdigit() or ch == "@" for ch in text):
        return ScrubResult(text, [])
    spans = _merge(_spans(text))
    if not spans:
        return ScrubResult(text, [])
    out: list[str] = []
    pos = 0
    for span in spans:
        out.append(text[pos : span.start])
        out.append(PLACEHOLDERS[span.kind])
        pos = span.end
    out.append(text[pos:])
    return ScrubResult("".join(out), spans)
