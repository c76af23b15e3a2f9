"""The one plain-text rule for everything residents send (comments, survey answers, intake
rows, imported cells, names and districts, moderators' edits): keep the resident's characters,
remove only what cannot be stored or shown safely, and escape on output (Django's templates do).

Removed, and nothing else:
- NUL and the other C0 control characters except tab, line feed and carriage return (XML, and
  so XLSX, cannot hold them; PostgreSQL refuses NUL);
- C1 control characters U+0080 to U+009F (terminal escape sequences, nothing to show);
- lone surrogates (not text: they cannot be encoded);
- non-characters: U+FDD0 to U+FDEF and the last two code points of every plane (U+FFFE,
  U+FFFF, U+1FFFE, ...), which XML cannot hold and no keyboard produces;
- bidirectional embedding, override and isolate controls U+202A to U+202E and U+2066 to
  U+2069, which reorder what other people read ("exe.txt" shown as "txt.exe").
Then line endings become "\\n" and surrounding whitespace is trimmed. Markup characters,
entities as typed ("M&amp;S"), emoji joiners, left-to-right and right-to-left marks all stay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x80-\x9f\ud800-\udfff\ufdd0-\ufdef\u202a-\u202e\u2066-\u2069]"
    "|[\ufffe\uffff\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0004fffe"
    "\U0004ffff\U0005fffe\U0005ffff\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe"
    "\U0008ffff\U0009fffe\U0009ffff\U000afffe\U000affff\U000bfffe\U000bffff\U000cfffe"
    "\U000cffff\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe"
    "\U0010ffff]"
)


@dataclass(frozen=True)
class CleanText:
    text: str
    changed: bool


def remove_unsafe(value: str) -> str:
    """Only the removals listed above: what a form field sees before it validates."""
    return _UNSAFE.sub("", value or "")


def clean_plain_text(value: str) -> CleanText:
    """What is stored of a text a resident sent. `changed` tells moderators that a character
    was removed (trimming surrounding whitespace and line endings does not count)."""
    original = (value or "").replace("\r\n", "\n").replace("\r", "\n")
    text = remove_unsafe(original).strip()
    return CleanText(text=text, changed=text != original.strip())


def clean_line(value: str) -> str:
    """A single-line field (name, district): the same rule, with every run of whitespace
    (line breaks included) folded into one space."""
    return " ".join(clean_plain_text(value).text.split())


def has_text(value: str) -> bool:
    """Whether anything is left to store once the rule is applied."""
    return bool(clean_plain_text(value).text)
