"""Personal data inside what residents write: emails, phone numbers, street addresses, long
account or case numbers, and (when erasing a resident) their own name.

Precision matters as much as recall: a year, a bus route, "311", a time or a price must stay, or
published comments become unreadable. Every rule is a compiled regex plus, where needed, a small
check; text without digits or "@" returns at once, which is most comments. Spans point into the
input text, so an app can store them beside the original it never rewrites.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

PLACEHOLDERS = {
    "email": "[email]",
    "phone": "[phone]",
    "address": "[address]",
    "number": "[number]",
    "name": "[name]",
}


@dataclass(frozen=True)
class Span:
    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Scrubbed:
    text: str
    spans: list[Span]


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


def _spans(text: str) -> list[Span]:
    found: list[Span] = []
    if "@" in text:
        found += [Span("email", m.start(), m.end()) for m in _EMAIL.finditer(text)]
    for m in _PHONE_INTL.finditer(text):
        if 8 <= sum(ch.isdigit() for ch in m.group()) <= 15:
            found.append(Span("phone", m.start(), m.end()))
    found += [Span("phone", m.start(), m.end()) for m in _PHONE_US.finditer(text)]
    found += [Span("address", m.start(), m.end()) for m in _ADDRESS.finditer(text)]
    found += [Span("address", m.start(), m.end()) for m in _UNIT.finditer(text)]
    found += [Span("number", m.start(), m.end()) for m in _CARD.finditer(text)]
    found += [Span("number", m.start(), m.end()) for m in _LONG_DIGITS.finditer(text)]
    for m in _ALNUM_ID.finditer(text):
        if _alnum_id_ok(m.group()):
            found.append(Span("number", m.start(), m.end()))
    return found


def _merge(spans: list[Span]) -> list[Span]:
    """Keep the earliest, then longest, of overlapping spans so placeholders never nest."""
    spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
    kept: list[Span] = []
    for span in spans:
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


def _name_spans(text: str, names: Iterable[str]) -> list[Span]:
    """Where a resident's own name appears: the whole name and each part of three or more
    letters, case-insensitively and as whole words ("Ana" does not match "Banana")."""
    parts: set[str] = set()
    for name in names:
        name = " ".join((name or "").split())
        if not name:
            continue
        parts.add(name)
        parts.update(part for part in re.split(r"[\s,.'-]+", name) if len(part) >= 3)
    if not parts:
        return []
    alternatives = "|".join(re.escape(part) for part in sorted(parts, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
    return [Span("name", m.start(), m.end()) for m in pattern.finditer(text)]


def scrub_personal_data(text: str, *, names: Iterable[str] = ()) -> Scrubbed:
    """Replace emails, phone numbers, street addresses, long identifiers and, when given, the
    writer's own name with placeholders.

    The spans point into the *input* text, so the app can store them beside the original
    (moderation never rewrites what a resident wrote).
    """
    found = _name_spans(text, names) if text and names else []
    if text and any(ch.isdigit() or ch == "@" for ch in text):
        found += _spans(text)
    if not found:
        return Scrubbed(text or "", [])
    spans = _merge(found)
    out: list[str] = []
    pos = 0
    for span in spans:
        out.append(text[pos : span.start])
        out.append(PLACEHOLDERS[span.kind])
        pos = span.end
    out.append(text[pos:])
    return Scrubbed("".join(out), spans)
