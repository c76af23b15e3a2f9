"""Copy-paste campaigns flagged the moment a contribution arrives: an exact fingerprint and the
near-duplicate band keys stored for an indexed lookup, with the same rule the analysis engine
groups by (`textkit.minhash`). Flagged, never dropped: each resident still counts."""

from textkit.minhash import NEAR_DUPLICATE_THRESHOLD, band_keys, similarity
from textkit.normalise import fingerprint

__all__ = ["NEAR_DUPLICATE_THRESHOLD", "band_keys", "fingerprint", "is_near_duplicate"]


def is_near_duplicate(a: str, b: str) -> bool:
    """True when two texts share enough of their shingles to count as one campaign."""
    return similarity(a, b) >= NEAR_DUPLICATE_THRESHOLD
