"""Text hygiene and personal-data handling for everything residents send us.

The one place that talks to the analysis engine's personal-data scrubber and fingerprint, so a
change in the engine's interface is a change here only. Also: plain-text cleaning (markup, bidi
controls, zero-width and control characters), the keyed hash that stands in for a client address,
MinHash band keys for near-duplicate lookup, and a spreadsheet-safe cell writer.
"""

from __future__ import annotations

import hashlib
import hmac
import html
import re
import unicodedata
import zlib
from dataclasses import dataclass

import nh3
from django.conf import settings

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
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


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


@dataclass(frozen=True)
class Redaction:
    text: str
    spans: list[dict]


def redact_personal_data(text: str) -> Redaction:
    """Emails, phone numbers, street addresses and long numbers replaced by placeholders.
    Spans point into the original text so moderators can see what was hidden."""
    from analysis.engine import scrub_personal_data  # the engine loads numpy: import on use

    result = scrub_personal_data(text)
    spans = [{"kind": s.kind, "start": s.start, "end": s.end} for s in result.spans]
    return Redaction(text=result.text, spans=spans)


def text_fingerprint(text: str) -> str:
    """Equal for texts that differ only in case, spacing or punctuation (exact duplicates)."""
    from analysis.engine import fingerprint

    return fingerprint(text)


# MinHash with banded LSH: 32 hashes in 8 bands of 4. Texts with Jaccard similarity 0.7 share a
# band with probability ~0.89, at 0.8 with ~0.99; candidates are then checked exactly. The hash
# family is multiply-add on 64-bit words (wrapping), keeping the high half, so NumPy computes a
# long comment's signature in microseconds instead of a Python loop over every shingle.
_HASHES = 32
_ROWS = 4
_SEEDS = [
    (
        int.from_bytes(hashlib.blake2b(f"a{i}".encode(), digest_size=8).digest()) | 1,
        int.from_bytes(hashlib.blake2b(f"b{i}".encode(), digest_size=8).digest()),
    )
    for i in range(_HASHES)
]
NEAR_DUPLICATE_THRESHOLD = 0.6
_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[str]:
    """Word 3-grams for spaced text; character 4-grams for short or unspaced text (Chinese)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    words = _WORD.findall(folded)
    if len(words) >= 8:
        return {" ".join(words[i : i + 3]) for i in range(len(words) - 2)}
    joined = "".join(words)
    if len(joined) < 4:
        return {joined} if joined else set()
    return {joined[i : i + 4] for i in range(len(joined) - 3)}


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of two texts' shingles."""
    sa, sb = shingles(a), shingles(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def near_duplicate_bands(text: str) -> list[int]:
    """One bucket key per band; two texts sharing any key are near-duplicate candidates."""
    import numpy as np

    hashed = np.fromiter((zlib.crc32(s.encode("utf-8")) for s in shingles(text)), dtype=np.uint64)
    if not hashed.size:
        return []
    multipliers = np.array([a for a, _b in _SEEDS], dtype=np.uint64)[:, None]
    offsets = np.array([b for _a, b in _SEEDS], dtype=np.uint64)[:, None]
    signature = ((hashed[None, :] * multipliers + offsets) >> np.uint64(32)).min(axis=1).tolist()
    bands = []
    for band in range(_HASHES // _ROWS):
        rows = signature[band * _ROWS : (band + 1) * _ROWS]
        digest = hashlib.blake2b(repr(rows).encode(), digest_size=7).digest()
        bands.append(int.from_bytes(digest))
    return bands


def client_hash(address: str) -> str:
    """Keyed hash of a client address: comparable for rate limits and abuse review, not
    reversible without the key, and never the address itself."""
    key = (getattr(settings, "PSEUDONYM_KEY", "") or settings.SECRET_KEY).encode()
    return hmac.new(key, (address or "").encode(), hashlib.sha256).hexdigest()[:32]


def client_address(request) -> str:
    """The client's address. Behind a proxy, set COMMENT_CLIENT_ADDRESS_HEADER to the META key
    the proxy fills (e.g. "HTTP_X_REAL_IP"); the last X-Forwarded-For hop is used otherwise."""
    header = getattr(settings, "COMMENT_CLIENT_ADDRESS_HEADER", "")
    if header:
        value = request.META.get(header, "")
        if value:
            return value.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def spreadsheet_safe(value):
    """Cells that a spreadsheet would run as a formula get a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
