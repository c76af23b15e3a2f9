"""An iCalendar file (RFC 5545) for one meeting, in the language of the page it came from.

Written by hand because it is small: one event, times in UTC, text escaped, lines folded at
75 octets without splitting a UTF-8 character (Korean and Amharic titles are long in bytes)."""

from __future__ import annotations

from datetime import UTC, datetime

PRODUCT = "-//Consult//Public meetings//EN"
LINE_OCTETS = 75


def escape(text: str) -> str:
    """TEXT values: backslash, semicolon and comma escaped, every line break as \\n."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
    for raw, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        text = text.replace(raw, escaped)
    return text


def fold(line: str) -> str:
    """Split a content line into pieces of at most 75 octets joined by CRLF + space."""
    pieces, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = LINE_OCTETS if not pieces else LINE_OCTETS - 1
        if size + width > limit:
            pieces.append(current)
            current, size = "", 0
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _description(meeting, url: str) -> str:
    parts = [meeting.summary, meeting.access_note, meeting.support_note]
    if meeting.online_url:
        parts.append(meeting.online_url)
    parts.append(url)
    return "\n\n".join(part.strip() for part in parts if part and part.strip())


def meeting_calendar(meeting, *, url: str, stamp: datetime | None = None) -> bytes:
    """The .ics bytes for a meeting page; `url` is the page's full address."""
    language = meeting.locale.language_code
    place = ", ".join(p.strip() for p in (meeting.venue, meeting.address) if p and p.strip())
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{meeting.translation_key}@consult-meetings",
        f"DTSTAMP:{utc(stamp or meeting.last_published_at or meeting.starts_at)}",
        f"DTSTART:{utc(meeting.starts_at)}",
        f"DTEND:{utc(meeting.ends_at)}",
        f"SUMMARY;LANGUAGE={language}:{escape(meeting.title)}",
    ]
    if place or meeting.online_url:
        lines.append(f"LOCATION;LANGUAGE={language}:{escape(place or meeting.online_url)}")
    lines.append(f"DESCRIPTION;LANGUAGE={language}:{escape(_description(meeting, url))}")
    lines.append(f"URL:{url}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode("utf-8")
