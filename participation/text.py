"""The plain-text rule for everything residents send (comments, survey answers, intake rows,
imported cells, names): what is stored, and what is taken out before it is."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import nh3

# Bidi embeddings/overrides/isolates, marks, zero-width characters, BOM, word joiner, soft hyphen,
# and the invisible separators: they reorder or hide text and are used to dodge filters.
_INVISIBLE = frozenset(
    [0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x3164, 0xFEFF, 0xFFA0]
    + list(range(0x200B, 0x2010))
    + list(range(0x202A, 0x202F))
    + list(range(0x2060, 0x2070))
    + list(range(0xFFF9, 0xFFFC))
)
# C0 and C1 controls except tab and newline; NUL included.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BLANK_LINES = re.compile(r"\n{3,}")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")


@dataclass(frozen=True)
class CleanText:
    text: str
    changed: bool


def clean_plain_text(value: str) -> CleanText:
    """Reduce anything a resident sends to safe plain text: markup stripped with nh3 (script
    and style contents dropped), entities decoded back to characters, invisible and control
    characters removed. `changed` tells moderators that something was taken out."""
    original = value or ""
    text = original.replace("\r\n", "\n").replace("\r", "\n")
    if "<" in text or "&" in text:
        text = html.unescape(nh3.clean(text, tags=set(), clean_content_tags={"script", "style"}))
    text = "".join(ch for ch in text if ord(ch) not in _INVISIBLE)
    text = _CONTROLS.sub("", text)
    text = _TRAILING_SPACE.sub("\n", text)
    text = _BLANK_LINES.sub("\n\n", text).strip()
    normalised_original = original.replace("\r\n", "\n").strip()
    return CleanText(text=text, changed=text != normalised_original)


def clean_line(value: str) -> str:
    """A single-line field (name, district): cleaned plain text with line breaks folded."""
    return " ".join(clean_plain_text(value).text.split())
