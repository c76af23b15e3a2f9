"""Text clean-up shared by every stage, and a cheap fingerprint for submit-time duplicate checks."""

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

    Everything downstream (language detection, tokens, fingerprints) sees the same string, so
    two comments that only differ in invisible characters are treated as the same comment.
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


def single_threaded_numerics():
    """Context manager: one BLAS/OpenMP thread for the numeric libraries.

    Our matrices are small (a few thousand rows at a time), and on a two-core server shared with
    a web process and segmenters' own threads, multi-threaded BLAS and k-means spend their time
    spinning: measured 4-25x slower than one thread for SVD and k-means on this machine.
    """
    # threadpoolctl only reaches libraries already loaded: load scikit-learn's OpenMP runtime
    # (k-means) and BLAS first, or a later import would still start a full thread team.
    import sklearn.cluster  # noqa: F401
    import sklearn.decomposition  # noqa: F401
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1)
