"""Near-duplicate signatures: one shingling, one hash family, one band layout and one threshold,
used when a comment arrives (band keys stored for an indexed lookup) and when the engine groups
a whole consultation (signatures bucketed by band), so "nearly the same text" means the same in
the moderation queue and in the report.

Texts are folded (`normalise.fold`), cut into word 3-grams (character 5-grams for short or
unspaced text such as Chinese), and each shingle is hashed with CRC-32. The MinHash family is
multiply-add on 64-bit words keeping the high half, so NumPy computes a signature for every text
at once. With 60 hashes in 15 bands of 4 rows, two texts with Jaccard similarity 0.8 share a band
with probability ~0.998, at 0.7 with ~0.98 and at 0.5 with ~0.62; candidates are then checked
exactly against the threshold (0.7: form letters with a few words changed still group).
NumPy is imported on use: the web process only needs it when a comment is stored.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Sequence
from functools import cache

from textkit.normalise import fold

NUM_HASHES = 60
BAND_ROWS = 4
BANDS = NUM_HASHES // BAND_ROWS
MIN_SHINGLES = 3
NEAR_DUPLICATE_THRESHOLD = 0.7
_KEY_MASK = (1 << 63) - 1  # band keys fit a signed 64-bit database column


def shingle_strings(text: str, *, folded: bool = False) -> set[str]:
    """Word 3-grams of a text with six or more words, else character 5-grams without spaces."""
    folded_text = text if folded else fold(text)
    words = folded_text.split()
    if len(words) >= 6:
        return {" ".join(words[i : i + 3]) for i in range(len(words) - 2)}
    joined = folded_text.replace(" ", "")
    return {joined[i : i + 5] for i in range(max(0, len(joined) - 4))}


def shingles(text: str, *, folded: bool = False) -> list[int]:
    """The text's shingles as 32-bit hashes (what signatures are computed from)."""
    return [zlib.crc32(gram.encode("utf-8")) for gram in shingle_strings(text, folded=folded)]


def jaccard(a: set, b: set) -> float:
    """Jaccard similarity of two shingle sets: the quantity the threshold is about."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of two texts' shingles."""
    return jaccard(shingle_strings(a), shingle_strings(b))


def _seed_words(seed: int, name: str, count: int) -> list[int]:
    return [
        int.from_bytes(hashlib.blake2b(f"{name}{seed}:{i}".encode(), digest_size=8).digest())
        for i in range(count)
    ]


@cache
def _family(seed: int):
    import numpy as np

    multipliers = np.array([a | 1 for a in _seed_words(seed, "a", NUM_HASHES)], dtype=np.uint64)
    offsets = np.array(_seed_words(seed, "b", NUM_HASHES), dtype=np.uint64)
    mix = np.array([m | 1 for m in _seed_words(seed, "m", BAND_ROWS)], dtype=np.uint64)
    return multipliers, offsets, mix


def signatures(shingle_lists: Sequence[Sequence[int]], seed: int = 0):
    """One MinHash signature (a row of NUM_HASHES unsigned 64-bit values) per non-empty
    shingle list, computed for all texts at once."""
    import numpy as np

    multipliers, offsets, _mix = _family(seed)
    lengths = np.array([len(s) for s in shingle_lists], dtype=np.int64)
    if (lengths == 0).any():
        raise ValueError("every text needs at least one shingle")
    flat = np.fromiter(
        (h for s in shingle_lists for h in s), dtype=np.uint64, count=int(lengths.sum())
    )
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    signature = np.empty((len(shingle_lists), NUM_HASHES), dtype=np.uint64)
    shift = np.uint64(32)
    for column in range(NUM_HASHES):
        hashed = (flat * multipliers[column] + offsets[column]) >> shift
        signature[:, column] = np.minimum.reduceat(hashed, starts)
    return signature


def band_matrix(signature, seed: int = 0):
    """One key per text and band: texts sharing any key are near-duplicate candidates."""
    import numpy as np

    _multipliers, _offsets, mix = _family(seed)
    keys = np.empty((signature.shape[0], BANDS), dtype=np.uint64)
    for band in range(BANDS):
        rows = signature[:, band * BAND_ROWS : (band + 1) * BAND_ROWS]
        keys[:, band] = (rows * mix).sum(axis=1) & np.uint64(_KEY_MASK)
    return keys


def band_keys(text: str, seed: int = 0) -> list[int]:
    """The band keys of one text (what is stored per comment), or none for a text too short
    to compare by shingles (exact copies are still found by fingerprint)."""
    hashed = shingles(text)
    if len(hashed) < MIN_SHINGLES:
        return []
    return [int(key) for key in band_matrix(signatures([hashed], seed), seed)[0]]
