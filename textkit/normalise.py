"""One normal form for comparing texts, and the exact-duplicate fingerprint built on it."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Bidi controls, zero-width characters, BOM and word joiner: invisible, and used to dodge filters.
_INVISIBLE = dict.fromkeys(
    [0x00AD, 0x061C, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF]
    + list(range(0x202A, 0x202F))
    + list(range(0x2066, 0x206A))
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACE = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[^\w]+")


def normalise(text: str) -> str:
    """NFKC, invisible and control characters removed, whitespace collapsed.

    Everything that compares texts (language detection, tokens, fingerprints, near-duplicate
    signatures) sees the same string, so two comments that only differ in invisible characters
    are treated as the same comment.
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
    text = _CONTROL.sub(" ", text)
    return _SPACE.sub(" ", text).strip()


def fold(text: str, *, normalised: bool = False) -> str:
    """Normalised, case-folded text with punctuation removed: the key for exact duplicates.

    ``normalised=True`` skips ``normalise`` for text that already went through it.
    """
    text = text if normalised else normalise(text)
    return _SPACE.sub(" ", _NOT_WORD.sub(" ", text.casefold())).strip()


def fingerprint(text: str) -> str:
    """Stable 16-hex-digit key equal for texts that differ only in case, spacing or punctuation.

    Cheap enough to compute when a comment is submitted, so the app can flag copy-paste
    campaigns without running the full analysis.
    """
    return hashlib.blake2b(fold(text).encode("utf-8"), digest_size=8).hexdigest()
