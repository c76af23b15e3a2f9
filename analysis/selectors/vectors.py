"""Reads of stored sentence vectors: by text hash, for one model version, in a few queries
however many texts a run holds."""

import numpy as np

from analysis.models.vectors import SentenceVector

HASH_CHUNK = 5000  # hashes per query, under SQLite's and PostgreSQL's parameter limits


def vector_from_bytes(data) -> np.ndarray:
    return np.frombuffer(bytes(data), dtype="<f4")


def stored_hashes(*, version: str, hashes) -> set[str]:
    """Which of these text hashes already have a vector made by this model version."""
    hashes = list(dict.fromkeys(hashes))
    found: set[str] = set()
    for start in range(0, len(hashes), HASH_CHUNK):
        found.update(
            SentenceVector.objects.filter(
                model_version=version, text_hash__in=hashes[start : start + HASH_CHUNK]
            ).values_list("text_hash", flat=True)
        )
    return found


def stored_vectors(*, version: str, hashes) -> dict[str, np.ndarray]:
    """Text hash -> stored vector made by this model version, for the hashes that have one."""
    hashes = list(dict.fromkeys(hashes))
    vectors: dict[str, np.ndarray] = {}
    for start in range(0, len(hashes), HASH_CHUNK):
        rows = SentenceVector.objects.filter(
            model_version=version, text_hash__in=hashes[start : start + HASH_CHUNK]
        ).values_list("text_hash", "vector")
        vectors.update((key, vector_from_bytes(data)) for key, data in rows)
    return vectors
